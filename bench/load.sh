#!/usr/bin/env bash
# Load test of the service against the platform's baseline, in the same run, on loopback only.
#
#   bash bench/load.sh                 # 20 s per run; DURATION=10s for a quicker look
#
# 1. Publishes (Release) the service, bench/Baseline (reads the body into a JsonDocument, answers {"cards":[]})
#    and bench/FakeFhir (a FHIR server whose every answer takes 100 ms).
# 2. Measures the time from process start to /health/ready for the service.
# 3. Replays the typical order-select body (examples/order-select-ivig.json, full prefetch) against the baseline
#    and the service, alternating, 2 threads × 32 connections each: peak throughput and latency.
# 4. Offers half the service's peak throughput to the service: latency at a realistic load.
# 5. A non-IVIg order (the sandbox's labetalol request): what most order-select calls look like.
# 6. FHIR fallback: the same request without prefetch, so the service asks FakeFhir (9 queries of 100 ms each):
#    latency against the slowest single FHIR call.
# 7. Prints the table, including the service's peak RSS (VmHWM).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20s}"
THREADS=2
CONNECTIONS=32
SERVICE_PORT=5090
BASELINE_PORT=5091
FHIR_PORT=5092
FHIR_DELAY_MS=100

source bench/common.sh
publish src/CdsLmn.Service bench/Baseline bench/FakeFhir

# Latency of a wrk --latency run in ms: the line "  50%  1.23ms".
percentile() { # file, label (50%|90%|99%)
  awk -v p="$2" '$1 == p {
      v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
      if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000;
      printf "%.2f", v }' "$1"
}
throughput() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }

run_wrk() { # name, url, body, [rate]
  BODY="$3" RATE="${4:-0}" CONNECTIONS="$CONNECTIONS" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post.lua "$2" > "$work/$1.txt"
}

echo "Starting the fake FHIR server, the baseline and the service on loopback..."
FAKE_FHIR_DELAY_MS=$FHIR_DELAY_MS "$work/FakeFhir/FakeFhir" --contentRoot "$work/FakeFhir" --urls "http://127.0.0.1:$FHIR_PORT" >/dev/null 2>&1 &
pids+=($!)
"$work/Baseline/Baseline" --contentRoot "$work/Baseline" --urls "http://127.0.0.1:$BASELINE_PORT" >/dev/null 2>&1 &
pids+=($!)
started=$(now_ms)
ASPNETCORE_ENVIRONMENT=Production \
CdsLmn__Auth__Mode=Disabled \
CdsLmn__RateLimit__PermitLimit=1000000 \
CdsLmn__Fhir__AllowedServers__0="http://127.0.0.1:$FHIR_PORT/fhir" \
CdsLmn__Fhir__BreakerMinimumThroughput=1000 \
CdsLmn__Storage__SqlitePath="$work/cdslmn.db" \
  "$work/CdsLmn.Service/CdsLmn.Service" --contentRoot "$work/CdsLmn.Service" --urls "http://127.0.0.1:$SERVICE_PORT" > "$work/service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
wait_ready "http://127.0.0.1:$SERVICE_PORT/health/ready"
ready_ms=$(( $(now_ms) - started ))
wait_ready "http://127.0.0.1:$BASELINE_PORT/health/ready"
wait_ready "http://127.0.0.1:$FHIR_PORT/health/ready"

typical="examples/order-select-ivig.json"
fallback="bench/bodies/order-select-fallback.json"
hook="/cds-services/ivig-lmn-order-select"

cards=$(curl -s -H 'Content-Type: application/json' --data-binary @"$typical" "http://127.0.0.1:$SERVICE_PORT$hook" | grep -o '"indicator"' | wc -l)
[ "$cards" -eq 1 ] || { echo "the typical body should give one card, got $cards" >&2; exit 1; }

echo "Warming up..."
DURATION=5s run_wrk warmup-service "http://127.0.0.1:$SERVICE_PORT$hook" "$typical"
DURATION=5s run_wrk warmup-baseline "http://127.0.0.1:$BASELINE_PORT$hook" "$typical"

echo "Peak throughput, alternating baseline and service ($DURATION each)..."
run_wrk baseline-1 "http://127.0.0.1:$BASELINE_PORT$hook" "$typical"
run_wrk service-1 "http://127.0.0.1:$SERVICE_PORT$hook" "$typical"
run_wrk baseline-2 "http://127.0.0.1:$BASELINE_PORT$hook" "$typical"
run_wrk service-2 "http://127.0.0.1:$SERVICE_PORT$hook" "$typical"

best() { local a b; a=$(throughput "$work/$1-1.txt"); b=$(throughput "$work/$1-2.txt"); [ "$a" -ge "$b" ] && echo "$1-1" || echo "$1-2"; }
baseline_run=$(best baseline)
service_run=$(best service)
baseline_rps=$(throughput "$work/$baseline_run.txt")
service_rps=$(throughput "$work/$service_run.txt")
half=$(( service_rps / 2 ))

echo "Service at half its peak ($half requests/s)..."
run_wrk service-half "http://127.0.0.1:$SERVICE_PORT$hook" "$typical" "$half"
run_wrk baseline-half "http://127.0.0.1:$BASELINE_PORT$hook" "$typical" "$half"

echo "A non-IVIg order (most order-select calls an EHR makes)..."
notivig="bench/bodies/order-select-not-ivig.json"
run_wrk service-notivig "http://127.0.0.1:$SERVICE_PORT$hook" "$notivig"
run_wrk baseline-notivig "http://127.0.0.1:$BASELINE_PORT$hook" "$notivig"

echo "FHIR fallback (every FHIR call takes $FHIR_DELAY_MS ms)..."
fallback_status=$(curl -s -o "$work/fallback.json" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$fallback" "http://127.0.0.1:$SERVICE_PORT$hook")
[ "$fallback_status" = 200 ] && grep -q '"warning"' "$work/fallback.json" || { echo "fallback run should warn, got $fallback_status" >&2; cat "$work/fallback.json" >&2; exit 1; }
BODY="$fallback" wrk -t1 -c4 -d"$DURATION" --latency -s bench/post.lua "http://127.0.0.1:$SERVICE_PORT$hook" > "$work/fallback.txt"

peak_rss_mb=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status")
errors=$(grep -h "non2xx=\|socket_errors=" "$work"/service-*.txt "$work"/fallback.txt | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); sum += kv[2] } } END { print sum + 0 }')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
fallback_p50=$(percentile "$work/fallback.txt" 50%)

printf '\n%-46s %12s %12s %8s\n' "CdsLmn load test ($(nproc) cores, $DURATION runs, loopback)" "service" "baseline" "ratio"
printf '%-46s %12s %12s %8s\n' "throughput, typical body (requests/s)" "$service_rps" "$baseline_rps" "$(ratio "$service_rps" "$baseline_rps")"
for p in 50% 90% 99%; do
  printf '%-46s %12s %12s %8s\n' "latency p$p at peak (ms)" "$(percentile "$work/$service_run.txt" $p)" "$(percentile "$work/$baseline_run.txt" $p)" ""
done
for p in 50% 90% 99%; do
  printf '%-46s %12s %12s %8s\n' "latency p$p at $half requests/s (ms)" "$(percentile "$work/service-half.txt" $p)" "$(percentile "$work/baseline-half.txt" $p)" ""
done
printf '%-46s %12s %12s %8s\n' "throughput, non-IVIg order (requests/s)" "$(throughput "$work/service-notivig.txt")" "$(throughput "$work/baseline-notivig.txt")" "$(ratio "$(throughput "$work/service-notivig.txt")" "$(throughput "$work/baseline-notivig.txt")")"
printf '%-46s %12s %12s %8s\n' "FHIR fallback latency p50 (ms)" "$fallback_p50" "$FHIR_DELAY_MS" "$(ratio "$fallback_p50" "$FHIR_DELAY_MS")"
printf '%-46s %12s %12s %8s\n' "FHIR fallback latency p99 (ms)" "$(percentile "$work/fallback.txt" 99%)" "$FHIR_DELAY_MS" "$(ratio "$(percentile "$work/fallback.txt" 99%)" "$FHIR_DELAY_MS")"
printf '%-46s %12s\n' "peak RSS of the service (MB)" "$peak_rss_mb"
printf '%-46s %12s\n' "process start to /health/ready (ms)" "$ready_ms"
printf '%-46s %12s\n' "non-2xx answers or socket errors (service)" "$errors"
echo
echo "Goals: throughput ratio >= 0.50; p99 <= 10 ms at half peak; fallback ratio <= 1.25; RSS <= 200 MB; ready <= 2000 ms."

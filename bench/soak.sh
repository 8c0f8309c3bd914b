#!/usr/bin/env bash
# Soak test: a mixed load on the Release service for 5 minutes (SOAK_DURATION to change), on loopback only.
#
#   bash bench/soak.sh
#
# 60 % valid order-select calls with full prefetch (a warning card), 20 % invalid calls (no patientId → 400),
# 20 % calls without prefetch that fall back to a fake FHIR server answering in 20 ms with 20 % of its answers
# 503 (→ retries, 412s, a circuit breaker that opens and closes). Prints the answers by class and the service's
# memory (RSS) after a warm-up minute and at the end; growth over 10 % is a leak to fix.
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK_DURATION="${SOAK_DURATION:-300}"   # seconds
WARMUP=60
SERVICE_PORT=5093
FHIR_PORT=5094

source bench/common.sh
publish src/CdsLmn.Service bench/FakeFhir

sed "s#http://127.0.0.1:5092/fhir#http://127.0.0.1:$FHIR_PORT/fhir#" bench/bodies/order-select-fallback.json > "$work/fallback.json"

FAKE_FHIR_DELAY_MS=20 FAKE_FHIR_FAULT_PERCENT=20 "$work/FakeFhir/FakeFhir" --contentRoot "$work/FakeFhir" --urls "http://127.0.0.1:$FHIR_PORT" >/dev/null 2>&1 &
pids+=($!)
ASPNETCORE_ENVIRONMENT=Production \
CdsLmn__Auth__Mode=Disabled \
CdsLmn__RateLimit__PermitLimit=1000000 \
CdsLmn__Fhir__AllowedServers__0="http://127.0.0.1:$FHIR_PORT/fhir" \
CdsLmn__Storage__SqlitePath="$work/cdslmn.db" \
Logging__LogLevel__Default=Warning \
  "$work/CdsLmn.Service/CdsLmn.Service" --contentRoot "$work/CdsLmn.Service" --urls "http://127.0.0.1:$SERVICE_PORT" > "$work/service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
wait_ready "http://127.0.0.1:$SERVICE_PORT/health/ready"
wait_ready "http://127.0.0.1:$FHIR_PORT/health/ready"

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status"; }

echo "Mixed load for ${SOAK_DURATION} s (2 threads, 16 connections)..."
VALID_BODY=examples/order-select-ivig.json INVALID_BODY=bench/bodies/order-select-invalid.json FALLBACK_BODY="$work/fallback.json" \
  wrk -t2 -c16 -d"${SOAK_DURATION}s" --timeout 10s -s bench/mixed.lua "http://127.0.0.1:$SERVICE_PORT" > "$work/soak.txt" &
wrk_pid=$!
sleep "$WARMUP"
rss_start=$(rss_mb)
wait "$wrk_pid"
rss_end=$(rss_mb)
growth=$(awk -v a="$rss_start" -v b="$rss_end" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')

echo
grep -E "^classes|Requests/sec|Latency" "$work/soak.txt"
printf 'RSS after %d s: %s MB; at the end: %s MB; growth %s %%\n' "$WARMUP" "$rss_start" "$rss_end" "$growth"
if grep -q "5xx=0 " "$work/soak.txt" && awk -v g="$growth" 'BEGIN { exit !(g <= 10) }'; then
  echo "soak passed: no 5xx, memory growth within 10 %"
else
  echo "soak FAILED: see the figures above" >&2
  exit 1
fi

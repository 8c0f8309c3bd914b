# Shared by load.sh and soak.sh (source it): wrk on demand, a work folder cleaned on exit with every process we
# started, Release publishing, and waiting for readiness. Loopback only.

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

publish() { # project...: each into $work/<name>
  echo "Publishing (Release)..."
  for project in "$@"; do
    dotnet publish "$project" -c Release -o "$work/$(basename "$project")" --nologo -v quiet >/dev/null
  done
}

now_ms() { date +%s%3N; }

wait_ready() { # url, timeout seconds
  local deadline=$(( $(now_ms) + ${2:-30} * 1000 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "not ready: $1" >&2; return 1; }
    sleep 0.01
  done
}

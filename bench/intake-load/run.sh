#!/usr/bin/env bash
# Intake throughput and latency (issue #3): POST /api/v1/contacts under concurrent load from Debian's wrk on
# loopback, on SQLite and on PostgreSQL, beside a bare endpoint of the same host (/health) in the same run.
#
# Usage: bench/intake-load/run.sh [connections=200] [seconds=20] [rate=1000]
# For each provider it measures
#   saturation  closed loop, every connection sends its next request as soon as the last is answered:
#               bare /health, contacts "worst" (200 accounts, nearly all repeats) and "realistic" (see contacts.lua);
#   latency     the same connections paced to a fixed offered rate (wrk delay(), see common.lua): bare and realistic.
# With a closed loop, latency is tied to throughput (Little's law: 200 connections at 1,000/s are 200 ms each), so
# p99 targets are read from the paced runs and throughput targets from the saturation runs.
# Environment: GRIDCARE_BENCH_SIZE (demo size, default County: 30,000 accounts), GRIDCARE_BENCH_ACCOUNTS (accounts
# the realistic mix draws from, default 5000), GRIDCARE_BENCH_APP (a built gridcare.dll instead of building this
# tree), GRIDCARE_BENCH_PROVIDERS (default "Sqlite Postgres"), GRIDCARE_BENCH_TRACE (a folder: the realistic closed
# run is CPU-sampled with dotnet-trace into <provider>.nettrace there; read it with `dotnet-trace report F topN`).
# Background work that is not intake stays off (the demo's meter readings, the complaint-risk model), and the runs
# begin once the classifier is trained, so that every run measures intake alone.
# Needs wrk (apt-get install wrk) and, for PostgreSQL, Debian's postgresql binaries. Everything it starts listens on
# 127.0.0.1 and is stopped at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
connections=${1:-200}
seconds=${2:-20}
rate=${3:-1000}
size=${GRIDCARE_BENCH_SIZE:-County}
wanted=${GRIDCARE_BENCH_ACCOUNTS:-5000}
work=$(mktemp -d)
app_pid=""
pgdata=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$pgdata" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${GRIDCARE_BENCH_APP:-}" ]; then
  app=$GRIDCARE_BENCH_APP
else
  dotnet build -c Release "$root/src/GridCare" -v q -nologo >/dev/null
  app="$root/artifacts/bin/GridCare/release/gridcare.dll"
fi

wait_trace() { [ -z "${GRIDCARE_BENCH_TRACE:-}" ] || wait "$(jobs -pr | grep -vx "$app_pid" | tail -1)" 2>/dev/null || true; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# run_wrk NAME SCRIPT BASE [VAR=value...]: one wrk run; its RESULT line goes to $results.
run_wrk() {
  local name=$1 script=$2 base=$3
  shift 3
  env "$@" BENCH_NAME="$name" BENCH_DIR="$here" THREADS=2 \
    wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/$script" "$base" | grep '^RESULT' | tee -a "$results"
}

run_provider() {
  local provider=$1 connection=$2 port base token
  port=$(free_port)
  base="http://127.0.0.1:$port"
  mkdir -p "$work/$provider"
  local env=(GridCare__DataDirectory="$work/$provider/data" GridCare__Demo__Size="$size" GridCare__Database__Provider="$provider"
    Urls="$base" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
    GridCare__Demo__MeterDays=0 GridCare__ComplaintRisk__Enabled=false)
  [ -n "$connection" ] && env+=(ConnectionStrings__GridCare="$connection")
  (cd "$work/$provider" && exec env "${env[@]}" dotnet "$app" > "$work/$provider/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 600); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
  token=$(curl -sf -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' -d '{"username":"agent","password":"GridCare-demo-1"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
  # Intake classifies every text: wait until the model is trained (503 before), so no run measures a start-up.
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/classify" -H "Authorization: Bearer $token" \
      -H 'content-type: application/json' -d '{"text":"家里停电了"}')" = 200 ] && break
    sleep 1
  done
  for page in $(seq 1 $(((wanted + 199) / 200))); do
    curl -sf "$base/api/v1/customers?pageSize=200&page=$page" -H "Authorization: Bearer $token" |
      python3 -c 'import sys,json; [print(c["accountNumber"], c.get("phone") or "", sep="\t") for c in json.load(sys.stdin)["items"]]'
  done > "$work/$provider/accounts.tsv"
  echo "== $provider ($size demo area, $(wc -l < "$work/$provider/accounts.tsv") accounts for the realistic mix; load: $(uptime | sed 's/.*load/load/'))"
  results="$work/$provider/results.txt"
  local contacts=(TOKEN="$token" ACCOUNTS_FILE="$work/$provider/accounts.tsv")
  run_wrk bare-closed health.lua "$base"
  run_wrk worst-closed contacts.lua "$base" "${contacts[@]}" MIX=worst RUN_ID="$provider-w-$$"
  if [ -n "${GRIDCARE_BENCH_TRACE:-}" ]; then
    mkdir -p "$GRIDCARE_BENCH_TRACE"
    dotnet-trace collect -p "$app_pid" --profile dotnet-sampled-thread-time --duration "00:00:$(printf '%02d' $((seconds > 60 ? 59 : seconds - 2)))" \
      -o "$GRIDCARE_BENCH_TRACE/$provider.nettrace" >/dev/null 2>&1 &
  fi
  run_wrk realistic-closed contacts.lua "$base" "${contacts[@]}" MIX=realistic RUN_ID="$provider-r-$$"
  wait_trace
  run_wrk bare-paced health.lua "$base" RATE="$rate"
  run_wrk realistic-paced contacts.lua "$base" "${contacts[@]}" MIX=realistic RATE="$rate" RUN_ID="$provider-p-$$"
  python3 - "$provider" "$results" "$connections" "$rate" <<'PY'
import sys
provider, path, connections, rate = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = {}
for line in open(path):
    _, name, rps, p50, p99, n, non2xx, sock, timeouts = line.split()
    rows[name] = (float(rps), float(p50), float(p99), int(non2xx), int(sock), int(timeouts))
print(f"\n{provider}: {connections} connections; paced runs offer {rate} requests/s")
print(f"{'run':<18}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx':>9}{'socket':>8}{'timeout':>9}{'÷ bare':>9}")
for name, (rps, p50, p99, non2xx, sock, timeouts) in rows.items():
    bare = rows["bare-paced" if name.endswith("paced") else "bare-closed"][0]
    print(f"{name:<18}{rps:>10.0f}{p50:>10.1f}{p99:>10.1f}{non2xx:>9}{sock:>8}{timeouts:>9}{rps / bare:>9.3f}")
print()
PY
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

echo "intake-load: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), app $app"
for provider in ${GRIDCARE_BENCH_PROVIDERS:-Sqlite Postgres}; do
  if [ "$provider" = Sqlite ]; then
    run_provider Sqlite ""
    continue
  fi
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pgbin" ]; then
    echo "PostgreSQL binaries not found: PostgreSQL half skipped."
    continue
  fi
  pgdata="$work/pgdata"
  pgport=$(free_port)
  mkdir -p "$pgdata" && chown postgres "$work" "$pgdata"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -w -l "$pgdata/log" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  run_provider Postgres "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=gridcare_bench;Maximum Pool Size=100"
done
echo "load at the end: $(uptime | sed 's/.*load/load/')"

#!/usr/bin/env bash
# Intake throughput and latency (issue #3): POST /api/v1/contacts under concurrent load from Debian's wrk on
# loopback, on SQLite and on PostgreSQL, beside a bare endpoint of the same host (/health) in the same run.
# Usage: bench/intake-load/run.sh [connections=200] [seconds=20]. Needs wrk (apt-get install wrk) and, for the
# PostgreSQL half, Debian's postgresql binaries. Everything it starts listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
connections=${1:-200}
seconds=${2:-20}
work=$(mktemp -d)
trap 'pkill -f "$work" 2>/dev/null || true; [ -n "${pgdata:-}" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet build -c Release "$root/src/GridCare" -v q -nologo >/dev/null
app="$root/artifacts/bin/GridCare/release/gridcare.dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

run_provider() {
  local provider=$1 connection=$2 port
  port=$(free_port)
  mkdir -p "$work/$provider"
  local env=(GridCare__DataDirectory="$work/$provider/data" GridCare__Demo__Size=Small GridCare__Database__Provider="$provider"
    Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production)
  [ -n "$connection" ] && env+=(ConnectionStrings__GridCare="$connection")
  (cd "$work/$provider" && env "${env[@]}" dotnet "$app" > "$work/$provider/app.log" 2>&1 &)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  local base="http://127.0.0.1:$port"
  local token
  token=$(curl -sf -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' -d '{"username":"agent","password":"GridCare-demo-1"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
  curl -sf "$base/api/v1/customers?pageSize=200" -H "Authorization: Bearer $token" | python3 -c 'import sys,json; [print(c["accountNumber"]) for c in json.load(sys.stdin)["items"]]' > "$work/$provider/accounts.txt"
  echo "== $provider: bare endpoint GET /health"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base/health" | tee "$work/$provider/health.txt" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
  echo "== $provider: POST /api/v1/contacts"
  TOKEN="$token" ACCOUNTS_FILE="$work/$provider/accounts.txt" RUN_ID="$provider-$$" \
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/contacts.lua" "$base" | tee "$work/$provider/contacts.txt" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
  local bare intake
  bare=$(grep "Requests/sec" "$work/$provider/health.txt" | awk '{print $2}')
  intake=$(grep "Requests/sec" "$work/$provider/contacts.txt" | awk '{print $2}')
  echo "== $provider: contacts/s ÷ bare requests/s = $(python3 -c "print(round($intake/$bare, 3))")"
  pkill -f "$work/$provider" 2>/dev/null || true
  pkill -f "Urls=http://127.0.0.1:$port" 2>/dev/null || true
  kill "$(pgrep -f "dotnet $app" | head -1)" 2>/dev/null || true
  sleep 2
}

run_provider Sqlite ""

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$pgbin" ]; then
  pgdata="$work/pgdata"; pgport=$(free_port)
  mkdir -p "$pgdata" && chown postgres "$work" "$pgdata"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -w -l "$pgdata/log" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  run_provider Postgres "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=gridcare_bench;Maximum Pool Size=100"
else
  echo "PostgreSQL binaries not found: PostgreSQL half skipped."
fi

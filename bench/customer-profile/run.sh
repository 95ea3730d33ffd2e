#!/usr/bin/env bash
# The 360° profile at city size (issue #7): GET /api/v1/customers/{id}/profile on a demo area of GRIDCARE_BENCH_SIZE
# (default City: 300,000 customers, twelve months of work orders with revisits, interruption history, and the demo's
# meter readings — as many days as fit in 100 million readings, 3 at City size), answered for many customers by one
# warm client, beside GET /api/v1/customers/{id} of the same customers in the same run as the baseline. Target:
# profile p99 < 200 ms.
#
# Usage: bench/customer-profile/run.sh [customers=1000] [rounds=2]
# The customers are spread evenly over the whole area; a first pass over 100 of them warms the app up and is not
# counted. Then every round asks each customer's profile and plain record, interleaved, and latencies are measured
# client-side over one keep-alive connection (measure.py).
# Environment: GRIDCARE_BENCH_SIZE (Small, County or City), GRIDCARE_BENCH_PROVIDERS (default "Sqlite"; add Postgres
# for Debian's PostgreSQL), GRIDCARE_BENCH_APP (a built gridcare.dll instead of building this tree),
# GRIDCARE_BENCH_KEEP (a folder to keep the seeded data in and reuse on the next run: seeding City takes minutes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
count=${1:-1000}
rounds=${2:-2}
size=${GRIDCARE_BENCH_SIZE:-City}
work=${GRIDCARE_BENCH_KEEP:-$(mktemp -d)}
mkdir -p "$work"
app_pid=""
pgdata=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$pgdata" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
  [ -z "${GRIDCARE_BENCH_KEEP:-}" ] && rm -rf "$work"
  true
}
trap cleanup EXIT

if [ -n "${GRIDCARE_BENCH_APP:-}" ]; then
  app=$GRIDCARE_BENCH_APP
else
  dotnet build -c Release "$root/src/GridCare" -v q -nologo >/dev/null
  app="$root/artifacts/bin/GridCare/release/gridcare.dll"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

run_provider() {
  local provider=$1 connection=$2 port base started
  port=$(free_port)
  base="http://127.0.0.1:$port"
  mkdir -p "$work/$provider"
  local env=(GridCare__DataDirectory="$work/$provider/data" GridCare__Demo__Size="$size" GridCare__Database__Provider="$provider"
    Urls="$base" Logging__LogLevel__Default=Warning Logging__LogLevel__GridCare.Features.Demo=Information Logging__LogLevel__GridCare.Features.MeterAnalytics=Information ASPNETCORE_ENVIRONMENT=Production)
  [ -n "$connection" ] && env+=(ConnectionStrings__GridCare="$connection")
  started=$(date +%s)
  local kept=false
  [ -f "$work/$provider/data/meters.duckdb" ] && kept=true
  (cd "$work/$provider" && exec env "${env[@]}" dotnet "$app" >> "$work/$provider/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 3600); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
  # The readings are generated in the background after the first start; the profile reads them, so wait for them
  # (measure.py then waits for the analysis worker's load shapes).
  for _ in $(seq 1 3600); do [ "$kept" = true ] || grep -q "Demo meter data" "$work/$provider/app.log" && break; sleep 2; done
  grep "Demo meter data" "$work/$provider/app.log" | tail -1
  echo "== $provider: $size demo area ready after $(($(date +%s) - started)) s; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$here/measure.py" "$base" "$count" "$rounds"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

echo "customer-profile: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u '+%Y-%m-%d %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), app $app"
for provider in ${GRIDCARE_BENCH_PROVIDERS:-Sqlite}; do
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
  if [ ! -d "$pgdata" ]; then
    mkdir -p "$pgdata" && chown postgres "$work" "$pgdata"
    runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -w -l "$pgdata/log" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1" start >/dev/null
  run_provider Postgres "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=gridcare_bench"
done

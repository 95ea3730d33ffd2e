#!/usr/bin/env bash
# Meter import speed (issue #5): N readings in a long-form CSV loaded by DuckDB's own COPY (baseline) and by the
# gridcare import engine, alternately, twice each, in the same run; prints each time, peak memory, and the ratio of
# the best runs (target: gridcare >= 70 % of the baseline's readings/s, and >= 2 million readings/s; < 4 GiB).
# Usage: bench/meter-import/run.sh [readings=50000000]. Needs ~3 GB of disk per 50 M readings in $TMPDIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
readings=${1:-50000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$here/MeterImport.csproj" -c Release -o "$work/bin" >/dev/null
bench="dotnet $work/bin/meter-import-bench.dll"
$bench generate "$work/readings.csv" "$readings"
cat "$work/readings.csv" >/dev/null
results=()
for round in 1 2; do
  for phase in baseline import; do
    rm -rf "$work/store"
    out=$(/usr/bin/time -f "peak_rss_kb=%M" $bench $phase "$work/readings.csv" "$work/store" 2>&1)
    echo "round $round: $(echo "$out" | tr '\n' ' ')"
    results+=("$(echo "$out" | tr '\n' ' ')")
  done
done
printf '%s\n' "${results[@]}" | python3 -c '
import re, sys
best = {}
for line in sys.stdin:
    m = re.search(r"(baseline|gridcare) rows=(\d+) seconds=([\d.]+) per_second=(\d+).*peak_rss_kb=(\d+)", line)
    if m:
        name, rows, secs, rate, rss = m.group(1), int(m.group(2)), float(m.group(3)), int(m.group(4)), int(m.group(5))
        if name not in best or rate > best[name][2]:
            best[name] = (rows, secs, rate, rss)
b, g = best["baseline"], best["gridcare"]
print(f"best baseline: {b[0]:,} rows in {b[1]:.2f} s = {b[2]:,}/s, peak {b[3]/1048576:.2f} GiB")
print(f"best gridcare: {g[0]:,} rows in {g[1]:.2f} s = {g[2]:,}/s, peak {g[3]/1048576:.2f} GiB")
print(f"ratio gridcare/baseline: {g[2]/b[2]:.2f} (target >= 0.70); gridcare >= 2,000,000/s: {g[2] >= 2_000_000}")
'

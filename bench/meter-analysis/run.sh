#!/usr/bin/env bash
# The full daily meter analysis at county scale (issue #5): 300,000 meters under 3,000 transformers, one China day of
# 15-minute readings (28.8 million rows) generated into a temporary store, then the full daily analysis
# (DailyAnalysis: load, episodes, imbalance, voltage compliance, line loss, consumption, anomalies, outage evidence)
# timed against a single hand-written SQL query computing the same transformer load rates, alternating, in the same
# process. Targets: full analysis < 3 s and ≤ 1.5 × the hand-written query; peak memory of the analysis < 4 GiB
# (maximum resident set size of the analysing process, from /usr/bin/time -v).
#
# Usage: bench/meter-analysis/run.sh [meters=300000] [transformers=3000] [rounds=5]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
meters=${1:-300000}
transformers=${2:-3000}
rounds=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$here/MeterAnalysisBench.csproj" -v q -nologo >/dev/null
bench="$root/artifacts/bin/MeterAnalysisBench/release/MeterAnalysisBench.dll"
echo "meter-analysis: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u '+%Y-%m-%d %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bench" generate "$work/meters.duckdb" "$meters" "$transformers"
/usr/bin/time -v dotnet "$bench" analyse "$work/meters.duckdb" "$rounds" 2> "$work/time.txt"
awk -F': ' '/Maximum resident set size/ {printf "peak RSS of the analysing process: %.2f GiB (target < 4 GiB)\n", $2 / 1048576}' "$work/time.txt"

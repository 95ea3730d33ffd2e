#!/usr/bin/env bash
# k-means against scikit-learn (issue #7): 100,000 daily profiles of 96 quarter-hours (real SGSC household days from
# ../shared/data when present, see profiles.py) written once as wide CSV, then GridCare's KMeans.Fit (the engine of
# `gridcare segment` and the segment explorer) and Debian's scikit-learn KMeans(init="k-means++") on the same file,
# same k, same number of initialisations, each profile divided by its day's kWh on both sides, alternating the two
# for the given rounds in one run. Prints both times (fit only, median of the rounds), both inertias, the time ratio
# (GridCare / scikit-learn, target ≤ 1) and the inertia difference (target within 1 %).
#
# Usage: bench/segmentation/run.sh [profiles=100000] [k=8] [n_init=4] [rounds=3]
# Needs python3-sklearn (apt-get install python3-sklearn); uses /usr/bin/python3, where Debian installs it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
count=${1:-100000}
k=${2:-8}
n_init=${3:-4}
rounds=${4:-3}
seed=42
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$here/SegmentationBench.csproj" -v q -nologo >/dev/null
bench="$root/artifacts/bin/SegmentationBench/release/SegmentationBench.dll"
/usr/bin/python3 "$here/profiles.py" "$work/profiles.csv" "$count" "$seed" "$root/../shared/data"
echo "segmentation: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u '+%Y-%m-%d %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  dotnet "$bench" "$work/profiles.csv" "$k" "$n_init" "$seed" 1 | tee -a "$work/gridcare.txt"
  /usr/bin/python3 "$here/sklearn_kmeans.py" "$work/profiles.csv" "$k" "$n_init" "$seed" 1 | tee -a "$work/sklearn.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/gridcare.txt" "$work/sklearn.txt" "$count" "$k" "$n_init" <<'PY'
import statistics, sys
def runs(path, name):
    rows = [line.split() for line in open(path) if line.startswith(f"RESULT {name} ")]
    return statistics.median(float(r[2]) for r in rows), float(rows[0][3])
g, s = runs(sys.argv[1], "gridcare"), runs(sys.argv[2], "sklearn")
whole = runs(sys.argv[1], "gridcare-segment")
print(f"\n| {sys.argv[3]} profiles × 96, k = {sys.argv[4]}, n_init = {sys.argv[5]} | fit (s, median) | inertia |")
print("|---|---|---|")
print(f"| GridCare KMeans.Fit | {g[0]:.2f} | {g[1]:.6g} |")
print(f"| scikit-learn KMeans | {s[0]:.2f} | {s[1]:.6g} |")
print(f"| GridCare LoadShapeSegmenter.Run (with silhouette) | {whole[0]:.2f} | {whole[1]:.6g} |")
print(f"\ntime ratio GridCare / scikit-learn: {g[0] / s[0]:.2f} (target ≤ 1)")
print(f"inertia difference: {100 * (g[1] - s[1]) / s[1]:+.3f} % (target within ±1 %)")
PY

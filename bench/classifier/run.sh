#!/usr/bin/env bash
# Issue #6 classifier benchmark: GridCare's model and the TF-IDF char n-gram + linear SVM baseline on the same
# held-out split of corpus/complaints.tsv, then training time and throughput on 10,000 real Chinese reviews.
# Needs Debian's python3-sklearn (/usr/bin/python3) and ../shared/data beside the repository for the scale runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build bench/GridCare.Benchmarks -c Release -v q -nologo | { grep -E " error |warn" || true; }
bench=(dotnet artifacts/bin/GridCare.Benchmarks/release/GridCare.Benchmarks.dll classifier)
"${bench[@]}" split corpus/complaints.tsv "$work"
ours=$("${bench[@]}" evaluate "$work/train.tsv" "$work/test.tsv")
echo "$ours"
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  base=$(/usr/bin/python3 bench/classifier/baseline.py "$work/train.tsv" "$work/test.tsv")
  echo "$base"
  f_ours=$(echo "$ours" | grep Lbfgs | sed -E 's/.*label macro-F1 ([0-9.]+).*/\1/')
  f_base=$(echo "$base" | sed -E 's/.*label macro-F1 ([0-9.]+).*/\1/')
  python3 -c "print('macro-F1 ratio gridcare/baseline: %.3f' % ($f_ours / $f_base))"
else
  echo "python3-sklearn is not installed (apt-get install python3-sklearn): baseline skipped"
fi
data=../shared/data
for set in "waimai_10k/waimai_10k.csv waimai" "online_shopping_10_cats/online_shopping_10_cats.csv shopping"; do
  read -r file kind <<<"$set"
  if [ -f "$data/$file" ]; then "${bench[@]}" scale "$data/$file" "$kind"; else echo "$data/$file missing: scale run skipped"; fi
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"

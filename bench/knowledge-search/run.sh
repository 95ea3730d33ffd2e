#!/usr/bin/env bash
# Issue #8 knowledge search benchmark: the BM25 index and a naive substring scan (SQL LIKE '%…%' style) answer the
# labelled queries of knowledge/queries.tsv on the shipped articles and on 30 copies of them (1,890 articles), in
# the same run: latency per query (the target is under 50 ms) and MRR@5 / recall@5.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/GridCare.Benchmarks -c Release -v q -nologo | { grep -E " error |warn" || true; }
dotnet artifacts/bin/GridCare.Benchmarks/release/GridCare.Benchmarks.dll knowledge-search "${1:-30}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"

#!/usr/bin/env bash
# Ingest benchmark: the demo corpus repeated with distinct ids to >= 10,000 documents, coded
# into a fresh store with `dyad ingest`, then ingested again (nothing to write).
# Usage: bench/ingest-10k.sh [COPIES]   (default 220 copies = 10,120 documents)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-220}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/repeat-corpus.py "$copies" "$work/corpus.jsonl"
cargo build --release -q
echo "documents: $(wc -l < "$work/corpus.jsonl")"
for run in first second; do
  start=$(date +%s%N)
  target/release/dyad ingest "$work/corpus.jsonl" --db "$work/bench.db" 2>&1 | tail -1
  end=$(date +%s%N)
  echo "$run run: $(( (end - start) / 1000000 )) ms"
done

#!/usr/bin/env bash
# Ingest benchmark: the demo corpus repeated with distinct ids to >= 10,000 documents, coded
# into a fresh store with `dyad ingest`, then ingested again (nothing to write).
# Usage: bench/ingest-10k.sh [COPIES]   (default 220 copies = 10,120 documents)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-220}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$copies" "$work/corpus.jsonl" <<'PY'
import json, sys
copies, out = int(sys.argv[1]), sys.argv[2]
lines = [l for l in open("examples/corpus/corpus.jsonl", encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for l in lines:
            d = json.loads(l)
            d["id"] = f"{d['id']}-{k}"
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
cargo build --release -q
echo "documents: $(wc -l < "$work/corpus.jsonl")"
for run in first second; do
  start=$(date +%s%N)
  target/release/dyad ingest "$work/corpus.jsonl" --db "$work/bench.db" 2>&1 | tail -1
  end=$(date +%s%N)
  echo "$run run: $(( (end - start) / 1000000 )) ms"
done

"""Writes the demo corpus repeated COPIES times with distinct ids (`<id>-<k>`) as JSONL.

Usage: python3 bench/repeat-corpus.py COPIES OUT.jsonl
"""
import json
import sys

copies, out = int(sys.argv[1]), sys.argv[2]
lines = [l for l in open("examples/corpus/corpus.jsonl", encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for l in lines:
            d = json.loads(l)
            d["id"] = f"{d['id']}-{k}"
            f.write(json.dumps(d, ensure_ascii=False) + "\n")

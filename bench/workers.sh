#!/usr/bin/env bash
# Scale-out benchmark: the demo corpus repeated with distinct ids, published once per run to
# a private NATS JetStream server, coded by 1, 2 and 3 `dyad worker` processes (one coding
# thread each) into a fresh PostgreSQL database. Reports documents/s from the first fetch to
# the last document stored (the workers' idle wait at the end is not counted) and the
# CPU seconds the workers used, so the per-core figure stays honest on a loaded machine.
# Usage: bench/workers.sh [COPIES] [PG_ADMIN_URL]   (default 40 copies = 1,840 documents)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-40}
admin=${2:-postgres://postgres@127.0.0.1:5432/postgres}
server=${admin%/*}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
nats=nats://127.0.0.1:$port
/usr/sbin/nats-server -a 127.0.0.1 -p "$port" -js -sd "$work/nats" >/dev/null 2>&1 &
nats_pid=$!
trap 'kill $nats_pid 2>/dev/null; rm -rf "$work"' EXIT
python3 bench/repeat-corpus.py "$copies" "$work/corpus.jsonl"
cargo build --release -q
total=$(wc -l < "$work/corpus.jsonl")
echo "documents: $total; machine: $(nproc) cores; $(date -u +%F)"
for n in 1 2 3; do
  db=dyad_bench_workers_$n
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  stream=bench$n
  target/release/dyad publish "$work/corpus.jsonl" --nats "$nats" --stream "$stream" \
    --subject "$stream.docs" --dead-letter "$stream.dead" 2>/dev/null
  start=$(date +%s%N)
  pids=()
  for i in $(seq "$n"); do
    /usr/bin/time -f "%U %S" -o "$work/cpu-$n-$i" target/release/dyad worker --nats "$nats" \
      --stream "$stream" --subject "$stream.docs" --dead-letter "$stream.dead" \
      --sink "$server/$db" --jobs 1 --batch 50 --idle-exit 2 2>/dev/null &
    pids+=($!)
  done
  while [ "$(psql -tA "$server/$db" -c 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)" -lt "$total" ]; do
    sleep 0.2
  done
  end=$(date +%s%N)
  wait "${pids[@]}"
  cpu=$(cat "$work"/cpu-$n-* | awk '{s += $1 + $2} END {printf "%.1f", s}')
  ms=$(( (end - start) / 1000000 ))
  echo "workers=$n: $total documents in $ms ms = $(( total * 1000 / ms )) docs/s; worker CPU ${cpu} s = $(python3 -c "print(round($total / $cpu))") docs per CPU-second"
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" >/dev/null
done

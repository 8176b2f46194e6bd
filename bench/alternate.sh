#!/usr/bin/env bash
# Alternates two server jars under the same bench, each run on a fresh server and database, so
# that a change is measured against the build before it on the same sitting of the machine.
#
#   bench/alternate.sh OLD.jar NEW.jar [CONNECTIONS] [ROUNDS] [CLASSES]
#
# Prints one line per run: check-ins/s, p99, p99.9 and max in ms, server CPU µs per check-in.
# The bench jar is target/chamada-bench.jar (./chamada build makes it). Port 17171, loopback only.
# Used for BENCHMARKS.md's before-and-after pairs (e.g. "Issue 11", check-ins held compactly).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
old="$1" new="$2" connections="${3:-50}" rounds="${4:-3}" classes="${5:-10}"
. bench/find-java.sh
scratch="$(mktemp -d "${TMPDIR:-/tmp}/chamada-alternate.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
for round in $(seq "$rounds"); do
  for side in old new; do
    jar="$old"; [ "$side" = new ] && jar="$new"
    rm -rf "$scratch"/db*
    "$java" -Xmx512m -jar "$jar" --lang en server --bind 127.0.0.1 --port 17171 --http-port off \
      --db "$scratch/db.db" --max-connections-per-address 20000 >"$scratch/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/17171) 2>/dev/null && break; sleep 0.1; done
    "$java" -jar target/chamada-bench.jar bench --port 17171 --server-pid "$pid" --connections "$connections" \
      --classes "$classes" --warmup 8 --duration 10 >"$scratch/bench.txt" 2>&1 || true
    echo "$side round $round: $(tail -n +3 "$scratch/bench.txt" | head -1 \
      | awk '{print $4" /s p99 "$6" p99.9 "$7" max "$8" cpu "$11}')"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done

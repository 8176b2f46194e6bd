#!/usr/bin/env bash
# Chamada on PostgreSQL (issue 12): one node, then three nodes on one database, with durable
# commits (fsync on), at 1, 50 and 1,000 connections; then three nodes sharing one class. Starts
# Debian's PostgreSQL 15 on a cluster of its own in a temporary folder, as the `postgres` user (its
# server refuses root), on 127.0.0.1 only, and removes it at the end. Reports, beside the bench's
# own columns, PostgreSQL's CPU per check-in (all its processes), so that Chamada's and
# PostgreSQL's shares are apart.
#
#   bench/postgres.sh     DURATION=10 WARMUP=5 PREWARM=15 CONNECTIONS=1,50,1000 PG_PORT=15432
#
# PREWARM: seconds of unmeasured load on every node first, so the JIT has compiled the hot code
# (cold, a node spends most of a core compiling, which the 1-connection row would show); three
# nodes share the cores, so they warm up three times as long.
#
# Needs: ./chamada build (the jars), Debian's postgresql-15 (/usr/lib/postgresql/15/bin), root
# (to run it as `postgres`). On two cores three nodes measure contention, not scale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION="${DURATION:-10}" WARMUP="${WARMUP:-5}" PREWARM="${PREWARM:-15}" CONNECTIONS="${CONNECTIONS:-1,50,1000}"
PG_PORT="${PG_PORT:-15432}" PORT="${PORT:-17171}"
pg_bin=/usr/lib/postgresql/15/bin
[ -x "$pg_bin/postgres" ] || { echo "postgres.sh: PostgreSQL 15 is not installed ($pg_bin); apt-get install postgresql-15" >&2; exit 1; }
. bench/find-java.sh
work="$(mktemp -d "${TMPDIR:-/tmp}/chamada-postgres.XXXXXX")"
chown postgres: "$work"
pg_pid="" nodes=()
cleanup() {
  for pid in "${nodes[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  # SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
  [ -z "$pg_pid" ] || { kill -INT "$pg_pid" 2>/dev/null || true; while kill -0 "$pg_pid" 2>/dev/null; do sleep 0.1; done; }
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && runuser -u postgres -- "$pg_bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  --no-instructions >"$work/initdb.log" 2>&1)
setpriv --reuid=postgres --regid=postgres --init-groups "$pg_bin/postgres" -D "$work/data" -c listen_addresses=127.0.0.1 \
  -c port="$PG_PORT" -c unix_socket_directories="$work" -c max_connections=200 >"$work/postgres.log" 2>&1 &
pg_pid=$!
for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null && break; sleep 0.1; done

# CPU ticks used so far by every PostgreSQL process (the server and its backends).
pg_ticks() {
  local total=0 pid
  for pid in $(pgrep -u postgres -x postgres); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# Starts $1 nodes on database $2, on ports PORT, PORT+1, ...
start_nodes() {
  local count="$1" database="$2" i
  runuser -u postgres -- "$pg_bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE $database"
  nodes=()
  for i in $(seq 0 $((count - 1))); do
    "$java" -jar target/chamada.jar --lang en server --bind 127.0.0.1 --port $((PORT + i)) --http-port off \
      --db "postgresql://postgres@127.0.0.1:$PG_PORT/$database" --max-connections-per-address 20000 \
      >"$work/node-$i.log" 2>&1 &
    nodes+=($!)
    for _ in $(seq 200); do (echo >"/dev/tcp/127.0.0.1/$((PORT + i))") 2>/dev/null && break; sleep 0.1; done
  done
}

stop_nodes() {
  for pid in "${nodes[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
  nodes=()
}

hz="$(getconf CLK_TCK)"
for count in 1 3; do
  start_nodes "$count" "chamada_$count"
  pids=()
  for i in $(seq 0 $((count - 1))); do
    "$java" -jar target/chamada-bench.jar bench --port $((PORT + i)) --connections 200 --classes 10 \
      --first-class $((9000 + 100 * i)) --warmup 0 --duration $((PREWARM * count)) >/dev/null 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  echo "== $count node(s) on one PostgreSQL 15 (fsync on), 10 classes per node, ${WARMUP} s + ${DURATION} s"
  for connections in ${CONNECTIONS//,/ }; do
    before="$(pg_ticks)"
    pids=()
    for i in $(seq 0 $((count - 1))); do
      "$java" -jar target/chamada-bench.jar bench --port $((PORT + i)) --server-pid "${nodes[$i]}" \
        --connections "$connections" --classes 10 --first-class $((1000 + 100 * i)) --warmup "$WARMUP" \
        --duration "$DURATION" >"$work/bench-$i.txt" 2>&1 &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || true; done
    after="$(pg_ticks)"
    total=0
    for i in $(seq 0 $((count - 1))); do
      line="$(tail -n +3 "$work/bench-$i.txt" | head -1)"
      echo "node $i: $line"
      # Every check-in of the run, warm-up included, as the exactly-once check counted them.
      total=$((total + $(echo "$line" | sed -n 's/.*(\([0-9]*\) counted).*/\1/p')))
    done
    echo "PostgreSQL CPU: $(( (after - before) * 1000000 / hz / (total > 0 ? total : 1) )) µs per check-in ($total check-ins, warm-up included)"
  done
  if [ "$count" -gt 1 ]; then
    # One class whose check-ins reach every node at once: each node's transactions wait in turn for
    # that class's count row, which the runs above (a node's own classes) never make them do.
    also=()
    for i in $(seq 1 $((count - 1))); do also+=(--also-port $((PORT + i))); done
    echo "== $count nodes, one class, its check-ins spread over every node"
    for connections in ${CONNECTIONS//,/ }; do
      before="$(pg_ticks)"
      line="$("$java" -jar target/chamada-bench.jar bench --port "$PORT" "${also[@]}" --connections "$connections" \
        --classes 1 --first-class 5000 --warmup "$WARMUP" --duration "$DURATION" 2>&1 | tail -n +3 | head -1)"
      after="$(pg_ticks)"
      total="$(echo "$line" | sed -n 's/.*(\([0-9]*\) counted).*/\1/p')"
      echo "all nodes: $line"
      echo "PostgreSQL CPU: $(( (after - before) * 1000000 / hz / (${total:-0} > 0 ? ${total:-1} : 1) )) µs per check-in (${total:-0} check-ins, warm-up included)"
    done
  fi
  stop_nodes
done

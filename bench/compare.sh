#!/usr/bin/env bash
# bench/compare.sh: Chamada against Redis (appendfsync always) on this machine, in one run.
#
# Starts a Chamada server on a fresh SQLite file and a Redis server with every write fsynced,
# both on loopback, then runs `chamada bench --target compare` at 1, 50 and 1,000
# connections (Chamada and Redis taking turns), and prints one table with the ratios
# Chamada / Redis. Then, on Chamada alone: one class against 1,000 classes, 10,000
# connections held open with a pause between check-ins (with the server's heap), Chamada on
# PostgreSQL, one node then three (bench/postgres.sh, where Debian's PostgreSQL 15 is installed and
# this runs as root), and the time the server takes to accept connections after it starts.
#
# Everything runs on 127.0.0.1 and stops by itself. Knobs (environment):
#   DURATION=5 WARMUP=2 ROUNDS=2 CONNECTIONS=1,50,1000   the comparison
#   PREWARM=30                                           seconds of unmeasured load first (JIT)
#   PORT=17070 REDIS_PORT=16379                          where the servers listen
#   STARTS=5                                             start-up: starts timed per way of starting
#   SKIP_EXTRA=1                                         only the comparison
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
DURATION="${DURATION:-5}"
WARMUP="${WARMUP:-2}"
ROUNDS="${ROUNDS:-2}"
CONNECTIONS="${CONNECTIONS:-1,50,1000}"
PREWARM="${PREWARM:-30}"
PORT="${PORT:-17070}"
STARTS="${STARTS:-5}"
REDIS_PORT="${REDIS_PORT:-16379}"
work="$(mktemp -d "${TMPDIR:-/tmp}/chamada-compare.XXXXXX")"
server_pid=""
redis_pid=""
failed=0

say() { printf 'compare.sh: %s\n' "$*" >&2; }

cleanup() {
  # Only the two servers this script started, by their process ids.
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Waits until something accepts connections on 127.0.0.1:$1, at most $2 seconds; fails otherwise.
wait_for_port() {
  local port="$1" deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.01
  done
  return 1
}

# Waits until a Chamada server on 127.0.0.1:$1 answers a request (not just accepts: the port
# is bound before the store opens), at most $2 seconds; fails otherwise.
wait_for_answer() {
  local port="$1" deadline=$((SECONDS + $2)) line
  while [ "$SECONDS" -lt "$deadline" ]; do
    # The braces keep 2>/dev/null for this line only: on a bare exec it would stay for the script.
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      if printf 'help\n' >&3 2>/dev/null && IFS= read -r -t 2 line <&3 && [ -n "$line" ]; then
        exec 3>&-; return 0
      fi
      exec 3>&-
    fi
    sleep 0.01
  done
  return 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# 10,000 connections need as many file descriptors in each process, and a few more.
if [ "$(ulimit -n)" != "unlimited" ] && [ "$(ulimit -n)" -lt 65536 ]; then
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  if [ "$(ulimit -n)" != "unlimited" ] && [ "$(ulimit -n)" -lt 10100 ]; then
    say "the open-file limit is $(ulimit -n), under the 10,000 connections and a few more that each process needs; that run may fail"
  fi
fi

# Redis: Debian's redis-server, installed when missing and possible.
redis_bin="$(command -v redis-server || true)"
if [ -z "$redis_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Debian's redis-server (apt-get)..."
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >"$work/apt.log" 2>&1; then
    redis_bin="$(command -v redis-server || true)"
  else
    say "apt-get could not install redis-server; see the log below"; tail -5 "$work/apt.log" >&2
  fi
fi
if [ -z "$redis_bin" ]; then
  echo "SKIP redis baseline: redis-server is not installed and cannot be installed here (needs root and apt-get); running the Chamada side only."
fi

port_free "$PORT" || { say "port $PORT is taken; set PORT=..."; exit 3; }
[ -z "$redis_bin" ] || port_free "$REDIS_PORT" || { say "port $REDIS_PORT is taken; set REDIS_PORT=..."; exit 3; }

say "building the server and bench jars if needed..."
./chamada build >&2

# --- Chamada: a separate JVM with a 512 MiB heap, on a fresh SQLite file -------------------
# JFR records only jdk.VirtualThreadPinned (a virtual thread holding its carrier 20 ms or more).
pinning="-XX:StartFlightRecording=settings=none,+jdk.VirtualThreadPinned#enabled=true,+jdk.VirtualThreadPinned#threshold=20ms,filename=$work/server.jfr"
CHAMADA_JAVA_OPTS="-Xmx512m $pinning ${CHAMADA_JAVA_OPTS:-}" ./chamada --lang en server --bind 127.0.0.1 --port "$PORT" --http-port off \
  --db "$work/chamada.db" --max-connections-per-address 20000 >"$work/server.log" 2>&1 &
server_pid=$!
if ! wait_for_answer "$PORT" 60; then say "the Chamada server did not start; its log:"; cat "$work/server.log" >&2; exit 3; fi

# --- Redis: every write in the append-only file and fsynced before the reply ---------------
if [ -n "$redis_bin" ]; then
  "$redis_bin" --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$work" --appendonly yes --appendfsync always \
    --save '' --maxclients 20000 --daemonize no --logfile "$work/redis.log" &
  redis_pid=$!
  if ! wait_for_port "$REDIS_PORT" 30; then say "redis-server did not start; its log:"; cat "$work/redis.log" >&2; exit 3; fi
fi

bench() { ./chamada --lang en bench --port "$PORT" --redis-port "$REDIS_PORT" --server-pid "$server_pid" "$@"; }

# The JVM compiles the hot paths for the first ~40 s of load (C2 took 32% of the server's CPU in
# the first 10 s, 7% from 10 to 30 s, none after 40 s): a server that runs all day is measured
# warm, and Redis gets the same load.
if [ "$PREWARM" != 0 ]; then
  say "warming both servers up for ${PREWARM} s each (not measured)..."
  # Over 1,000 classes, as a school's load is: a few classes of 200,000 check-ins each would make
  # the closing status replies alone larger than the server's 512 MiB heap.
  bench --connections 200 --duration "$PREWARM" --warmup 0 --classes 1000 --first-class 9001 >/dev/null 2>&1 || true
  [ -z "$redis_bin" ] || bench --target redis --connections 200 --duration "$PREWARM" --warmup 0 --first-class 9001 \
    >/dev/null 2>&1 || true
fi

echo "== Chamada vs Redis (appendfsync always): $CONNECTIONS connections, ${ROUNDS} rounds of ${WARMUP} s + ${DURATION} s each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$redis_bin" ]; then
  bench --target compare --redis-pid "$redis_pid" --connections "$CONNECTIONS" --duration "$DURATION" \
    --warmup "$WARMUP" --rounds "$ROUNDS" || failed=1
else
  bench --target chamada --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" --rounds "$ROUNDS" || failed=1
fi

if [ -z "${SKIP_EXTRA:-}" ]; then
  echo
  echo "== Size of the class: 1,000 connections into 1 class, then into 1,000 classes (Chamada)"
  bench --connections 1000 --classes 1 --first-class 5001 --duration "$((DURATION * 2))" --warmup "$WARMUP" || failed=1
  bench --connections 1000 --classes 1000 --first-class 6001 --duration "$((DURATION * 2))" --warmup "$WARMUP" || failed=1

  echo
  echo "== 10,000 connections held open, each checking in every 5 s (Chamada, server heap -Xmx512m)"
  # The bench holds the connections open, idle, after measuring, while we look at the heap.
  bench --connections 10000 --pause 5 --classes 100 --first-class 8001 --duration "$((DURATION * 3))" --warmup 5 \
    --timeout 30 --hold 15 2> >(tee "$work/bench10k.err" >&2) &
  bench_pid=$!
  deadline=$((SECONDS + 300))
  while ! grep -q "holding" "$work/bench10k.err" 2>/dev/null && kill -0 "$bench_pid" 2>/dev/null \
      && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
  jcmd="$(dirname "$(readlink -f "/proc/$server_pid/exe")")/jcmd"
  if grep -q "holding" "$work/bench10k.err" && [ -x "$jcmd" ]; then
    echo "server heap with the 10,000 connections open (jcmd GC.heap_info, then the live set after a full GC):"
    "$jcmd" "$server_pid" GC.heap_info 2>/dev/null | sed -n '2,3p'
    "$jcmd" "$server_pid" GC.class_histogram 2>/dev/null | tail -1 | awk '{printf "live objects: %d, %.1f MiB\n", $2, $3 / 1048576}'
    echo "server resident memory: $(awk '/VmRSS|VmHWM/ {printf "%s %s %s  ", $1, $2, $3}' "/proc/$server_pid/status")"
  fi
  wait "$bench_pid" || failed=1
fi

jdk_bin="$(dirname "$(readlink -f "/proc/$server_pid/exe")")"
if [ -x "$jdk_bin/jcmd" ] && [ -x "$jdk_bin/jfr" ] \
    && "$jdk_bin/jcmd" "$server_pid" JFR.dump name=1 filename="$work/pinned.jfr" >/dev/null 2>&1; then
  pinned=$("$jdk_bin/jfr" print --events jdk.VirtualThreadPinned "$work/pinned.jfr" | grep -c "^jdk.VirtualThreadPinned" || true)
  echo
  echo "== Pinning: ${pinned} virtual threads held their carrier 20 ms or more during the whole run (JFR jdk.VirtualThreadPinned)"
  if [ "$pinned" != 0 ]; then
    "$jdk_bin/jfr" print --events jdk.VirtualThreadPinned --stack-depth 6 "$work/pinned.jfr" | head -40
  fi
fi

# Start-up as a school's IT person gets it: `./chamada server` with nothing exported (so with the
# launcher's start-up files), and for comparison `java -jar` alone; taking turns, STARTS times
# each, each on a fresh database; then `./chamada server` again on a database of its own earlier
# start, as every start after the first is (no migration to run, so Flyway is not even loaded).
# Prints the ms from starting the command to the first answer.
java="$(readlink -f "/proc/$server_pid/exe")"
probe_port=$((PORT + 1))
time_start() {
  local db="${DB:-$work/probe-$RANDOM.db}" pid start_ns ms="?"
  start_ns=$(date +%s%N)
  "$@" --lang en server --bind 127.0.0.1 --port "$probe_port" --http-port off --db "$db" >"$work/probe.log" 2>&1 &
  pid=$!
  if wait_for_answer "$probe_port" 60; then ms=$(( ($(date +%s%N) - start_ns) / 1000000 )); fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ -n "${DB:-}" ] || rm -rf "$db" "$db"-* "$db.lock"
  echo "$ms"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
if port_free "$probe_port"; then
  launcher_ms=(); jvm_ms=(); again_ms=()
  for _ in $(seq "$STARTS"); do
    launcher_ms+=("$(time_start env -u CHAMADA_JAVA_OPTS ./chamada)")
    jvm_ms+=("$(time_start "$java" --enable-native-access=ALL-UNNAMED -jar target/chamada.jar)")
  done
  DB="$work/probe-again.db" time_start env -u CHAMADA_JAVA_OPTS ./chamada >/dev/null
  for _ in $(seq "$STARTS"); do
    again_ms+=("$(DB="$work/probe-again.db" time_start env -u CHAMADA_JAVA_OPTS ./chamada)")
  done
  echo
  echo "== Start-up to the first answer (fresh database, JVM start included), median of $STARTS: $(median "${launcher_ms[@]}") ms with ./chamada server (${launcher_ms[*]}), $(median "${jvm_ms[@]}") ms with java -jar alone (${jvm_ms[*]}); on its own database again, $(median "${again_ms[@]}") ms with ./chamada server (${again_ms[*]}); load average $(cut -d' ' -f1-3 /proc/loadavg)"
else
  say "port $probe_port is taken; start-up not measured"
fi
if [ -z "${SKIP_EXTRA:-}" ]; then
  echo
  if [ -x /usr/lib/postgresql/15/bin/postgres ] && [ "$(id -u)" = 0 ]; then
    echo "== Chamada on PostgreSQL 15 (bench/postgres.sh)"
    DURATION="$((DURATION * 2))" WARMUP="$WARMUP" bash bench/postgres.sh || failed=1
  else
    echo "== SKIP Chamada on PostgreSQL: needs Debian's postgresql-15 and root (to run it as postgres); see bench/postgres.sh"
  fi
fi
[ "$failed" = 0 ] || say "a run failed its checks (see above)"
exit "$failed"

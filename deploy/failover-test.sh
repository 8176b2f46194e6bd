#!/usr/bin/env bash
# A scripted failover (issue 12, docs/SCALING.md "Losing a database machine"): two PostgreSQL 15
# under Patroni with etcd, configured as deploy/patroni/ (synchronous_mode_strict), one Chamada node
# writing check-ins through them, and a kill -9 of the primary while it writes. It measures the
# seconds without acknowledged writes and counts the acknowledged check-ins missing from the
# database afterwards (lost: must be 0), and exits non-zero if any was lost.
#
#   sudo deploy/failover-test.sh     KILL=machine BACK_AFTER=0 KILL_AFTER=5 AFTER=5 DURATION=20 KEEP=0
#
# KILL=machine (default): kill -9 the leader's Patroni and every process of its PostgreSQL at
#   once, as when the machine dies: nobody restarts it, so Patroni promotes the standby once the
#   leader key expires (ttl). The machine then "comes back": its Patroni is started again once the
#   standby leads, and rejoins as the new synchronous standby. It has to: with
#   synchronous_mode_strict and two machines, the new primary accepts no commit until a
#   synchronous standby is back (nothing acknowledged is then ever on one machine only).
#   BACK_AFTER: seconds the machine stays down once the standby leads (default 0).
# KILL=postgres: kill -9 only the leader's postmaster. Its Patroni, alive, restarts it in place
#   (crash recovery) instead of failing over (primary_start_timeout, 300 s by default): this
#   measures a PostgreSQL crash, not the loss of a machine.
# KILL_AFTER: seconds of writing before the kill. AFTER: seconds of writing once writes are
#   acknowledged again and both databases are up. DURATION: the least seconds of writing in all.
# KEEP=1 keeps the work folder (logs, acknowledgements) instead of removing it.
#
# Everything listens on 127.0.0.1 only: etcd 23790 (peers 23800), PostgreSQL 15433/15434, Patroni
# REST 18008/18009, Chamada's native port 17272 (no web front). The databases, Patroni and etcd
# run as the `postgres` user (PostgreSQL refuses root); the folder is removed and every process
# stopped at the end, even on failure.
#
# On loopback a killed process's connections are reset at once. A real machine that loses power
# sends nothing, and its clients notice only through their timeouts and keep-alives.
#
# Needs: root, Debian's postgresql-15, patroni, etcd-server and etcd-client (apt-get install),
# the jar (./chamada build), a JDK 21 or newer (bench/find-java.sh finds it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
KILL="${KILL:-machine}" BACK_AFTER="${BACK_AFTER:-0}" KILL_AFTER="${KILL_AFTER:-5}" AFTER="${AFTER:-5}" DURATION="${DURATION:-20}" KEEP="${KEEP:-0}"
MAX_WAIT=120 # seconds any one step may take before the run is given up
CLASS=1010
ETCD_PORT=23790 ETCD_PEER_PORT=23800 NODE_PORT=17272
declare -A PG_PORT=([db1]=15433 [db2]=15434) REST_PORT=([db1]=18008 [db2]=18009)
pg_bin=/usr/lib/postgresql/15/bin
python=/usr/bin/python3 # Debian's, the one Patroni runs on, whatever python3 is first in PATH

die() { echo "failover-test: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run it as root (PostgreSQL, Patroni and etcd are started as the postgres user)"
case "$KILL" in machine | postgres) ;; *) die "KILL is machine or postgres, not '$KILL'" ;; esac
[ -x "$pg_bin/postgres" ] || die "PostgreSQL 15 is not installed ($pg_bin); apt-get install postgresql-15"
for tool in patroni etcd etcdctl; do
  command -v "$tool" >/dev/null || die "$tool is missing; apt-get install patroni etcd-server etcd-client"
done
[ -f target/chamada.jar ] || die "target/chamada.jar is missing; ./chamada build"
for port in "$ETCD_PORT" "$ETCD_PEER_PORT" "${PG_PORT[@]}" "${REST_PORT[@]}" "$NODE_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is in use (another run, or another program)"; fi
done
. bench/find-java.sh

work="$(mktemp -d "${TMPDIR:-/tmp}/chamada-failover.XXXXXX")"
chown postgres: "$work"
etcd_pid="" node_pid="" writer_pid=""
declare -A patroni_pid=()

# Stops what this script started (the node first, etcd last) and removes the folder (unless KEEP=1). On failure
# it shows the end of every log first, since the folder goes with them.
cleanup() {
  local status=$? pid name pm deadline
  set +e
  if [ -n "$writer_pid" ]; then kill "$writer_pid" 2>/dev/null; wait "$writer_pid" 2>/dev/null; fi
  if [ -n "$node_pid" ]; then kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; fi
  # Patroni stops its PostgreSQL when it gets SIGTERM.
  for pid in "${patroni_pid[@]}"; do kill "$pid" 2>/dev/null; done
  deadline=$((SECONDS + 30))
  for pid in "${patroni_pid[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  done
  # A PostgreSQL left without its Patroni (killed, or too slow to stop): fast shutdown, by the
  # pid in its postmaster.pid, if that pid is still that PostgreSQL (and not a recycled pid).
  for name in db1 db2; do
    pm="$(head -1 "$work/$name/data/postmaster.pid" 2>/dev/null)"
    [ -n "$pm" ] && tr '\0' ' ' 2>/dev/null <"/proc/$pm/cmdline" | grep -q -- "$work/$name/data" || continue
    kill -INT "$pm"
    deadline=$((SECONDS + 30))
    while kill -0 "$pm" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -9 "$pm" 2>/dev/null
  done
  if [ -n "$etcd_pid" ]; then kill "$etcd_pid" 2>/dev/null; wait "$etcd_pid" 2>/dev/null; fi
  if [ "$status" != 0 ]; then
    for log in "$work"/*.log "$work"/*/*.log; do
      [ -f "$log" ] && { echo "--- last lines of ${log#"$work"/}"; tail -n 15 "$log"; }
    done >&2
  fi
  if [ "$KEEP" = 1 ]; then echo "failover-test: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
# Records a moment of the run, for the report.
event() { printf '%s\t%s\n' "$1" "$(now_ms)" >>"$work/events.tsv"; }

# Runs `until CONDITION...`, for at most MAX_WAIT seconds.
wait_for() {
  local what="$1" deadline=$((SECONDS + MAX_WAIT))
  shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || die "$what: not within $MAX_WAIT s"
    sleep 0.2
  done
}

secret() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; } # hex: no quoting trouble
su_password="$(secret)" replication_password="$(secret)" chamada_password="$(secret)"

# --- The helpers in Python: Patroni's view of the cluster, and Chamada's client side.
cat >"$work/client.py" <<'PY'
"""deploy/failover-test.sh's helpers: Patroni's cluster, one Chamada request, the writer, the report."""
import collections, json, os, socket, sys, time, urllib.request

def now_ms():
    return int(time.time() * 1000)

def leader(*rest_ports):
    """Prints the name of the running leader as Patroni's REST API (the first that answers) sees it."""
    for port in rest_ports:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/cluster", timeout=2) as response:
                members = json.load(response)["members"]
        except (OSError, ValueError):
            continue
        for m in members:
            if m["role"] == "leader" and m["state"] == "running":
                print(m["name"])
        return

def connect(port, reply_timeout):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.settimeout(reply_timeout)
    return s, s.makefile("rb")

def ask(port, line):
    """Sends one request on a connection of its own and prints the reply."""
    s, f = connect(port, 90)
    with s:
        s.sendall((line + "\n").encode())
        reply = f.readline().decode()
    print(reply, end="")
    sys.exit(0 if json.loads(reply).get("ok") else 1)

def write(port, cls, work):
    """One check-in at a time on one connection, until the file `stop` appears: matrícula
    100000000 + i, the next one only once this one is acknowledged. After an error reply the same
    matrícula is tried again (as a student would), after a lost connection on a new connection.
    Writes acks.tsv (matrícula, ms of the acknowledgement, already_registered, ms it was sent) and errors.tsv
    (ms, code; DISCONNECTED and NO_REPLY are the writer's own)."""
    # Longer than Chamada's own limit on a PostgreSQL answer (60 s, the driver's socket timeout): its answer is what we measure.
    reply_timeout = 90
    conn, i = None, 0
    with open(f"{work}/acks.tsv", "w") as acks, open(f"{work}/errors.tsv", "w") as errors:
        def error(code):
            nonlocal conn
            errors.write(f"{now_ms()}\t{code}\n")
            errors.flush()
            if code in ("DISCONNECTED", "NO_REPLY") and conn:
                conn[0].close()
                conn = None
            time.sleep(0.05)
        while not os.path.exists(f"{work}/stop"):
            matricula = str(100000000 + i)
            try:
                if conn is None:
                    conn = connect(port, reply_timeout)
                sent = now_ms()
                conn[0].sendall(f"checkin {matricula} {cls}\n".encode())
                line = conn[1].readline()
            except socket.timeout:
                error("NO_REPLY")
                continue
            except OSError:
                error("DISCONNECTED")
                continue
            if not line:
                error("DISCONNECTED")
                continue
            reply = json.loads(line)
            if reply.get("ok"):
                acks.write(f"{matricula}\t{now_ms()}\t{int(bool(reply.get('already_registered')))}\t{sent}\n")
                acks.flush()
                i += 1
            else:
                error(reply.get("code", "?"))

def report(work, kill_mode, versions):
    events = dict(line.split("\t") for line in open(f"{work}/events.tsv").read().split("\n") if line)
    ms = {k: int(v) for k, v in events.items() if v.isdigit()}
    kill = ms["kill"]
    acks = [line.split("\t") for line in open(f"{work}/acks.tsv").read().split("\n") if line]
    acked = [(m, int(t)) for m, t, _, _ in acks]
    retried_saved = sum(1 for _, _, again, _ in acks if again == "1")
    errors = [line.split("\t") for line in open(f"{work}/errors.tsv").read().split("\n") if line]
    in_db = set(open(f"{work}/in-db.txt").read().split())
    lost = sorted({m for m, _ in acked} - in_db)
    never_acked = sorted(in_db - {m for m, _ in acked})
    gap, gap_from = 0, None
    for (_, a), (_, b) in zip(acked, acked[1:]):
        if b - a > gap:
            gap, gap_from = b - a, a
    # Sent after the kill: an acknowledgement read just after it may be of a commit made before.
    after = [int(t) for _, t, _, sent in acks if int(sent) > kill]
    first_after = (after[0] - kill) / 1000 if after else None
    codes = collections.Counter(code for _, code in errors)
    s = lambda t: f"{(t - kill) / 1000:+.1f} s".replace("-0.0", "0.0").replace("+0.0", "0.0")
    what = ("the leader's Patroni and all its PostgreSQL processes (the machine lost)" if kill_mode == "machine"
            else "the leader's postmaster only (its Patroni restarts it)")
    print(f"== Chamada failover test (deploy/failover-test.sh), {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"   {versions}; two nodes, synchronous_mode_strict; ttl 10 s, loop_wait 2 s, retry_timeout 4 s")
    print(f"   one Chamada node, one connection, one check-in at a time; kill -9 of {what}")
    print(f"   after {(kill - ms['start']) / 1000:.1f} s of writing; times below are from the kill")
    if "leader" in ms:
        print(f"   {events.get('leader_name', '?')} running as leader: {s(ms['leader'])}", end="")
        print(f"; {events.get('standby_name', '?')} back {(ms['back'] - ms['leader']) / 1000:.0f} s later,"
              f"{' after pg_rewind,' if 'rewound' in events else ''} synchronous standby again: {s(ms['sync'])}"
              if "sync" in ms else "")
    print(f"acknowledged check-ins:         {len(acked)}"
          + (f" ({retried_saved} answered already_registered: an earlier attempt with an error reply had been saved)"
             if retried_saved else ""))
    print(f"lost (acknowledged, not in the database): {len(lost)}" + (f": {' '.join(lost[:20])}" if lost else ""))
    print(f"seconds without acknowledged writes: {gap / 1000:.1f} (largest gap between two acknowledgements,"
          f" {s(gap_from)} to {s(gap_from + gap)})" if gap_from is not None else "seconds without writes: n/a")
    print(f"first acknowledgement of a check-in sent after the kill: "
          + (f"{first_after:.1f} s" if first_after is not None else "none"))
    print("error replies: " + (", ".join(f"{c} {n}" for c, n in codes.most_common()) or "none")
          + (f" (from {s(int(errors[0][0]))} to {s(int(errors[-1][0]))})" if errors else ""))
    if "back" in ms:
        # With synchronous_mode_strict nothing should be acknowledged while db1's machine is down
        # (from the kill until it is started again): such a check-in was on one machine only. Only
        # a run with BACK_AFTER above 0 gives that window time; the later one, while db1 catches up,
        # is not counted, since the script sees it become a synchronous standby a moment late.
        alone = sum(1 for _, t, _, sent in acks if kill < int(sent) and int(t) < ms["back"])
        print(f"acknowledged while the old primary's machine was down (on one machine only): {alone}")
    print(f"in the database: {len(in_db)}, of which never acknowledged: {len(never_acked)}"
          f" (an attempt answered with an error, or cut by the end of the run)")
    print(f"close through Chamada: {events.get('close_count', '?')} present")
    sys.exit(1 if lost else 0)

if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "leader":
        leader(*args)
    elif command == "ask":
        ask(int(args[0]), args[1])
    elif command == "write":
        write(int(args[0]), args[1], args[2])
    elif command == "report":
        report(*args)
PY

leader() { "$python" "$work/client.py" leader "${REST_PORT[db1]}" "${REST_PORT[db2]}"; }
# psql as PostgreSQL's superuser on database $3 (default postgres) of node $1; unaligned, no headers.
# The statement goes in on standard input, not the command line, where `ps` would show a password.
sql() {
  printf '%s\n' "$2" | PGPASSWORD="$su_password" "$pg_bin/psql" -X -qAt -v ON_ERROR_STOP=1 -h 127.0.0.1 \
    -p "${PG_PORT[$1]}" -U postgres -d "${3:-postgres}" -f -
}
# Whether $2 streams to leader $1 as its synchronous standby: the leader's own word for it.
is_sync_standby() {
  [ "$(sql "$1" "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$2' AND state = 'streaming' AND sync_state = 'sync'" 2>/dev/null)" = 1 ]
}
is_leader() { [ "$(leader)" = "$1" ]; }
ask() { "$python" "$work/client.py" ask "$NODE_PORT" "$1"; }

# --- 1. etcd, one member, v3 API, on loopback only.
mkdir -p "$work/etcd" && chown postgres: "$work/etcd" && chmod 700 "$work/etcd"
(cd "$work" && exec setpriv --reuid=postgres --regid=postgres --init-groups etcd --name etcd1 --data-dir "$work/etcd/data" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "etcd1=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state new >"$work/etcd.log" 2>&1) &
etcd_pid=$!
wait_for "etcd up" env ETCDCTL_API=3 etcdctl --endpoints="127.0.0.1:$ETCD_PORT" endpoint health >/dev/null 2>&1

# --- 2. Two Patroni nodes, from deploy/patroni/patroni-db1.yml with local ports and paths.
# ttl, loop_wait and retry_timeout are shorter than the example's (30/10/10) so that a test fails
# over in seconds; Patroni wants loop_wait + 2 * retry_timeout <= ttl, hence 4, not 5.
# pgpass and the socket folder are in the work folder, so that nothing is written outside it.
patroni_config() {
  local name="$1"
  cat <<YML
scope: chamada-failover-test
name: $name
restapi:
  listen: 127.0.0.1:${REST_PORT[$name]}
  connect_address: 127.0.0.1:${REST_PORT[$name]}
etcd3:
  hosts: 127.0.0.1:$ETCD_PORT
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 2
    retry_timeout: 4
    synchronous_mode: true
    synchronous_mode_strict: true
    postgresql:
      use_pg_rewind: true
      parameters:
        synchronous_commit: "on"
        max_connections: 300
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
  pg_hba:
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:${PG_PORT[$name]}
  connect_address: 127.0.0.1:${PG_PORT[$name]}
  data_dir: $work/$name/data
  bin_dir: $pg_bin
  pgpass: $work/$name/pgpass
  parameters:
    unix_socket_directories: $work/$name
  authentication:
    superuser:
      username: postgres
      password: $su_password
    replication:
      username: replicator
      password: $replication_password
YML
}
start_patroni() {
  local name="$1"
  # Appends: db1's log keeps its first life when it comes back.
  (cd "$work/$name" && exec env HOME="$work/$name" setpriv --reuid=postgres --regid=postgres --init-groups \
    patroni "$work/$name/patroni.yml" >>"$work/$name/patroni.log" 2>&1) &
  patroni_pid[$name]=$!
}
for name in db1 db2; do
  mkdir -p "$work/$name"
  patroni_config "$name" >"$work/$name/patroni.yml"
  chown -R postgres: "$work/$name" && chmod 700 "$work/$name" && chmod 600 "$work/$name/patroni.yml"
done
# db1 first, so that it is the one that bootstraps the cluster and leads.
start_patroni db1
wait_for "db1 leading" is_leader db1
start_patroni db2
wait_for "db2 the synchronous standby of db1" is_sync_standby db1 db2
echo "failover-test: db1 leads, db2 is its synchronous standby" >&2

# --- 3. Chamada's user and database, and one node on the multi-host address.
sql db1 "CREATE ROLE chamada LOGIN PASSWORD '$chamada_password'" >/dev/null
sql db1 "CREATE DATABASE chamada OWNER chamada" >/dev/null
url="postgresql://chamada@127.0.0.1:${PG_PORT[db1]},127.0.0.1:${PG_PORT[db2]}/chamada?targetServerType=primary"
# No --teachers: open mode, anybody may open and close. The password in the environment only.
(cd "$work" && exec env CHAMADA_DB_PASSWORD="$chamada_password" "$java" -jar "$repo/target/chamada.jar" --lang en \
  server --bind 127.0.0.1 --port "$NODE_PORT" --http-port off --db "$url" >"$work/node.log" 2>&1) &
node_pid=$!
wait_for "Chamada node listening" bash -c "exec 2>/dev/null; echo >/dev/tcp/127.0.0.1/$NODE_PORT"
ask "open $CLASS" >/dev/null || die "open $CLASS refused"

# --- 4. The writer, and the kill.
# An acknowledgement of a check-in sent after the kill (one read just after it may be of an earlier commit).
has_ack_after_kill() { [ -s "$work/acks.tsv" ] && [ "$(tail -n 1 "$work/acks.tsv" | cut -f 4)" -gt "$kill_ms" ] 2>/dev/null; }
event start
"$python" "$work/client.py" write "$NODE_PORT" "$CLASS" "$work" &
writer_pid=$!
sleep "$KILL_AFTER"
postmaster="$(head -1 "$work/db1/data/postmaster.pid")"
if [ "$KILL" = machine ]; then
  # The machine dies: its Patroni, its postmaster and every child of it, all at once.
  victims=("${patroni_pid[db1]}" "$postmaster" $(pgrep -P "$postmaster" || true))
else
  victims=("$postmaster")
fi
# Reaping the killed Patroni in here keeps bash's "Killed" job notice off the terminal.
{ kill -9 "${victims[@]}"; [ "$KILL" = postgres ] || wait "${patroni_pid[db1]}"; } 2>/dev/null || true
# Gone: the cleanup must not signal whatever process is given its pid next.
[ "$KILL" = postgres ] || unset 'patroni_pid[db1]'
# Taken after the kill, so that a check-in sent after this moment went to a dead primary.
kill_ms="$(now_ms)"
event kill
echo "failover-test: kill -9 ${victims[*]} ($KILL of db1)" >&2
if [ "$KILL" = machine ]; then
  wait_for "db2 promoted" is_leader db2
  event leader && printf 'leader_name\tdb2\n' >>"$work/events.tsv"
  # Only now may db1 come back: with the leader key still its own, its Patroni would restart
  # PostgreSQL in place as the primary instead of failing over.
  sleep "$BACK_AFTER"
  event back
  start_patroni db1
  wait_for "db1 back as the synchronous standby of db2" is_sync_standby db2 db1
  event sync && printf 'standby_name\tdb1\n' >>"$work/events.tsv"
  if grep -q 'pg_rewind exit code=0' "$work/db1/patroni.log"; then printf 'rewound\tyes\n' >>"$work/events.tsv"; fi
fi
wait_for "a check-in acknowledged after the kill" has_ack_after_kill
if [ "$KILL" = postgres ]; then
  wait_for "db1 leading" is_leader db1
  wait_for "db2 the synchronous standby of db1" is_sync_standby db1 db2
fi
sleep "$AFTER"
while [ $(( $(now_ms) - $(cut -f 2 "$work/events.tsv" | head -1) )) -lt $((DURATION * 1000)) ]; do sleep 0.2; done
touch "$work/stop"
wait "$writer_pid"
writer_pid=""
event end

# --- 5. Close through Chamada, then read the roll call's check-ins on the primary itself.
ask "close $CLASS" >"$work/close.json" || die "close $CLASS refused: $(cat "$work/close.json")"
printf 'close_count\t%s\n' "$("$python" -c 'import json,sys; print(json.load(sys.stdin)["count"])' <"$work/close.json")" >>"$work/events.tsv"
primary="$(leader)"
[ -n "$primary" ] || die "no leader to read the check-ins from"
sql "$primary" "SELECT c.matricula FROM check_ins c
  WHERE c.roll_call_id = (SELECT max(id) FROM roll_calls WHERE class_id = $CLASS)" chamada >"$work/in-db.txt"
echo "failover-test: read $(wc -l <"$work/in-db.txt") check-ins on $primary, the primary now" >&2

# --- 6. The result.
versions="PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), Patroni $(patroni --version | awk '{print $2}'), etcd $(etcd --version | awk 'NR==1 {print $3}')"
"$python" "$work/client.py" report "$work" "$KILL" "$versions"

# Shared by bench/run.sh and the drills; source it, do not run it.
#
# Starts the packaged app the way a user would (embedded PostgreSQL, sandbox gateway) in a fresh work
# directory, and makes sure that everything it started is stopped again when the calling script exits:
# the app, the PostgreSQL it spawned (which outlives a kill -9 of the app), and any helper recorded with
# track_pid. Only processes started here are ever signalled, always by PID.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
# As the README starts the app; JAVA_OPTS= (empty) runs it with the JVM's defaults.
JAVA_OPTS=${JAVA_OPTS-@$REPO_DIR/payment-app/jvm.options}
WEBHOOK_SECRET=whsec_bench_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
ADMIN_PASSWORD=bench-admin
# wrk and pgbench threads: one per CPU.
THREADS=$(nproc)
APP_PID=
TRACKED_PIDS=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# The jar given as the first argument, or the unpacked one the README runs (payment-app/target/app).
resolve_jar() {
    local jar=${1:-$REPO_DIR/payment-app/target/app/payment-app.jar}
    [[ -f $jar ]] || die "no app jar at $jar (build it: ./mvnw -B -DskipTests package)"
    realpath "$jar"
}

# -XX:SharedArchiveFile for the class data sharing archive the build writes beside the unpacked jar, as the README
# passes it; nothing for a jar without one (the nested jar, bench/floor-app), nor with JFR or an agent from the start
# (PROFILE=1): JDK 17 then crashes on the archive (README, "Two commands").
archive_option() {
    local archive=${1%.jar}.jsa
    if [[ -f $archive && $JAVA_OPTS != *StartFlightRecording* && $JAVA_OPTS != *-javaagent* ]]; then
        printf -- '-XX:SharedArchiveFile=%s' "$archive"
    fi
}

# Installs what the scripts need and the machine lacks (Debian/Ubuntu): wrk, psql, pgbench, curl.
require_tools() {
    local packages=() sudo=
    [[ $(id -u) == 0 ]] || sudo=sudo
    command -v java >/dev/null || die "java (17+) is not on the PATH"
    command -v python3 >/dev/null || die "python3 is not on the PATH"
    command -v curl >/dev/null || packages+=(curl)
    command -v psql >/dev/null || packages+=(postgresql-client)
    command -v wrk >/dev/null || packages+=(wrk)
    # Debian ships pgbench with the server package; postgresql-contrib pulls that in.
    pgbench --version >/dev/null 2>&1 || packages+=(postgresql-contrib)
    if ((${#packages[@]})); then
        log "installing ${packages[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

track_pid() { TRACKED_PIDS+=("$1"); }

# A fresh work directory; removed on exit unless KEEP=1.
make_work_dir() {
    WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/payment-bench.XXXXXX")
    DATA_DIR=$WORK_DIR/data
    APP_LOG=$WORK_DIR/app.log
    APP_PORT=$(free_port)
    BASE_URL=http://127.0.0.1:$APP_PORT
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    log "work directory $WORK_DIR, app on port $APP_PORT"
}

# What every script does first: STAMP for its result files, APP_JAR from its first argument, the tools, a
# fresh work directory.
bench_setup() {
    STAMP=$(date -u +%Y%m%dT%H%M%SZ)
    APP_JAR=$(resolve_jar "${1:-}")
    require_tools
    make_work_dir
}

# app_start and app_wait_ready, failing with the end of the app's log.
app_start_ready() {
    app_start "$@"
    app_wait_ready || die "the app did not become ready: $(tail -20 "$APP_LOG")"
}

# Starts the app in the background; extra NAME=value arguments are added to its environment.
# Sets APP_PID and APP_LAUNCHED_NS (when java was started).
app_start() {
    APP_LAUNCHED_NS=$(date +%s%N)
    env SERVER_PORT="$APP_PORT" PAYMENT_DATA_DIR="$DATA_DIR" \
        PAYMENT_SANDBOX_WEBHOOKSECRET="$WEBHOOK_SECRET" PAYMENT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        PAYMENT_CREATEINTENTPERMINUTE=1000000 PAYMENT_TRUSTED_PROXIES=127.0.0.1 "$@" \
        java $JAVA_OPTS $(archive_option "$APP_JAR") -jar "$APP_JAR" >>"$APP_LOG" 2>&1 &
    APP_PID=$!
}

# Waits until the readiness probe answers 200; sets READY_MS (from java -jar to ready). Fails if the app dies.
app_wait_ready() {
    local timeout_s=${1:-180} deadline
    deadline=$(($(date +%s) + timeout_s))
    until curl -sf -o /dev/null "$BASE_URL/actuator/health/readiness"; do
        kill -0 "$APP_PID" 2>/dev/null || return 1
        (($(date +%s) < deadline)) || return 1
        sleep 0.05
    done
    READY_MS=$((($(date +%s%N) - APP_LAUNCHED_NS) / 1000000))
    pg_discover
}

# Stops the app gracefully (which also stops its PostgreSQL), or kills it after 30 s.
app_stop() {
    [[ -n $APP_PID ]] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}

# start_beside NAME JAR [NAME=value...]: starts a second JVM (another build of the app, or bench/floor-app) on a
# free port against the app's PostgreSQL, and waits until it answers a status poll for the first id in
# $WORK_DIR/ids.txt. Sets BESIDE_PID and BESIDE_URL; its log is $WORK_DIR/NAME.log.
start_beside() {
    local name=$1 jar=$2 port
    shift 2
    port=$(free_port)
    env SERVER_PORT="$port" PAYMENT_DATA_DIR="$WORK_DIR/data-$name" PAYMENT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=payment_app \
        SPRING_DATASOURCE_PASSWORD="$(<"$DATA_DIR/postgres/app.password")" \
        SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=64 "$@" java $JAVA_OPTS $(archive_option "$jar") -jar "$jar" >"$WORK_DIR/$name.log" 2>&1 &
    BESIDE_PID=$!
    track_pid "$BESIDE_PID"
    BESIDE_URL=http://127.0.0.1:$port
    until curl -sf -o /dev/null "$BESIDE_URL/api/payment/status/$(head -1 "$WORK_DIR/ids.txt")"; do
        kill -0 "$BESIDE_PID" 2>/dev/null || die "$name did not start: $(tail -20 "$WORK_DIR/$name.log")"
        sleep 0.2
    done
}

# wrk NAME CONNECTIONS SECONDS SCRIPT [URL-PATH] [-- SCRIPT ARGS]: one measurement of
# $BASE_URL, its summary saved as $WORK_DIR/results/NAME.json.
run_wrk() {
    local name=$1 connections=$2 seconds=$3 script=$4 path=${5:-/}
    shift 5 || shift $#
    wrk -t "$THREADS" -c "$connections" -d "${seconds}s" --timeout 10s --latency \
        -s "$BENCH_DIR/lua/$script" "$BASE_URL$path" "$@" >"$WORK_DIR/wrk-$name.txt" 2>&1
    grep '^BENCH_RESULT ' "$WORK_DIR/wrk-$name.txt" | sed 's/^BENCH_RESULT //' >"$WORK_DIR/results/$name.json" ||
        die "wrk $name printed no result: $(cat "$WORK_DIR/wrk-$name.txt")"
}

# c2_queue_length [PID]: methods waiting for the C2 compiler in that JVM (default: the app).
c2_queue_length() { jcmd "${1:-$APP_PID}" Compiler.queue 2>/dev/null | grep -c '::' || true; }

app_rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status"; }

# The embedded PostgreSQL's PID, port and binaries, read from its postmaster.pid; psql and pgbench get the
# superuser's password from the file the app keeps beside the data.
pg_discover() {
    local pid_file=$DATA_DIR/postgres/postmaster.pid
    [[ -f $pid_file ]] || die "no $pid_file: is the app using the embedded PostgreSQL?"
    PGPASSWORD=$(<"$DATA_DIR/postgres/superuser.password")
    export PGPASSWORD
    PG_PID=$(sed -n 1p "$pid_file")
    PG_PORT=$(sed -n 4p "$pid_file")
    PG_BIN=$(dirname "$(readlink "/proc/$PG_PID/exe")")
    PG_OPTIONS=$(tr '\0' '\n' <"/proc/$PG_PID/cmdline" | sed -n '4,$p' | paste -sd' ')
}

pg_running() {
    local pid_file=$DATA_DIR/postgres/postmaster.pid pid
    [[ -f $pid_file ]] || return 1
    pid=$(sed -n 1p "$pid_file")
    [[ -n $pid && -e /proc/$pid ]] && grep -qs -- "$DATA_DIR/postgres" "/proc/$pid/cmdline"
}

# pg_ctl refuses to run as root; like the embedded-postgres library, run it in a user namespace then.
pg_ctl_run() {
    if [[ $(id -u) == 0 ]]; then unshare -U "$PG_BIN/pg_ctl" "$@"; else "$PG_BIN/pg_ctl" "$@"; fi
}

pg_stop() { pg_ctl_run -D "$DATA_DIR/postgres" stop -m fast -w >/dev/null; }

# Starts it again on the same port with the options the app gave it (fsync and all).
pg_start() {
    pg_ctl_run -D "$DATA_DIR/postgres" -o "$PG_OPTIONS" -l "$WORK_DIR/postgres-restart.log" -w start >/dev/null
}

db() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${DB_NAME:-postgres}" -X -v ON_ERROR_STOP=1 -Atq "$@"; }

# Inserts COUNT pending payments with gateway references pi_bench_<8 digits> starting at FIRST.
seed_payments() {
    local count=$1 first=${2:-1}
    db -v count="$count" -v first="$first" -f "$BENCH_DIR/sql/seed.sql"
}

# Signed payment_intent.succeeded events for the seeded references FIRST..LAST, one per line.
sign_events() {
    local prefix=$1 first=$2 last=$3
    db -c "COPY (SELECT gateway_reference FROM payments
                  WHERE gateway_reference BETWEEN 'pi_bench_$(printf %08d "$first")'
                                              AND 'pi_bench_$(printf %08d "$last")'
                  ORDER BY gateway_reference) TO STDOUT" |
        python3 "$BENCH_DIR/webhooks.py" "$WEBHOOK_SECRET" "$prefix"
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    for pid in "${TRACKED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    app_stop
    # After a kill -9 of the app its PostgreSQL keeps running; stop it by its data directory.
    if [[ -n ${DATA_DIR:-} ]] && pg_running; then
        [[ -n ${PG_BIN:-} ]] || PG_BIN=$(dirname "$(readlink "/proc/$(sed -n 1p "$DATA_DIR/postgres/postmaster.pid")/exe")")
        pg_stop || kill -KILL "$(sed -n 1p "$DATA_DIR/postgres/postmaster.pid")" 2>/dev/null || true
    fi
    for pid in "${TRACKED_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -n ${WORK_DIR:-} ]]; then
        if [[ ${KEEP:-0} == 1 || $status != 0 ]]; then
            log "kept $WORK_DIR (app log: $APP_LOG)"
        else
            rm -rf "$WORK_DIR"
        fi
    fi
    exit "$status"
}

machine_json() {
    python3 - <<'EOF'
import json, os, platform
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
print(json.dumps({"nproc": len(os.sched_getaffinity(0)), "cpu": cpu, "memory_gib": round(mem / 1048576, 1),
                  "kernel": platform.release(), "loadavg_at_start": os.getloadavg()[0]}))
EOF
}

# write_result OUT.json [FILE.json...] [key=value...]: merges JSON files and key=value pairs (values that
# parse as JSON are taken as such, others as strings) into OUT.json, and prints it.
write_result() {
    python3 - "$@" <<'PY'
import json, sys
out, result = sys.argv[1], {}
for arg in sys.argv[2:]:
    if "=" in arg and not arg.endswith(".json"):
        key, value = arg.split("=", 1)
        try:
            result[key] = json.loads(value)
        except ValueError:
            result[key] = value or None
    else:
        result.update(json.load(open(arg)))
json.dump(result, open(out, "w"), indent=1)
print(json.dumps(result, indent=1))
PY
}

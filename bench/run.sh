#!/usr/bin/env bash
# The benchmark: starts the packaged app with a fresh data directory (embedded PostgreSQL, sandbox gateway),
# seeds payments, warms up under load, drives it over loopback with wrk and prints a Markdown table.
# Results also go to bench/results/<timestamp>.json. Stops by itself and leaves nothing running.
#
#   bench/run.sh [path/to/payment-app.jar]      (default: payment-app/target/payment-app.jar)
#
# Environment: SEED (payments measured against, 100000; as many again are seeded for the warm-up's webhooks),
# WARMUP (minimum warm-up in s, 30), WARMUP_MAX (s, 300: the warm-up goes on until the JIT's C2 queue is
# empty or this is reached), DURATION (s per measurement, 15), PROFILE=1 (run the app with a JFR recording and
# write each scenario's hot spots next to the results), KEEP=1 (keep the work directory), JAVA_OPTS (passed to
# java; @payment-app/jvm.options by default, as the README starts it). SPRING_*, PAYMENT_* and SERVER_* variables reach the app
# and are recorded in the results (app_env_overrides).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SEED=${SEED:-100000}
WARMUP=${WARMUP:-30}
WARMUP_MAX=${WARMUP_MAX:-300}
WARMUP_ROUND=15
DURATION=${DURATION:-15}
RESULTS_DIR=$BENCH_DIR/results

bench_setup "${1:-}"
mkdir -p "$WORK_DIR/results" "$RESULTS_DIR"
log "building the floor app (bench/floor-app)"
"$REPO_DIR/mvnw" -q -B -f "$BENCH_DIR/floor-app/pom.xml" package -DskipTests >"$WORK_DIR/floor-app-build.txt" 2>&1 ||
    die "could not build bench/floor-app: $(tail -20 "$WORK_DIR/floor-app-build.txt")"
machine_json >"$WORK_DIR/results/machine.json"

# measure NAME CONNECTIONS SCRIPT PATH [-- ARGS]: run_wrk for DURATION; with PROFILE=1 also the hot spots of
# that stretch of the app's recording (dumped, not started and stopped: that would deoptimise compiled code).
measure() {
    local name=$1
    log "measuring $name"
    local from_ms=$(($(date +%s%N) / 1000000))
    run_wrk "$1" "$2" "$DURATION" "$3" "${@:4}"
    if [[ ${PROFILE:-0} == 1 ]]; then
        jcmd "$APP_PID" JFR.dump name=bench begin="-$((DURATION + 5))s" filename="$WORK_DIR/$name.jfr" >/dev/null
        java "$BENCH_DIR/JfrHotspots.java" "$WORK_DIR/$name.jfr" "$from_ms" $(($(date +%s%N) / 1000000)) \
            >"$RESULTS_DIR/$STAMP-profile-$name.txt"
    fi
    sleep 2
}

[[ ${PROFILE:-0} == 1 ]] && JAVA_OPTS="${JAVA_OPTS:-} -XX:StartFlightRecording=name=bench,settings=profile,maxage=15m"
log "starting $APP_JAR"
app_start_ready
STARTED_IN=$(grep -o 'Started PaymentApplication in [0-9.]* seconds' "$APP_LOG" | grep -o '[0-9.]*' | head -1)
log "ready after $READY_MS ms; embedded PostgreSQL on port $PG_PORT"

log "seeding $SEED payments (and $SEED more for the warm-up's webhooks)"
SEED_STARTED=$(date +%s%N)
seed_payments "$SEED"
SEED_MS=$((($(date +%s%N) - SEED_STARTED) / 1000000))
seed_payments "$SEED" $((SEED + 1))
db -c "COPY (SELECT payment_id FROM payments
              WHERE gateway_reference <= 'pi_bench_$(printf %08d "$SEED")') TO STDOUT" >"$WORK_DIR/ids.txt"
[[ $(wc -l <"$WORK_DIR/ids.txt") == "$SEED" ]] || die "seeding left $(wc -l <"$WORK_DIR/ids.txt") payments"

# Warm-up: every measured path at once, in rounds, at least WARMUP seconds and until the JIT has compiled what
# the load made hot (on 2 cores its single C2 thread takes minutes to work through the queue; figures measured
# before that are a fraction of the steady rate).
log "warming up for at least ${WARMUP}s"
WARMUP_STARTED=$(date +%s)
WARMUP_EVENTS_PER_ROUND=$((SEED * WARMUP_ROUND / WARMUP_MAX))
round=0
while :; do
    first=$((SEED + 1 + round * WARMUP_EVENTS_PER_ROUND))
    sign_events "bw$round-" "$first" $((first + WARMUP_EVENTS_PER_ROUND - 1)) >"$WORK_DIR/events-warmup.tsv"
    run_wrk warmup-status 32 "$WARMUP_ROUND" status.lua /api -- "$WORK_DIR/ids.txt" &
    warm_status=$!
    run_wrk warmup-create 8 "$WARMUP_ROUND" create.lua /api -- "warm$round-$STAMP" &
    warm_create=$!
    run_wrk warmup-webhook 8 "$WARMUP_ROUND" webhook.lua /api -- "$WORK_DIR/events-warmup.tsv" "$THREADS" &
    warm_webhook=$!
    wait "$warm_status" "$warm_create" "$warm_webhook"
    round=$((round + 1))
    WARMUP_S=$(($(date +%s) - WARMUP_STARTED))
    C2_QUEUE=$(c2_queue_length)
    log "warm-up round $round: ${WARMUP_S}s, $C2_QUEUE methods waiting for the C2 compiler"
    ((WARMUP_S >= WARMUP && C2_QUEUE < 5)) && break
    ((WARMUP_S + WARMUP_ROUND <= WARMUP_MAX)) || break
done
# The warm-up's receipts are sent by the outbox dispatcher; let it finish so it does not compete with what is
# measured next (it is measured separately: emails_per_s below).
OUTBOX_WAIT_STARTED=$(date +%s)
OUTBOX_BACKLOG=$(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'pending'")
SENT_BEFORE=$(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'sent'")
log "waiting for the outbox to send the warm-up's $OUTBOX_BACKLOG pending receipts"
for _ in $(seq 180); do
    [[ $(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'pending'") == 0 ]] && break
    sleep 1
done
OUTBOX_WAIT_S=$(($(date +%s) - OUTBOX_WAIT_STARTED))
EMAILS_PER_S=$((($(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'sent'") - SENT_BEFORE) / (OUTBOX_WAIT_S > 0 ? OUTBOX_WAIT_S : 1)))
OUTBOX_LEFT=$(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'pending'")
sleep 2

measure liveness-16 16 health.lua /actuator/health/liveness
measure liveness-64 64 health.lua /actuator/health/liveness
measure status-16 16 status.lua /api -- "$WORK_DIR/ids.txt"
measure status-64 64 status.lua /api -- "$WORK_DIR/ids.txt"
measure create-16 16 create.lua /api -- "bench-$STAMP"
# Signed right before sending: the app accepts signatures up to 300 s old.
sign_events bm 1 "$SEED" >"$WORK_DIR/events.tsv"
measure webhook-16 16 webhook.lua /api -- "$WORK_DIR/events.tsv" "$THREADS"

RSS_KIB=$(app_rss_kib)
log "app RSS after load: $((RSS_KIB / 1024)) MiB"

# Every acknowledged event applied exactly once; let the outbox catch up first, then look at the database.
sleep 5
db -f "$BENCH_DIR/sql/verify-webhooks.sql" -v prefix=evt_bm >"$WORK_DIR/results/webhook-check.json"

# The reference the issue's status target is set against: the smallest Spring Boot app doing the same
# primary-key SELECT (bench/floor-app), on the same PostgreSQL while the app idles, warmed up the same way.
log "starting the floor app"
start_beside floor-app "$BENCH_DIR/floor-app/target/floor-app.jar"
FLOOR_PID=$BESIDE_PID
FLOOR_WARMUP_STARTED=$(date +%s)
while :; do
    BASE_URL=$BESIDE_URL run_wrk floor-warmup 64 "$WARMUP_ROUND" status.lua /api -- "$WORK_DIR/ids.txt"
    FLOOR_WARMUP_S=$(($(date +%s) - FLOOR_WARMUP_STARTED))
    # At least twice WARMUP: its queue empties within seconds, but a 30 s warm-up measured it below its steady rate.
    ((FLOOR_WARMUP_S >= 2 * WARMUP && $(c2_queue_length "$FLOOR_PID") < 5)) && break
    ((FLOOR_WARMUP_S + WARMUP_ROUND <= WARMUP_MAX)) || break
done
log "measuring floor-status-64 (after ${FLOOR_WARMUP_S}s of warm-up)"
BASE_URL=$BESIDE_URL run_wrk floor-status-64 64 "$DURATION" status.lua /api -- "$WORK_DIR/ids.txt"
kill "$FLOOR_PID"
wait "$FLOOR_PID" 2>/dev/null || true

log "pgbench -S on the same PostgreSQL"
db -c "CREATE DATABASE pgbench"
pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q pgbench >"$WORK_DIR/pgbench-init.txt" 2>&1
# -S: one primary-key SELECT per transaction; -N: a small write transaction (3 updates/inserts, one commit).
for run in S:16 S:64 N:16; do
    mode=${run%%:*} clients=${run##*:}
    (cd "$WORK_DIR" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres "-$mode" -M prepared -c "$clients" -j "$THREADS" \
        -T "$DURATION" -l --log-prefix="pgbench-$mode$clients" pgbench >"pgbench-$mode$clients.txt" 2>&1)
    python3 "$BENCH_DIR/report.py" pgbench "$WORK_DIR" "$mode$clients" >"$WORK_DIR/results/pgbench-$mode$clients.json"
    rm -f "$WORK_DIR"/pgbench-"$mode$clients".[0-9]*
done

cat >"$WORK_DIR/results/app.json" <<EOF
{"ready_ms": $READY_MS, "spring_started_s": ${STARTED_IN:-null}, "rss_mib_after_load": $((RSS_KIB / 1024)),
 "seed_payments": $SEED, "seed_ms": $SEED_MS, "warmup_s": $WARMUP_S, "c2_queue_after_warmup": $C2_QUEUE,
 "outbox_backlog_after_warmup": $OUTBOX_BACKLOG, "outbox_drain_s": $OUTBOX_WAIT_S, "outbox_emails_per_s": $EMAILS_PER_S,
 "outbox_left_when_measuring": $OUTBOX_LEFT, "floor_app_warmup_s": $FLOOR_WARMUP_S, "duration_s": $DURATION, "wrk_threads": $THREADS,
 "java_opts": "${JAVA_OPTS:-} $(archive_option "$APP_JAR")", "app_env_overrides": "$(env | grep -E '^(SPRING|PAYMENT|SERVER)_' | sort | paste -sd' ')",
 "loadavg_at_end": $(cut -d' ' -f1 /proc/loadavg)}
EOF
python3 "$BENCH_DIR/report.py" summary "$WORK_DIR" "$RESULTS_DIR/$STAMP.json"

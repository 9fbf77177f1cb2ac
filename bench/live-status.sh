#!/usr/bin/env bash
# Live status (issue 18): STREAMS event streams spread over two app instances on one PostgreSQL (A, with the
# embedded PostgreSQL, and B beside it), webhooks at a steady RATE per second through B for DURATION seconds.
# Prints JSON: the latency from each webhook's 2xx to its event at a client on A (p50, p99), the streams held,
# A's threads and RSS idle / holding the streams / during the webhooks, and the status polls per second A answered
# meanwhile (asked for POLL_RATE over 8 connections). Targets: p50 <= 50 ms and p99 <= 250 ms at 500 webhooks/s; 10,000 streams on one
# instance for < 200 MiB more RSS.
#
#   bench/live-status.sh [payment-app.jar]
#
# Environment: STREAMS (12000 in all), ON_A (10000 of them on A, the rest on B), RATE (500), DURATION (20),
# POLL_RATE (status polls per second sent to A meanwhile, 500: a thousand pages polling every 2 s), WARMUP_MAX (s,
# 180). Before the measurement, warm-up rounds of 15 s drive the same load (webhooks through B on payments the
# measurement does not use, polls and a few streams on A) until neither JVM has more than 5 methods waiting for
# its C2 compiler, or WARMUP_MAX is reached: measured earlier, the compiler's own work takes a large share of the
# two cores. The client holds every stream, so it needs STREAMS + 100 open files (the hard ulimit -n).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STREAMS=${STREAMS:-12000}
ON_A=${ON_A:-10000}
RATE=${RATE:-500}
DURATION=${DURATION:-20}
POLL_RATE=${POLL_RATE:-500}
WARMUP_MAX=${WARMUP_MAX:-180}
WARMUP_ROUND=15
bench_setup "${1:-}"
mkdir -p "$BENCH_DIR/results"
OUT=$BENCH_DIR/results/$STAMP-live-status.json
ulimit -n "$(ulimit -Hn)"
(($(ulimit -n) >= STREAMS + 100)) || die "$STREAMS streams need $((STREAMS + 100)) open files; ulimit -Hn is $(ulimit -Hn)"

# Each stream comes from its own forwarded address, so the per-address stream limit does not apply; Jetty's
# limit of 8192 connections (application.yaml) and the app's of 5,000 streams are raised, and the heap with them
# (each stream holds about 15 KiB of it; a later -Xmx wins over the one in jvm.options). The warm-up's streams
# count until a heartbeat finds them closed.
WARMUP_STREAMS=$((RATE * WARMUP_ROUND / 10))
SETTINGS=(PAYMENT_TRUSTEDPROXIES=127.0.0.1 SERVER_JETTY_MAXCONNECTIONS=$((STREAMS + WARMUP_STREAMS + 1000))
    PAYMENT_MAX_STATUS_STREAMS=$((STREAMS + WARMUP_STREAMS)))
JAVA_OPTS="$JAVA_OPTS -Xmx$((200 + STREAMS * 16 / 1024))m"
app_start_ready "${SETTINGS[@]}"
MEASURED=$((RATE * DURATION))
WARMUP_PER_ROUND=$((RATE * WARMUP_ROUND))
seed_payments $((MEASURED + WARMUP_PER_ROUND * (WARMUP_MAX / WARMUP_ROUND)))
db -c "COPY (SELECT payment_id, gateway_reference FROM payments ORDER BY gateway_reference) TO STDOUT" \
    >"$WORK_DIR/payments.tsv"
cut -f1 "$WORK_DIR/payments.tsv" >"$WORK_DIR/ids.txt"
start_beside b "$APP_JAR" PAYMENT_SANDBOX_WEBHOOKSECRET="$WEBHOOK_SECRET" "${SETTINGS[@]}"

WARMUP_STARTED=$(date +%s)
round=0
while :; do
    python3 "$BENCH_DIR/live_status.py" "$BASE_URL" "$BESIDE_URL" "$APP_PID" "$WORK_DIR/payments.tsv" \
        "$WEBHOOK_SECRET" "$STREAMS" "$ON_A" "$RATE" "$DURATION" "$POLL_RATE" \
        warm-up $((MEASURED + round * WARMUP_PER_ROUND)) "$WARMUP_PER_ROUND"
    round=$((round + 1))
    WARMUP_S=$(($(date +%s) - WARMUP_STARTED))
    queued_a=$(c2_queue_length) queued_b=$(c2_queue_length "$BESIDE_PID")
    log "warm-up round $round: ${WARMUP_S}s; methods waiting for C2: $queued_a on A, $queued_b on B"
    ((queued_a <= 5 && queued_b <= 5)) && break
    ((WARMUP_S + WARMUP_ROUND <= WARMUP_MAX)) || break
done
log "waiting for the outbox to send the warm-up's receipts"
for _ in $(seq 180); do
    [[ $(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'pending'") == 0 ]] && break
    sleep 1
done
log "$STREAMS streams, then $RATE webhooks/s for ${DURATION}s through B"
python3 "$BENCH_DIR/live_status.py" "$BASE_URL" "$BESIDE_URL" "$APP_PID" "$WORK_DIR/payments.tsv" \
    "$WEBHOOK_SECRET" "$STREAMS" "$ON_A" "$RATE" "$DURATION" "$POLL_RATE" | tee "$OUT"
log "written to $OUT"

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
# POLL_RATE (status polls per second sent to A meanwhile, 500: a thousand pages polling every 2 s). Before
# the measured webhooks, as many again warm the JIT up on payments nobody watches. The client holds every stream, so it needs
# STREAMS + 100 open files (the hard ulimit -n).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STREAMS=${STREAMS:-12000}
ON_A=${ON_A:-10000}
RATE=${RATE:-500}
DURATION=${DURATION:-20}
POLL_RATE=${POLL_RATE:-500}
bench_setup "${1:-}"
mkdir -p "$BENCH_DIR/results"
OUT=$BENCH_DIR/results/$STAMP-live-status.json
ulimit -n "$(ulimit -Hn)"
(($(ulimit -n) >= STREAMS + 100)) || die "$STREAMS streams need $((STREAMS + 100)) open files; ulimit -Hn is $(ulimit -Hn)"

# Each stream comes from its own forwarded address, so the per-address stream limit does not apply; Jetty's
# limit of 8192 connections (application.yaml) and the app's of 1,000 streams are raised, and the heap with them
# (each stream holds about 15 KiB of it; a later -Xmx wins over the one in jvm.options).
SETTINGS=(PAYMENT_TRUSTEDPROXIES=127.0.0.1 SERVER_JETTY_MAXCONNECTIONS=$((STREAMS + 1000))
    PAYMENT_MAX_STATUS_STREAMS=$STREAMS)
JAVA_OPTS="$JAVA_OPTS -Xmx$((200 + STREAMS * 16 / 1024))m"
app_start_ready "${SETTINGS[@]}"
seed_payments $((2 * RATE * DURATION))
db -c "COPY (SELECT payment_id, gateway_reference FROM payments ORDER BY gateway_reference) TO STDOUT" \
    >"$WORK_DIR/payments.tsv"
cut -f1 "$WORK_DIR/payments.tsv" >"$WORK_DIR/ids.txt"
start_beside b "$APP_JAR" PAYMENT_SANDBOX_WEBHOOKSECRET="$WEBHOOK_SECRET" "${SETTINGS[@]}"

log "warming up: $RATE webhooks/s for ${DURATION}s through B, on payments no stream watches"
python3 "$BENCH_DIR/live_status.py" "$BASE_URL" "$BESIDE_URL" "$APP_PID" "$WORK_DIR/payments.tsv" \
    "$WEBHOOK_SECRET" "$STREAMS" "$ON_A" "$RATE" "$DURATION" "$POLL_RATE" warm-up
log "waiting for the outbox to send the warm-up's receipts"
for _ in $(seq 180); do
    [[ $(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'pending'") == 0 ]] && break
    sleep 1
done
log "$STREAMS streams, then $RATE webhooks/s for ${DURATION}s through B"
python3 "$BENCH_DIR/live_status.py" "$BASE_URL" "$BESIDE_URL" "$APP_PID" "$WORK_DIR/payments.tsv" \
    "$WEBHOOK_SECRET" "$STREAMS" "$ON_A" "$RATE" "$DURATION" "$POLL_RATE" | tee "$OUT"
log "written to $OUT"

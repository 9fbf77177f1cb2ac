#!/usr/bin/env bash
# Crash drill: kill -9 the app in the middle of webhook ingestion, start it again on the same data directory,
# re-send every event (as Stripe retries the unacknowledged ones), then check that every event that got a 2xx
# was applied exactly once, that the unanswered ones were applied after the re-send, that no payment is
# half-updated, and that each succeeded payment has exactly one receipt (outbox row and email).
#
#   bench/drill-crash.sh [path/to/payment-app.jar]      EVENTS (default 4000), KEEP=1 keeps the work directory
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EVENTS=${EVENTS:-4000}
bench_setup "${1:-}"

app_start_ready
seed_payments "$EVENTS"
sign_events crash 1 "$EVENTS" >"$WORK_DIR/events.tsv"

log "delivering $EVENTS webhooks; kill -9 after a third is acknowledged"
python3 "$BENCH_DIR/client.py" webhooks "$BASE_URL" "$WORK_DIR/events.tsv" "$WORK_DIR/round1.jsonl" &
client=$!
track_pid "$client"
touch "$WORK_DIR/round1.jsonl"
for _ in $(seq 1200); do
    (($(grep -c '"status": 200' "$WORK_DIR/round1.jsonl") >= EVENTS / 3)) && break
    sleep 0.05
done
kill -KILL "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
log "killed the app after $(grep -c '"status": 200' "$WORK_DIR/round1.jsonl") acknowledged events"
wait "$client" || true
ORPHAN_PG=false
pg_running && ORPHAN_PG=true

# Restart with the same command: the app must stop the PostgreSQL its killed predecessor left running.
log "restarting the app on the same data directory"
app_start
app_wait_ready || die "the app did not start again after the crash: $(grep -m1 'ERROR\|FATAL' "$APP_LOG")"
ORPHAN_STOPPED=false
grep -q 'left running on .* by an app that did not shut down' "$APP_LOG" && ORPHAN_STOPPED=true
RESTART_READY_MS=$READY_MS

log "re-sending all $EVENTS events"
sign_events crash 1 "$EVENTS" >"$WORK_DIR/events.tsv"
python3 "$BENCH_DIR/client.py" webhooks "$BASE_URL" "$WORK_DIR/events.tsv" "$WORK_DIR/round2.jsonl"
for _ in $(seq 240); do
    [[ $(db -c "SELECT count(*) FROM notification_outbox WHERE status = 'pending'") == 0 ]] && break
    sleep 0.5
done

CHECK_STATUS=0
python3 "$BENCH_DIR/drill_check.py" crash "$PG_PORT" "$WORK_DIR/events.tsv" "$WORK_DIR/round1.jsonl" \
    "$WORK_DIR/round2.jsonl" "$DATA_DIR/mail" >"$WORK_DIR/check.json" || CHECK_STATUS=$?
write_result "$BENCH_DIR/results/$STAMP-drill-crash.json" drill=crash events="$EVENTS" \
    postgres_survived_app_kill="$ORPHAN_PG" orphan_stopped_on_restart="$ORPHAN_STOPPED" \
    restart_ready_ms="$RESTART_READY_MS" "$WORK_DIR/check.json"
exit "$CHECK_STATUS"

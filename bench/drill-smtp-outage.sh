#!/usr/bin/env bash
# SMTP outage drill: the app sends mail through a local SMTP sink (bench/smtp_sink.py). With the sink stopped,
# payments succeed; their receipts must wait in the outbox (pending, attempts and last_error recorded), and
# once the sink is back each one must be delivered exactly once.
#
#   bench/drill-smtp-outage.sh [path/to/payment-app.jar]     PAYMENTS (default 20), KEEP=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PAYMENTS=${PAYMENTS:-20}
bench_setup "${1:-}"
SMTP_PORT=$(free_port)

start_sink() {
    python3 "$BENCH_DIR/smtp_sink.py" "$SMTP_PORT" "$WORK_DIR/mail.jsonl" &
    SINK_PID=$!
    track_pid "$SINK_PID"
    until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $SMTP_PORT), 1)" 2>/dev/null; do
        sleep 0.1
    done
}

start_sink
app_start_ready SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT"
grep -q 'Emails are sent over SMTP' "$APP_LOG" || die "the app does not send over SMTP"

log "stopping the SMTP sink; $PAYMENTS payments succeed meanwhile"
kill "$SINK_PID"
wait "$SINK_PID" 2>/dev/null || true
SMTP_DOWN_AT=$(date +%s)
seed_payments "$PAYMENTS"
sign_events smtp 1 "$PAYMENTS" >"$WORK_DIR/events.tsv"
python3 "$BENCH_DIR/client.py" webhooks "$BASE_URL" "$WORK_DIR/events.tsv" "$WORK_DIR/webhooks.jsonl" --concurrency 4
ACKNOWLEDGED=$(grep -c '"status": 200' "$WORK_DIR/webhooks.jsonl" || true)

for _ in $(seq 100); do
    [[ $(db -c "SELECT count(*) FROM notification_outbox WHERE attempts > 0 AND last_error IS NOT NULL") == "$PAYMENTS" ]] &&
        break
    sleep 0.2
done
db -c "SELECT json_build_object(
           'rows', count(*), 'pending', count(*) FILTER (WHERE status = 'pending'),
           'sent', count(*) FILTER (WHERE status = 'sent'), 'max_attempts', max(attempts),
           'last_error_example', min(last_error),
           'next_attempt_in_s', round(extract(epoch FROM min(next_attempt_at) - now())))
         FROM notification_outbox" | sed 's/^/{"outbox_while_smtp_down": /; s/$/}/' >"$WORK_DIR/while-down.json"
cat "$WORK_DIR/while-down.json" >&2
HEALTH_WHILE_DOWN=$(curl -s -w ' HTTP %{http_code}' "$BASE_URL/actuator/health")
sleep 5

log "starting the SMTP sink again"
start_sink
SMTP_UP_AT=$(date +%s)
DRAINED=false
for _ in $(seq 300); do
    if [[ $(db -c "SELECT count(*) FROM notification_outbox WHERE status <> 'sent'") == 0 ]]; then
        DRAINED=true
        break
    fi
    sleep 1
done
DRAINED_AFTER_S=$(($(date +%s) - SMTP_UP_AT))
sleep 3

python3 - "$WORK_DIR/mail.jsonl" "$PAYMENTS" "$ACKNOWLEDGED" "$DRAINED" >"$WORK_DIR/check.json" <<'EOF'
import collections, json, os, sys
path, payments, acknowledged, drained = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "true"
mails = [json.loads(line) for line in open(path)] if os.path.exists(path) else []
per_message = collections.Counter(m["message_id"] for m in mails)
receipts = [m for m in mails if any("bench+" in r for r in m["to"])]
result = {"webhooks_acknowledged": acknowledged, "outbox_drained": drained, "emails_received": len(mails),
          "receipts_received": len(receipts), "distinct_message_ids": len(per_message),
          "message_ids_received_more_than_once": sum(1 for n in per_message.values() if n > 1)}
result["ok"] = (acknowledged == payments and drained and len(receipts) == payments
                and len({tuple(m["to"]) for m in receipts}) == payments
                and result["message_ids_received_more_than_once"] == 0)
print(json.dumps(result))
EOF
write_result "$BENCH_DIR/results/$STAMP-drill-smtp-outage.json" drill=smtp-outage payments="$PAYMENTS" \
    smtp_down_s=$((SMTP_UP_AT - SMTP_DOWN_AT)) health_while_smtp_down="$HEALTH_WHILE_DOWN" delivered_within_s_after_smtp_back="$DRAINED_AFTER_S" \
    "$WORK_DIR/while-down.json" "$WORK_DIR/check.json"
python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["ok"] else 1)' "$WORK_DIR/check.json"

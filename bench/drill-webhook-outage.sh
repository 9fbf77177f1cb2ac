#!/usr/bin/env bash
# Webhook outage drill (sandbox mode): the webhook endpoint answers 503 for every event while PAYMENTS card
# payments go through (each sends payment_intent.processing and .succeeded: 200 events by default). The sandbox,
# like Stripe, retries each event and gives up; the app must stay up. Then one backfill must apply every event
# exactly once, a second must apply none, and every receipt must reach the SMTP sink exactly once.
#
# The 503 is the sandbox's outage switch (PUT /api/admin/sandbox/webhook-outage, sandbox mode only): the sandbox
# delivers in-process, so there is no port to point elsewhere; the switch fails each delivery as the endpoint's
# 503 would, on the same retry path.
#
#   bench/drill-webhook-outage.sh [path/to/payment-app.jar]     PAYMENTS (default 100), KEEP=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PAYMENTS=${PAYMENTS:-100}
EVENTS=$((PAYMENTS * 2))
bench_setup "${1:-}"
SMTP_PORT=$(free_port)

python3 "$BENCH_DIR/smtp_sink.py" "$SMTP_PORT" "$WORK_DIR/mail.jsonl" &
SINK_PID=$!
track_pid "$SINK_PID"
until python3 -c "import socket; socket.create_connection(('127.0.0.1', $SMTP_PORT), 1)" 2>/dev/null; do sleep 0.1; done

# Three attempts, 0.5 s then 1 s apart: the sandbox gives up on an event within 2 s (Stripe: 3 days).
app_start_ready SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" \
    PAYMENT_SANDBOX_DELIVERYATTEMPTS=3 PAYMENT_SANDBOX_FIRSTRETRYDELAY=PT0.5S

admin() {
    local method=$1 path=$2 body=${3:-}
    curl -sS -u "admin:$ADMIN_PASSWORD" -X "$method" -H 'Content-Type: application/json' ${body:+-d "$body"} \
        "$BASE_URL$path"
}

SINCE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sleep 1
log "webhook endpoint down (503); $PAYMENTS card payments, $EVENTS events"
admin PUT /api/admin/sandbox/webhook-outage '{"down": true}' >/dev/null
OUTAGE_STARTED=$(date +%s%N)
python3 - "$BASE_URL" "$PAYMENTS" "$WORK_DIR/payments.txt" <<'PY'
import json, sys, urllib.request
base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def post(path, body):
    request = urllib.request.Request(base + path, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)
with open(out, "w") as ids:
    for i in range(count):
        created = post("/api/payment/stripe/create-intent", {"name": "Outage Drill", "email": f"bench+{i}@example.com",
                       "serviceType": "consulting", "amount": 1000 + i, "currency": "USD"})
        confirmed = post(f"/api/payment/sandbox/payments/{created['paymentId']}/confirm",
                         {"clientSecret": created["clientSecret"], "cardNumber": "4242 4242 4242 4242",
                          "expiry": "12/34", "cvc": "123"})
        assert confirmed["outcome"] == "processing", confirmed
        ids.write(created["paymentId"] + "\n")
PY

for _ in $(seq 300); do
    GAVE_UP=$(grep -c 'not delivered after 3 attempts' "$APP_LOG" || true)
    ((GAVE_UP >= EVENTS)) && break
    sleep 0.2
done
OUTAGE_S=$(python3 -c "print(round(($(date +%s%N) - $OUTAGE_STARTED) / 1e9, 1))")
FAILED_DELIVERIES=$(($(grep -c 'not delivered (attempt' "$APP_LOG" || true) + GAVE_UP))
READY_DURING=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/actuator/health/readiness")
STILL_PENDING=$(db -c "SELECT count(*) FROM payments WHERE status = 'pending'")
log "the sandbox gave up on $GAVE_UP events after $FAILED_DELIVERIES failed deliveries; readiness $READY_DURING"
admin PUT /api/admin/sandbox/webhook-outage '{"down": false}' >/dev/null

BACKFILL_STARTED=$(date +%s%N)
admin POST /api/admin/events/backfill "{\"since\": \"$SINCE\"}" >"$WORK_DIR/backfill-1.json"
BACKFILL_MS=$((($(date +%s%N) - BACKFILL_STARTED) / 1000000))
admin POST /api/admin/events/backfill "{\"since\": \"$SINCE\"}" >"$WORK_DIR/backfill-2.json"
log "first backfill $(cat "$WORK_DIR/backfill-1.json") in $BACKFILL_MS ms; second $(cat "$WORK_DIR/backfill-2.json")"

for _ in $(seq 120); do
    [[ $(db -c "SELECT count(*) FROM notification_outbox WHERE status <> 'sent'") == 0 ]] && break
    sleep 0.5
done
sleep 2

db -c "SELECT json_build_object(
           'payments_succeeded', (SELECT count(*) FROM payments WHERE status = 'succeeded'),
           'applied_successes', (SELECT count(*) FROM payment_status_history WHERE to_status = 'succeeded' AND applied),
           'payments_with_more_than_one_applied_success', (SELECT count(*) FROM (SELECT payment_id
               FROM payment_status_history WHERE to_status = 'succeeded' AND applied
               GROUP BY payment_id HAVING count(*) > 1) twice),
           'events_logged', (SELECT count(*) FROM processed_gateway_events),
           'events_logged_applied', (SELECT count(*) FROM processed_gateway_events WHERE outcome = 'applied'),
           'receipts_in_outbox', (SELECT count(*) FROM notification_outbox WHERE kind = 'receipt'))" \
    >"$WORK_DIR/database.json"

python3 - "$WORK_DIR" "$PAYMENTS" "$EVENTS" "$STILL_PENDING" "$READY_DURING" >"$WORK_DIR/check.json" <<'PY'
import collections, json, os, sys
work, payments, events, pending, ready = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
first = json.load(open(f"{work}/backfill-1.json"))
second = json.load(open(f"{work}/backfill-2.json"))
database = json.load(open(f"{work}/database.json"))
mails = [json.loads(line) for line in open(f"{work}/mail.jsonl")] if os.path.exists(f"{work}/mail.jsonl") else []
receipts = [m for m in mails if any("bench+" in r for r in m["to"])]
per_recipient = collections.Counter(tuple(m["to"]) for m in receipts)
result = {"backfill_1": first, "backfill_2": second, **database, "receipts_received": len(receipts),
          "recipients_with_more_than_one_receipt": sum(1 for n in per_recipient.values() if n > 1)}
result["ok"] = (pending == payments and ready == "200" and first["seen"] == events and first["applied"] == events
                and first["failed"] == 0 and second["applied"] == 0 and second["duplicate"] == events
                and database["payments_succeeded"] == payments and database["applied_successes"] == payments
                and database["payments_with_more_than_one_applied_success"] == 0
                and len(receipts) == payments and len(per_recipient) == payments)
print(json.dumps(result))
PY
write_result "$BENCH_DIR/results/$STAMP-drill-webhook-outage.json" drill=webhook-outage payments="$PAYMENTS" \
    events="$EVENTS" outage_s="$OUTAGE_S" deliveries_failed_503="$FAILED_DELIVERIES" events_given_up="$GAVE_UP" \
    readiness_during_outage="$READY_DURING" payments_pending_before_backfill="$STILL_PENDING" \
    backfill_ms="$BACKFILL_MS" "$WORK_DIR/check.json"
python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["ok"] else 1)' "$WORK_DIR/check.json"

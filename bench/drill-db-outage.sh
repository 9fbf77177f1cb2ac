#!/usr/bin/env bash
# Database outage drill: while payments are created and webhooks delivered, stop the embedded PostgreSQL
# (pg_ctl stop -m fast), keep it down, then start it again on the same port. Requests must fail fast with
# 503 problem+json (webhooks 5xx, so Stripe retries), /actuator/health must say DOWN, and everything must
# work again without restarting the app. Webhooks that failed during the outage are re-sent afterwards and
# must then be applied exactly once.
#
#   bench/drill-db-outage.sh [path/to/payment-app.jar]     BEFORE/OUTAGE/AFTER seconds (10/15/15), KEEP=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BEFORE=${BEFORE:-10}
OUTAGE=${OUTAGE:-15}
AFTER=${AFTER:-15}
EVENTS=20000
bench_setup "${1:-}"

app_start_ready
STARTED_PID=$APP_PID
seed_payments "$EVENTS"
sign_events outage 1 "$EVENTS" >"$WORK_DIR/events.tsv"
PROBE_ID=$(db -c "SELECT payment_id FROM payments LIMIT 1")

log "creating payments and delivering webhooks for $((BEFORE + OUTAGE + AFTER)) s"
python3 "$BENCH_DIR/client.py" mixed "$BASE_URL" "$WORK_DIR/events.tsv" "$WORK_DIR/load.jsonl" \
    --seconds $((BEFORE + OUTAGE + AFTER)) &
client=$!
track_pid "$client"
sleep "$BEFORE"

log "stopping PostgreSQL (pg_ctl stop -m fast)"
DOWN_AT=$(date +%s.%N)
pg_stop
sleep 3
HEALTH_DURING=$(curl -s -w ' HTTP %{http_code}' "$BASE_URL/actuator/health")
CREATE_DURING=$(curl -s -i -o "$WORK_DIR/create-during.txt" -w '%{http_code} %{content_type} %{time_total}' \
    -H 'Content-Type: application/json' -H "Idempotency-Key: outage-probe-$STAMP" \
    -d '{"name":"Outage Probe","email":"probe@example.com","serviceType":"pon-ftth","amount":1250,"currency":"USD"}' \
    "$BASE_URL/api/payment/stripe/create-intent")
STATUS_DURING=$(curl -s -o /dev/null -w '%{http_code} %{content_type} %{time_total}' \
    "$BASE_URL/api/payment/status/$PROBE_ID")
sleep $((OUTAGE - 3))

log "starting PostgreSQL again on port $PG_PORT"
UP_AT=$(date +%s.%N)
pg_start
wait "$client"
[[ $APP_PID == "$STARTED_PID" ]] && kill -0 "$APP_PID" || die "the app is no longer running"
HEALTH_AFTER=$(curl -s -w ' HTTP %{http_code}' "$BASE_URL/actuator/health")

# Stripe retries what was not acknowledged; do the same, then check nothing was lost or applied twice.
python3 - "$WORK_DIR/load.jsonl" "$WORK_DIR/events.tsv" >"$WORK_DIR/retry.tsv" <<'EOF'
import json, sys
acknowledged = set()
sent = set()
for line in open(sys.argv[1]):
    entry = json.loads(line)
    if entry["kind"] == "webhook":
        sent.add(entry["event"])
        if entry.get("status") and 200 <= entry["status"] < 300:
            acknowledged.add(entry["event"])
for line in open(sys.argv[2]):
    event = json.loads(line.split("\t", 1)[1])["id"]
    if event in sent and event not in acknowledged:
        sys.stdout.write(line)
EOF
RETRIED=$(wc -l <"$WORK_DIR/retry.tsv")
log "re-sending the $RETRIED webhooks that were not acknowledged"
python3 "$BENCH_DIR/client.py" webhooks "$BASE_URL" "$WORK_DIR/retry.tsv" "$WORK_DIR/retry.jsonl" --concurrency 4
RETRY_ACKNOWLEDGED=$(grep -c '"status": 200' "$WORK_DIR/retry.jsonl" || true)
sleep 3
db -f "$BENCH_DIR/sql/verify-webhooks.sql" -v prefix=evt_outage >"$WORK_DIR/webhook-check.json"
python3 "$BENCH_DIR/client.py" summarize "$WORK_DIR/load.jsonl" --down "$DOWN_AT" --up "$UP_AT" \
    >"$WORK_DIR/summary.json"
ACKNOWLEDGED=$(grep '"kind": "webhook"' "$WORK_DIR/load.jsonl" | grep -c '"status": 200' || true)
CHECK=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(json.dumps({"webhook_check": c}))' \
    "$WORK_DIR/webhook-check.json")
echo "$CHECK" >"$WORK_DIR/check.json"

write_result "$BENCH_DIR/results/$STAMP-drill-db-outage.json" drill=db-outage outage_s="$OUTAGE" \
    app_restarted=false health_during="$HEALTH_DURING" create_probe_during="$CREATE_DURING" \
    status_probe_during="$STATUS_DURING" health_after="$HEALTH_AFTER" \
    webhooks_acknowledged_under_load="$ACKNOWLEDGED" webhooks_resent="$RETRIED" \
    webhooks_resent_acknowledged="$RETRY_ACKNOWLEDGED" "$WORK_DIR/check.json" "$WORK_DIR/summary.json"
python3 - "$WORK_DIR/webhook-check.json" "$WORK_DIR/summary.json" "$RETRIED" "$RETRY_ACKNOWLEDGED" <<'EOF'
import json, sys
check, summary = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
failures = [k for k, v in check.items() if k.endswith("_violations") and v]
if check["processed_but_not_applied"]:
    failures.append("processed_but_not_applied")
if sys.argv[3] != sys.argv[4]:
    failures.append("re-sent webhooks not all acknowledged")
during = summary.get("during", {})
for kind in ("create", "webhook"):
    group = during.get(kind, {})
    statuses = group.get("statuses", {})
    if any(s != "503" for s in statuses if s not in ("200", "201")):
        failures.append(f"{kind} during the outage answered {statuses} (expected 503 problem+json)")
    if group.get("5xx_problem_json", 0) < sum(n for s, n in statuses.items() if s.startswith("5")):
        failures.append(f"{kind} failed without problem+json during the outage")
    if (group.get("5xx_max_ms") or 0) > 3000:
        failures.append(f"{kind} took up to {group['5xx_max_ms']} ms to fail")
if not during.get("health", {}).get("health", {}).get("DOWN"):
    failures.append("health never DOWN during the outage")
if summary.get("seconds_after_restart_until_first", {}).get("created_payment") is None:
    failures.append("no payment created after PostgreSQL came back")
print("drill-db-outage:", "OK" if not failures else "FAILED: " + "; ".join(failures))
sys.exit(1 if failures else 0)
EOF

#!/usr/bin/env bash
# Durability of the embedded default: shows that the PostgreSQL the app starts runs with fsync, synchronous
# commit and full-page writes on, then crashes it: while payments are being created, kill -9 the app and
# PostgreSQL (postmaster and every backend) at once after CREATES acknowledged creates, start the app again on
# the same data directory and count that every acknowledged payment is there.
# (A kill -9 leaves the OS page cache intact; what protects against power loss is fsync + synchronous_commit,
# which is why the settings are shown.)
#
#   bench/drill-durability.sh [path/to/payment-app.jar]     CREATES (default 1000), KEEP=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CREATES=${CREATES:-1000}
bench_setup "${1:-}"

app_start_ready
db -c "SELECT json_object_agg(name, setting) FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'wal_level')" |
    sed 's/^/{"settings": /; s/$/}/' >"$WORK_DIR/settings.json"
cat "$WORK_DIR/settings.json" >&2

log "creating payments; kill -9 of the app and PostgreSQL after $CREATES acknowledged"
python3 "$BENCH_DIR/client.py" creates "$BASE_URL" "$WORK_DIR/creates.jsonl" &
client=$!
track_pid "$client"
touch "$WORK_DIR/creates.jsonl"
for _ in $(seq 2400); do
    (($(grep -c '"status": 201' "$WORK_DIR/creates.jsonl") >= CREATES)) && break
    sleep 0.05
done
kill -KILL "$APP_PID" "$PG_PID" $(pgrep -P "$PG_PID") 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
wait "$client" || true
ACKNOWLEDGED=$(grep -c '"status": 201' "$WORK_DIR/creates.jsonl" || true)
log "killed after $ACKNOWLEDGED acknowledged creates"

log "starting the app again on the same data directory"
app_start
app_wait_ready || die "the app did not start again after the crash: $(tail -20 "$APP_LOG")"
RECOVERY=$(grep -o 'database system was interrupted[^"]*\|redo done at[^"]*' "$APP_LOG" | head -2 | paste -sd';' || true)

python3 -c '
import json, sys
for line in open(sys.argv[1]):
    entry = json.loads(line)
    if entry.get("status") == 201:
        print(entry["payment_id"])' "$WORK_DIR/creates.jsonl" >"$WORK_DIR/acknowledged.txt"
db -c "CREATE TEMP TABLE acknowledged (payment_id text PRIMARY KEY)" \
   -c "\\copy acknowledged FROM '$WORK_DIR/acknowledged.txt'" \
   -c "SELECT json_build_object(
           'acknowledged', (SELECT count(*) FROM acknowledged),
           'acknowledged_found', (SELECT count(*) FROM acknowledged a JOIN payments p USING (payment_id)),
           'acknowledged_with_gateway_reference', (SELECT count(*) FROM acknowledged a JOIN payments p
                                                    USING (payment_id) WHERE p.gateway_reference IS NOT NULL),
           'payments_in_database', (SELECT count(*) FROM payments))" >"$WORK_DIR/check.json"

write_result "$BENCH_DIR/results/$STAMP-drill-durability.json" drill=durability recovery_log="$RECOVERY" \
    restart_ready_ms="$READY_MS" "$WORK_DIR/settings.json" "$WORK_DIR/check.json"
python3 - "$WORK_DIR/settings.json" "$WORK_DIR/check.json" <<'EOF'
import json, sys
settings, check = json.load(open(sys.argv[1]))["settings"], json.load(open(sys.argv[2]))
ok = (all(settings[name] == "on" for name in ("fsync", "synchronous_commit", "full_page_writes"))
      and check["acknowledged"] > 0 and check["acknowledged_found"] == check["acknowledged"])
print("drill-durability:", "OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
EOF

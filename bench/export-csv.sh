#!/usr/bin/env bash
# The CSV export of 100,000 payments: how long it takes and how much heap the app uses meanwhile.
#
#   bench/export-csv.sh [app.jar]        (COUNT=100000 and HEAP=-Xmx128m by default)
#
# Seeds the payments with direct SQL into the app's embedded PostgreSQL, downloads
# /api/admin/payments/export.csv once with curl, and samples jvm_memory_used_bytes{area="heap"} from
# /actuator/prometheus every 200 ms while it runs. The heap is capped (HEAP): an export that held every row
# would need several times that for 100,000 payments.
source "$(dirname "$0")/lib.sh"

COUNT=${COUNT:-100000}
JAVA_OPTS=${JAVA_OPTS:-${HEAP:--Xmx128m}}
bench_setup "${1:-}"

# "HEAP OLD": bytes used in the whole heap, and in the old generation (what survived collections: rows held by
# the export would pile up there).
heap_used() {
    curl -sf -u "admin:$ADMIN_PASSWORD" "$BASE_URL/actuator/prometheus" |
        awk '/^jvm_memory_used_bytes[{].*area="heap"/ {sum += $NF; if (/Old Gen/) old += $NF}
             END {printf "%d %d\n", sum, old}'
}

app_start_ready
log "seeding $COUNT payments"
seed_payments "$COUNT"
# A first small export warms the code path up, so the run below measures the export, not the JIT.
curl -sf -u "admin:$ADMIN_PASSWORD" -o /dev/null "$BASE_URL/api/admin/payments/export.csv?q=bench%2B1@"
heap_before=$(heap_used)

log "exporting"
: >"$WORK_DIR/heap.txt"
( while :; do heap_used >>"$WORK_DIR/heap.txt"; sleep 0.2; done ) &
track_pid $!
sampler=$!
start_ns=$(date +%s%N)
curl -sf -u "admin:$ADMIN_PASSWORD" -o "$WORK_DIR/export.csv" "$BASE_URL/api/admin/payments/export.csv"
elapsed_ms=$((($(date +%s%N) - start_ns) / 1000000))
kill "$sampler" 2>/dev/null || true

rows=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' \
    "$WORK_DIR/export.csv") - 1))
((rows == COUNT)) || die "the export has $rows rows, not $COUNT"
bytes=$(stat -c %s "$WORK_DIR/export.csv")
heap_max=$(sort -n -k1 "$WORK_DIR/heap.txt" | tail -1 | cut -d' ' -f1)
old_max=$(sort -n -k2 "$WORK_DIR/heap.txt" | tail -1 | cut -d' ' -f2)
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
printf 'export.csv: %d rows, %s MiB in %d ms (%d rows/s)\n' "$rows" "$(mib "$bytes")" "$elapsed_ms" \
    $((rows * 1000 / (elapsed_ms > 0 ? elapsed_ms : 1)))
printf 'heap (%s): before %s MiB (old gen %s MiB); during it at most %s MiB (old gen %s MiB), %d samples\n' \
    "$JAVA_OPTS" "$(mib "${heap_before% *}")" "$(mib "${heap_before#* }")" "$(mib "$heap_max")" "$(mib "$old_max")" \
    "$(wc -l <"$WORK_DIR/heap.txt")"

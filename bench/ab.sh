#!/usr/bin/env bash
# Paired A/B of status polling at 64 connections: two builds on the same PostgreSQL and the same seeded
# payments, measured in turns, so that the shared machine's drift hits both alike. A must be the app (its
# embedded PostgreSQL is the one both use); B may be another build of it or bench/floor-app's jar. Prints a
# line per measurement (requests/s, p50, p99, CPU per request) and writes them to results/<stamp>-ab.txt.
#
#   bench/ab.sh A.jar B.jar
#
# Environment: ROUNDS (measurements of each, 3), DURATION (s each, 15), WARMUP (minimum s of warm-up each, 60),
# A_ENV and B_ENV (NAME=value settings for that side, separated by spaces).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-60}
B_JAR=$(resolve_jar "${2:?usage: bench/ab.sh A.jar B.jar}")
bench_setup "${1:?usage: bench/ab.sh A.jar B.jar}"
mkdir -p "$BENCH_DIR/results" "$WORK_DIR/results"
OUT=$BENCH_DIR/results/$STAMP-ab.txt

# shellcheck disable=SC2086 # A_ENV is a list of NAME=value words
app_start_ready ${A_ENV:-}
seed_payments 100000
db -c "COPY (SELECT payment_id FROM payments) TO STDOUT" >"$WORK_DIR/ids.txt"
A_PID=$APP_PID A_URL=$BASE_URL

# shellcheck disable=SC2086 # B_ENV is a list of NAME=value words
start_beside b "$B_JAR" ${B_ENV:-}
B_PID=$BESIDE_PID B_URL=$BESIDE_URL

# poll SIDE SECONDS: status polling against one side; prints SIDE, the figures and its CPU time per request.
poll() {
    local side=$1 seconds=$2 pid url cpu_before
    pid=${side}_PID url=${side}_URL
    cpu_before=$(awk '{print $14 + $15}' "/proc/${!pid}/stat")
    BASE_URL=${!url} run_wrk "ab-$side" 64 "$seconds" status.lua /api -- "$WORK_DIR/ids.txt"
    python3 -c 'import json, sys
side, path, before, after, ticks = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
r = json.load(open(path))
print("%s status-64 %6.0f/s  p50 %4.1f ms  p99 %5.1f ms  errors %d  cpu %3.0f us/request" % (side, r["rps"],
      r["p50_ms"], r["p99_ms"], r["errors"], (after - before) * 1e6 / ticks / r["requests"]))' \
        "$side" "$WORK_DIR/results/ab-$side.json" "$cpu_before" "$(awk '{print $14 + $15}' "/proc/${!pid}/stat")" \
        "$(getconf CLK_TCK)"
}

log "warming up both, in turns, for at least ${WARMUP}s each"
started=$(date +%s)
while :; do
    poll A 15 >/dev/null
    poll B 15 >/dev/null
    (($(date +%s) - started >= 2 * WARMUP)) && (($(c2_queue_length "$A_PID") < 5 && $(c2_queue_length "$B_PID") < 5)) &&
        break
    (($(date +%s) - started < 600)) || break
done

{
    echo "A: $1 ${A_ENV:-}"
    echo "B: $2 ${B_ENV:-}"
    for _ in $(seq "$ROUNDS"); do
        poll A "$DURATION"
        poll B "$DURATION"
    done
} | tee "$OUT"
log "written to $OUT"

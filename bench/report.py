#!/usr/bin/env python3
"""Turns what bench/run.sh measured into results.

  report.py pgbench WORK_DIR RUN         one pgbench run (pgbench-RUN.txt and its per-transaction logs) as JSON
  report.py summary WORK_DIR OUT.json    all results as one JSON file, and a Markdown table on stdout
"""
import glob
import json
import os
import re
import sys

TARGETS = {  # from issue 8, for these 2-core machines
    "status-64": {"rps": 10_000, "p99_ms": 25},
    "webhook-16": {"rps": 1_000},
    "create-16": {"rps": 1_000},
}


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]


def pgbench(work_dir, run):
    output = open(os.path.join(work_dir, f"pgbench-{run}.txt")).read()
    tps = float(re.search(r"tps = ([0-9.]+) \(without initial connection time\)", output).group(1))
    failed = int(m.group(1)) if (m := re.search(r"number of failed transactions: (\d+)", output)) else 0
    latencies_us = []
    for path in glob.glob(os.path.join(work_dir, f"pgbench-{run}.[0-9]*")):
        with open(path) as log:
            latencies_us.extend(int(line.split()[2]) for line in log)
    latencies_us.sort()
    print(json.dumps({
        "rps": tps, "requests": len(latencies_us),
        "p50_ms": percentile(latencies_us, 50) / 1000, "p99_ms": percentile(latencies_us, 99) / 1000,
        "errors": failed,
    }))


def webhook_verdict(run, check):
    counters = run["counters"]
    acknowledged = counters.get("2xx", 0)
    issued = counters.get("issued", 0)
    violations = {k: v for k, v in check.items() if k.endswith("_violations") and v}
    problems = []
    if violations:
        problems.append(f"violations {violations}")
    if check["processed_but_not_applied"]:
        problems.append(f"{check['processed_but_not_applied']} recorded events changed nothing")
    if check["processed_events"] < counters.get("applied", 0):
        problems.append(f"{counters.get('applied', 0)} answered 'applied' but only {check['processed_events']} recorded")
    if check["processed_events"] > issued:
        problems.append(f"{check['processed_events']} recorded but only {issued} sent")
    return {
        "acknowledged_2xx": acknowledged, "answered_applied": counters.get("applied", 0),
        "sent": issued, "recorded_in_db": check["processed_events"],
        "applied_once_in_db": check["applied_history_rows"] - check["events_applied_more_than_once_violations"],
        "exhausted_events": bool(counters.get("exhausted")),
        "exactly_once": not problems, "problems": problems,
    }


def row(name, label, connections, result, floors=()):
    ratio = ", ".join(f"{result['rps'] / f['rps']:.2f}× {n}" for n, f in floors)
    target = TARGETS.get(name)
    verdict = ""
    if target:
        ok = result["rps"] >= target["rps"] and result["p99_ms"] <= target.get("p99_ms", float("inf"))
        goal = f"≥{target['rps']:,}/s" + (f", p99 ≤{target['p99_ms']} ms" if "p99_ms" in target else "")
        verdict = f"{'✅' if ok else '❌'} {goal}"
    return (f"| {label} | {connections} | {result['rps']:,.0f} | {result['p50_ms']:.1f} | {result['p99_ms']:.1f} "
            f"| {result['errors']} | {ratio} | {verdict} |")


def summary(work_dir, out_path):
    results_dir = os.path.join(work_dir, "results")
    r = {os.path.basename(p)[:-5]: json.load(open(p)) for p in glob.glob(os.path.join(results_dir, "*.json"))}
    webhook = webhook_verdict(r["webhook-16"], r["webhook-check"])
    document = {
        "machine": r["machine"], "app": r["app"],
        "scenarios": {k: v for k, v in r.items()
                      if k not in ("machine", "app", "webhook-check") and "warmup" not in k},
        "warmup": {k: v for k, v in r.items() if "warmup" in k},
        "webhook_check": r["webhook-check"], "webhook_verdict": webhook,
    }
    with open(out_path, "w") as out:
        json.dump(document, out, indent=2)

    m, app = r["machine"], r["app"]
    lines = [
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gib']} GiB RAM, Linux {m['kernel']}; app, "
        f"PostgreSQL and wrk on the same box over loopback; load average {m['loadavg_at_start']:.1f} at start, "
        f"{app['loadavg_at_end']:.1f} at end (the load average counts the benchmark's own threads). "
        f"{app['seed_payments']:,} seeded payments; {app['warmup_s']} s warm-up under mixed load (until the JIT's "
        f"C2 queue was down to {app['c2_queue_after_warmup']}); {app['duration_s']} s per measurement; wrk with "
        f"{app['wrk_threads']} threads.",
        "",
        "| Scenario | Connections | Requests/s | p50 ms | p99 ms | Errors | Ratio to the floors | Target |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    live16, live64 = ("liveness", r["liveness-16"]), ("liveness", r["liveness-64"])
    lines += [
        row("status-16", "Status polling `GET /api/payment/status/{id}`", 16, r["status-16"],
            [live16, ("pgbench -S", r["pgbench-S16"])]),
        row("status-64", "Status polling `GET /api/payment/status/{id}`", 64, r["status-64"],
            [("floor app", r["floor-status-64"]), live64, ("pgbench -S", r["pgbench-S64"])]),
        row("create-16", "Create-intent `POST /api/payment/stripe/create-intent`", 16, r["create-16"],
            [live16, ("pgbench -N", r["pgbench-N16"])]),
        row("webhook-16", "Webhook `payment_intent.succeeded`, distinct signed events", 16, r["webhook-16"],
            [live16, ("pgbench -N", r["pgbench-N16"])]),
        row("floor-status-64", "Floor: the same status SELECT in a minimal Spring Boot app (`bench/floor-app`)", 64,
            r["floor-status-64"]),
        row("liveness-16", "Floor: `GET /actuator/health/liveness`", 16, r["liveness-16"]),
        row("liveness-64", "Floor: `GET /actuator/health/liveness`", 64, r["liveness-64"]),
        row("pgbench-S16", "Floor: `pgbench -S -M prepared` (same PostgreSQL, PK select)", 16, r["pgbench-S16"]),
        row("pgbench-S64", "Floor: `pgbench -S -M prepared` (same PostgreSQL, PK select)", 64, r["pgbench-S64"]),
        row("pgbench-N16", "Floor: `pgbench -N -M prepared` (same PostgreSQL, small write transaction)", 16,
            r["pgbench-N16"]),
        "",
        f"Ready {app['ready_ms'] / 1000:.1f} s after `java -jar` (Spring reports {app['spring_started_s']} s; fresh "
        f"data directory, so this includes initdb and the migrations). Resident memory after the load: "
        f"{app['rss_mib_after_load']} MiB ("
        + (f"JVM options: {app['java_opts']}" if app.get('java_opts') else "default JVM options")
        + (f"; app settings: {app['app_env_overrides']}" if app.get('app_env_overrides') else "") + ").",
        f"Outbox: the warm-up left {app['outbox_backlog_after_warmup']:,} receipts to send; the dispatcher sent them "
        f"at {app['outbox_emails_per_s']:,}/s (as .eml files) in {app['outbox_drain_s']} s"
        + (f", {app['outbox_left_when_measuring']:,} were still pending when measuring began."
           if app['outbox_left_when_measuring'] else ", before anything was measured."),
        f"Webhooks: {webhook['acknowledged_2xx']:,} acknowledged with 2xx ({webhook['answered_applied']:,} "
        f"'applied'), {webhook['recorded_in_db']:,} recorded in the database, each applied exactly once: "
        f"{'yes' if webhook['exactly_once'] else 'NO: ' + '; '.join(webhook['problems'])}."
        + (" (The events ran out before the end of the run.)" if webhook["exhausted_events"] else ""),
    ]
    print("\n".join(lines))
    print(f"\n(results: {out_path})", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "pgbench":
        pgbench(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "summary":
        summary(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)

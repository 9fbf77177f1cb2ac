#!/usr/bin/env python3
"""Checks what the crash drill left behind, against the database and the mail the app wrote.

  drill_check.py crash PG_PORT EVENTS.tsv ROUND1.jsonl ROUND2.jsonl MAIL_DIR

Prints one JSON object; exits 1 if an acknowledged event was lost or applied twice, an unanswered event was
not applied after the re-send, a payment is half-updated, or a receipt is missing or doubled.
"""
import collections
import json
import os
import re
import subprocess
import sys


def query(port, sql):
    output = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres", "-X",
                             "-Atq", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in output.splitlines()]


def answers(path):
    """Event id -> the answer it got (the last one, should it have been sent twice)."""
    result = {}
    for line in open(path):
        entry = json.loads(line)
        result[entry["event"]] = entry
    return result


def crash(port, events_path, round1_path, round2_path, mail_dir):
    reference_of = {}
    for line in open(events_path):
        body = json.loads(line.split("\t", 1)[1])
        reference_of[body["id"]] = body["data"]["object"]["id"]
    round1, round2 = answers(round1_path), answers(round2_path)

    applied_rows = {event: int(rows) for event, rows in query(port, """
        SELECT e.event_id, (SELECT count(*) FROM payment_status_history h
                             WHERE h.gateway_event_id = e.event_id AND h.applied)
          FROM processed_gateway_events e""")}
    payments = {row[0]: row for row in query(port, """
        SELECT p.gateway_reference, p.payment_id, p.status, (p.transaction_id IS NOT NULL)::text,
               (SELECT count(*) FROM payment_status_history h
                 WHERE h.payment_id = p.payment_id AND h.to_status = 'succeeded' AND h.applied),
               (SELECT count(*) FROM notification_outbox o WHERE o.payment_id = p.payment_id AND o.kind = 'receipt'),
               (SELECT count(*) FROM notification_outbox o
                 WHERE o.payment_id = p.payment_id AND o.kind = 'receipt' AND o.status = 'sent')
          FROM payments p WHERE p.gateway_reference LIKE 'pi_bench_%'""")}
    mails = collections.Counter()
    for name in os.listdir(mail_dir) if os.path.isdir(mail_dir) else []:
        if match := re.search(r"-receipt-(pay_[A-Za-z0-9_-]+)-", name):
            mails[match.group(1)] += 1

    acknowledged = [e for e, a in round1.items() if a.get("status") and 200 <= a["status"] < 300]
    unanswered = [e for e, a in round1.items() if not a.get("status")]
    rejected = [e for e, a in round1.items() if a.get("status") and not 200 <= a["status"] < 300]
    problems = collections.defaultdict(list)
    for event in acknowledged:
        if applied_rows.get(event) != 1:
            problems["acknowledged_not_applied_exactly_once"].append(event)
        if round2.get(event, {}).get("outcome") != "duplicate":
            problems["acknowledged_but_resend_not_duplicate"].append(event)
    resend_outcomes = collections.Counter(str(round2.get(e, {}).get("outcome")) for e in unanswered + rejected)
    for event in unanswered + rejected:
        if not 200 <= (round2.get(event, {}).get("status") or 0) < 300 or applied_rows.get(event) != 1:
            problems["unanswered_not_applied_after_resend"].append(event)
    for event in reference_of:
        if event not in round2 or not 200 <= (round2[event].get("status") or 0) < 300:
            problems["resend_not_acknowledged"].append(event)
    for reference, (_, payment_id, status, has_transaction, successes, receipts, sent) in payments.items():
        succeeded = status == "succeeded"
        if not (succeeded == (has_transaction == "true") == (successes == "1")):
            problems["half_updated_payment"].append(payment_id)
        if succeeded and receipts != "1":
            problems["receipt_rows_not_one"].append(payment_id)
        if succeeded and sent != "1":
            problems["receipt_not_sent"].append(payment_id)
        if succeeded and mails[payment_id] != 1:
            problems["receipt_emails_not_one"].append(f"{payment_id}: {mails[payment_id]}")
        if not succeeded:
            problems["payment_not_succeeded_after_resend"].append(payment_id)

    result = {
        "events": len(reference_of),
        "round1": {"acknowledged_2xx": len(acknowledged), "no_answer": len(unanswered), "other_status": len(rejected)},
        "round2_outcomes_of_unacknowledged": dict(resend_outcomes),
        "round2_outcomes_of_acknowledged": dict(collections.Counter(
            str(round2.get(e, {}).get("outcome")) for e in acknowledged)),
        "payments_succeeded": sum(1 for row in payments.values() if row[2] == "succeeded"),
        "receipt_emails_written": sum(mails.values()),
        "problems": {name: {"count": len(items), "examples": items[:5]} for name, items in problems.items()},
        "ok": not problems,
    }
    print(json.dumps(result, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "crash":
        sys.exit(crash(*sys.argv[2:]))
    sys.exit(__doc__)

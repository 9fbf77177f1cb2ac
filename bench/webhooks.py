#!/usr/bin/env python3
"""Writes Stripe-signed payment_intent.succeeded events, one per gateway reference, for the benchmark and drills.

Each output line is `<Stripe-Signature>\t<body>`: the wrk script replays the lines as they are, and the drills'
client sends them. Signatures are valid for 300 s after the moment this runs, so run it right before sending.

  webhooks.py SECRET PREFIX < references.txt > events.tsv
"""
import hashlib
import hmac
import json
import sys
import time


def signed_event(secret: bytes, event_id: str, reference: str, now: int) -> tuple[str, str]:
    body = json.dumps({
        "id": event_id,
        "object": "event",
        "api_version": "2026-07-29.dahlia",
        "created": now,
        "type": "payment_intent.succeeded",
        "data": {"object": {
            "id": reference,
            "object": "payment_intent",
            "amount": 1250,
            "currency": "usd",
            "status": "succeeded",
            "latest_charge": "ch_" + event_id[len("evt_"):],
        }},
    }, separators=(",", ":"))
    mac = hmac.new(secret, f"{now}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={now},v1={mac}", body


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    secret, prefix = sys.argv[1].encode(), sys.argv[2]
    now = int(time.time())
    out = sys.stdout
    for number, line in enumerate(sys.stdin):
        reference = line.strip()
        if reference:
            signature, body = signed_event(secret, f"evt_{prefix}{number:07d}", reference, now)
            out.write(f"{signature}\t{body}\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""HTTP load for the fault drills, logging every request as a JSON line (wrk cannot say which request got
which answer). Standard library only.

  client.py webhooks URL EVENTS.tsv OUT.jsonl [--concurrency 16]
      sends each signed event once; logs event id, status, outcome, latency or the connection error
  client.py creates URL OUT.jsonl [--count N] [--concurrency 16]
      creates payments with unique keys; a worker stops at its first connection error (the app is gone)
  client.py mixed URL EVENTS.tsv OUT.jsonl --seconds S [--concurrency 4]
      for S seconds: creates, webhooks (each event once) and a health probe every 0.25 s, side by side
  client.py summarize OUT.jsonl [--down T] [--up T]
      counts, statuses, problem+json share and latency per request kind, before/during/after an outage
"""
import argparse
import http.client
import itertools
import json
import queue
import threading
import time
import urllib.parse

TIMEOUT_S = 10


class Log:
    """One JSON object per line, flushed at once so a watching script sees progress."""

    def __init__(self, path):
        self.file = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def write(self, **entry):
        with self.lock:
            self.file.write(json.dumps(entry) + "\n")


class Connection:
    """A keep-alive connection that reconnects after an error."""

    def __init__(self, base_url):
        url = urllib.parse.urlsplit(base_url)
        self.host, self.port = url.hostname, url.port
        self.http = None

    def request(self, method, path, body=None, headers=None):
        """Returns (status, content type, body, milliseconds), or raises OSError/HTTPException."""
        if self.http is None:
            self.http = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
        started = time.monotonic()
        try:
            self.http.request(method, path, body=body, headers=headers or {})
            response = self.http.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException):
            self.http.close()
            self.http = None
            raise
        return (response.status, response.getheader("Content-Type", ""), payload,
                round((time.monotonic() - started) * 1000, 2))


def read_events(path):
    events = []
    with open(path) as lines:
        for line in lines:
            signature, body = line.rstrip("\n").split("\t", 1)
            events.append((json.loads(body)["id"], signature, body))
    return events


def send_event(connection, log, event, kind="webhook"):
    event_id, signature, body = event
    try:
        status, ctype, payload, ms = connection.request("POST", "/api/payment/stripe/webhook", body.encode(), {
            "Content-Type": "application/json", "Stripe-Signature": signature})
    except (OSError, http.client.HTTPException) as error:
        log.write(t=time.time(), kind=kind, event=event_id, status=None, error=type(error).__name__)
        return False
    outcome = None
    if 200 <= status < 300:
        outcome = json.loads(payload).get("outcome")
    log.write(t=time.time(), kind=kind, event=event_id, status=status, ctype=ctype, outcome=outcome, ms=ms)
    return True


def send_create(connection, log, key):
    body = json.dumps({"name": f"Drill {key}", "email": f"drill-{key}@example.com", "serviceType": "pon-ftth",
                       "amount": 1250, "currency": "USD"}).encode()
    try:
        status, ctype, payload, ms = connection.request("POST", "/api/payment/stripe/create-intent", body, {
            "Content-Type": "application/json", "Idempotency-Key": key})
    except (OSError, http.client.HTTPException) as error:
        log.write(t=time.time(), kind="create", key=key, status=None, error=type(error).__name__)
        return False
    payment_id = json.loads(payload).get("paymentId") if 200 <= status < 300 else None
    log.write(t=time.time(), kind="create", key=key, status=status, ctype=ctype, payment_id=payment_id, ms=ms)
    return True


def run_workers(count, work):
    threads = [threading.Thread(target=work, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def webhooks(args):
    log, pending = Log(args.out), queue.Queue()
    for event in read_events(args.events):
        pending.put(event)

    def work():
        connection = Connection(args.url)
        while True:
            try:
                event = pending.get_nowait()
            except queue.Empty:
                return
            send_event(connection, log, event)

    run_workers(args.concurrency, work)


def creates(args):
    log, numbers = Log(args.out), itertools.count()
    prefix = f"drill-{int(time.time() * 1000)}"

    def work():
        connection = Connection(args.url)
        while (number := next(numbers)) < args.count:
            if not send_create(connection, log, f"{prefix}-{number}"):
                return

    run_workers(args.concurrency, work)


def mixed(args):
    log, numbers, events = Log(args.out), itertools.count(), queue.Queue()
    for event in read_events(args.events):
        events.put(event)
    prefix = f"drill-{int(time.time() * 1000)}"
    deadline = time.monotonic() + args.seconds

    def create_work():
        connection = Connection(args.url)
        while time.monotonic() < deadline:
            if not send_create(connection, log, f"{prefix}-{next(numbers)}"):
                time.sleep(0.1)

    def webhook_work():
        connection = Connection(args.url)
        while time.monotonic() < deadline:
            try:
                event = events.get_nowait()
            except queue.Empty:
                return
            if not send_event(connection, log, event):
                time.sleep(0.1)

    def health_work():
        connection = Connection(args.url)
        while time.monotonic() < deadline:
            try:
                status, ctype, payload, ms = connection.request("GET", "/actuator/health")
                log.write(t=time.time(), kind="health", status=status, health=json.loads(payload).get("status"),
                          db=json.loads(payload).get("components", {}).get("db", {}).get("status"), ms=ms)
            except (OSError, http.client.HTTPException, ValueError) as error:
                log.write(t=time.time(), kind="health", status=None, error=type(error).__name__)
            time.sleep(0.25)

    threads = ([threading.Thread(target=create_work) for _ in range(args.concurrency)]
               + [threading.Thread(target=webhook_work) for _ in range(args.concurrency)]
               + [threading.Thread(target=health_work)])
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else None


def summarize(args):
    entries = [json.loads(line) for line in open(args.out)]

    def phase(entry):
        if args.down is None or entry["t"] < args.down:
            return "before"
        return "during" if args.up is None or entry["t"] < args.up else "after"

    result = {}
    for entry in entries:
        group = result.setdefault(phase(entry), {}).setdefault(entry["kind"], {"entries": []})
        group["entries"].append(entry)
    for kinds in result.values():
        for kind, group in kinds.items():
            found = group.pop("entries")
            statuses = {}
            for entry in found:
                key = str(entry.get("status") or entry.get("error"))
                statuses[key] = statuses.get(key, 0) + 1
            failed = [e for e in found if e.get("status") and e["status"] >= 500]
            group.update({
                "requests": len(found), "statuses": statuses,
                "5xx_problem_json": sum(1 for e in failed if "application/problem+json" in e.get("ctype", "")),
                "5xx_p50_ms": percentile([e["ms"] for e in failed], 50),
                "5xx_p99_ms": percentile([e["ms"] for e in failed], 99),
                "5xx_max_ms": max((e["ms"] for e in failed), default=None),
                "p50_ms": percentile([e["ms"] for e in found if "ms" in e], 50),
                "p99_ms": percentile([e["ms"] for e in found if "ms" in e], 99),
            })
            if kind == "health":
                group["health"] = {s: sum(1 for e in found if e.get("health") == s) for s in ("UP", "DOWN")}
    def seconds_until_first(since, predicate):
        hit = next((e for e in entries if e["t"] >= since and predicate(e)), None)
        return round(hit["t"] - since, 2) if hit else None
    if args.down is not None:
        result["seconds_after_stop_until_first"] = {
            "failed_request": seconds_until_first(
                args.down, lambda e: e["kind"] != "health" and (e.get("status") or 500) >= 500),
            "health_down": seconds_until_first(
                args.down, lambda e: e["kind"] == "health" and e.get("health") == "DOWN"),
        }
    if args.up is not None:
        result["seconds_after_restart_until_first"] = {
            "created_payment": seconds_until_first(
                args.up, lambda e: e["kind"] == "create" and e.get("status") == 201),
            "applied_webhook": seconds_until_first(
                args.up, lambda e: e["kind"] == "webhook" and e.get("status") == 200),
            "health_up": seconds_until_first(
                args.up, lambda e: e["kind"] == "health" and e.get("health") == "UP"),
        }
    print(json.dumps(result, indent=1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("webhooks")
    command.add_argument("url")
    command.add_argument("events")
    command.add_argument("out")
    command.add_argument("--concurrency", type=int, default=16)
    command.set_defaults(run=webhooks)
    command = commands.add_parser("creates")
    command.add_argument("url")
    command.add_argument("out")
    command.add_argument("--count", type=int, default=1_000_000)
    command.add_argument("--concurrency", type=int, default=16)
    command.set_defaults(run=creates)
    command = commands.add_parser("mixed")
    command.add_argument("url")
    command.add_argument("events")
    command.add_argument("out")
    command.add_argument("--seconds", type=float, required=True)
    command.add_argument("--concurrency", type=int, default=4)
    command.set_defaults(run=mixed)
    command = commands.add_parser("summarize")
    command.add_argument("out")
    command.add_argument("--down", type=float)
    command.add_argument("--up", type=float)
    command.set_defaults(run=summarize)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()

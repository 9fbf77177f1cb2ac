#!/usr/bin/env python3
"""Client of bench/live-status.sh: holds status streams on two app instances, drives webhooks through one, and
measures how long after each webhook's 2xx its event reaches a stream on the other instance.

  live_status.py A_URL B_URL A_PID PAYMENTS_TSV SECRET STREAMS ON_A RATE DURATION POLL_RATE > result.json
  live_status.py A_URL B_URL A_PID PAYMENTS_TSV SECRET STREAMS ON_A RATE DURATION POLL_RATE warm-up FIRST COUNT

PAYMENTS_TSV lines are `<paymentId>\t<gateway reference>` of pending payments, the first RATE * DURATION of them for
the measurement. Stream i watches payment i % (RATE * DURATION), on A when i < ON_A and on B otherwise; webhook k
succeeds payment k, sent to B. A warm-up round succeeds payments FIRST to FIRST + COUNT - 1 at the same rate while
polling A and holding a stream on A for one payment in ten of them, so that both instances' JIT compiles every path
the measurement takes. Each stream comes from its own forwarded address (the app trusts 127.0.0.1 here), so the
per-address limit does not apply.
"""
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from webhooks import signed_event  # noqa: E402

SUCCEEDED = b'"status":"succeeded"'


def proc(pid: int) -> dict:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return {"rss_mib": int(fields["VmRSS"].split()[0]) / 1024, "threads": int(fields["Threads"])}


def split(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


class Connection:
    """One keep-alive HTTP/1.1 connection, opened again whenever the server closes it. A request that finds its
    connection closed before any answer (the server may close a kept-alive connection, one idle for 5 s for one) is
    sent once more on a new one, and counted: a webhook is idempotent, so the app answers a repeat with the same
    outcome or `duplicate`."""

    resent = 0

    def __init__(self, url):
        self.host, self.port = split(url)
        self.reader = self.writer = None

    async def exchange(self, request: bytes) -> bytes:
        try:
            head = await self._send(request)
        except (asyncio.IncompleteReadError, ConnectionError):
            self.close()
            Connection.resent += 1
            head = await self._send(request)
        headers = head.lower()
        length = next(int(line.split(b":")[1]) for line in headers.split(b"\r\n") if line.startswith(b"content-length:"))
        await self.reader.readexactly(length)
        if b"connection: close" in headers:
            self.close()
        return head

    async def _send(self, request: bytes) -> bytes:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(request)
        return await self.reader.readuntil(b"\r\n\r\n")

    def close(self):
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def hold_stream(url, payment, index, arrivals, opened, gate):
    host, port = split(url)
    async with gate:  # a bounded number of streams being opened at a time
        reader, writer = await asyncio.open_connection(host, port)
        address = f"10.{index >> 16 & 255}.{index >> 8 & 255}.{index & 255}"
        writer.write(f"GET /api/payment/status/{payment}/events HTTP/1.1\r\nHost: {host}\r\n"
                     f"Accept: text/event-stream\r\nX-Forwarded-For: {address}\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(f"stream {index} on {url}: {head.splitlines()[0].decode()}")
        opened.append(writer)
    tail = b""
    while True:
        chunk = await reader.read(4096)
        if not chunk:
            return
        seen = tail + chunk
        if SUCCEEDED in seen and payment not in arrivals:
            arrivals[payment] = time.monotonic()
        tail = seen[-len(SUCCEEDED):]


async def post_webhooks(url, events, rate, acknowledged, connections=64):
    host = split(url)[0]
    queue = asyncio.Queue()

    async def sender():
        connection = Connection(url)
        while True:
            item = await queue.get()
            if item is None:
                connection.close()
                return
            payment, signature, body = item
            data = body.encode()
            head = await connection.exchange(
                f"POST /api/payment/stripe/webhook HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json"
                f"\r\nStripe-Signature: {signature}\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data)
            if head.startswith(b"HTTP/1.1 2"):
                acknowledged[payment] = time.monotonic()

    senders = [asyncio.create_task(sender()) for _ in range(connections)]
    start = time.monotonic()
    for k, item in enumerate(events):
        await asyncio.sleep(max(0.0, start + k / rate - time.monotonic()))
        queue.put_nowait(item)
    for _ in senders:
        queue.put_nowait(None)
    await asyncio.gather(*senders)
    return time.monotonic() - start


async def poll_status(url, payments, stop, counter, rate, connections=8):
    """Polls A at a steady `rate` per second, as that many customers' pages polling every 2 s would together."""
    host = split(url)[0]

    async def poller(offset):
        connection = Connection(url)
        start = time.monotonic()
        i = offset
        while not stop.is_set():
            await asyncio.sleep(max(0.0, start + (i - offset) / rate - time.monotonic()))
            await connection.exchange(
                f"GET /api/payment/status/{payments[i % len(payments)]} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            counter[0] += 1
            i += connections
        connection.close()

    await asyncio.gather(*(poller(n) for n in range(connections)))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else None


async def warm_up(a_url, b_url, payments, secret, rate, poll_rate):
    now = int(time.time())
    events = [(payment, *signed_event(secret.encode(), f"evt_warm{reference}", reference, now))
              for payment, reference in payments]
    arrivals, opened = {}, []
    gate = asyncio.Semaphore(200)
    streams = [asyncio.create_task(hold_stream(a_url, payment, index, arrivals, opened, gate))
               for index, (payment, _) in enumerate(payments[::10])]
    polls, stop = [0], asyncio.Event()
    poller = asyncio.create_task(poll_status(a_url, [p for p, _ in payments], stop, polls, poll_rate))
    await post_webhooks(b_url, events, rate, {})
    stop.set()
    await poller
    await asyncio.sleep(1)
    for writer in opened:
        writer.close()
    for stream in streams:
        stream.cancel()
    if Connection.resent:
        print(f"warm-up: {Connection.resent} requests resent on a new connection", file=sys.stderr)


async def main():
    a_url, b_url, a_pid, tsv, secret, streams, on_a, rate, duration, poll_rate = sys.argv[1:11]
    a_pid, streams, on_a, rate, duration, poll_rate = (int(a_pid), int(streams), int(on_a), int(rate), int(duration),
                                                       int(poll_rate))
    payments = [line.split("\t") for line in Path(tsv).read_text().splitlines() if line]
    webhooks = rate * duration
    if sys.argv[11:12] == ["warm-up"]:
        first, count = int(sys.argv[12]), int(sys.argv[13])
        assert len(payments) >= first + count, f"need {first + count} pending payments, have {len(payments)}"
        await warm_up(a_url, b_url, payments[first:first + count], secret, rate, poll_rate)
        return
    assert len(payments) >= webhooks, f"need {webhooks} pending payments, have {len(payments)}"
    idle = proc(a_pid)

    arrivals, opened = {}, []
    gate = asyncio.Semaphore(200)
    started = time.monotonic()
    tasks = [asyncio.create_task(hold_stream(a_url if i < on_a else b_url, payments[i % webhooks][0], i, arrivals,
                                             opened, gate)) for i in range(streams)]
    while len(opened) < streams:
        failed = [t for t in tasks if t.done() and t.exception()]
        if failed:
            raise failed[0].exception()
        await asyncio.sleep(0.05)
    open_seconds = time.monotonic() - started
    await asyncio.sleep(2)
    holding = proc(a_pid)

    now = int(time.time())
    events = [(payment, *signed_event(secret.encode(), f"evt_live{k:07d}", reference, now))
              for k, (payment, reference) in enumerate(payments[:webhooks])]
    events = events[:webhooks]
    watched_on_a = {payments[i % webhooks][0] for i in range(on_a)}
    acknowledged, polls, stop = {}, [0], asyncio.Event()
    poller = asyncio.create_task(poll_status(a_url, [p for p, _ in payments], stop, polls, poll_rate))
    sent_seconds = await post_webhooks(b_url, events, rate, acknowledged)
    polled_seconds = sent_seconds
    stop.set()
    await poller
    await asyncio.sleep(2)
    during = proc(a_pid)

    latencies = [max(0.0, arrivals[p] - acknowledged[p]) * 1000 for p in acknowledged if p in watched_on_a
                 and p in arrivals]
    missing = [p for p in acknowledged if p in watched_on_a and p not in arrivals]
    for writer in opened:
        writer.close()
    json.dump({
        "streams": streams, "streams_on_a": on_a, "open_seconds": round(open_seconds, 1),
        "webhooks_per_s": round(len(events) / sent_seconds, 1), "acknowledged": len(acknowledged),
        "measured": len(latencies), "missing_on_a": len(missing),
        "latency_p50_ms": percentile(latencies, 50), "latency_p99_ms": percentile(latencies, 99),
        "latency_mean_ms": statistics.fmean(latencies) if latencies else None,
        "a_idle": idle, "a_holding_streams": holding, "a_during_webhooks": during,
        "a_rss_for_streams_mib": round(holding["rss_mib"] - idle["rss_mib"], 1),
        "status_polls_per_s_on_a": round(polls[0] / polled_seconds, 1),
        "requests_resent_on_a_new_connection": Connection.resent,
    }, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    asyncio.run(main())

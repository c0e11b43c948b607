"""Digest benchmark: compose + render + MIME + send, against sending pre-rendered bytes.

    python tests/benchmarks/digests.py [--subscribers 3000] [--items 30] [--connections 10]

An aiosmtpd server that accepts and discards runs in another process on 127.0.0.1. In the same
run we measure (1) the floor: aiosmtplib sending the already-rendered messages over the same
number of reused connections, and (2) therapywatch: for every subscriber, compose the digest from
its 30 items, render HTML and text, inline the CSS, build the EmailMessage, flatten it, and send
it with ``SmtpMailer``. The ratio (2)/(1) is the figure of merit (aim >= 0.5), and the CPU time of
each step says where the time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import aiosmtplib

from digests.compose import compose
from digests.mailer import Envelope, SmtpMailer
from digests.message import build_message, message_id, to_bytes
from digests.render import render
from digests.schedule import latest_period, window_for
from service.models import THERAPY_SLUGS, DigestCandidate, Evidence, Item, Sighting, Subscriber, TherapyScore

SERVER = """
import asyncio, sys
from aiosmtpd.controller import Controller
class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"
c = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
c.start()
print("ready", flush=True)
sys.stdin.read()
c.stop()
"""
NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)
WORDS = ("trial", "patients", "response", "dose", "relapse", "remission", "approval", "cohort", "safety")


def make_items(n: int, start: datetime) -> list[DigestCandidate]:
    out = []
    for i in range(n):
        slug = THERAPY_SLUGS[i % 5]
        summary = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(45))
        item = Item(
            id=i + 1,
            story_id=(i // 2) + 1,
            identity_key=str(i),
            title=f"Phase 2 {slug} study number {i} reports durable responses in a hard-to-treat cancer",
            url=f"https://news{i % 7}.example/story/{i}",
            summary=summary,
            content="",
            published=start + timedelta(hours=i),
            first_seen=start + timedelta(hours=i),
            primary=slug,
            discussed=(slug,),
            sightings=(
                Sighting(f"Outlet {i % 7}", None, None),
                Sighting(f"Outlet {(i + 3) % 7}", None, None),
            ),
        )
        ev = (Evidence("title", 8, 8 + len(slug), slug), Evidence("text", 0, 5, "trial"))
        out.append(DigestCandidate(item=item, therapies=(TherapyScore(slug, 0.5 + (i % 5) / 10, ev),)))
    return out


def make_subscribers(n: int) -> list[Subscriber]:
    return [
        Subscriber(
            id=i + 1,
            email=f"reader{i}@example.org",
            name=f"Reader {i}",
            all_therapies=True,
            timezone="Europe/Berlin",
        )
        for i in range(n)
    ]


def start_server(port: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


class Pipeline:
    """compose -> render -> message -> bytes, timing each step (process CPU time per step)."""

    def __init__(self, items: list[DigestCandidate]) -> None:
        self.items = items
        self.cpu: dict[str, float] = defaultdict(float)

    def build(self, sub: Subscriber) -> Envelope:
        t = time.process_time
        t0 = t()
        period = latest_period(sub, NOW)
        digest = compose(sub, self.items, period, window_for(period, None))
        t1 = t()
        links = {
            k: f"https://tw.example/{k}/{sub.id}" for k in ("preferences_url", "unsubscribe_url", "feed_url")
        }
        rendered = render(digest, links)
        t2 = t()
        msg_id = message_id("bench", "digest@tw.example", str(sub.id))
        msg = build_message(
            rendered,
            sub,
            mail_from="digest@tw.example",
            msg_id=msg_id,
            date=NOW,
            unsubscribe_url=links["unsubscribe_url"],
            preferences_url=links["preferences_url"],
        )
        t3 = t()
        data = to_bytes(msg)
        t4 = t()
        for name, a, b in (
            ("compose", t0, t1),
            ("render+inline", t1, t2),
            ("mime build", t2, t3),
            ("flatten", t3, t4),
        ):
            self.cpu[name] += b - a
        return Envelope("digest@tw.example", sub.email, data, msg_id)


async def floor(port: int, envelopes: list[Envelope], connections: int) -> float:
    """aiosmtplib alone: the same bytes over ``connections`` reused connections."""
    queue = list(reversed(envelopes))

    async def worker() -> None:
        client = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, start_tls=False)
        await client.connect()
        while queue:
            env = queue.pop()
            await client.sendmail(env.sender, [env.recipient], env.data)
        await client.quit()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    return time.perf_counter() - t0


async def ours(
    port: int, subs: list[Subscriber], pipeline: Pipeline, connections: int
) -> tuple[float, float]:
    mailer = SmtpMailer(f"smtp://127.0.0.1:{port}?starttls=false", concurrency=connections)
    queue = list(reversed(subs))

    async def worker() -> None:
        while queue:
            result = await mailer.send(pipeline.build(queue.pop()))
            assert result.outcome == "sent", result

    t0, c0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    await mailer.close()
    # Whatever CPU the steps did not use went to SMTP client work and the event loop.
    return elapsed, cpu - sum(pipeline.cpu.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subscribers", type=int, default=3000)
    ap.add_argument("--items", type=int, default=30)
    ap.add_argument("--connections", type=int, default=10)
    args = ap.parse_args()
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = start_server(port)
    try:
        start = window_for(latest_period(make_subscribers(1)[0], NOW), None)[0]
        items = make_items(args.items, start + timedelta(minutes=5))
        subs = make_subscribers(args.subscribers)
        warm = Pipeline(items)
        pre_t0 = time.perf_counter()
        envelopes = [warm.build(s) for s in subs]
        pre_elapsed = time.perf_counter() - pre_t0
        size = sum(len(e.data) for e in envelopes) / len(envelopes)
        c0 = time.process_time()
        floor_s = asyncio.run(floor(port, envelopes, args.connections))
        floor_cpu = time.process_time() - c0
        del envelopes
        pipeline = Pipeline(items)
        ours_s, send_cpu = asyncio.run(ours(port, subs, pipeline, args.connections))
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)
    n = args.subscribers
    print(
        f"{n} subscribers x {args.items} items, {args.connections} connections, "
        f"avg message {size / 1024:.1f} KB"
    )
    print(f"render only (no send, warm-up pass): {n / pre_elapsed:8.1f} msgs/s")
    print(f"floor: aiosmtplib, pre-rendered bytes: {n / floor_s:8.1f} msgs/s ({floor_s:.1f} s)")
    print(f"therapywatch render+send:             {n / ours_s:8.1f} msgs/s ({ours_s:.1f} s)")
    print(f"ratio therapywatch / floor:           {floor_s / ours_s:8.2f}")
    print(f"floor: client CPU {floor_cpu / n * 1e6:.0f} us/msg")
    print("client CPU per message in the therapywatch run:")
    for name, total in [*pipeline.cpu.items(), ("smtp client + loop", send_cpu)]:
        print(f"  {name:20s} {total / n * 1e6:8.0f} us")


if __name__ == "__main__":
    main()

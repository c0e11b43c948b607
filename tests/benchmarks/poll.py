"""Polling throughput: poll_due against bare aiohttp fetching the same URLs at the same concurrency.

    python tests/benchmarks/poll.py [--feeds 1000] [--repeats 1] [--latency-ms 0 50-100] [--postgres URL]
        [--loop service|asyncio]

A separate server process serves ``--feeds`` RSS feeds (~11 KB, 10 items each) on 127.0.0.1, one
loopback address per feed (127.0.x.y), so the per-host politeness limit (2 in flight per host) is
in force but never the bottleneck, as with real feeds spread over many publishers. Each latency
configuration (``0``: answers at once, the headline figure; ``50-100``: every response, 200 or
304, waits a random 50-100 ms first, like a real publisher) gets its own server and, per repeat,
a fresh database:

  (a) first round: bare aiohttp GETs every URL and reads the body (the floor), then poll_due on a
      fresh database fetches, parses, classifies and prepares (process pool), dedups, groups and
      stores every feed;
  (b) 304 round: bare aiohttp sends If-None-Match and gets 304 (the floor), then poll_due does
      the same through claims, conditional GET and health updates.

During each timed run a ticker task on the event loop wakes every 5 ms and records how late it
woke: the maximum is the longest the loop was blocked (by parsing, storing, anything), printed
for the floor too, since aiohttp itself is not free. CPU seconds are the polling process's and
its pool workers' (from /proc), to show where the time went.

Both run on the event loop the service runs on (``service.entrypoints.scheduler.run_loop``: uvloop
where installed), or with ``--loop asyncio`` on asyncio's own.

Prints the medians and the ratio of each round to its floor, per latency configuration.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder is sys.path[0]; a sibling benchmark named like a standard module
# (http.py) would then shadow it. Only the project root is needed on the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Awaitable, Callable  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from email.utils import format_datetime  # noqa: E402
from typing import TypeVar  # noqa: E402

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scrapers.fetch import build_session  # noqa: E402
from service.config import Settings  # noqa: E402
from service.entrypoints.scheduler import parse_pool, run_loop, tune_gc  # noqa: E402
from service.jobs import _parse_and_prepare, build_fetcher, poll_due  # noqa: E402
from service.store import sources as source_store  # noqa: E402
from service.store.engine import make_engine, migrate  # noqa: E402
from tests.benchmarks.loopback import host, serve_feeds  # noqa: E402

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
# Mostly everyday words with a sprinkling of medical ones, like a news summary.
WORDS = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "that",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "said",
    "new",
    "year",
    "people",
    "this",
    "will",
    "after",
    "their",
    "more",
    "than",
    "been",
    "which",
    "about",
    "could",
    "would",
    "also",
    "other",
    "were",
    "first",
    "two",
    "last",
    "most",
    "over",
    "city",
    "report",
    "team",
    "week",
    "month",
    "officials",
    "plans",
    "public",
    "local",
    "health",
    "care",
    "hospital",
    "patients",
    "study",
    "trial",
]


def feed_bytes(n: int) -> bytes:
    rng = random.Random(n)
    items = []
    for i in range(10):
        text = " ".join(rng.choice(WORDS) for _ in range(170))
        items.append(
            f"<item><title>Feed {n} report {i}: {' '.join(rng.choice(WORDS) for _ in range(6))}</title>"
            f"<link>https://news{n}.example/{i}</link><guid>feed{n}-item{i}</guid>"
            f"<pubDate>{format_datetime(NOW - timedelta(hours=6 * i + n % 6))}</pubDate>"
            f"<description>{text}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"<link>https://news{n}.example/</link><description>Synthetic feed {n}</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve(feeds: int, latency: tuple[float, float], port_box: multiprocessing.Queue[int]) -> None:
    """The server process: every feed on its own loopback address, one port for all."""
    bodies = {n: feed_bytes(n) for n in range(feeds)}
    rng = random.Random(7)
    low, high = latency

    async def handler(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        if high > 0:
            await asyncio.sleep(rng.uniform(low, high))
        etag = f'"f{n}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=bodies[n], headers={"ETag": etag, "Content-Type": "application/rss+xml"})

    serve_feeds(handler, feeds, port_box)


async def floor(urls: list[str], concurrency: int, conditional: bool) -> None:
    """Bare aiohttp: the same URLs, the same concurrency, nothing done with the bodies."""
    gate = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as session:

        async def one(n: int, url: str) -> None:
            headers = {"If-None-Match": f'"f{n}"'} if conditional else {}
            async with gate, session.get(url, headers=headers) as resp:
                await resp.read()
                assert resp.status == (304 if conditional else 200), resp.status

        await asyncio.gather(*(one(n, u) for n, u in enumerate(urls)))


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of ``pids`` so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


T = TypeVar("T")


async def timed(
    key: str, out: dict[str, float], pool: ProcessPoolExecutor, work: Callable[[], Awaitable[T]]
) -> T:
    """Run ``work`` with a 5 ms ticker on the loop; record wall time, max loop lag and CPU."""
    workers = [p.pid for p in pool._processes.values()]  # type: ignore[union-attr]
    lags: list[float] = []
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    async def ticker() -> None:
        while not stop.is_set():
            t = loop.time()
            await asyncio.sleep(0.005)
            lags.append(loop.time() - t - 0.005)

    tick = asyncio.create_task(ticker())
    cpu_main, cpu_workers = time.process_time(), _cpu_seconds(workers)
    t0 = time.perf_counter()
    result = await work()
    out[key] = time.perf_counter() - t0
    out[f"{key}_cpu_main"] = time.process_time() - cpu_main
    out[f"{key}_cpu_workers"] = _cpu_seconds(workers) - cpu_workers
    stop.set()
    await tick
    lags.sort()
    out[f"{key}_lag_max"] = lags[-1] if lags else 0.0
    out[f"{key}_lag_p99"] = lags[int(0.99 * (len(lags) - 1))] if lags else 0.0
    return result


async def repeat(
    urls: list[str], db_url: str, settings: Settings, pool: ProcessPoolExecutor
) -> dict[str, float]:
    engine = make_engine(db_url)
    migrate(engine)
    with engine.begin() as conn:
        for n, url in enumerate(urls):
            source_store.insert_source(conn, name=f"feed{n}", url=url, now=NOW - timedelta(days=1))
    out: dict[str, float] = {}
    conc = settings.fetch_concurrency
    await timed("floor_200", out, pool, lambda: floor(urls, conc, conditional=False))
    # A fresh session per round, as for the floor: the next real round comes long after the
    # connections of this one have been closed, so neither side may reuse them.
    async with build_session(user_agent=settings.user_agent, allow_private_networks=True) as session:
        fetcher = build_fetcher(session, settings)
        first = await timed(
            "poll_200",
            out,
            pool,
            lambda: poll_due(
                engine, fetcher, settings, NOW, worker_id="bench", limit=len(urls), executor=pool
            ),
        )
    assert first.claimed == len(urls) and first.errors == 0, (first.claimed, first.errors)
    out["new_items"] = first.new_items
    loop = asyncio.get_running_loop()
    bodies = [feed_bytes(n) for n in range(len(urls))]
    t0 = time.perf_counter()
    jobs = (loop.run_in_executor(pool, _parse_and_prepare, b, {}, "guid", NOW) for b in bodies)
    await asyncio.gather(*jobs)
    out["cpu_200"] = time.perf_counter() - t0
    await timed("floor_304", out, pool, lambda: floor(urls, conc, conditional=True))
    later = NOW + timedelta(days=2)
    async with build_session(user_agent=settings.user_agent, allow_private_networks=True) as session:
        fetcher = build_fetcher(session, settings)
        second = await timed(
            "poll_304",
            out,
            pool,
            lambda: poll_due(
                engine, fetcher, settings, later, worker_id="bench", limit=len(urls), executor=pool
            ),
        )
    assert second.not_modified == len(urls), (second.not_modified, second.errors)
    engine.dispose()
    return out


def parse_latency(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low) / 1000, float(high or low) / 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument(
        "--latency-ms",
        nargs="+",
        default=["0", "50-100"],
        help="per-response server latency configurations, e.g. 0 and 50-100 (default: both)",
    )
    ap.add_argument(
        "--loop",
        choices=("service", "asyncio"),
        default="service",
        help="event loop of both the floor and poll_due: the service's (uvloop where installed) or asyncio's",
    )
    ap.add_argument("--postgres", help="a PostgreSQL URL whose database may be filled (default: SQLite file)")
    args = ap.parse_args()
    runner = run_loop if args.loop == "service" else asyncio.run

    ctx = multiprocessing.get_context("spawn")
    avg = statistics.mean(len(feed_bytes(n)) for n in range(min(args.feeds, 50)))
    settings = Settings(allow_private_networks=True, fetch_concurrency=args.concurrency)
    pool = parse_pool(2)  # as the service builds it
    # Start the workers (and import everything in them) before timing.
    list(pool.map(_parse_and_prepare, [feed_bytes(0)] * 4, [{}] * 4, ["guid"] * 4, [NOW] * 4))
    tune_gc()  # as `therapywatch run` and `fetch` do at start-up
    results: dict[str, list[dict[str, float]]] = {}
    load_before = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for config in args.latency_ms:
                port_box: multiprocessing.Queue[int] = ctx.Queue()
                server = ctx.Process(
                    target=serve, args=(args.feeds, parse_latency(config), port_box), daemon=True
                )
                server.start()
                try:
                    port = port_box.get(timeout=60)
                    urls = [f"http://{host(n)}:{port}/f/{n}" for n in range(args.feeds)]
                    for r in range(args.repeats):
                        if args.postgres:
                            from sqlalchemy import text

                            admin = make_engine(args.postgres)
                            with admin.begin() as conn:
                                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
                            admin.dispose()
                            db_url = args.postgres
                        else:
                            db_url = f"sqlite:///{tmp}/poll-{config}-{r}.db"
                        results.setdefault(config, []).append(runner(repeat(urls, db_url, settings, pool)))
                finally:
                    server.terminate()
    finally:
        pool.shutdown()
    load_after = os.getloadavg()

    n = args.feeds
    store = "PostgreSQL" if args.postgres else "SQLite (WAL)"
    print(
        f"feeds={n} avg_feed_bytes={avg:.0f} concurrency={args.concurrency} repeats={args.repeats} "
        f"store={store} pool=2 processes cores={os.cpu_count()} loop={args.loop}"
    )
    print(
        "load average (1, 5, 15 min) before: " + ", ".join(f"{x:.2f}" for x in load_before)
        + "; after: " + ", ".join(f"{x:.2f}" for x in load_after)
    )  # fmt: skip
    for config, runs in results.items():

        def med(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in runs)

        label = "no added latency" if parse_latency(config)[1] == 0 else f"server latency {config} ms"
        print(f"--- {label}; new items stored in the first round: {int(med('new_items'))}")
        for name, floor_key, poll_key in (
            ("first round (200)", "floor_200", "poll_200"),
            ("304 round", "floor_304", "poll_304"),
        ):
            f, p = med(floor_key), med(poll_key)
            print(
                f"{name:18} bare aiohttp {f:7.3f} s ({n / f:6.0f} feeds/s)   poll_due {p:7.3f} s "
                f"({n / p:6.0f} feeds/s)   ratio {p / f:5.2f}x"
            )
            print(
                f"{'':18} max loop lag: floor {med(floor_key + '_lag_max') * 1000:6.1f} ms, poll_due "
                f"{med(poll_key + '_lag_max') * 1000:6.1f} ms "
                f"(p99 {med(poll_key + '_lag_p99') * 1000:.1f} ms)"
                f"   CPU s: floor {med(floor_key + '_cpu_main'):.2f}; poll_due's process "
                f"{med(poll_key + '_cpu_main'):.2f}, pool workers {med(poll_key + '_cpu_workers'):.2f}"
            )
        cpu = med("cpu_200")
        print(
            f"parse+classify+prepare alone, same pool: {cpu:.3f} s; first round against max(fetch floor, "
            f"that): {med('poll_200') / max(cpu, med('floor_200')):.2f}x"
        )


if __name__ == "__main__":
    main()

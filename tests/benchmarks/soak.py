"""Soak: ~2,000 sources of mixed behaviour polled for several rounds by ``service.jobs.poll_due``
with an advancing injected clock, on loopback only.

    python tests/benchmarks/soak.py [--sources 2000] [--rounds 10] [--step-minutes 10] [--budget 220]

A separate server process serves every source on its own loopback address (127.0.x.y, as
tests/benchmarks/poll.py does, so the per-host limit is never the bottleneck). Behaviour by source
number: fast feeds that answer 304 to their ETag; slow ones (1.5 s before the body); failing ones
(500); huge ones (12 MiB streamed, over the 10 MiB cap); feeds whose GUIDs change on every fetch.
Bounded: at most ``--rounds`` passes and ``--budget`` seconds of wall time, then it stops itself.

Prints peak RSS, rounds, errors by kind, p95 poll lag (the injected time of the check minus the
source's next_check_at; quantised by the step), whether any source starved, how error sources
backed off and whether healthy sources kept their schedule.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import itertools  # noqa: E402
import multiprocessing  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

from aiohttp import web  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scrapers.fetch import build_session  # noqa: E402
from service.config import Settings  # noqa: E402
from service.jobs import _parse_and_prepare, build_fetcher, poll_due  # noqa: E402
from service.store import sources as source_store  # noqa: E402
from service.store.engine import make_engine, migrate  # noqa: E402
from tests.benchmarks.loopback import host, serve_feeds  # noqa: E402

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
KINDS = ("fast", "fast", "fast", "fast", "slow", "fail500", "changing", "fast", "fast", "changing")
HUGE_EVERY = 100  # one source in a hundred streams past the cap (12 MiB each time it is fetched)


def kind_of(n: int) -> str:
    return "huge" if n % HUGE_EVERY == 6 else KINDS[n % len(KINDS)]


def feed(n: int, guids: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Source {n} trial update {g}</title><link>https://news{n}.example/{g}</link>"
        f"<guid>{g}</guid><description>Phase two results for cohort {g} of source {n}.</description></item>"
        for g in guids
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source {n}</title>'
        f"<link>https://news{n}.example/</link><description>soak</description>{items}</channel></rss>"
    ).encode()


def serve(sources: int, port_box: multiprocessing.Queue[int]) -> None:
    """The server process: one loopback address per source, one port for all."""
    fixed = {n: feed(n, [f"s{n}-{i}" for i in range(5)]) for n in range(sources)}
    counter = itertools.count()

    async def handler(request: web.Request) -> web.StreamResponse:
        n = int(request.match_info["n"])
        kind = kind_of(n)
        if kind == "fail500":
            return web.Response(status=500, text="upstream broke")
        if kind == "huge":
            resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            await resp.prepare(request)
            chunk = b"<!-- padding -->" * 4096
            try:
                for _ in range(12 * 1024 * 1024 // len(chunk)):
                    await resp.write(chunk)
            except (ConnectionError, RuntimeError):
                pass
            return resp
        if kind == "changing":
            c = next(counter)
            return web.Response(body=feed(n, [f"c{n}-{c}-{i}" for i in range(5)]),
                                headers={"Content-Type": "application/rss+xml"})  # fmt: skip
        if kind == "slow":
            await asyncio.sleep(1.5)
        etag = f'"s{n}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=fixed[n], headers={"ETag": etag, "Content-Type": "application/rss+xml"})

    serve_feeds(handler, sources, port_box)


async def soak(args: argparse.Namespace, urls: list[str], db_url: str, pool: ProcessPoolExecutor) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    with engine.begin() as conn:
        for n, url in enumerate(urls):
            source_store.insert_source(conn, name=f"s{n}", url=url, now=T0)
    settings = Settings(allow_private_networks=True, fetch_concurrency=50)
    step = timedelta(minutes=args.step_minutes)
    lags: list[float] = []
    lag_by_kind: dict[str, list[float]] = defaultdict(list)
    checks: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    missed_due: Counter[str] = Counter()  # due at a round's clock, not checked in that round
    started = time.monotonic()
    rounds = 0
    round_secs: list[float] = []
    async with build_session(user_agent=settings.user_agent, allow_private_networks=True) as session:
        fetcher = build_fetcher(session, settings)
        for r in range(args.rounds):
            if time.monotonic() - started > args.budget:
                break
            now = T0 + r * step
            with engine.connect() as conn:
                before = {s.name: s.next_check_at for s in source_store.list_sources(conn)}
            t0 = time.perf_counter()
            report = await poll_due(
                engine, fetcher, settings, now, worker_id="soak", limit=len(urls) + 1, executor=pool
            )
            round_secs.append(time.perf_counter() - t0)
            rounds += 1
            checked = set()
            for o in report.outcomes:
                checked.add(o.source)
                checks[o.source] += 1
                if o.error:
                    errors[o.status] += 1
                due = before[o.source]
                if due is not None:
                    lag = max((now - due).total_seconds(), 0.0)
                    lags.append(lag)
                    lag_by_kind[kind_of(int(o.source[1:]))].append(lag)
            for name, due in before.items():
                if (due is None or due <= now) and name not in checked:
                    missed_due[kind_of(int(name[1:]))] += 1
            print(f"round {r + 1}: clock +{r * step}, {report.claimed} claimed, {report.errors} errors, "
                  f"{report.new_items} new items, {round_secs[-1]:.1f} s", flush=True)  # fmt: skip
    with engine.connect() as conn:
        final = {s.name: s for s in source_store.list_sources(conn)}
    engine.dispose()

    wall = time.monotonic() - started
    never = [name for name in final if checks[name] == 0]
    by_kind: dict[str, list[str]] = defaultdict(list)
    for name in final:
        by_kind[kind_of(int(name[1:]))].append(name)
    print()
    med, worst = statistics.median(round_secs), max(round_secs)
    print(f"sources={len(final)} rounds={rounds} step={args.step_minutes} min wall={wall:.0f} s "
          f"(per round: median {med:.1f} s, max {worst:.1f} s)")  # fmt: skip
    print("sources by kind: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(by_kind.items())))
    print(f"checks: {sum(checks.values())}; errors by kind: {dict(sorted(errors.items()))}")
    lags.sort()
    p95 = lags[int(0.95 * (len(lags) - 1))] if lags else 0.0
    print(f"poll lag (injected check time - next_check_at): p50 {statistics.median(lags):.0f} s, "
          f"p95 {p95:.0f} s, max {max(lags):.0f} s over {len(lags)} checks")  # fmt: skip
    for k, v in sorted(lag_by_kind.items()):
        print(f"  {k:9} checks {len(v):5}  max lag {max(v):6.0f} s")
    missed = dict(missed_due) or 0
    print(f"sources never checked: {len(never)}; due but not checked in their round: {missed}")
    spread = [
        f"{k} {min(checks[n] for n in v)}/{max(checks[n] for n in v)}" for k, v in sorted(by_kind.items())
    ]
    print("checks per source by kind (min/max): " + ", ".join(spread))
    healthy_interval = statistics.median(final[n].interval_seconds for n in by_kind["fast"])
    for k in ("fail500", "huge"):
        rows = [final[n] for n in by_kind[k]]
        waits = [(s.next_check_at - s.last_checked_at).total_seconds() / 60 for s in rows
                 if s.next_check_at and s.last_checked_at]  # fmt: skip
        print(f"  {k}: error_count {min(s.error_count for s in rows)}-{max(s.error_count for s in rows)}, "
              f"next wait {min(waits):.0f}-{max(waits):.0f} min (healthy interval "
              f"{healthy_interval / 60:.0f} min)")  # fmt: skip
    healthy = [n for k in ("fast", "slow", "changing") for n in by_kind[k]]
    healthy_errors = sum(final[n].error_count for n in healthy)
    print(f"healthy sources with an error count: {healthy_errors}")
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS of the polling process: {self_kb / 1024:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--step-minutes", type=int, default=10)
    ap.add_argument("--budget", type=float, default=220, help="stop starting rounds after this many seconds")
    args = ap.parse_args()
    ctx = multiprocessing.get_context("spawn")
    port_box: multiprocessing.Queue[int] = ctx.Queue()
    server = ctx.Process(target=serve, args=(args.sources, port_box), daemon=True)
    server.start()
    port = port_box.get(timeout=120)
    urls = [f"http://{host(n)}:{port}/f/{n}" for n in range(args.sources)]
    pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("forkserver"))
    list(pool.map(_parse_and_prepare, [feed(0, ["x"])] * 2, [{}] * 2, ["guid"] * 2, [T0] * 2))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            asyncio.run(soak(args, urls, f"sqlite:///{tmp}/soak.db", pool))
    finally:
        pool.shutdown()
        server.terminate()
        server.join(10)
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak RSS of the largest child (server or parse worker): {children_kb / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

"""Polling against a real aiohttp.web server on 127.0.0.1, on SQLite and PostgreSQL, clock injected."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import Engine, func, select

from scrapers.fetch import Fetcher, FetchResult, build_session
from service.config import Settings
from service.entrypoints.bootstrap import App
from service.entrypoints.scheduler import POLL_JOB_ID, Leadership, ServiceScheduler
from service.errors import FetchError, StoreError
from service.jobs import build_fetcher, poll_due
from service.models import Source
from service.polling import (
    PollPolicy,
    adaptive_interval,
    backoff_seconds,
    cache_lifetime,
    judge_fetch,
    retry_after_seconds,
)
from service.store import sources as store
from service.store.engine import make_engine
from service.store.schema import items, sightings

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
SETTINGS = Settings(
    allow_private_networks=True, fetch_host_delay_ms=0, fetch_concurrency=20, fetch_per_host=4
)


def rss(
    name: str, n: int, *, newest: datetime = NOW, step: timedelta = timedelta(hours=1), ttl: int | None = None
) -> bytes:
    entries = "".join(
        f"<item><title>{name} story {i}</title><link>http://news.example/{name}/{i}</link>"
        f"<guid>{name}-{i}</guid><pubDate>{format_datetime(newest - i * step)}</pubDate>"
        f"<description>Report {i} from {name}.</description></item>"
        for i in range(n)
    )
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl else ""
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
        f"<link>http://news.example/{name}</link>{ttl_tag}{entries}</channel></rss>"
    ).encode()


Handler = Callable[[web.Request], web.StreamResponse]


@dataclass
class FeedServer:
    """Feeds by name: each name maps to a script of responses, the last one repeating."""

    scripts: dict[str, list[Handler]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    port: int = 0
    runner: web.AppRunner | None = None

    async def start(self) -> None:
        async def route(request: web.Request) -> web.StreamResponse:
            name = request.match_info["name"]
            n = self.hits[name]
            self.hits[name] += 1
            script = self.scripts[name]
            return await script[min(n, len(script) - 1)](request)  # type: ignore[misc,no-any-return]

        app = web.Application()
        app.router.add_get("/f/{name}", route)
        self.runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/f/{name}"


def serve(body: bytes, *, etag: str | None = None, headers: dict[str, str] | None = None) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        if etag and request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        h = {"Content-Type": "application/rss+xml", **(headers or {})}
        if etag:
            h["ETag"] = etag
        return web.Response(body=body, headers=h)

    return handler


def status(code: int, headers: dict[str, str] | None = None) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(status=code, headers=headers or {}, text="nope")

    return handler


def redirect_to(url: Callable[[], str], code: int = 301) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(status=code, headers={"Location": url()})

    return handler


@pytest.fixture
async def feeds() -> AsyncIterator[FeedServer]:
    srv = FeedServer()
    await srv.start()
    yield srv
    assert srv.runner is not None
    await srv.runner.cleanup()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    s = build_session(user_agent="therapywatch-test", allow_private_networks=True)
    yield s
    await s.close()


def add(engine: Engine, name: str, url: str, interval: int = 3600) -> Source:
    with engine.begin() as conn:
        return store.insert_source(
            conn, name=name, url=url, now=NOW - timedelta(days=30), interval_seconds=interval
        )


def get(engine: Engine, name: str) -> Source:
    with engine.connect() as conn:
        return store.get_source(conn, name)


def count_items(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(items)).scalar_one())


async def poll(engine: Engine, session: aiohttp.ClientSession, now: datetime, **kw: object):  # type: ignore[no-untyped-def]
    return await poll_due(engine, session, SETTINGS, now, worker_id="w1", rng=random.Random(7), **kw)  # type: ignore[arg-type]


# ---- the pure decider ------------------------------------------------------------------------------


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(1)
    policy = PollPolicy(backoff_base=300, max_backoff=86400)
    for n in range(1, 9):
        full = min(300 * 2 ** (n - 1), 86400)
        d = backoff_seconds(n, rng, policy)
        assert full / 2 <= d <= full
    assert backoff_seconds(500, rng, policy) <= 86400


def test_adaptive_interval() -> None:
    # Miniflux: a week / weekly count, clamped to 5 min .. 24 h.
    assert adaptive_interval(14, 3600) == 12 * 3600
    assert adaptive_interval(100_000, 3600) == 300
    assert adaptive_interval(1, 3600) == 86400
    assert adaptive_interval(0, 7200) == 7200  # nothing posted: the configured interval
    # Never sooner than <ttl> or the cache headers ask, and never beyond the cap.
    assert adaptive_interval(2000, 3600, ttl_seconds=3 * 3600) == 3 * 3600
    assert adaptive_interval(2000, 3600, cache_seconds=1800) == 1800
    assert adaptive_interval(2000, 3600, ttl_seconds=10 * 86400) == 86400


def test_cache_and_retry_after_headers() -> None:
    assert cache_lifetime({"cache-control": "public, max-age=900"}, NOW) == 900
    assert cache_lifetime({"expires": format_datetime(NOW + timedelta(hours=2), usegmt=True)}, NOW) == 7200
    assert cache_lifetime({"cache-control": "no-cache, max-age=900"}, NOW) is None
    assert retry_after_seconds("120", NOW) == 120
    assert retry_after_seconds(format_datetime(NOW + timedelta(hours=1), usegmt=True), NOW) == 3600
    assert retry_after_seconds("soon", NOW) is None


def test_a_source_is_never_given_up_on() -> None:
    src = Source(id=1, name="s", url="http://x/", error_count=200)
    v = judge_fetch(src, FetchError("fetch: boom", kind="connect"), NOW, random.Random(0))
    assert not v.parse
    assert "enabled" not in v.updates
    assert NOW < v.updates["next_check_at"] <= NOW + timedelta(hours=24)


def test_identical_body_is_not_parsed_again() -> None:
    first = FetchResult(url="u", final_url="u", status=200, headers={}, body=b"<rss/>", elapsed=0.0)
    v = judge_fetch(Source(id=1, name="s", url="u"), first, NOW, random.Random(0))
    assert v.parse
    again = judge_fetch(
        Source(id=1, name="s", url="u", content_hash=v.body_hash), first, NOW, random.Random(0)
    )
    assert not again.parse and again.status == "unchanged"


# ---- against the server ------------------------------------------------------------------------------


async def test_first_poll_then_304_round_trip(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    feeds.scripts["a"] = [serve(rss("a", 3), etag='"a1"')]
    add(engine, "a", feeds.url("a"))
    report = await poll(engine, session, NOW)
    assert (report.claimed, report.fetched, report.new_items, report.errors) == (1, 1, 3, 0)
    src = get(engine, "a")
    assert src.etag == '"a1"' and src.last_status == "ok" and src.error_count == 0
    assert src.next_check_at is not None and src.next_check_at > NOW
    # Not due yet: a second tick at the same instant does nothing.
    assert (await poll(engine, session, NOW)).claimed == 0
    later = src.next_check_at
    report = await poll(engine, session, later)
    assert report.not_modified == 1 and report.new_items == 0
    assert get(engine, "a").last_status == "not_modified"
    assert feeds.hits["a"] == 2 and count_items(engine) == 3


async def test_unchanged_body_skips_parsing(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    feeds.scripts["b"] = [serve(rss("b", 2))]
    add(engine, "b", feeds.url("b"))
    await poll(engine, session, NOW)
    src = get(engine, "b")
    report = await poll(engine, session, src.next_check_at or NOW)
    assert report.outcomes[0].status == "unchanged"
    assert get(engine, "b").content_hash == src.content_hash


async def test_permanent_redirect_moves_the_url_after_three_polls(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    feeds.scripts["new"] = [serve(rss("new", 1))]
    feeds.scripts["old"] = [redirect_to(lambda: feeds.url("new"), 301)]
    add(engine, "moving", feeds.url("old"))
    when = NOW
    for expected in (1, 2):
        await poll(engine, session, when)
        src = get(engine, "moving")
        assert src.url == feeds.url("old") and src.redirect_count == expected
        when = src.next_check_at or when
    await poll(engine, session, when)
    src = get(engine, "moving")
    assert src.url == feeds.url("new") and src.redirect_count == 0


async def test_two_sources_moving_to_one_url_in_one_round(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    """Both confirmations end in the same round (one write batch): one source moves, the other
    keeps its URL and remembers the target, and the round completes."""
    feeds.scripts["new"] = [serve(rss("new", 1))]
    for name in ("old-a", "old-b"):
        feeds.scripts[name] = [redirect_to(lambda: feeds.url("new"), 301)]
        add(engine, name, feeds.url(name))
    when = NOW
    for _ in range(3):
        report = await poll(engine, session, when)
        assert report.claimed == 2 and report.errors == 0
        when = max(get(engine, n).next_check_at or when for n in ("old-a", "old-b"))
    a, b = get(engine, "old-a"), get(engine, "old-b")
    assert [a.url, b.url].count(feeds.url("new")) == 1
    stayed = b if a.url == feeds.url("new") else a
    assert stayed.redirect_url == feeds.url("new") and stayed.last_status in ("ok", "unchanged")


async def test_a_feed_the_database_refuses_loses_only_itself(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round's feeds are stored in one transaction; when the database refuses one of them, the
    batch is written again feed by feed: the others are stored, the refused one is recorded."""
    import service.jobs as jobs

    real = jobs.ingest_many

    def refusing(conn, feeds_, now, grouping=None):  # type: ignore[no-untyped-def]
        if any(f.source.name == "refused" for f in feeds_):
            raise StoreError("store: the database refused the batch")
        return real(conn, feeds_, now, grouping)

    monkeypatch.setattr(jobs, "ingest_many", refusing)
    for name in ("good-1", "refused", "good-2"):
        feeds.scripts[name] = [serve(rss(name, 2))]
        add(engine, name, feeds.url(name))
    feeds.scripts["gone"] = [status(410)]
    add(engine, "gone", feeds.url("gone"))
    report = await poll(engine, session, NOW)
    assert report.claimed == 4 and report.new_items == 4 and report.errors == 2
    refused = get(engine, "refused")
    assert refused.last_status == "store" and "refused the batch" in (refused.last_error or "")
    assert refused.error_count == 1 and refused.next_check_at is not None and refused.next_check_at > NOW
    assert refused.content_hash is None  # its body will be parsed again next time
    assert all(get(engine, n).last_status == "ok" for n in ("good-1", "good-2"))
    assert get(engine, "gone").enabled is False
    with engine.connect() as conn:
        seen = set(conn.execute(select(sightings.c.source_name)).scalars())
    assert seen == {"good-1", "good-2"}


async def test_gone_disables_the_source(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    feeds.scripts["g"] = [status(410)]
    add(engine, "g", feeds.url("g"))
    await poll(engine, session, NOW)
    src = get(engine, "g")
    assert not src.enabled and src.last_status == "gone" and "410" in (src.last_error or "")
    assert (await poll(engine, session, NOW + timedelta(days=3))).claimed == 0


async def test_429_honours_retry_after(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    feeds.scripts["busy"] = [status(429, {"Retry-After": "7200"})]
    add(engine, "busy", feeds.url("busy"))
    await poll(engine, session, NOW)
    src = get(engine, "busy")
    assert src.last_status == "http 429" and src.error_count == 1
    assert src.next_check_at is not None and src.next_check_at >= NOW + timedelta(seconds=7200)
    assert (await poll(engine, session, NOW + timedelta(seconds=7100))).claimed == 0


async def test_html_instead_of_a_feed(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    page = (
        b'<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
        b"</head></html>"
    )
    feeds.scripts["h"] = [serve(page, headers={"Content-Type": "text/html"})]
    add(engine, "h", feeds.url("h"))
    report = await poll(engine, session, NOW)
    assert report.errors == 1
    src = get(engine, "h")
    assert "not a feed" in (src.last_error or "") and src.last_status == "not_a_feed"
    assert src.content_hash is None and count_items(engine) == 0


async def test_backoff_then_recovery(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    failures = 4
    feeds.scripts["flaky"] = [status(500)] * failures + [serve(rss("flaky", 2))]
    add(engine, "flaky", feeds.url("flaky"))
    when = NOW
    delays = []
    for n in range(1, failures + 1):
        await poll(engine, session, when)
        src = get(engine, "flaky")
        assert src.error_count == n and src.enabled and src.last_status == "http 500"
        assert src.next_check_at is not None
        delays.append(src.next_check_at - when)
        # Asked early: not due, nothing fetched.
        assert (await poll(engine, session, when + timedelta(seconds=1))).claimed == 0
        when = src.next_check_at
    assert delays[-1] > delays[0]
    await poll(engine, session, when)
    src = get(engine, "flaky")
    assert src.error_count == 0 and src.last_error is None and src.last_status == "ok"
    assert count_items(engine) == 2 and feeds.hits["flaky"] == failures + 1


async def test_adaptive_interval_from_posting_rate(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    # 28 items in the past week (one every 6 h): next check in a week / 28 = 6 h.
    feeds.scripts["busy"] = [serve(rss("busy", 28, step=timedelta(hours=6)))]
    # 28 items a week, but the feed asks for <ttl>720</ttl> minutes: 12 h.
    feeds.scripts["ttl"] = [serve(rss("ttl", 28, step=timedelta(hours=6), ttl=720))]
    # Nothing recent: the configured interval.
    feeds.scripts["quiet"] = [serve(rss("quiet", 3, newest=NOW - timedelta(days=60)))]
    add(engine, "busy", feeds.url("busy"))
    add(engine, "ttl", feeds.url("ttl"))
    add(engine, "quiet", feeds.url("quiet"), interval=7200)
    await poll(engine, session, NOW)
    assert get(engine, "busy").next_check_at == NOW + timedelta(hours=6)
    assert get(engine, "ttl").next_check_at == NOW + timedelta(hours=12)
    assert get(engine, "quiet").next_check_at == NOW + timedelta(hours=2)


async def test_a_failing_source_does_not_stop_the_others(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    feeds.scripts["bad"] = [status(500)]
    feeds.scripts["good"] = [serve(rss("good", 2))]
    add(engine, "bad", feeds.url("bad"))
    add(engine, "good", feeds.url("good"))
    with engine.begin() as conn:
        store.insert_source(conn, name="nowhere", url="http://127.0.0.1:9/f/x", now=NOW)
    report = await poll(engine, session, NOW)
    assert report.claimed == 3 and report.errors == 2 and report.new_items == 2
    assert get(engine, "nowhere").last_status == "connect"


async def test_doubled_ticks_fetch_each_source_once(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    for i in range(10):
        feeds.scripts[f"d{i}"] = [serve(rss(f"d{i}", 1))]
        add(engine, f"d{i}", feeds.url(f"d{i}"))
    r1, r2 = await asyncio.gather(poll(engine, session, NOW), poll(engine, session, NOW))
    assert r1.claimed + r2.claimed == 10
    assert all(v == 1 for v in feeds.hits.values()) and len(feeds.hits) == 10


@pytest.mark.postgres
async def test_two_workers_split_200_sources_on_postgres(
    pg_engine: Engine, pg_database: str, feeds: FeedServer
) -> None:
    n = 200
    with pg_engine.begin() as conn:
        for i in range(n):
            feeds.scripts[f"s{i}"] = [serve(rss(f"s{i}", 2))]
            store.insert_source(conn, name=f"s{i}", url=feeds.url(f"s{i}"), now=NOW)
    engines = [make_engine(pg_database), make_engine(pg_database)]

    async def worker(engine: Engine, wid: str) -> int:
        claimed = 0
        async with build_session(user_agent="t", allow_private_networks=True) as s:
            while True:
                report = await poll_due(engine, s, SETTINGS, NOW, worker_id=wid, limit=25)
                if report.claimed == 0:
                    return claimed
                claimed += report.claimed

    try:
        a, b = await asyncio.gather(worker(engines[0], "a"), worker(engines[1], "b"))
    finally:
        for e in engines:
            e.dispose()
    assert a + b == n and a > 0 and b > 0
    assert len(feeds.hits) == n and set(feeds.hits.values()) == {1}
    with pg_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(items)).scalar_one() == 2 * n
        assert conn.execute(select(func.count()).select_from(sightings)).scalar_one() == 2 * n


# ---- the scheduler ------------------------------------------------------------------------------


class FixedApp(App):
    """The app with the test's clock."""

    clock: datetime = NOW

    def now(self) -> datetime:  # type: ignore[override]
        return self.clock


async def test_apscheduler_is_3x_with_safe_job_defaults(sqlite_engine: Engine) -> None:
    import apscheduler

    major, minor, patch = (int(p) for p in apscheduler.__version__.split(".")[:3])
    assert major == 3 and (minor, patch) >= (11, 2)
    app = App(settings=SETTINGS, engine=sqlite_engine)
    svc = ServiceScheduler(app, build_fetcher_for_tests(), executor=None)
    svc.add_job(noop, "interval", id="digests", minutes=5)
    # Defaults are applied when the scheduler starts; paused, nothing runs.
    svc.scheduler.start(paused=True)
    try:
        jobs = svc.scheduler.get_jobs()
        assert {j.id for j in jobs} == {POLL_JOB_ID, "digests"}
        for job in jobs:
            assert job.misfire_grace_time is None and job.coalesce is True and job.max_instances == 1
    finally:
        svc.scheduler.shutdown(wait=False)


async def noop() -> str:
    return "ran"


def build_fetcher_for_tests() -> Fetcher:
    # Never used for a request in the tests that take it: only to build the scheduler.
    return Fetcher.__new__(Fetcher)


async def test_poll_tick_polls_what_is_due(
    engine: Engine, feeds: FeedServer, session: aiohttp.ClientSession
) -> None:
    feeds.scripts["t"] = [serve(rss("t", 2), etag='"t"')]
    add(engine, "t", feeds.url("t"))
    app = FixedApp(settings=SETTINGS, engine=engine)
    svc = ServiceScheduler(app, build_fetcher(session, SETTINGS), executor=None, worker_id="tick")
    first = await svc.poll_tick()
    # A doubled tick at the same instant, and a restarted scheduler: nothing more is fetched.
    second = await svc.poll_tick()
    restarted = ServiceScheduler(app, build_fetcher(session, SETTINGS), executor=None, worker_id="tick2")
    third = await restarted.poll_tick()
    assert (first.claimed, first.new_items, second.claimed, third.claimed) == (1, 2, 0, 0)
    assert feeds.hits["t"] == 1


@pytest.mark.postgres
async def test_one_leader_on_postgres(pg_engine: Engine) -> None:
    a, b = Leadership(pg_engine), Leadership(pg_engine)
    try:
        assert a.check() is True
        assert b.check() is False
        assert a.check() is True  # still held
        a.release()
        assert b.check() is True
        assert a.check() is False
    finally:
        a.release()
        b.release()


@pytest.mark.postgres
async def test_leader_only_jobs_run_on_one_replica(pg_engine: Engine) -> None:
    app = App(settings=SETTINGS, engine=pg_engine)
    replicas = [ServiceScheduler(app, build_fetcher_for_tests(), executor=None) for _ in range(2)]
    try:
        for r in replicas:
            r.add_job(noop, "interval", id="digests", minutes=5)
        results = [await r.scheduler.get_job("digests").func() for r in replicas]
        assert results == ["ran", None]
    finally:
        for r in replicas:
            r.leadership.release()


def test_due_listing_sources_are_claimed_too(engine: Engine) -> None:
    with engine.begin() as conn:
        store.insert_source(
            conn, name="hospital news", url="http://127.0.0.1:9/news", now=NOW, kind="listing",
            options={"item_selector": "a.story"},
        )  # fmt: skip
        store.insert_source(conn, name="feed", url="http://127.0.0.1:9/feed", now=NOW)
        claimed = store.claim_due(conn, NOW, "w", limit=10, lease_seconds=60)
        assert sorted(s.kind for s in claimed) == ["feed", "listing"]
        # Leased: a second worker gets nothing until the lease runs out.
        assert store.claim_due(conn, NOW, "w2", limit=10, lease_seconds=60) == []
        assert len(store.claim_due(conn, NOW + timedelta(seconds=61), "w2", limit=10, lease_seconds=60)) == 2

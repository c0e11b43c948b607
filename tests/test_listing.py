"""Listing sources and full text for feed items, against a real aiohttp.web server on 127.0.0.1.

The pages are built here (our own words about real kinds of events); SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import Engine, select

from scrapers.fetch import build_session
from scrapers.sources.listing import find_links
from service.config import Settings
from service.errors import SourceError
from service.jobs import poll_due
from service.models import Source
from service.store import sources as store
from service.store.schema import items, sightings

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
SETTINGS = Settings(allow_private_networks=True, fetch_host_delay_ms=0, fetch_concurrency=4, fetch_per_host=4)

STORIES = {
    "car-t-lupus": (
        "CAR-T cells tried in severe lupus",
        "2026-11-02",
        [
            "Doctors at a university hospital treated five patients with severe lupus using CAR-T cells "
            "directed at CD19, after every standard immunosuppressant had failed them.",
            "All five stopped their lupus medicines within six months, and the team plans a larger "
            "trial next year to see whether the remissions last.",
        ],
    ),
    "gene-therapy-sickle": (
        "Gene therapy for sickle cell disease reaches more hospitals",
        "2026-11-05",
        [
            "A one-time gene therapy for sickle cell disease is now offered at twelve treatment "
            "centres, up from four last year, as manufacturing slots become easier to book.",
            "Patients first receive chemotherapy to make room in the bone marrow for their own "
            "edited stem cells, which is why the hospital stay lasts several weeks.",
        ],
    ),
    "bispecific-myeloma": (
        "Bispecific antibody approved for earlier myeloma treatment",
        "2026-11-09",
        [
            "Regulators widened the approval of a bispecific antibody that engages T cells against "
            "myeloma, allowing its use after two earlier lines of therapy instead of four.",
            "The decision rests on a randomised trial in which the antibody roughly doubled the time "
            "patients lived without their disease getting worse.",
        ],
    ),
}
MENU = "".join(f'<li><a href="/{p}">{p.title()}</a></li>' for p in ("about", "contact", "careers", "donate"))


def article_page(slug: str) -> str:
    title, day, paragraphs = STORIES[slug]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html lang="en"><head><title>{title} | Example Institute</title>'
        f'<meta property="article:published_time" content="{day}T08:00:00Z"></head><body>'
        f"<nav><ul>{MENU}</ul></nav><article><h1>{title}</h1>{body}</article>"
        '<aside class="related"><h2>Related</h2><ul><li><a href="/news/x">Older news</a></li></ul></aside>'
        "</body></html>"
    )


def listing_page(slugs: list[str]) -> str:
    cards = "".join(
        f'<div class="news-card"><a class="title" href="/news/{s}">{STORIES[s][0]}</a><p>Teaser</p></div>'
        for s in slugs
    )
    return f"<html><body><nav><ul>{MENU}</ul></nav><main>{cards}</main></body></html>"


class Site:
    """Pages by path; ``hits`` counts requests per path."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, str]] = {}
        self.hits: Counter[str] = Counter()
        self.port = 0
        self.runner: web.AppRunner | None = None

    def put(self, path: str, body: str, *, status: int = 200, ctype: str = "text/html") -> None:
        self.pages[path] = (status, body, ctype)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def start(self) -> None:
        async def route(request: web.Request) -> web.StreamResponse:
            self.hits[request.path] += 1
            status, body, ctype = self.pages.get(request.path, (404, "not here", "text/plain"))
            return web.Response(status=status, text=body, content_type=ctype)

        app = web.Application()
        app.router.add_get("/{tail:.*}", route)
        self.runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self.runner.setup()
        tcp = web.TCPSite(self.runner, "127.0.0.1", 0)
        await tcp.start()
        self.port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    s = Site()
    await s.start()
    yield s
    assert s.runner is not None
    await s.runner.cleanup()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    s = build_session(user_agent="therapywatch-test", allow_private_networks=True)
    yield s
    await s.close()


def add_source(engine: Engine, url: str, **kw: Any) -> Source:
    with engine.begin() as conn:
        return store.insert_source(conn, name="institute", url=url, now=NOW - timedelta(days=1), **kw)


def stored(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(items).order_by(items.c.url))]


async def poll(engine: Engine, session: aiohttp.ClientSession, source: Source, now: datetime) -> None:
    await poll_due(
        engine, session, SETTINGS, now, worker_id="w1", rng=random.Random(3), source_ids=[source.id]
    )


async def test_listing_ingests_each_story_once_across_two_runs(
    engine: Engine, site: Site, session: aiohttp.ClientSession
) -> None:
    slugs = list(STORIES)
    site.put("/news", listing_page(slugs))
    for s in slugs:
        site.put(f"/news/{s}", article_page(s))
    src = add_source(
        engine, site.url("/news"), kind="listing", options={"item_selector": ".news-card a.title"}
    )

    await poll(engine, session, src, NOW)
    first = stored(engine)
    assert [r["url"] for r in first] == sorted(site.url(f"/news/{s}") for s in slugs)
    by_url = {r["url"]: r for r in first}
    for s in slugs:
        row = by_url[site.url(f"/news/{s}")]
        title, day, paragraphs = STORIES[s]
        assert row["title"] == title
        assert row["content"] == "\n\n".join(paragraphs)  # no menu, no related box, no headline
        assert row["published_at"] == datetime.fromisoformat(f"{day}T08:00:00+00:00")
        assert row["fulltext_status"] == "ok"
    cart = by_url[site.url("/news/car-t-lupus")]
    assert cart["primary_therapy"] == "car-t"

    # The listing changes (a teaser is reworded), so it is parsed again: nothing is fetched twice.
    site.put("/news", listing_page(slugs).replace("Teaser", "Read the story"))
    await poll(engine, session, src, NOW + timedelta(hours=2))
    assert len(stored(engine)) == 3
    assert site.hits["/news"] == 2
    assert all(site.hits[f"/news/{s}"] == 1 for s in slugs)
    assert site.hits["/about"] == 0  # menu links are not items
    with engine.connect() as conn:
        assert len(conn.execute(select(sightings)).all()) == 3


async def test_listing_failures_are_recorded_and_retried(
    engine: Engine, site: Site, session: aiohttp.ClientSession
) -> None:
    site.put("/news", listing_page(["car-t-lupus", "gene-therapy-sickle"]))
    site.put("/news/car-t-lupus", article_page("car-t-lupus"))
    site.put("/news/gene-therapy-sickle", "down for maintenance", status=503, ctype="text/plain")
    src = add_source(engine, site.url("/news"), kind="listing", options={"item_selector": ".news-card"})
    await poll(engine, session, src, NOW)
    assert [r["title"] for r in stored(engine)] == [STORIES["car-t-lupus"][0]]
    with engine.connect() as conn:
        row = store.get_source(conn, "institute")
    assert row.last_error and "1 of 2 new articles failed" in row.last_error and "503" in row.last_error

    site.put("/news/gene-therapy-sickle", article_page("gene-therapy-sickle"))
    site.put("/news", listing_page(["car-t-lupus", "gene-therapy-sickle"]) + " ")
    await poll(engine, session, src, NOW + timedelta(hours=2))
    assert len(stored(engine)) == 2
    assert site.hits["/news/car-t-lupus"] == 1


def rss(site: Site, slugs: list[str]) -> str:
    entries = "".join(
        f"<item><title>{STORIES.get(s, ('Story ' + s,))[0]}</title><link>{site.url('/news/' + s)}</link>"
        f"<guid>{s}</guid><description>Short summary of {s}.</description></item>"
        for s in slugs
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Institute</title>{entries}</channel></rss>'
    )


async def test_full_text_for_feed_items(engine: Engine, site: Site, session: aiohttp.ClientSession) -> None:
    site.put("/robots.txt", "User-agent: *\nDisallow: /news/private\n", ctype="text/plain")
    site.put("/news/car-t-lupus", article_page("car-t-lupus"))
    site.put("/news/private-briefing", article_page("gene-therapy-sickle"))
    slugs = ["car-t-lupus", "missing-page", "private-briefing"]
    site.put("/feed.xml", rss(site, slugs), ctype="application/rss+xml")
    src = add_source(engine, site.url("/feed.xml"), full_text=True)

    await poll(engine, session, src, NOW)
    rows = {r["url"].rsplit("/", 1)[1]: r for r in stored(engine)}
    assert set(rows) == set(slugs)
    ok = rows["car-t-lupus"]
    assert ok["fulltext_status"] == "ok" and ok["fulltext_error"] is None
    assert ok["content"] == "\n\n".join(STORIES["car-t-lupus"][2])
    assert ok["summary"] == "Short summary of car-t-lupus."
    missing = rows["missing-page"]
    assert missing["fulltext_status"] == "error" and "404" in missing["fulltext_error"]
    assert missing["summary"] == "Short summary of missing-page."
    private = rows["private-briefing"]
    assert private["fulltext_status"] == "error" and "robots.txt" in private["fulltext_error"]
    assert site.hits["/news/private-briefing"] == 0

    # A new entry: only its page is fetched.
    site.put("/news/bispecific-myeloma", article_page("bispecific-myeloma"))
    site.put("/feed.xml", rss(site, [*slugs, "bispecific-myeloma"]), ctype="application/rss+xml")
    await poll(engine, session, src, NOW + timedelta(hours=2))
    assert site.hits["/news/car-t-lupus"] == 1 and site.hits["/news/bispecific-myeloma"] == 1
    assert len(stored(engine)) == 4


async def test_feed_without_full_text_fetches_no_pages(
    engine: Engine, site: Site, session: aiohttp.ClientSession
) -> None:
    site.put("/feed.xml", rss(site, ["car-t-lupus"]), ctype="application/rss+xml")
    src = add_source(engine, site.url("/feed.xml"))
    await poll(engine, session, src, NOW)
    [row] = stored(engine)
    assert row["fulltext_status"] is None and row["content"] == ""
    assert site.hits["/news/car-t-lupus"] == 0


def test_find_links_resolves_and_dedupes() -> None:
    page = """<html><head><base href="https://inst.example/news/"></head><body>
    <ul class="list"><li><a href="a.html">A story</a></li><li><a href="/b.html#top">B</a></li>
    <li><a href="a.html">A again</a></li><li><a href="mailto:x@y">mail</a></li><li>no link</li></ul>"""
    links = find_links(page, "https://other.example/", ".list li")
    assert [(link.url, link.title) for link in links] == [
        ("https://inst.example/news/a.html", "A story"),
        ("https://inst.example/b.html", "B"),
    ]
    with pytest.raises(SourceError, match="bad item selector"):
        find_links(page, "https://inst.example/", "li[")

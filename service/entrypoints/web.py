"""HTTP: re-published feeds, the home page, unsubscribe and preferences pages, health and metrics.

``create_app`` builds a Starlette app around an ``App`` (settings + engine); nothing happens at
import time. Feeds and the home page come from ``FeedCache``; every error is plain text that
echoes nothing from the request (RELIABILITY.md 1.C #32); token pages never redirect (#34) and a
GET never changes anything (#35).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from jinja2 import Environment, FileSystemLoader
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from service import syndicate, therapies
from service.entrypoints.bootstrap import App
from service.entrypoints.feedcache import FeedCache, Rendered, not_modified, rendered
from service.entrypoints.metrics import build_registry
from service.errors import SubscriberError
from service.models import FREQUENCIES, WATCH_KINDS, StoryEntry, Subscriber, WatchRule
from service.store import alerts as alert_store
from service.store import feeds as feed_store
from service.store import subscribers as subscriber_store
from service.store.feeds import Fingerprint
from service.text import one_line
from service.tokens import read_token, subscriber_links

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).with_name("templates")
FEED_NAME = re.compile(r"([a-z0-9-]{1,60})\.(xml|atom|json)")
TOKEN_FEED = re.compile(r"([A-Za-z0-9_.-]{1,200})\.xml")
TOKEN = re.compile(r"[A-Za-z0-9_.-]{1,200}")
HOME_PER_TYPE = 5
HOME_SCAN = 300
FORM_BYTES = 16 * 1024

BASE_HEADERS = {"X-Content-Type-Options": "nosniff"}
# No scripts at all; styles and the icon only from here; forms only post back to us.
HTML_HEADERS = {
    **BASE_HEADERS,
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Token pages: the URL is a bearer secret, so no caching, no indexing, no Referer (#33).
PRIVATE_HEADERS = {**HTML_HEADERS, "Cache-Control": "no-store", "X-Robots-Tag": "noindex"}
NOT_FOUND = "not found\n"

Scope = frozenset[str] | None


@dataclass(frozen=True, slots=True)
class _Src:
    name: str
    url: str | None


@dataclass(frozen=True, slots=True)
class _Card:
    title: str
    url: str | None
    date: str
    iso: str
    labels: str
    snippet: syndicate.Snippet | None
    sources: tuple[_Src, ...]


@dataclass(frozen=True, slots=True)
class _Section:
    slug: str
    name: str
    stories: tuple[_Card, ...]


RawHeaders = list[tuple[bytes, bytes]]


class PrebuiltResponse(Response):
    """A response whose raw headers were built earlier: feeds answer from the cache without
    re-encoding the same headers on every request."""

    def __init__(self, status_code: int, body: bytes, raw_headers: RawHeaders) -> None:
        self.status_code = status_code
        self.body = body
        self.background = None
        self.raw_headers = raw_headers


def _path(url: str) -> str:
    # Forms post back to this server whatever the configured base URL (CSP form-action 'self').
    return urlsplit(url).path


def _watch_rule_of(form: FormData) -> WatchRule | None:
    """The watch rule the preferences form adds, or None when its value is left empty."""
    value = str(form.get("watch_value") or "").strip()
    if not value:
        return None
    kind = str(form.get("watch_kind") or "")
    return alert_store.parse_rule(f"{kind}:{value}", primary_only=form.get("watch_primary") == "on")


def _rule_ids(raw: Sequence[object]) -> list[int]:
    """Rule ids ticked for removal; anything but a small positive integer is a forged form."""
    ids = []
    for value in raw:
        text = str(value)
        if not text.isascii() or not text.isdigit() or len(text) > 12:
            raise SubscriberError(f"remove_rule: {text[:40]!r} is not a rule id")
        ids.append(int(text))
    return ids


def _plain(status: int, body: str, headers: dict[str, str] | None = None) -> PlainTextResponse:
    return PlainTextResponse(body, status_code=status, headers={**BASE_HEADERS, **(headers or {})})


class Web:
    """The handlers and what they share; ``create_app`` wires them to routes."""

    def __init__(
        self,
        app: App,
        *,
        scheduler_alive: Callable[[], bool] | None,
        freshness: float,
        story_limit: int,
        labels: dict[str, str],
    ) -> None:
        self.app = app
        self.engine = app.engine
        self.settings = app.settings
        self.base = app.settings.base_url.rstrip("/")
        self.secret = app.settings.secret_key or ""
        self.scheduler_alive = scheduler_alive
        self.story_limit = story_limit
        self.labels = labels
        self.ttl_minutes = max(5, app.settings.default_interval // 60)
        self.cache = FeedCache(app.engine, interval=freshness)
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, auto_reload=False)
        self.registry, self.request_seconds = build_registry(app.engine, self._cache_counts)
        self._tasks: set[asyncio.Task[None]] = set()
        self._raw_headers: dict[tuple[str, bool], tuple[RawHeaders, RawHeaders]] = {}
        # Path of a public feed served before -> its cache key, for the fast path.
        self.public_keys: dict[str, tuple[Scope, str]] = {}
        if app.settings.websub_hub:
            self.cache.on_change.append(self._on_change)
        self.static = {
            "style.css": ((TEMPLATES / "style.css").read_bytes(), "text/css; charset=utf-8"),
            "favicon.svg": ((TEMPLATES / "favicon.svg").read_bytes(), "image/svg+xml"),
        }

    def _cache_counts(self) -> dict[str, int]:
        return {"hit": self.cache.hits, "build": self.cache.builds, "stale": self.cache.stale_served}

    # --- feeds ----------------------------------------------------------------------------------

    def _info(
        self, scope: Scope, path: str, title: str, description: str, updated: Any
    ) -> syndicate.FeedInfo:
        return syndicate.FeedInfo(
            title=title,
            description=description,
            feed_url=f"{self.base}{path}",
            home_url=f"{self.base}/",
            ttl_minutes=self.ttl_minutes,
            labels=self.labels,
            updated=updated,
            hub=self.settings.websub_hub,
        )

    def _feed_builder(
        self, scope: Scope, ext: str, path: str, title: str, description: str
    ) -> Callable[[Fingerprint], Rendered]:
        def build(fp: Fingerprint) -> Rendered:
            with self.engine.connect() as conn:
                stories = feed_store.latest_stories(conn, therapies=scope, limit=self.story_limit)
            info = self._info(scope, path, title, description, fp.last_change)
            body = syndicate.render(ext, info, stories)
            return rendered(body, syndicate.FORMATS[ext].media_type, fp.last_change)

        return build

    def _feed_headers(self, r: Rendered, private: bool) -> tuple[RawHeaders, RawHeaders]:
        """Raw headers for the 200 and the 304 of ``r``, built once per body (the hot path)."""
        key = (r.etag, private)
        found = self._raw_headers.get(key)
        if found is None:
            common = {
                **BASE_HEADERS,
                "ETag": r.etag,
                "Last-Modified": r.last_modified,
                "Cache-Control": f"{'private' if private else 'public'}, max-age=300",
            }
            if private:
                common.update({"X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"})
            not_modified_headers = [(k.lower().encode(), v.encode()) for k, v in common.items()]
            ok = [
                *not_modified_headers,
                (b"content-type", r.media_type.encode()),
                (b"content-length", str(len(r.body)).encode()),
            ]
            if len(self._raw_headers) > 1024:
                self._raw_headers.clear()
            found = self._raw_headers[key] = (ok, not_modified_headers)
        return found

    def _feed_response(self, request: Request, r: Rendered, *, private: bool = False) -> Response:
        ok, not_modified_headers = self._feed_headers(r, private)
        if not_modified(request.headers, r):
            return PrebuiltResponse(304, b"", not_modified_headers)
        return PrebuiltResponse(200, r.body, ok)

    async def feed_all(self, request: Request) -> Response:
        m = FEED_NAME.fullmatch(request.path_params["name"])
        if m is None or m.group(1) != "all":
            return _plain(404, NOT_FOUND)
        ext = m.group(2)
        build = self._feed_builder(
            None,
            ext,
            "/feeds/all",
            "therapywatch: all stories",
            "New therapies in medical news, one entry per story.",
        )
        self.public_keys[request.url.path] = (None, ext)
        return self._feed_response(request, await self.cache.get((None, ext), build))

    async def feed_therapy(self, request: Request) -> Response:
        m = FEED_NAME.fullmatch(request.path_params["name"])
        if m is None or m.group(1) not in self.labels:
            return _plain(404, NOT_FOUND)
        slug, ext = m.groups()
        name = self.labels[slug]
        build = self._feed_builder(
            frozenset({slug}),
            ext,
            f"/feeds/therapy/{slug}",
            f"therapywatch: {name}",
            f"Stories about {name}.",
        )
        self.public_keys[request.url.path] = (frozenset({slug}), ext)
        return self._feed_response(request, await self.cache.get((frozenset({slug}), ext), build))

    async def feed_subscriber(self, request: Request) -> Response:
        m = TOKEN_FEED.fullmatch(request.path_params["name"])
        sub = await self._subscriber(m.group(1) if m else "", "feed", allow_unsubscribed=False)
        if sub is None:
            return _plain(404, NOT_FOUND)
        scope = None if sub.all_therapies else frozenset(sub.therapies)
        path = "/feeds/subscriber/" + request.path_params["name"].removesuffix(".xml")
        build = self._feed_builder(scope, "xml", path, "therapywatch: your selection", self._describe(sub))
        # Keyed by the token's path too: the self link inside names the subscriber's own URL.
        return self._feed_response(request, await self.cache.get((scope, "xml", path), build), private=True)

    def _describe(self, sub: Subscriber) -> str:
        if sub.all_therapies:
            return "Stories of every therapy type."
        return "Stories about " + ", ".join(self.labels.get(s, s) for s in sub.therapies) + "."

    # --- pages ----------------------------------------------------------------------------------

    def _cards(self, stories: Sequence[StoryEntry]) -> list[_Card]:
        cards = []
        for s in stories:
            when = s.item.published or s.first_seen
            cards.append(
                _Card(
                    title=one_line(s.item.title, 300) or "(untitled)",
                    url=syndicate.safe_url(s.item.url),
                    date=when.strftime("%d %b %Y"),
                    iso=when.isoformat(),
                    labels=", ".join(self.labels.get(t, t) for t in s.therapies),
                    snippet=syndicate.evidence_snippet(s.item, s.evidence),
                    sources=tuple(
                        _Src(one_line(x.source, 200), syndicate.safe_url(x.url)) for x in s.sources
                    ),
                )
            )
        return cards

    def _build_home(self, fp: Fingerprint) -> Rendered:
        with self.engine.connect() as conn:
            stories = feed_store.latest_stories(conn, therapies=set(self.labels), limit=HOME_SCAN)
        by_type: dict[str, list[StoryEntry]] = {}
        for s in stories:
            if s.therapies and len(by_type.setdefault(s.therapies[0], [])) < HOME_PER_TYPE:
                by_type[s.therapies[0]].append(s)
        sections = [
            _Section(slug, name, tuple(self._cards(by_type[slug])))
            for slug, name in self.labels.items()
            if slug in by_type
        ]
        html = self.env.get_template("home.html").render(base=self.base, sections=sections)
        return rendered(html.encode("utf-8"), "text/html; charset=utf-8", fp.last_change)

    async def home(self, request: Request) -> Response:
        r = await self.cache.get(("home",), self._build_home)
        headers = {
            **HTML_HEADERS,
            "ETag": r.etag,
            "Last-Modified": r.last_modified,
            "Cache-Control": "public, max-age=60",
        }
        if not_modified(request.headers, r):
            return Response(status_code=304, headers=headers)
        return Response(r.body, media_type=r.media_type, headers=headers)

    async def static_file(self, request: Request) -> Response:
        body, media_type = self.static[request.url.path.rsplit("/", 1)[-1]]
        return Response(
            body, media_type=media_type, headers={**BASE_HEADERS, "Cache-Control": "public, max-age=86400"}
        )

    def _page(self, template: str, status: int = 200, **context: Any) -> Response:
        """Render a token page (never cached, never indexed)."""
        html = self.env.get_template(template).render(base=self.base, **context)
        return Response(
            html, status_code=status, media_type="text/html; charset=utf-8", headers=PRIVATE_HEADERS
        )

    # --- subscriber pages -----------------------------------------------------------------------

    async def _subscriber(
        self, token: str, scope: str, *, allow_unsubscribed: bool = True
    ) -> Subscriber | None:
        """The subscriber a token names, or None for a forged, damaged, other-scope or stale token."""
        if not TOKEN.fullmatch(token):
            return None
        sub_id = read_token(self.secret, scope, token)
        if sub_id is None:
            return None

        def load() -> Subscriber | None:
            with self.engine.connect() as conn:
                return subscriber_store.get_subscriber(conn, sub_id)

        sub = await run_in_threadpool(load)
        if sub is None or (not allow_unsubscribed and sub.status == "unsubscribed"):
            return None
        return sub

    def _links(self, sub: Subscriber) -> dict[str, str]:
        return subscriber_links(self.base, self.secret, sub.id)

    async def unsubscribe_page(self, request: Request) -> Response:
        token = request.path_params["token"]
        sub = await self._subscriber(token, "unsubscribe")
        if sub is None:
            return _plain(404, NOT_FOUND)
        links = self._links(sub)
        return self._page(
            "unsubscribe.html",
            done=sub.status == "unsubscribed",
            action=_path(links["unsubscribe_url"]),
            preferences_url=links["preferences_url"],
        )

    async def unsubscribe(self, request: Request) -> Response:
        """RFC 8058 one-click: no cookie, no session; the body must say ``List-Unsubscribe=One-Click``."""
        sub = await self._subscriber(request.path_params["token"], "unsubscribe")
        if sub is None:
            return _plain(404, NOT_FOUND)
        form = await request.form(max_files=0, max_fields=20)
        if form.get("List-Unsubscribe") != "One-Click":
            return _plain(400, "expected the form field List-Unsubscribe=One-Click (RFC 8058)\n")
        if sub.status != "unsubscribed":
            now = self.app.now()

            def write() -> None:
                with self.engine.begin() as conn:
                    subscriber_store.set_status(conn, sub.id, "unsubscribed", now)

            await run_in_threadpool(write)
            log.info("http: subscriber %d unsubscribed (one-click)", sub.id)
        return self._page("unsubscribe.html", done=True, preferences_url=self._links(sub)["preferences_url"])

    def _preferences(self, sub: Subscriber, rules: Sequence[WatchRule], **extra: Any) -> dict[str, Any]:
        links = self._links(sub)
        return {
            "rules": rules,
            "watch_kinds": WATCH_KINDS,
            "action": _path(links["preferences_url"]),
            "feed_url": links["feed_url"],
            "unsubscribe_url": links["unsubscribe_url"],
            "labels": list(self.labels.items()),
            "all_therapies": sub.all_therapies,
            "chosen": set(sub.therapies),
            "frequency": sub.frequency,
            "frequencies": FREQUENCIES,
            "sub_status": sub.status,
            **extra,
        }

    async def preferences_page(self, request: Request) -> Response:
        sub = await self._subscriber(request.path_params["token"], "preferences")
        if sub is None:
            return _plain(404, NOT_FOUND)
        return self._page("preferences.html", **self._preferences(sub, await self._rules(sub)))

    async def _rules(self, sub: Subscriber) -> list[WatchRule]:
        def load() -> list[WatchRule]:
            with self.engine.connect() as conn:
                return alert_store.rules_for(conn, sub.id)

        return await run_in_threadpool(load)

    async def preferences(self, request: Request) -> Response:
        sub = await self._subscriber(request.path_params["token"], "preferences")
        if sub is None:
            return _plain(404, NOT_FOUND)
        form = await request.form(max_files=0, max_fields=60)
        chosen = [str(v) for v in form.getlist("therapies")]
        try:
            if form.get("scope") == "all":
                therapies: str | list[str] = "all"
            elif chosen:
                therapies = chosen
            else:
                raise SubscriberError("Choose at least one therapy type, or all types.")
            fields = subscriber_store.build_fields(
                sub.email,
                therapies=therapies,
                frequency=str(form.get("frequency") or sub.frequency),
                base=subscriber_store.fields_of(sub),
            )
            new_rule = _watch_rule_of(form)
            dropped = _rule_ids(form.getlist("remove_rule"))
        except SubscriberError as e:
            message = str(e).removeprefix("subscribers: ")
            extra = self._preferences(sub, await self._rules(sub), error=message)
            return self._page("preferences.html", status=400, **extra)
        now = self.app.now()

        def write() -> tuple[Subscriber, list[WatchRule]]:
            with self.engine.begin() as conn:
                updated = subscriber_store.update_subscriber(conn, sub.id, fields, now)
                for rule_id in dropped:
                    alert_store.remove_rule_id(conn, sub.id, rule_id)
                if new_rule is not None:
                    alert_store.add_rule(conn, sub.id, new_rule, now)
                return updated, alert_store.rules_for(conn, sub.id)

        updated, rules = await run_in_threadpool(write)
        return self._page("preferences.html", **self._preferences(updated, rules, saved=True))

    # --- WebSub -------------------------------------------------------------------------------------

    def public_feed_urls(self) -> list[str]:
        """Every public feed URL: what a hub is told has changed."""
        paths = ["/feeds/all"] + [f"/feeds/therapy/{slug}" for slug in self.labels]
        return [f"{self.base}{p}.{ext}" for p in paths for ext in syndicate.FORMATS]

    def _on_change(self, _fp: Fingerprint) -> None:
        task = asyncio.get_running_loop().create_task(self.ping_hub())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def ping_hub(self) -> None:
        """Tell the WebSub hub that the public feeds changed (``hub.mode=publish``); failures are logged."""
        hub = self.settings.websub_hub
        if not hub:
            return
        form = [("hub.mode", "publish"), *(("hub.url", u) for u in self.public_feed_urls())]
        try:
            async with (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session,
                session.post(hub, data=form) as response,
            ):
                if response.status >= 300:
                    log.warning("websub: hub %s answered %d", hub, response.status)
        except (aiohttp.ClientError, TimeoutError) as e:
            log.warning("websub: cannot reach hub %s: %s", hub, e)

    async def watch_changes(self, every: float) -> None:
        """Read the fingerprint every ``every`` seconds so a change is noticed without a request."""
        while True:
            await asyncio.sleep(every)
            try:
                await self.cache.fingerprint()
            except SQLAlchemyError as e:
                log.warning("websub: cannot read the store: %s", e)

    # --- operations -----------------------------------------------------------------------------

    async def healthz(self, request: Request) -> Response:
        """200 when the database answers and the scheduler (when this process runs one) is alive."""

        def probe() -> tuple[str, str | None]:
            try:
                with self.engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
                    last = feed_store.last_success(conn)
            except SQLAlchemyError as e:
                return f"error: {type(e).__name__}", None
            return "ok", last.isoformat() if last else None

        database, last = await run_in_threadpool(probe)
        if self.scheduler_alive is None:
            scheduler = "not running in this process"
        else:
            scheduler = "running" if self.scheduler_alive() else "stopped"
        healthy = database == "ok" and scheduler != "stopped"
        body = {
            "status": "ok" if healthy else "fail",
            "database": database,
            "scheduler": scheduler,
            "last_successful_poll": last,
        }
        return JSONResponse(
            body, status_code=200 if healthy else 503, headers={**BASE_HEADERS, "Cache-Control": "no-store"}
        )

    async def metrics(self, request: Request) -> Response:
        try:
            body = await run_in_threadpool(generate_latest, self.registry)
        except SQLAlchemyError as e:
            return _plain(503, f"metrics: database unavailable ({type(e).__name__})\n")
        return Response(
            body, media_type=CONTENT_TYPE_LATEST, headers={**BASE_HEADERS, "Cache-Control": "no-store"}
        )

    def timed(
        self, route: str, handler: Callable[[Request], Awaitable[Response]]
    ) -> Callable[[Request], Awaitable[Response]]:
        """``handler`` with its latency recorded under the route template (never the raw path: tokens)."""
        children: dict[tuple[str, int], Any] = {}  # labels() costs more than the observation

        async def wrapper(request: Request) -> Response:
            t0 = time.perf_counter()
            response = await handler(request)
            key = (route, response.status_code)
            child = children.get(key)
            if child is None:
                child = children[key] = self.request_seconds.labels(route, str(response.status_code))
            child.observe(time.perf_counter() - t0)
            return response

        return wrapper

    async def http_error(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        reason = {404: "not found", 405: "method not allowed", 413: "request too large"}.get(status, "error")
        headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else {}
        return _plain(status, reason + "\n", headers)

    async def server_error(self, request: Request, exc: Exception) -> Response:
        log.exception("http: %s %s failed", request.method, request.url.path)
        if isinstance(exc, SQLAlchemyError):
            return _plain(503, "database unavailable\n", {"Retry-After": "30"})
        return _plain(500, "internal error\n")


class FeedFastPath:
    """ASGI wrapper answering GETs of public feeds straight from a current cache entry.

    Everything else, and any feed whose entry is missing or due for a freshness check, goes
    through the Starlette app unchanged; the responses are the same bytes and headers.
    """

    def __init__(self, app: Starlette, web: Web) -> None:
        self.app = app
        self.web = web
        self.state = app.state
        self._seconds = web.request_seconds.labels("/feeds (cached)", "200")
        self._seconds_304 = web.request_seconds.labels("/feeds (cached)", "304")

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            key = self.web.public_keys.get(scope["path"])
            item = self.web.cache.fresh(key) if key is not None else None
            if item is not None and not scope["query_string"]:
                t0 = time.perf_counter()
                ok, not_modified_headers = self.web._feed_headers(item, False)
                inm = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
                ims = next((v for k, v in scope["headers"] if k == b"if-modified-since"), None)
                headers: dict[str, str] = {}
                if inm is not None:
                    headers["if-none-match"] = inm.decode("latin-1")
                if ims is not None:
                    headers["if-modified-since"] = ims.decode("latin-1")
                if not_modified(headers, item):
                    await send(
                        {"type": "http.response.start", "status": 304, "headers": not_modified_headers}
                    )
                    await send({"type": "http.response.body", "body": b""})
                    self._seconds_304.observe(time.perf_counter() - t0)
                else:
                    await send({"type": "http.response.start", "status": 200, "headers": ok})
                    await send({"type": "http.response.body", "body": item.body})
                    self._seconds.observe(time.perf_counter() - t0)
                return
        await self.app(scope, receive, send)


def create_app(
    app: App,
    *,
    scheduler_alive: Callable[[], bool] | None = None,
    freshness: float = 1.0,
    story_limit: int = 100,
    labels: dict[str, str] | None = None,
    websub_every: float = 30.0,
) -> FeedFastPath:
    """The ASGI app. ``scheduler_alive`` reports on a scheduler running in the same process
    (``/healthz``); ``freshness`` is how many seconds a feed may lag behind the database. With
    ``Settings.websub_hub`` set, the store is checked every ``websub_every`` seconds and the hub
    is pinged when the feeds change."""
    web = Web(
        app,
        scheduler_alive=scheduler_alive,
        freshness=freshness,
        story_limit=story_limit,
        labels=dict(labels or {t.slug: t.name for t in therapies.TYPES}),
    )
    get = ["GET"]
    routes = [
        Route("/", web.timed("/", web.home), methods=get),
        Route("/style.css", web.static_file, methods=get),
        Route("/favicon.svg", web.static_file, methods=get),
        Route("/feeds/{name}", web.timed("/feeds/all", web.feed_all), methods=get),
        Route("/feeds/therapy/{name}", web.timed("/feeds/therapy", web.feed_therapy), methods=get),
        Route("/feeds/subscriber/{name}", web.timed("/feeds/subscriber", web.feed_subscriber), methods=get),
        Route("/unsubscribe/{token}", web.timed("/unsubscribe", web.unsubscribe_page), methods=get),
        Route(
            "/unsubscribe/{token}",
            web.timed("/unsubscribe", web.unsubscribe),
            methods=["POST"],
            max_body_size=FORM_BYTES,
        ),
        Route("/preferences/{token}", web.timed("/preferences", web.preferences_page), methods=get),
        Route(
            "/preferences/{token}",
            web.timed("/preferences", web.preferences),
            methods=["POST"],
            max_body_size=FORM_BYTES,
        ),
        Route("/healthz", web.healthz, methods=get),
        Route("/metrics", web.metrics, methods=get),
    ]

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        watcher = None
        if app.settings.websub_hub:
            watcher = asyncio.get_running_loop().create_task(web.watch_changes(websub_every))
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with suppress(asyncio.CancelledError):
                    await watcher

    starlette = Starlette(
        lifespan=lifespan,
        routes=routes,
        exception_handlers={HTTPException: web.http_error, Exception: web.server_error},
    )
    starlette.state.web = web
    return FeedFastPath(starlette, web)

"""Fixtures for the hostile suite: loopback servers that misbehave on purpose, a guarded fetcher,
and helpers that read back what the service stored.

Traffic never leaves 127.0.0.1. URLs that name other addresses (169.254.169.254, 10.x, ::1) are
only ever handed to the address guard, which must refuse them before a socket exists.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import Engine, func, select

from scrapers.fetch import Fetcher, HostLimiter, Timeouts, build_session
from service.config import Settings
from service.ingest import IngestResult, ingest_bytes
from service.models import Source
from service.store import sources as source_store
from service.store.schema import item_keys, items, sightings

LOOPBACK = ipaddress.IPv4Address("127.0.0.1")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def loopback_only(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """The test address policy: 127.0.0.1 plays "the public internet", everything else is internal."""
    return ip == LOOPBACK


class FeedServer:
    """An aiohttp.web server on 127.0.0.1:0 whose routes tests add on the fly; counts hits per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        async def dispatch(request: web.Request) -> web.StreamResponse:
            self.hits[request.path] += 1
            handler = self.routes.get(request.path)
            if handler is None:
                return web.Response(status=404, text="not here")
            return await handler(request)

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", dispatch)
        self.runner = web.AppRunner(app, shutdown_timeout=0.1, handler_cancellation=True)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def serve(self, path: str, body: bytes, content_type: str = "application/rss+xml", **headers: str) -> str:
        """Serve fixed bytes at ``path``; returns its URL."""

        async def handler(_request: web.Request) -> web.Response:
            return web.Response(body=body, headers={"Content-Type": content_type, **headers})

        return self.route(path, handler)


class RawServer:
    """A TCP server on 127.0.0.1:0 that runs ``script(reader, writer)`` per connection (for bytes no
    HTTP framework would send), counting accepted connections."""

    def __init__(self, script: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]):
        self.script = script
        self.accepted = 0
        self.server: asyncio.Server | None = None
        self.port = 0

    async def start(self) -> None:
        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.accepted += 1
            try:
                await self.script(reader, writer)
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                writer.close()

        self.server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self.server:
            self.server.close()
            await self.server.wait_closed()

    def url(self, path: str = "/feed") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


async def read_request(reader: asyncio.StreamReader) -> bytes:
    """Consume one HTTP request head."""
    return await reader.readuntil(b"\r\n\r\n")


@pytest.fixture
async def feeds() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def raw_servers() -> AsyncIterator[Callable[..., Awaitable[RawServer]]]:
    started: list[RawServer] = []

    async def make(
        script: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
    ) -> RawServer:
        s = RawServer(script)
        await s.start()
        started.append(s)
        return s

    yield make
    for s in started:
        await s.stop()


TEST_TIMEOUTS = Timeouts(connect=2.0, read=2.0, deadline=4.0)


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    """The service's fetcher, with the address guard on and only 127.0.0.1 counted as public."""
    session = build_session(user_agent="therapywatch-hostile-tests", policy=loopback_only)
    yield Fetcher(
        session,
        user_agent="therapywatch-hostile-tests",
        limiter=HostLimiter(per_host=20, min_delay=0),
        timeouts=TEST_TIMEOUTS,
    )
    await session.close()


@pytest.fixture
def settings() -> Settings:
    return Settings(fetch_concurrency=20, fetch_per_host=20, fetch_host_delay_ms=1)


def add_source(engine: Engine, name: str, url: str, now: datetime) -> Source:
    """A source row as `sources add` would create it, due at ``now`` (the URL is not re-validated,
    so the fetcher's own checks are exercised too)."""
    with engine.begin() as conn:
        return source_store.insert_source(conn, name=name, url=url, now=now)


def get_source(engine: Engine, name: str) -> Source:
    with engine.connect() as conn:
        return source_store.get_source(conn, name)


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (items, sightings, item_keys)
        }


def stored_titles(engine: Engine, source_name: str | None = None) -> list[str]:
    q = select(items.c.title).order_by(items.c.id)
    if source_name is not None:
        q = q.where(items.c.id.in_(select(sightings.c.item_id).where(sightings.c.source_name == source_name)))
    with engine.connect() as conn:
        return [r.title for r in conn.execute(q)]


def stored_rows(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(items).order_by(items.c.id))]


def ingest_doc(
    engine: Engine, name: str, data: bytes, now: datetime, headers: dict[str, str] | None = None
) -> IngestResult:
    """Ingest feed bytes for source ``name`` (created on first use) through ``ingest_bytes``."""
    with engine.begin() as conn:
        src = source_store.find_source(conn, name)
        if src is None:
            src = source_store.insert_source(conn, name=name, url=f"http://feed.test/{name}", now=now)
    return ingest_bytes(engine, src, data, headers or {"content-type": "application/rss+xml"}, now)


@pytest.fixture
def no_network_listener() -> Iterator[Any]:
    """A plain socket listener whose accept counter proves a URL was never connected to."""
    import socket
    import threading

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    state = {"accepted": 0, "stop": False}

    def loop() -> None:
        while not state["stop"]:
            try:
                conn, _ = sock.accept()
            except (TimeoutError, OSError):
                continue
            state["accepted"] += 1
            conn.close()

    t = threading.Thread(target=loop, daemon=True)
    t.start()

    class Listener:
        port = sock.getsockname()[1]

        @property
        def accepted(self) -> int:
            return state["accepted"]

    yield Listener()
    state["stop"] = True
    t.join(1)
    sock.close()

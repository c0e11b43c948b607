"""The fetcher against a real aiohttp.web server on 127.0.0.1: limits, redirects, guard, politeness."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import itertools
import socket
from collections import Counter
from collections.abc import AsyncIterator, Callable
from ipaddress import IPv4Address, IPv6Address, ip_address

import aiohttp
import brotli
import pytest
from aiohttp import web
from yarl import URL

from scrapers.fetch import (
    Fetcher,
    HostLimiter,
    Timeouts,
    build_session,
    fetch,
    is_public_address,
)
from service.errors import FetchError

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
MiB = 1024 * 1024


class Server:
    """An aiohttp.web app on an ephemeral port, counting requests per path."""

    def __init__(self, app: web.Application, host: str = "127.0.0.1") -> None:
        self.app = app
        self.host = host
        self.hits: Counter[str] = Counter()
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        @web.middleware
        async def count(request: web.Request, handler: Callable[..., object]) -> web.StreamResponse:
            self.hits[request.path] += 1
            return await handler(request)  # type: ignore[misc,no-any-return]

        self.app.middlewares.append(count)
        self.runner = web.AppRunner(self.app, shutdown_timeout=0.1)
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()


@functools.cache
def bomb() -> bytes:
    return gzip.compress(b"\0" * (64 * MiB), compresslevel=6)


def make_app() -> web.Application:
    app = web.Application()
    etag = '"v1"'

    async def feed(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=FEED, content_type="application/rss+xml", headers={"ETag": etag})

    async def huge(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        await resp.prepare(request)  # chunked, no Content-Length
        chunk = b"x" * 65536
        for _ in range(200 * 16):
            await resp.write(chunk)
        return resp

    async def declared(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Length": "999999999"})
        await resp.prepare(request)
        await resp.write(b"x" * 1024)
        return resp

    bomb_body = bomb()

    async def gzip_bomb(request: web.Request) -> web.Response:
        return web.Response(
            body=bomb_body, headers={"Content-Encoding": "gzip", "Content-Type": "application/xml"}
        )

    async def br(request: web.Request) -> web.Response:
        return web.Response(body=brotli.compress(FEED), headers={"Content-Encoding": "br"})

    async def drip(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        await resp.prepare(request)
        for _ in range(600):
            await resp.write(b"<")
            await asyncio.sleep(0.05)
        return resp

    async def loop(request: web.Request) -> web.Response:
        raise web.HTTPFound("/loop")

    async def chain(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        raise web.HTTPFound(f"/chain/{n + 1}")

    async def moved(request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently("/feed")

    async def temp(request: web.Request) -> web.Response:
        raise web.HTTPFound("/feed")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /private/\n")

    app.router.add_get("/feed", feed)
    app.router.add_get("/huge", huge)
    app.router.add_get("/declared", declared)
    app.router.add_get("/bomb", gzip_bomb)
    app.router.add_get("/br", br)
    app.router.add_get("/drip", drip)
    app.router.add_get("/loop", loop)
    app.router.add_get("/chain/{n}", chain)
    app.router.add_get("/moved", moved)
    app.router.add_get("/temp", temp)
    app.router.add_get("/robots.txt", robots)
    app.router.add_get("/public/a", feed)
    app.router.add_get("/private/a", feed)
    return app


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    srv = Server(make_app())
    await srv.start()
    yield srv
    await srv.stop()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    s = build_session(
        user_agent="therapywatch-test/1 (+https://example.org/bot)", allow_private_networks=True
    )
    yield s
    await s.close()


FAST = Timeouts(connect=2.0, read=0.5, deadline=1.0)


async def test_conditional_get_round_trip(server: Server, session: aiohttp.ClientSession) -> None:
    first = await fetch(session, server.url("/feed"))
    assert first.status == 200 and first.body == FEED
    assert first.headers["etag"] == '"v1"'
    second = await fetch(session, server.url("/feed"), etag=first.headers["etag"])
    assert second.not_modified and second.body == b""


async def test_user_agent_is_sent(server: Server, session: aiohttp.ClientSession) -> None:
    seen: list[str] = []

    async def ua(request: web.Request) -> web.Response:
        seen.append(request.headers["User-Agent"])
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/ua", ua)
    srv = Server(app)
    await srv.start()
    try:
        await fetch(session, srv.url("/ua"))
    finally:
        await srv.stop()
    assert seen == ["therapywatch-test/1 (+https://example.org/bot)"]


@pytest.mark.parametrize("path", ["/huge", "/declared", "/bomb"])
async def test_decoded_body_cap(server: Server, session: aiohttp.ClientSession, path: str) -> None:
    with pytest.raises(FetchError) as err:
        await fetch(session, server.url(path), max_bytes=10 * MiB)
    assert err.value.kind == "too_large"
    # A second fetch on the same session still works: the aborted one freed its slot.
    ok = await fetch(session, server.url("/feed"))
    assert ok.body == FEED


async def test_brotli_is_decoded(server: Server, session: aiohttp.ClientSession) -> None:
    res = await fetch(session, server.url("/br"))
    assert res.body == FEED


async def test_drip_server_is_cut_off_at_the_deadline(server: Server, session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchError) as err:
        await fetch(session, server.url("/drip"), timeouts=FAST)
    assert err.value.kind == "timeout"


async def test_server_that_never_answers(session: aiohttp.ClientSession) -> None:
    # A listening socket nobody accepts from: the kernel completes the handshake, no byte ever comes.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        with pytest.raises(FetchError) as err:
            await fetch(session, f"http://127.0.0.1:{port}/feed", timeouts=FAST)
    assert err.value.kind == "timeout"


@pytest.mark.parametrize("path", ["/loop", "/chain/0"])
async def test_redirect_loop_and_long_chain(
    server: Server, session: aiohttp.ClientSession, path: str
) -> None:
    with pytest.raises(FetchError) as err:
        await fetch(session, server.url(path))
    assert err.value.kind == "redirect_loop"
    assert sum(server.hits.values()) <= 6


async def test_permanent_and_temporary_redirects(server: Server, session: aiohttp.ClientSession) -> None:
    moved = await fetch(session, server.url("/moved"))
    assert moved.status == 200 and moved.body == FEED
    assert moved.permanent_redirect == server.url("/feed")
    temp = await fetch(session, server.url("/temp"))
    assert temp.body == FEED and temp.permanent_redirect is None and temp.redirects == 1


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "http://a\\@b/", "http://u:p@host/", "http://x y/"]
)
async def test_invalid_urls_are_refused(session: aiohttp.ClientSession, url: str) -> None:
    with pytest.raises(FetchError) as err:
        await fetch(session, url)
    assert err.value.kind == "invalid_url"


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.1", "169.254.169.254", "100.64.0.1", "::1", "::ffff:127.0.0.1", "fd00::1",
     "0.0.0.0", "224.0.0.1", "192.168.1.1", "2002:7f00:1::1"],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(ip_address(address))


def test_public_addresses() -> None:
    assert is_public_address(ip_address("93.184.216.34"))
    assert is_public_address(ip_address("2606:2800:220:1:248:1893:25c8:1946"))


async def test_guard_blocks_loopback_before_connecting(server: Server) -> None:
    async with build_session(user_agent="t", allow_private_networks=False) as guarded:
        for url in (server.url("/feed"), f"http://localhost:{server.port}/feed"):
            with pytest.raises(FetchError) as err:
                await fetch(guarded, url)
            assert err.value.kind == "blocked_address"
    assert server.hits["/feed"] == 0


async def test_guard_blocks_a_redirect_to_a_private_address() -> None:
    """Server A (127.0.0.1, 'public' for this test) redirects to server B on 127.0.0.2 ('private')."""
    inner = web.Application()

    async def secret(request: web.Request) -> web.Response:
        return web.Response(text="metadata")

    inner.router.add_get("/latest/meta-data/", secret)
    b = Server(inner, host="127.0.0.2")
    await b.start()
    outer = web.Application()

    async def redirect(request: web.Request) -> web.Response:
        raise web.HTTPFound(b.url("/latest/meta-data/"))

    outer.router.add_get("/feed", redirect)
    a = Server(outer)
    await a.start()

    def policy(ip: IPv4Address | IPv6Address) -> bool:
        return ip == IPv4Address("127.0.0.1")

    try:
        async with build_session(user_agent="t", policy=policy) as guarded:
            with pytest.raises(FetchError) as err:
                await fetch(guarded, a.url("/feed"))
        assert err.value.kind == "blocked_address"
        assert a.hits["/feed"] == 1
        assert b.hits["/latest/meta-data/"] == 0
    finally:
        await a.stop()
        await b.stop()


async def test_per_host_limit(session: aiohttp.ClientSession) -> None:
    in_flight = 0
    peak = 0
    pair = asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        # Each request waits until two are in flight together (or a second passes), so the
        # test sees the limit itself rather than how fast this machine happens to be.
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        if in_flight >= 2:
            pair.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(pair.wait(), 1.0)
        await asyncio.sleep(0.01)
        in_flight -= 1
        return web.Response(body=FEED)

    app = web.Application()
    app.router.add_get("/s/{n}", slow)
    srv = Server(app)
    await srv.start()
    limiter = HostLimiter(per_host=2, min_delay=0.02)
    try:
        await asyncio.gather(*(fetch(session, srv.url(f"/s/{n}"), limiter=limiter) for n in range(8)))
    finally:
        await srv.stop()
    assert peak == 2


async def test_per_host_spacing_on_the_loop_clock() -> None:
    """Starts on one host are at least ``min_delay`` apart on the loop's clock (the limiter's
    own guarantee; server-side arrival times would also measure scheduling noise)."""
    loop = asyncio.get_running_loop()
    limiter = HostLimiter(per_host=2, min_delay=0.03)
    starts: list[float] = []

    async def one() -> None:
        async with limiter.slot(URL("http://feeds.example/a")):
            starts.append(loop.time())

    async def other() -> None:
        async with limiter.slot(URL("http://other.example/a")):
            starts.append(-1.0)

    await asyncio.gather(*(one() for _ in range(5)), other())
    mine = sorted(t for t in starts if t >= 0)
    assert len(mine) == 5 and -1.0 in starts
    assert all(b - a >= 0.03 - 1e-3 for a, b in itertools.pairwise(mine))


async def test_robots_txt_is_honoured_and_cached(server: Server, session: aiohttp.ClientSession) -> None:
    fetcher = Fetcher(session, user_agent="therapywatch-test", limiter=HostLimiter(min_delay=0))
    assert await fetcher.allowed_by_robots(server.url("/public/a"))
    assert not await fetcher.allowed_by_robots(server.url("/private/a"))
    page = await fetcher.fetch_page(server.url("/public/a"))
    assert page.body == FEED
    with pytest.raises(FetchError) as err:
        await fetcher.fetch_page(server.url("/private/a"))
    assert err.value.kind == "robots"
    assert server.hits["/robots.txt"] == 1
    assert server.hits["/private/a"] == 0

"""RELIABILITY.md section 5, items 1-15: hostile transport, through the service's poll job
(``service.jobs.poll_due``) with the real guarded fetcher, against loopback servers.

Every test polls the hostile source *and* a healthy neighbour in the same pass, then checks:
the hostile source's row carries a typed status, an error count and a later next check; the
neighbour is stored as usual; nothing of the hostile source is stored.
"""

from __future__ import annotations

import asyncio
import functools
import shutil
import socket
import ssl
import subprocess
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import aiohttp
import brotli
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from sqlalchemy import Engine

from scrapers.fetch import Fetcher, HostLimiter, build_session, guarded_socket_factory
from service.config import Settings
from service.jobs import PollReport, poll_due
from service.models import Source
from tests.hostile.conftest import (
    TEST_TIMEOUTS,
    FeedServer,
    add_source,
    counts,
    get_source,
    loopback_only,
    read_request,
    stored_titles,
)
from tests.hostile.feeds import good_feed

pytestmark = pytest.mark.usefixtures("engine")
MiB = 1024 * 1024


async def poll(engine: Engine, fetcher: Fetcher, settings: Settings, now: datetime) -> PollReport:
    return await poll_due(engine, fetcher, settings, now, worker_id="hostile-tests")


async def poll_pair(
    engine: Engine, fetcher: Fetcher, settings: Settings, feeds: FeedServer, now: datetime, hostile_url: str
) -> Source:
    """Poll a hostile source next to a healthy one; check the neighbour; return the hostile row."""
    neighbour = feeds.serve("/neighbour.xml", good_feed("neighbour"))
    add_source(engine, "neighbour", neighbour, now)
    add_source(engine, "hostile", hostile_url, now)
    report = await poll(engine, fetcher, settings, now)
    assert report.claimed == 2
    assert get_source(engine, "neighbour").last_status == "ok"
    assert len(stored_titles(engine, "neighbour")) == 3
    assert stored_titles(engine, "hostile") == []
    assert counts(engine)["items"] == 3  # nothing partial from the hostile one
    src = get_source(engine, "hostile")
    assert src.error_count == 1 and src.last_error
    assert src.next_check_at is not None and src.next_check_at > now
    return src


async def _endless(
    request: web.Request, chunks: Callable[[], bytes], limit: int, **headers: str
) -> web.StreamResponse:
    resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml", **headers})
    await resp.prepare(request)
    sent = 0
    try:
        while sent < limit:
            chunk = chunks()
            if not chunk:
                break
            await resp.write(chunk)
            sent += len(chunk)
    except (ConnectionError, RuntimeError):
        pass
    return resp


async def test_01_huge_body_without_length(engine: Engine, fetcher, settings, feeds: FeedServer, now) -> None:
    block = b"<item><title>x</title></item>" * 2000

    async def huge(request: web.Request) -> web.StreamResponse:
        return await _endless(request, lambda: block, 200 * MiB)

    src = await poll_pair(engine, fetcher, settings, feeds, now, feeds.route("/huge", huge))
    assert src.last_status == "too_large"


async def test_02_declared_length_over_cap(
    engine: Engine, fetcher, settings, feeds, raw_servers, now
) -> None:
    async def liar(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 999999999\r\n\r\n<rss"
        )
        await writer.drain()
        await asyncio.sleep(30)  # a timeout would show up as kind "timeout", not "too_large"

    server = await raw_servers(liar)
    src = await poll_pair(engine, fetcher, settings, feeds, now, server.url())
    assert src.last_status == "too_large" and "999999999" in (src.last_error or "")


@functools.cache
def bomb_parts(kind: str) -> tuple[bytes, bytes]:
    """``(head, repeat)``: a compressed stream of zeros that never ends when ``repeat`` is sent again
    and again. A full flush resets the deflate window, so every later MiB compresses to the same
    bytes (about 1 KB); the server spends no CPU on a 2 GB bomb. Brotli has no such reset, so its
    bomb is a finite 64 MiB stream (six times the cap)."""
    zeros = b"\0" * MiB
    if kind == "br":
        return brotli.compress(b"\0" * (64 * MiB), quality=1), b""
    z = zlib.compressobj(1, zlib.DEFLATED, 31 if kind == "gzip" else 15)
    head = z.compress(zeros) + z.flush(zlib.Z_FULL_FLUSH)
    repeat = z.compress(zeros) + z.flush(zlib.Z_FULL_FLUSH)
    assert repeat == z.compress(zeros) + z.flush(zlib.Z_FULL_FLUSH)
    return head, repeat


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
async def test_03_decompression_bomb(engine: Engine, fetcher, settings, feeds, now, encoding: str) -> None:
    head, repeat = bomb_parts(encoding)
    parts = iter([head])

    async def bomb(request: web.Request) -> web.StreamResponse:
        def chunks() -> bytes:
            return next(parts, repeat)

        limit = len(head) + 2047 * len(repeat)  # wire bytes of 2 GiB decoded (64 MiB for br)
        return await _endless(request, chunks, limit, **{"Content-Encoding": encoding})

    src = await poll_pair(engine, fetcher, settings, feeds, now, feeds.route("/bomb", bomb))
    assert src.last_status == "too_large"
    assert feeds.hits["/bomb"] == 1


async def test_04_lying_gzip_header(engine: Engine, fetcher, settings, feeds, now) -> None:
    url = feeds.serve("/liar", good_feed("liar"), **{"Content-Encoding": "gzip"})
    src = await poll_pair(engine, fetcher, settings, feeds, now, url)
    assert src.last_status == "bad_encoding"


@pytest.mark.slow
async def test_05_drip_cancelled_at_deadline(
    engine: Engine, fetcher, settings, feeds, raw_servers, now
) -> None:
    async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n"
        )
        for _ in range(120):  # one byte per second: each gap is under the read timeout
            writer.write(b"<")
            await writer.drain()
            await asyncio.sleep(TEST_TIMEOUTS.read / 2)

    server = await raw_servers(drip)
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    src = await poll_pair(engine, fetcher, settings, feeds, now, server.url())
    assert src.last_status == "timeout"
    assert "did not complete" in (src.last_error or "")
    assert loop.time() - t0 < TEST_TIMEOUTS.deadline * 3  # the deadline, not the 60 s drip, ended it


@pytest.mark.slow
async def test_06_silent_server_times_out(engine: Engine, fetcher, settings, feeds, raw_servers, now) -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await asyncio.sleep(60)

    server = await raw_servers(silent)
    src = await poll_pair(engine, fetcher, settings, feeds, now, server.url())
    assert src.last_status == "timeout"


async def test_07_redirect_loop_and_long_chain(engine: Engine, fetcher, settings, feeds, now) -> None:
    async def loop_(request: web.Request) -> web.Response:
        raise web.HTTPFound("/loop")

    async def chain(request: web.Request) -> web.Response:
        n = int(request.path.rsplit("/", 1)[1])
        raise web.HTTPFound(f"/chain/{n + 1}")

    for n in range(31):
        feeds.route(f"/chain/{n}", chain)
    src = await poll_pair(engine, fetcher, settings, feeds, now, feeds.route("/loop", loop_))
    assert src.last_status == "redirect_loop"
    add_source(engine, "chain", feeds.url("/chain/0"), now)
    await poll(engine, fetcher, settings, now)
    chained = get_source(engine, "chain")
    assert chained.last_status == "redirect_loop"
    assert sum(feeds.hits[f"/chain/{n}"] for n in range(31)) <= 6


async def test_08_redirect_to_metadata_blocked(engine: Engine, fetcher, settings, feeds, now) -> None:
    async def to_metadata(request: web.Request) -> web.Response:
        raise web.HTTPFound("http://169.254.169.254/latest/meta-data/")

    src = await poll_pair(engine, fetcher, settings, feeds, now, feeds.route("/meta", to_metadata))
    assert src.last_status == "blocked_address"


@pytest.fixture
async def production_fetcher():
    """The fetcher exactly as production builds it: public addresses only (loopback refused)."""
    session = build_session(user_agent="therapywatch-hostile-tests")
    yield Fetcher(
        session, user_agent="t", limiter=HostLimiter(per_host=20, min_delay=0), timeouts=TEST_TIMEOUTS
    )
    await session.close()


@pytest.mark.parametrize(
    "template",
    [
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://127.0.0.1:{port}/",
        "http://localhost:{port}/",
        "http://0.0.0.0:{port}/",
        "http://[::1]:{port}/",
        "http://127.0.0.2:{port}/",
        "http://2130706433:{port}/",
        "http://0x7f000001:{port}/",
        "http://127.1:{port}/",
    ],
)
async def test_09_loopback_forms_blocked_before_connect(
    engine: Engine, production_fetcher, settings, no_network_listener, now, template: str
) -> None:
    url = template.format(port=no_network_listener.port)
    add_source(engine, "internal", url, now)
    await poll(engine, production_fetcher, settings, now)
    src = get_source(engine, "internal")
    assert src.last_status in ("blocked_address", "invalid_url"), src.last_error
    assert src.error_count == 1
    assert no_network_listener.accepted == 0


class FlipResolver(AbstractResolver):
    """Answers 127.0.0.1 ("public" under the test policy) first, then 127.0.0.2 (internal)."""

    def __init__(self) -> None:
        self.calls = 0

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.calls += 1
        ip = "127.0.0.1" if self.calls == 1 else "127.0.0.2"
        return [ResolveResult(hostname=host, host=ip, port=port, family=socket.AF_INET, proto=0, flags=0)]

    async def close(self) -> None:
        return None


async def test_10_rebinding_blocked_at_connect(engine: Engine, settings, feeds: FeedServer, now) -> None:
    feeds.serve("/feed", good_feed("rebind"))
    # A listener on 127.0.0.2 with the same port: if the guard failed, the second fetch would land here.
    trap = socket.socket()
    try:
        trap.bind(("127.0.0.2", feeds.port))
    except OSError:
        pytest.skip("cannot bind 127.0.0.2 on this host")
    trap.listen(4)
    trap.setblocking(False)
    connector = aiohttp.TCPConnector(
        socket_factory=guarded_socket_factory(loopback_only),
        resolver=FlipResolver(),
        use_dns_cache=False,
        force_close=True,  # a kept-alive connection to the vetted address would skip the lookup
    )
    session = aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=None))
    fetcher = Fetcher(
        session, user_agent="t", limiter=HostLimiter(per_host=5, min_delay=0), timeouts=TEST_TIMEOUTS
    )
    try:
        add_source(engine, "rebind", f"http://rebind.test:{feeds.port}/feed", now)
        await poll(engine, fetcher, settings, now)
        assert get_source(engine, "rebind").last_status == "ok"
        later = now + timedelta(days=2)
        await poll(engine, fetcher, settings, later)
        src = get_source(engine, "rebind")
        assert src.last_status == "blocked_address" and src.error_count == 1
        with pytest.raises(BlockingIOError):
            trap.accept()
        assert len(stored_titles(engine, "rebind")) == 3  # what was stored before stays
    finally:
        await session.close()
        trap.close()


async def test_11_backslash_url_rejected(
    engine: Engine, fetcher, settings, feeds, no_network_listener, now
) -> None:
    url = f"http://127.0.0.1:{no_network_listener.port}\\@example.com/"
    src = await poll_pair(engine, fetcher, settings, feeds, now, url)
    assert src.last_status == "invalid_url" and "backslash" in (src.last_error or "")
    assert no_network_listener.accepted == 0


async def test_12_huge_header(engine: Engine, fetcher, settings, feeds, raw_servers, now) -> None:
    async def big_header(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * MiB + b"\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()

    server = await raw_servers(big_header)
    src = await poll_pair(engine, fetcher, settings, feeds, now, server.url())
    assert src.last_status in ("protocol", "network")
    assert len(src.last_error or "") < 5000  # the megabyte header is not copied into the row


async def test_13_retry_after_honoured(engine: Engine, fetcher, settings, feeds, now) -> None:
    async def busy(request: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "86400"})

    src = await poll_pair(engine, fetcher, settings, feeds, now, feeds.route("/busy", busy))
    assert src.last_status == "http 429"
    assert src.next_check_at is not None and src.next_check_at >= now + timedelta(hours=24)


async def test_14_html_page_is_not_a_feed(engine: Engine, fetcher, settings, feeds, now) -> None:
    page = (
        b"<!doctype html><html><head><title>Sign in</title></head>"
        b"<body><form><input type=password></form></body></html>"
    )
    url = feeds.serve("/login", page, "text/html; charset=utf-8")
    src = await poll_pair(engine, fetcher, settings, feeds, now, url)
    assert src.last_status == "not_a_feed" and "not a feed" in (src.last_error or "")


@pytest.fixture
def self_signed(tmp_path: Path) -> ssl.SSLContext:
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


async def test_15_self_signed_tls(engine: Engine, fetcher, settings, feeds, self_signed, now) -> None:
    app = web.Application()

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=good_feed("tls"), content_type="application/rss+xml")

    app.router.add_get("/feed", feed)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=self_signed)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        src = await poll_pair(engine, fetcher, settings, feeds, now, f"https://127.0.0.1:{port}/feed")
    finally:
        await runner.cleanup()
    assert src.last_status == "tls_error"

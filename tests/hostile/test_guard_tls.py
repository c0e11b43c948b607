"""The address guard and TLS through ``build_session`` as production builds it, with only the
resolver and the trust store swapped for test ones: DNS rebinding (a name that answers a public
address first and an internal one on the connect), certificate failures (expired, unknown CA,
wrong name) and an HTTPS source that redirects to an internal address.

Each poll runs next to a healthy neighbour (``poll_pair``), so "nothing else stops" is checked
every time. Traffic stays on 127.0.0.0/8: 127.0.0.1 plays "the public internet" (``loopback_only``),
127.0.0.2 is "internal" and has a trap listener that must never accept a connection. A 10.x target
is only ever handed to the guard; behind it, a fence on the event loop's ``sock_connect`` refuses
any address outside 127.0.0.0/8, so a broken guard fails the test instead of sending a packet.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
import trustme
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from sqlalchemy import Engine

from scrapers.fetch import AddressPolicy, Fetcher, HostLimiter, build_session, is_public_address
from service.config import Settings
from tests.hostile.conftest import (
    TEST_TIMEOUTS,
    FeedServer,
    add_source,
    get_source,
    loopback_only,
    stored_titles,
)
from tests.hostile.feeds import good_feed
from tests.hostile.test_transport import poll, poll_pair

pytestmark = pytest.mark.usefixtures("engine")
HOST = "feeds.test"


class ScriptedResolver(AbstractResolver):
    """Answers each name from a script: the n-th lookup gets the n-th answer (the last repeats).

    An answer is a list of addresses, all returned at once (a multi-address DNS answer).
    """

    def __init__(self, script: dict[str, list[list[str]]]) -> None:
        self.script = script
        self.calls: dict[str, int] = {}

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = self.script.get(host)
        if answers is None:
            raise OSError(f"no such host in the test resolver: {host}")
        n = self.calls.get(host, 0)
        self.calls[host] = n + 1
        return [
            ResolveResult(hostname=host, host=ip, port=port, family=socket.AF_INET, proto=0, flags=0)
            for ip in answers[min(n, len(answers) - 1)]
        ]

    async def close(self) -> None:
        return None


@dataclass
class Trap:
    """A listener on an "internal" address: a guard failure would show up as an accepted connection."""

    sock: socket.socket
    port: int

    def accepted(self) -> bool:
        try:
            conn, _ = self.sock.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True


def _trap_on(address: str, port: int = 0) -> Iterator[Trap]:
    sock = socket.socket()
    try:
        sock.bind((address, port))
    except OSError:
        sock.close()
        pytest.skip(f"cannot bind {address} on this host")
    sock.listen(8)
    sock.setblocking(False)
    try:
        yield Trap(sock, sock.getsockname()[1])
    finally:
        sock.close()


@pytest.fixture
def trap() -> Iterator[Trap]:
    yield from _trap_on("127.0.0.2")


def fenced(seen: list[str]) -> AddressPolicy:
    """The test policy (127.0.0.1 public, the rest by the production rule), recording every address
    the guard is asked about. Anything outside 127.0.0.0/8 is refused whatever the rule says, so a
    wrong rule shows up as a failed assertion, never as a packet to a private network."""

    def policy(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        seen.append(str(ip))
        verdict = loopback_only(ip) or is_public_address(ip)
        if verdict and not loopback_only(ip):
            seen.append(f"WRONGLY ALLOWED {ip}")
            return False
        return verdict

    return policy


@pytest.fixture(autouse=True)
async def loop_fence() -> AsyncIterator[list[str]]:
    """Refuse, below aiohttp and the guard, every connect outside 127.0.0.0/8; record each one.

    Should the guard ever stop being called, the test fails here instead of reaching the network.
    """
    loop = asyncio.get_running_loop()
    original = loop.sock_connect
    refused: list[str] = []

    async def sock_connect(sock: socket.socket, address: Any) -> None:
        if not ipaddress.ip_address(str(address[0]).split("%", 1)[0]).is_loopback:
            refused.append(str(address[0]))
            raise ConnectionRefusedError(f"test fence: {address[0]} is outside 127.0.0.0/8")
        await original(sock, address)

    loop.sock_connect = sock_connect  # type: ignore[method-assign]
    yield refused
    loop.sock_connect = original  # type: ignore[method-assign]
    assert refused == [], f"the guard let connects through to {refused}"


def make_fetcher(session: aiohttp.ClientSession) -> Fetcher:
    return Fetcher(
        session, user_agent="t", limiter=HostLimiter(per_host=20, min_delay=0), timeouts=TEST_TIMEOUTS
    )


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def client_context(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ca.configure_trust(ctx)
    return ctx


def server_context(cert: trustme.LeafCert) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    return ctx


@dataclass
class TlsServer:
    runner: web.AppRunner
    port: int
    context: ssl.SSLContext
    hits: int = 0


@pytest.fixture
async def tls_server(ca: trustme.CA) -> AsyncIterator[TlsServer]:
    """An HTTPS server on 127.0.0.1 with a valid certificate for ``feeds.test`` from the test CA.

    ``/feed`` serves a good feed; ``/go?to=URL`` answers 302 to URL. Tests may load another
    certificate into ``context``: new handshakes use it.
    """
    context = server_context(ca.issue_cert(HOST))
    app = web.Application()
    server: TlsServer | None = None

    async def feed(request: web.Request) -> web.Response:
        assert server is not None
        server.hits += 1
        return web.Response(body=good_feed("tls"), content_type="application/rss+xml")

    async def go(request: web.Request) -> web.Response:
        assert server is not None
        server.hits += 1
        raise web.HTTPFound(request.query["to"])

    app.router.add_get("/feed", feed)
    app.router.add_get("/go", go)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    server = TlsServer(runner, port, context)
    yield server
    await runner.cleanup()


# --- DNS rebinding ------------------------------------------------------------------------------


async def test_rebinding_between_polls_refused_on_the_connect(
    engine: Engine, settings: Settings, feeds: FeedServer, now: datetime
) -> None:
    """The name answers 127.0.0.1 ("public") on the first lookup and 127.0.0.2 afterwards; the
    server closes every connection, so the second poll must look the name up again and connect."""
    feeds.serve("/feed", good_feed("rebind"), Connection="close")
    neighbour = feeds.serve("/neighbour.xml", good_feed("neighbour"))
    traps = _trap_on("127.0.0.2", feeds.port)
    trap = next(traps)
    resolver = ScriptedResolver({HOST: [["127.0.0.1"], ["127.0.0.2"]]})
    seen: list[str] = []
    session = build_session(user_agent="t", policy=fenced(seen), resolver=resolver, dns_cache_seconds=None)
    try:
        fetcher = make_fetcher(session)
        add_source(engine, "neighbour", neighbour, now)
        add_source(engine, "hostile", f"http://{HOST}:{feeds.port}/feed", now)
        await poll(engine, fetcher, settings, now)
        assert get_source(engine, "hostile").last_status == "ok"
        later = now + timedelta(days=2)
        report = await poll(engine, fetcher, settings, later)
    finally:
        await session.close()
        trap_hit = trap.accepted()
        traps.close()
    assert report.claimed == 2
    assert resolver.calls[HOST] == 2
    src = get_source(engine, "hostile")
    assert src.last_status == "blocked_address" and src.error_count == 1, src.last_error
    assert src.next_check_at is not None and src.next_check_at > later
    assert "127.0.0.2" in seen and not any(s.startswith("WRONGLY") for s in seen)
    assert not trap_hit
    assert feeds.hits["/feed"] == 1  # the first poll only
    assert len(stored_titles(engine, "hostile")) == 3  # what was stored before stays
    near = get_source(engine, "neighbour")
    assert near.error_count == 0 and near.last_status in ("ok", "unchanged")
    assert feeds.hits["/neighbour.xml"] == 2


async def test_rebinding_within_one_answer_refuses_the_internal_fallback(
    engine: Engine, settings: Settings, feeds: FeedServer, now: datetime
) -> None:
    """One answer lists a "public" address that refuses connections, then an internal one: the
    connector falls back to the second address, and the guard must refuse that one too."""
    traps = _trap_on("127.0.0.2")
    trap = next(traps)
    # 127.0.0.1 on the trap's port: nothing listens there, so the first attempt is refused.
    resolver = ScriptedResolver({HOST: [["127.0.0.1", "127.0.0.2"]]})
    seen: list[str] = []
    session = build_session(user_agent="t", policy=fenced(seen), resolver=resolver, dns_cache_seconds=None)
    probe = socket.socket()
    try:
        probe.bind(("127.0.0.1", trap.port))
    except OSError:
        probe.close()
        traps.close()
        await session.close()
        pytest.skip("the trap's port is taken on 127.0.0.1")
    probe.close()  # bound, never listening: the port on 127.0.0.1 refuses
    try:
        src = await poll_pair(
            engine, make_fetcher(session), settings, feeds, now, f"http://{HOST}:{trap.port}/feed"
        )
    finally:
        await session.close()
        trap_hit = trap.accepted()
        traps.close()
    assert "127.0.0.2" in seen and not any(s.startswith("WRONGLY") for s in seen)
    assert not trap_hit
    assert src.last_status == "blocked_address", src.last_error


# --- TLS ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("problem", ["expired", "unknown_ca", "wrong_name"])
async def test_certificate_errors_back_off_and_recover(
    engine: Engine,
    settings: Settings,
    feeds: FeedServer,
    ca: trustme.CA,
    tls_server: TlsServer,
    now: datetime,
    problem: str,
) -> None:
    if problem == "expired":
        past = datetime.now(UTC) - timedelta(days=30)
        bad = ca.issue_cert(HOST, not_before=past - timedelta(days=365), not_after=past)
    elif problem == "unknown_ca":
        bad = trustme.CA().issue_cert(HOST)
    else:
        bad = ca.issue_cert("other.test")
    bad.configure_cert(tls_server.context)
    resolver = ScriptedResolver({HOST: [["127.0.0.1"]]})
    session = build_session(
        user_agent="t", policy=loopback_only, resolver=resolver, ssl_context=client_context(ca)
    )
    url = f"https://{HOST}:{tls_server.port}/feed"
    try:
        fetcher = make_fetcher(session)
        src = await poll_pair(engine, fetcher, settings, feeds, now, url)
        assert src.last_status == "tls_error", src.last_error
        message = (src.last_error or "").lower()
        assert "tls" in message and "certificate" in message, src.last_error
        assert HOST in message
        assert tls_server.hits == 0  # no request was sent over the bad connection
        first_wait = src.next_check_at
        assert first_wait is not None

        # Not due again before its backoff; a second failure waits at least as long.
        report = await poll(engine, fetcher, settings, now + timedelta(seconds=1))
        assert report.claimed == 0
        second = first_wait + timedelta(seconds=1)
        await poll(engine, fetcher, settings, second)
        src = get_source(engine, "hostile")
        assert src.error_count == 2 and src.last_status == "tls_error"
        assert src.next_check_at is not None
        assert src.next_check_at - second >= first_wait - now  # doubling, with equal jitter

        # The publisher renews the certificate: the next due poll stores the feed by itself.
        ca.issue_cert(HOST).configure_cert(tls_server.context)
        third = src.next_check_at + timedelta(seconds=1)
        await poll(engine, fetcher, settings, third)
    finally:
        await session.close()
    src = get_source(engine, "hostile")
    assert src.last_status == "ok" and src.error_count == 0 and src.last_error is None
    assert len(stored_titles(engine, "hostile")) == 3
    assert tls_server.hits == 1


# --- HTTPS source redirecting to an internal address --------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["http://127.0.0.2:{trap}/admin", "https://127.0.0.2:{trap}/admin", "http://10.20.30.40/latest/"],
)
async def test_https_source_redirecting_inward_is_refused(
    engine: Engine,
    settings: Settings,
    feeds: FeedServer,
    ca: trustme.CA,
    tls_server: TlsServer,
    trap: Trap,
    now: datetime,
    target: str,
) -> None:
    seen: list[str] = []
    resolver = ScriptedResolver({HOST: [["127.0.0.1"]]})
    session = build_session(
        user_agent="t",
        policy=fenced(seen),
        resolver=resolver,
        ssl_context=client_context(ca),
    )
    inward = target.format(trap=trap.port)
    url = str(aiohttp.client.URL(f"https://{HOST}:{tls_server.port}/go").with_query(to=inward))
    try:
        src = await poll_pair(engine, make_fetcher(session), settings, feeds, now, url)
    finally:
        await session.close()
    assert tls_server.hits == 1  # the public HTTPS hop was made and answered the redirect
    assert src.last_status == "blocked_address", src.last_error
    assert not any(s.startswith("WRONGLY") for s in seen)
    inward_ip = aiohttp.client.URL(inward).host
    assert inward_ip in seen  # refused by the guard on the connect, not by luck
    assert not trap.accepted()

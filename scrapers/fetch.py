"""One conditional GET under our own limits: address guard, timeouts, byte cap, redirects, politeness.

The caller (an entrypoint) builds one ``aiohttp.ClientSession`` with :func:`build_session` and passes
it in; this module never opens a session at import time. Every hop of a redirect chain is requested
by us (``allow_redirects=False``) so each one goes through the same checks, and the address guard
runs in the connector's ``socket_factory``, i.e. on the address actually connected to: a custom
resolver is not enough, because aiohttp skips the resolver for IP-literal URLs.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import re
import socket
import ssl
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import aiohttp
from aiohappyeyeballs import AddrInfoType
from aiohttp.abc import AbstractResolver
from protego import Protego
from yarl import URL

from service.errors import FetchError

FEED_MAX_BYTES = 10 * 1024 * 1024
PAGE_MAX_BYTES = 5 * 1024 * 1024
ROBOTS_MAX_BYTES = 512 * 1024
# An error response's body is kept only for the log line; reading more would waste the slot.
ERROR_BODY_BYTES = 64 * 1024
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
ACCEPT_FEED = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_BLOCKED_MARK = "blocked non-public address"
# Spaces, control characters, DEL and backslashes: never in a URL we send.
_BAD_URL_CHAR = re.compile(r"[\x00-\x20\x7f\\]")

AddressPolicy = Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]


def _unwrap(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address hidden in an IPv4-mapped, 6to4 or Teredo IPv6 address, else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
    return ip


def is_public_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for globally routable unicast addresses.

    ``is_global`` is the catch-all: it is False for private, loopback, link-local, CGNAT
    (100.64/10, where ``is_private`` is also False), unspecified and reserved ranges. Multicast is
    refused on top of it because some multicast ranges count as global.
    """
    ip = _unwrap(ip)
    return ip.is_global and not ip.is_multicast


class BlockedAddressError(OSError):
    """Raised inside the connector when the address about to be connected to is not allowed."""


def guarded_socket_factory(policy: AddressPolicy) -> Callable[[AddrInfoType], socket.socket]:
    """A ``socket_factory`` for ``aiohttp.TCPConnector`` that refuses addresses ``policy`` rejects.

    It runs once per address aiohttp is about to connect to, after DNS, so DNS rebinding and
    redirects to internal hosts are caught; no socket is created for a refused address.
    """

    def factory(addr_info: AddrInfoType) -> socket.socket:
        family, type_, proto, _canon, sockaddr = addr_info
        host = str(sockaddr[0]).split("%", 1)[0]
        if not policy(ipaddress.ip_address(host)):
            raise BlockedAddressError(f"{_BLOCKED_MARK} {host}")
        return socket.socket(family=family, type=type_, proto=proto)

    return factory


def build_session(
    *,
    user_agent: str,
    allow_private_networks: bool = False,
    limit: int = 100,
    policy: AddressPolicy | None = None,
    resolver: AbstractResolver | None = None,
    ssl_context: ssl.SSLContext | None = None,
    dns_cache_seconds: int | None = 300,
) -> aiohttp.ClientSession:
    """The one shared client session, built by an entrypoint inside its running event loop.

    ``allow_private_networks`` turns the address guard off (tests, demo, intranet sources);
    ``policy`` replaces the default "public addresses only" rule (tests use it to call one
    loopback address public and another private). ``resolver`` replaces aiohttp's (tests answer
    names with a stub; the guard does not trust it: it checks the address connected to).
    ``ssl_context`` replaces the system trust store (an intranet CA; tests trust their own CA);
    certificates are always verified. ``dns_cache_seconds`` None turns the DNS cache off.
    """
    factory = None
    if not allow_private_networks or policy is not None:
        factory = guarded_socket_factory(policy or is_public_address)
    connector = aiohttp.TCPConnector(
        limit=limit,
        limit_per_host=0,
        socket_factory=factory,
        resolver=resolver,
        ssl=ssl_context if ssl_context is not None else True,
        use_dns_cache=dns_cache_seconds is not None,
        ttl_dns_cache=dns_cache_seconds,
    )
    return aiohttp.ClientSession(
        connector=connector,
        headers={"User-Agent": user_agent},
        # Our own timeouts are set per request; the session default would add a 5-minute total.
        timeout=aiohttp.ClientTimeout(total=None),
        auto_decompress=True,
        cookie_jar=aiohttp.DummyCookieJar(),
    )


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds: TCP connect, gap between two reads, and the whole fetch including every redirect."""

    connect: float = 10.0
    read: float = 10.0
    deadline: float = 30.0


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The final response of one fetch (after redirects).

    ``headers`` has lower-cased names. ``permanent_redirect`` is the final URL when every hop of
    the chain was a 301 or 308 (the stored source URL may then be updated), else ``None``.
    """

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float
    permanent_redirect: str | None = None
    redirects: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def check_url(url: str | URL) -> URL:
    """The URL as yarl parses it (the object that is sent); FetchError(kind='invalid_url') otherwise."""
    if isinstance(url, URL):
        raw = str(url)
        _check_chars(raw)
        return _check_parts(url, raw)
    return _check_text(url)


@functools.lru_cache(maxsize=8192)
def _check_text(raw: str) -> URL:
    # A long-running service fetches the same source URLs every round, and parsing one costs more
    # than all the rest of a 304's bookkeeping. URL objects are immutable, so sharing them is safe;
    # a refused URL raises, and exceptions are not cached.
    _check_chars(raw)
    try:
        parsed = URL(raw)
    except (ValueError, TypeError) as e:
        raise FetchError(f"fetch: invalid URL {raw!r}: {e}", kind="invalid_url") from e
    return _check_parts(parsed, raw)


def _check_chars(raw: str) -> None:
    if _BAD_URL_CHAR.search(raw):
        raise FetchError(
            f"fetch: URL contains spaces, control characters or a backslash: {raw!r}", kind="invalid_url"
        )


def _check_parts(parsed: URL, raw: str) -> URL:
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"fetch: only http(s) URLs are fetched, got {raw!r}", kind="invalid_url")
    if not parsed.host:
        raise FetchError(f"fetch: URL has no host: {raw!r}", kind="invalid_url")
    if parsed.user is not None or parsed.password is not None:
        raise FetchError(f"fetch: URL carries a user name or password: {raw!r}", kind="invalid_url")
    return parsed


@dataclass(slots=True)
class _HostState:
    slots: asyncio.Semaphore
    spacing: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_start: float = float("-inf")


class HostLimiter:
    """At most ``per_host`` requests in flight per host, and ``min_delay`` seconds between two starts.

    Keyed on host and port, so the same server is never hammered by one process however many of
    its sources are due. Time is the event loop's monotonic clock.
    """

    def __init__(self, per_host: int = 2, min_delay: float = 0.5) -> None:
        self.per_host = per_host
        self.min_delay = min_delay
        self._hosts: dict[tuple[str, int | None], _HostState] = {}

    def slot(self, url: URL) -> _Slot:
        """``async with limiter.slot(url):`` holds one of the host's slots, started politely."""
        key = (url.host or "", url.port)
        state = self._hosts.get(key)
        if state is None:
            state = self._hosts[key] = _HostState(asyncio.Semaphore(self.per_host))
        return _Slot(state, self.min_delay)


class _Slot:
    """One request's hold on a host (a plain class: it runs once per fetch, twice per redirect)."""

    __slots__ = ("_min_delay", "_state")

    def __init__(self, state: _HostState, min_delay: float) -> None:
        self._state = state
        self._min_delay = min_delay

    async def __aenter__(self) -> None:
        state = self._state
        await state.slots.acquire()
        if self._min_delay <= 0:
            return
        try:
            loop = asyncio.get_running_loop()
            if not state.spacing.locked() and loop.time() >= state.last_start + self._min_delay:
                state.last_start = loop.time()  # no one waiting and the gap is over: no await needed
                return
            async with state.spacing:
                wait = state.last_start + self._min_delay - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                state.last_start = loop.time()
        except BaseException:
            state.slots.release()
            raise

    async def __aexit__(self, *exc: object) -> None:
        self._state.slots.release()


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds only here (the decider also reads HTTP dates)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _connect_error(url: URL, e: aiohttp.ClientConnectorError) -> FetchError:
    if _BLOCKED_MARK in str(e) or isinstance(e.os_error, BlockedAddressError):
        return FetchError(
            f"fetch: {url.host} resolves to a {_BLOCKED_MARK.split(' ', 1)[1]} ({url})",
            kind="blocked_address",
        )
    if isinstance(e, aiohttp.ClientConnectorDNSError):
        # Its own kind: a name that stops resolving is an operator's fix (typo, moved domain),
        # not the transient network failure 'connect' usually is.
        return FetchError(f"fetch: cannot resolve host {url.host} ({url}): {e}", kind="dns")
    if isinstance(e, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return FetchError(f"fetch: TLS error for {url}: {e}", kind="tls_error")
    return FetchError(f"fetch: cannot connect to {url}: {e}", kind="connect")


async def _read_capped(resp: aiohttp.ClientResponse, max_bytes: int, url: URL) -> bytes:
    """The decoded body, aborted as soon as more than ``max_bytes`` have been decoded."""
    declared = resp.content_length
    if declared is not None and declared > max_bytes:
        raise FetchError(
            f"fetch: response too large: {url} declares {declared} bytes (cap {max_bytes})", kind="too_large"
        )
    parts: list[bytes] = []
    size = 0
    async for chunk in resp.content.iter_any():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(
                f"fetch: response too large: {url} gave more than {max_bytes} bytes after decoding",
                kind="too_large",
            )
        parts.append(chunk)
    return b"".join(parts)


async def fetch(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = FEED_MAX_BYTES,
    accept: str = ACCEPT_FEED,
    timeouts: Timeouts = Timeouts(),
    limiter: HostLimiter | None = None,
    max_redirects: int = MAX_REDIRECTS,
) -> FetchResult:
    """GET ``url`` conditionally, following at most ``max_redirects`` redirects, each one checked.

    Returns the final response whatever its status (the polling stage decides what a 404 or 429
    means); raises FetchError with ``kind`` one of invalid_url, blocked_address, connect,
    tls_error, timeout, too_large, bad_encoding, redirect_loop, network.
    """
    start = time.perf_counter()
    current = check_url(url)
    headers = {"Accept": accept, "Accept-Encoding": "gzip, deflate, br"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    per_hop = aiohttp.ClientTimeout(total=None, sock_connect=timeouts.connect, sock_read=timeouts.read)
    permanent = True
    seen: set[str] = set()
    # The deadline counts time on the network only: waiting for a polite slot is not the server's fault.
    spent = 0.0
    for hop in range(max_redirects + 1):
        seen.add(str(current))
        slot = limiter.slot(current) if limiter else _no_slot()
        async with slot:
            t0 = time.perf_counter()
            status, resp_headers, body, location = await _one_request(
                session,
                current,
                headers,
                per_hop,
                max(timeouts.deadline - spent, 0.001),
                max_bytes,
                timeouts.deadline,
            )
            spent += time.perf_counter() - t0
        if status not in REDIRECT_STATUSES or location is None:
            return FetchResult(
                url=url,
                final_url=str(current),
                status=status,
                headers=resp_headers,
                body=body,
                elapsed=time.perf_counter() - start,
                permanent_redirect=str(current) if hop and permanent else None,
                redirects=hop,
            )
        permanent = permanent and status in PERMANENT_REDIRECTS
        try:
            target = current.join(URL(location))
        except ValueError as e:
            raise FetchError(
                f"fetch: bad redirect Location {location!r} from {current}", kind="invalid_url"
            ) from e
        target = check_url(target)
        if str(target) in seen:
            raise FetchError(f"fetch: redirect loop at {current} -> {target}", kind="redirect_loop")
        current = target
    raise FetchError(f"fetch: more than {max_redirects} redirects starting at {url}", kind="redirect_loop")


@asynccontextmanager
async def _no_slot() -> AsyncIterator[None]:
    yield


async def _one_request(
    session: aiohttp.ClientSession,
    url: URL,
    headers: Mapping[str, str],
    hop_timeouts: aiohttp.ClientTimeout,
    remaining: float,
    max_bytes: int,
    deadline: float,
) -> tuple[int, dict[str, str], bytes, str | None]:
    try:
        async with asyncio.timeout(remaining):
            async with session.get(url, headers=headers, allow_redirects=False, timeout=hop_timeouts) as resp:
                status = resp.status
                resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                location = resp.headers.get("Location") if status in REDIRECT_STATUSES else None
                if status in REDIRECT_STATUSES or status == 304:
                    body = b""
                elif 200 <= status < 300:
                    body = await _read_capped(resp, max_bytes, url)
                else:
                    body = await resp.content.read(ERROR_BODY_BYTES)
                return status, resp_headers, body, location
    except aiohttp.ServerTimeoutError as e:
        # Before TimeoutError: aiohttp's connect and read timeouts subclass it.
        raise FetchError(f"fetch: {url} timed out: {e}", kind="timeout") from e
    except TimeoutError as e:
        raise FetchError(f"fetch: {url} did not complete within {deadline:g} s", kind="timeout") from e
    except aiohttp.ClientConnectorError as e:
        raise _connect_error(url, e) from e
    except aiohttp.InvalidURL as e:
        # aiohttp refuses non-canonical IPv4 hosts (127.1, 2130706433): a bad URL, not a network fault.
        raise FetchError(f"fetch: invalid URL {url}: {e}", kind="invalid_url") from e
    except aiohttp.ClientPayloadError as e:
        raise FetchError(
            f"fetch: {url} sent a body that could not be decoded: {e}", kind="bad_encoding"
        ) from e
    except aiohttp.ClientResponseError as e:
        raise FetchError(f"fetch: {url} sent an invalid response: {e.message}", kind="protocol") from e
    except (aiohttp.ClientError, OSError) as e:
        raise FetchError(f"fetch: {url} failed: {e!r}", kind="network") from e


def retry_after(result: FetchResult) -> float | None:
    """The Retry-After delay in seconds, when given as delta-seconds."""
    return _retry_after_seconds(result.headers.get("retry-after"))


@dataclass(slots=True)
class _Robots:
    parser: Protego | None
    allow_all: bool
    expires: float


class Fetcher:
    """The shared session plus politeness state: per-host limits and a robots.txt cache.

    One per process, built by an entrypoint; the polling and extraction stages both use it.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        user_agent: str,
        limiter: HostLimiter | None = None,
        timeouts: Timeouts = Timeouts(),
        robots_ttl: float = 24 * 3600,
    ) -> None:
        self.session = session
        self.user_agent = user_agent
        self.limiter = limiter or HostLimiter()
        self.timeouts = timeouts
        self.robots_ttl = robots_ttl
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def fetch_feed(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """A feed: conditional GET with the 10 MiB decoded cap."""
        return await fetch(
            self.session,
            url,
            etag=etag,
            last_modified=last_modified,
            max_bytes=FEED_MAX_BYTES,
            accept=ACCEPT_FEED,
            timeouts=self.timeouts,
            limiter=self.limiter,
        )

    async def fetch_page(self, url: str, *, check_robots: bool = True) -> FetchResult:
        """An article page: robots.txt first (FetchError kind='robots' when disallowed), 5 MiB cap."""
        if check_robots and not await self.allowed_by_robots(url):
            raise FetchError(f"fetch: robots.txt disallows {url}", kind="robots")
        return await fetch(
            self.session,
            url,
            max_bytes=PAGE_MAX_BYTES,
            accept=ACCEPT_PAGE,
            timeouts=self.timeouts,
            limiter=self.limiter,
        )

    async def allowed_by_robots(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s origin lets our User-Agent fetch it (cached per origin).

        RFC 9309: a 4xx robots.txt means no rules; a 5xx or an unreachable one means "assume
        disallowed" until the next try.
        """
        target = check_url(url)
        origin = str(target.origin())
        loop = asyncio.get_running_loop()
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            cached = self._robots.get(origin)
            if cached is None or cached.expires < loop.time():
                cached = await self._load_robots(origin, loop.time())
                self._robots[origin] = cached
        if cached.parser is None:
            return cached.allow_all
        return bool(cached.parser.can_fetch(str(target), self.user_agent))

    async def _load_robots(self, origin: str, now: float) -> _Robots:
        try:
            res = await fetch(
                self.session,
                origin + "/robots.txt",
                max_bytes=ROBOTS_MAX_BYTES,
                accept="text/plain, */*",
                timeouts=self.timeouts,
                limiter=self.limiter,
            )
        except FetchError:
            return _Robots(None, allow_all=False, expires=now + 3600)
        if res.ok:
            text = res.body.decode("utf-8", errors="replace")
            return _Robots(Protego.parse(text), allow_all=True, expires=now + self.robots_ttl)
        if 400 <= res.status < 500:
            return _Robots(None, allow_all=True, expires=now + self.robots_ttl)
        return _Robots(None, allow_all=False, expires=now + 3600)

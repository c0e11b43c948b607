"""Rendered feeds kept in memory per (selection, format) and the change fingerprint they were built at.

The database is asked whether anything changed at most once per ``interval`` seconds per process
(one indexed round trip), so a busy feed costs a dictionary lookup and a 304 costs nothing more.
ETags are hashes of the bytes and the bytes depend only on the data, so replicas agree on them.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from service.store import feeds as feed_store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A response body ready to send, with its validators."""

    body: bytes
    media_type: str
    etag: str
    last_modified: str
    modified_at: datetime


def rendered(body: bytes, media_type: str, modified_at: datetime) -> Rendered:
    """Wrap ``body`` with a strong ETag (hash of the bytes) and an HTTP-date Last-Modified."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Rendered(body, media_type, etag, format_datetime(modified_at, usegmt=True), modified_at)


def not_modified(headers: Mapping[str, str], item: Rendered) -> bool:
    """Whether a conditional request may get a 304 (RFC 9110 13.1.2-13.1.3 and 13.2.2).

    If-None-Match wins when present; If-Modified-Since is only consulted without it.
    """
    inm = headers.get("if-none-match")
    if inm is not None:
        if inm.strip() == "*":
            return True
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return item.etag in tags
    ims = headers.get("if-modified-since")
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            return False
        return int(item.modified_at.timestamp()) <= int(since.timestamp())
    return False


class FeedCache:
    """Rendered bodies per key, rebuilt when the store's fingerprint moves on."""

    def __init__(
        self,
        engine: Engine,
        *,
        interval: float = 1.0,
        max_entries: int = 256,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self._interval = interval
        self._max = max_entries
        self._clock = clock
        self._fp: feed_store.Fingerprint | None = None
        self._checked = float("-inf")
        self._check_lock = asyncio.Lock()
        self._build_lock = asyncio.Lock()
        self._entries: OrderedDict[Hashable, tuple[str, Rendered]] = OrderedDict()
        self.hits = 0
        self.builds = 0
        self.stale_served = 0
        self.on_change: list[Callable[[feed_store.Fingerprint], None]] = []

    def _read(self) -> feed_store.Fingerprint:
        with self._engine.connect() as conn:
            return feed_store.fingerprint(conn)

    async def fingerprint(self) -> feed_store.Fingerprint:
        """The store's fingerprint, read again when the last reading is older than ``interval``."""
        fp = self._fp
        if fp is not None and self._clock() - self._checked < self._interval:
            return fp
        async with self._check_lock:
            if self._fp is not None and self._clock() - self._checked < self._interval:
                return self._fp
            new = await run_in_threadpool(self._read)
            changed = self._fp is not None and new.token != self._fp.token
            self._fp, self._checked = new, self._clock()
        if changed:
            for callback in self.on_change:
                callback(new)
        return new

    def fresh(self, key: Hashable) -> Rendered | None:
        """The cached body for ``key`` when it is current and the fingerprint needs no re-check
        (no await, no database: the fast path for public feeds)."""
        fp = self._fp
        if fp is None or self._clock() - self._checked >= self._interval:
            return None
        hit = self._entries.get(key)
        if hit is None or hit[0] != fp.token:
            return None
        self.hits += 1
        return hit[1]

    async def get(self, key: Hashable, build: Callable[[feed_store.Fingerprint], Rendered]) -> Rendered:
        """The cached body for ``key``, built by ``build`` (in a worker thread) when out of date.

        When the database cannot be read, the last body built is served rather than an error.
        """
        try:
            fp = await self.fingerprint()
        except SQLAlchemyError:
            hit = self._entries.get(key)
            if hit is None:
                raise
            log.warning("feeds: database unavailable, serving the cached %r", key)
            self.stale_served += 1
            return hit[1]
        hit = self._entries.get(key)
        if hit is not None and hit[0] == fp.token:
            self.hits += 1
            return hit[1]
        async with self._build_lock:
            hit = self._entries.get(key)
            if hit is not None and hit[0] == fp.token:
                self.hits += 1
                return hit[1]
            value = await run_in_threadpool(build, fp)
            self.builds += 1
            self._entries[key] = (fp.token, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return value

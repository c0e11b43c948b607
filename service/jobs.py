"""Scheduled job bodies. Each derives its work from the database, so it is idempotent and safe to run
on several replicas: a missed, doubled or concurrent tick changes nothing.

``poll_due`` is "poll what is due": claim due sources with leases, fetch them with bounded
concurrency, parse off the event loop, store, record each source's health and next check.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import aiohttp
from sqlalchemy import Connection, Engine, insert
from sqlalchemy.exc import SQLAlchemyError

from digests.instant import seal_alerts, send_webhooks
from digests.mailer import Mailer
from digests.send import SendReport
from digests.send import send_due_digests as _send_due_digests
from scrapers.fetch import Fetcher, FetchResult, HostLimiter
from scrapers.parse import parse_feed
from service.config import Settings
from service.errors import FetchError, ParseError, TherapywatchError
from service.fulltext import add_full_text, scrape_listing
from service.ingest import (
    Classifier,
    FeedEntries,
    IngestResult,
    PreparedEntries,
    default_classifier,
    ingest_many,
    prepare_entries,
)
from service.models import ParsedFeed, Source
from service.polling import (
    DEFAULT_POLICY,
    FetchVerdict,
    PollPolicy,
    failure_updates,
    judge_fetch,
    redirect_updates,
    success_updates,
)
from service.store import sources as source_store
from service.store.schema import fetch_log

# Longer than a fetch can take (30 s deadline per fetch, plus queueing behind the per-host limit):
# a worker that dies holding a lease delays its sources by this much, never more.
LEASE_SECONDS = 600.0
RELEASE = {"lease_owner": None, "lease_until": None}
# Write batches are measured in rows: a parsed feed counts its entries, a 304 or an error one.
# A batch waits for MIN_WRITE_ROWS (about 50 new feeds, or 500 unchanged ones: a round of 304s
# costs few transactions) and holds at most MAX_WRITE_ROWS, since a transaction holds SQLite's
# write lock for its whole length.
MIN_WRITE_ROWS = 500
MAX_WRITE_ROWS = 2000
CLAIM_CHUNK = 250
# The first claim is small, so the first requests go out after a short claim, not a long one.
FIRST_CLAIM = 50


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """How one source's poll ended."""

    source: str
    status: str
    new_items: int = 0
    error: str | None = None
    http_status: int | None = None


@dataclass(slots=True)
class PollReport:
    """What one ``poll_due`` pass did."""

    claimed: int = 0
    fetched: int = 0
    not_modified: int = 0
    new_items: int = 0
    errors: int = 0
    outcomes: list[SourceOutcome] = field(default_factory=list)

    def add(self, o: SourceOutcome) -> None:
        self.outcomes.append(o)
        self.new_items += o.new_items
        if o.error:
            self.errors += 1
        elif o.status in ("not_modified", "unchanged"):
            self.not_modified += 1
        else:
            self.fetched += 1


@dataclass(slots=True)
class _Done:
    """A source whose fetch (and parse, if any) is over, waiting to be written."""

    source: Source
    verdict: FetchVerdict
    redirect: dict[str, Any]
    parsed: ParsedFeed | None = None
    classifier: Classifier | None = None
    prepared: PreparedEntries | None = None
    error: str | None = None
    started: datetime | None = None
    duration_ms: int = 0
    size: int | None = None


def build_fetcher(session: aiohttp.ClientSession, settings: Settings) -> Fetcher:
    """The fetcher the settings ask for: User-Agent and per-host politeness."""
    limiter = HostLimiter(per_host=settings.fetch_per_host, min_delay=settings.fetch_host_delay_ms / 1000)
    return Fetcher(session, user_agent=settings.user_agent, limiter=limiter)


def _parse(body: bytes, headers: dict[str, str]) -> ParsedFeed:
    """Top-level (picklable) so a process pool can run it."""
    return parse_feed(body, headers)


def _parse_and_prepare(
    body: bytes, headers: dict[str, str], identity_mode: str, now: datetime
) -> tuple[ParsedFeed, PreparedEntries]:
    """Parse, classify and compute every database-free part of ingest (identity keys, item rows,
    grouping signatures) in the worker, so the writer only talks to the database."""
    parsed = parse_feed(body, headers)
    return parsed, prepare_entries(parsed.items, identity_mode, now)


async def poll_due(
    engine: Engine,
    session: aiohttp.ClientSession | Fetcher,
    settings: Settings,
    now: datetime,
    *,
    worker_id: str,
    limit: int = 1000,
    source_ids: Sequence[int] | None = None,
    executor: Executor | None = None,
    rng: random.Random | None = None,
    policy: PollPolicy = DEFAULT_POLICY,
    classifier: Classifier = default_classifier,
    on_claimed: Callable[[int], None] | None = None,
    on_done: Callable[[SourceOutcome], None] | None = None,
) -> PollReport:
    """Poll the sources due at ``now`` (or exactly ``source_ids``), at most ``limit`` of them.

    ``session`` is the shared client session (or a ready Fetcher, which keeps per-host timing
    across passes). ``executor`` runs parsing (a process pool uses both cores); None means the
    loop's default thread pool. Database work runs in threads; the event loop only does I/O.
    """
    fetcher = session if isinstance(session, Fetcher) else build_fetcher(session, settings)
    rng = rng or random.Random()
    loop = asyncio.get_running_loop()
    report = PollReport()
    queue: asyncio.Queue[_Done | None] = asyncio.Queue()
    gate = asyncio.Semaphore(max(settings.fetch_concurrency, 1))

    async def one(source: Source) -> None:
        async with gate:
            t0 = time.perf_counter()
            outcome: FetchResult | FetchError
            try:
                if source.kind == "listing":
                    outcome = await fetcher.fetch_page(source.url)
                else:
                    outcome = await fetcher.fetch_feed(
                        source.url, etag=source.etag, last_modified=source.last_modified
                    )
            except FetchError as e:
                outcome = e
            except Exception as e:  # a bug or an unforeseen client error costs one source, not the round
                outcome = FetchError(f"fetch: {source.url} failed: {type(e).__name__}: {e}", kind="internal")
            verdict = judge_fetch(source, outcome, now, rng, policy)
            done = _Done(
                source,
                verdict,
                redirect_updates(source, outcome),
                started=now,
                size=len(outcome.body) if isinstance(outcome, FetchResult) else None,
            )
        if verdict.parse and source.kind == "listing" and isinstance(outcome, FetchResult):
            try:
                done.parsed = await scrape_listing(engine, fetcher, source, outcome, executor=executor)
            except TherapywatchError as e:
                done.error = str(e)
        elif verdict.parse:
            headers = dict(verdict.headers or {})
            if isinstance(outcome, FetchResult):
                headers.setdefault("content-location", outcome.final_url)
            try:
                if classifier is default_classifier:
                    done.parsed, done.prepared = await loop.run_in_executor(
                        executor, _parse_and_prepare, verdict.body, headers, source.identity_mode, now
                    )
                else:
                    done.parsed = await loop.run_in_executor(executor, _parse, verdict.body, headers)
            except ParseError as e:
                done.error = str(e)
            except Exception as e:  # a crashed pool worker must not lose the others' results
                done.error = f"parse: {type(e).__name__}: {e}"
            if done.parsed is not None and source.full_text:
                items = await add_full_text(engine, fetcher, source, done.parsed.items, executor=executor)
                done.parsed = replace(done.parsed, items=items)
                done.prepared = None  # made for the feed's entries, not the full-text ones
        done.duration_ms = int((time.perf_counter() - t0) * 1000)
        await queue.put(done)

    async def writer() -> None:
        # Everything finished since the last write goes in one batch: one thread hop and (for
        # 304s and errors) one transaction. Tiny batches wait for company unless the round is over,
        # since a thread writing while fetches are in flight contends with the loop for the GIL.
        pending: deque[_Done] = deque()
        rows = 0
        over = False
        while not over:
            item = await queue.get()
            while True:
                if item is None:
                    over = True
                else:
                    pending.append(item)
                    rows += _rows(item)
                if queue.empty():
                    break
                item = queue.get_nowait()
            while pending and (over or rows >= MIN_WRITE_ROWS):
                batch = [pending.popleft()]
                size = _rows(batch[0])
                while pending and size + _rows(pending[0]) <= MAX_WRITE_ROWS:
                    batch.append(pending.popleft())
                    size += _rows(batch[-1])
                rows -= size
                outcomes = await asyncio.to_thread(
                    _write, engine, batch, now, worker_id, rng, policy, classifier
                )
                for o in outcomes:
                    report.add(o)
                    if on_done:
                        on_done(o)

    writing = asyncio.create_task(writer())
    tasks: list[asyncio.Task[None]] = []
    try:
        # Claim in chunks and start fetching each chunk at once: the first requests go out while
        # the next claim runs, and a big round never waits for one long claim.
        while report.claimed < limit:
            want = min(CLAIM_CHUNK if report.claimed else FIRST_CLAIM, limit - report.claimed)
            chunk = await asyncio.to_thread(_claim, engine, now, worker_id, want, source_ids)
            report.claimed += len(chunk)
            if on_claimed:
                on_claimed(report.claimed)
            tasks.extend(asyncio.create_task(one(s)) for s in chunk)
            if len(chunk) < want:
                break
        await asyncio.gather(*tasks)
    finally:
        for t in tasks:
            t.cancel()
        await queue.put(None)
        await writing
    return report


def _rows(d: _Done) -> int:
    """What a finished poll adds to a write batch: its entries, or one row for its source."""
    return 1 + (len(d.parsed.items) if d.parsed is not None else 0)


def _claim(
    engine: Engine, now: datetime, worker_id: str, limit: int, ids: Sequence[int] | None
) -> list[Source]:
    with engine.begin() as conn:
        return source_store.claim_due(conn, now, worker_id, limit=limit, lease_seconds=LEASE_SECONDS, ids=ids)


def _log_row(d: _Done, outcome: SourceOutcome, seen: int) -> dict[str, Any]:
    return {
        "source_id": d.source.id,
        "source_name": d.source.name,
        "started_at": d.started,
        "duration_ms": d.duration_ms,
        "outcome": outcome.status[:40],
        "http_status": outcome.http_status,
        "bytes": d.size,
        "new_items": outcome.new_items,
        "seen_items": seen,
        "error": outcome.error,
    }


def _write(
    engine: Engine,
    batch: list[_Done],
    now: datetime,
    worker_id: str,
    rng: random.Random,
    policy: PollPolicy,
    classifier: Classifier,
) -> list[SourceOutcome]:
    """Store a batch of finished polls in one transaction: every parsed feed's items, every
    source's health and the fetch log (one statement per kind of row, not per source).

    Should the batch fail (a feed the database refuses, a race lost to another replica), it is
    rolled back and written again one parsed feed per transaction, so a bad feed loses only itself.
    """
    try:
        with engine.begin() as conn:
            return _store_batch(conn, batch, now, rng, policy, classifier)
    except (TherapywatchError, SQLAlchemyError):
        pass
    outcomes: list[SourceOutcome] = []
    rest: list[_Done] = []
    for d in batch:
        if d.parsed is None or d.error is not None:
            rest.append(d)
            continue
        try:
            with engine.begin() as conn:
                outcomes.extend(_store_batch(conn, [d], now, rng, policy, classifier))
        except (TherapywatchError, SQLAlchemyError) as e:
            d.error = f"store: {type(e).__name__}: {e}"[:2000]
            rest.append(d)
    if rest:
        with engine.begin() as conn:
            outcomes.extend(_store_batch(conn, rest, now, rng, policy, classifier))
    return outcomes


def _moved_url(d: _Done, taken: set[str]) -> dict[str, Any]:
    """The redirect bookkeeping, minus a URL move onto a URL another source already has (or takes
    in this batch: ``taken`` grows with each move)."""
    redirect = dict(d.redirect)
    target = redirect.get("url")
    if target and target in taken:
        redirect.pop("url")
        redirect.update(redirect_url=target, redirect_count=d.source.redirect_count)
    elif target:
        taken.add(target)
    return redirect


def _store_batch(
    conn: Connection,
    batch: list[_Done],
    now: datetime,
    rng: random.Random,
    policy: PollPolicy,
    classifier: Classifier,
) -> list[SourceOutcome]:
    """Ingest each parsed feed of ``batch`` (in order: a later feed sees an earlier one's items),
    then write every source's row and fetch-log entry in bulk, all within ``conn``."""
    to_store = [i for i, d in enumerate(batch) if d.parsed is not None and d.error is None]
    feeds = [
        FeedEntries(d.source, d.parsed.items, d.classifier or classifier, d.prepared)
        for d in (batch[i] for i in to_store)
        if d.parsed is not None
    ]
    ingested: dict[int, IngestResult] = dict(zip(to_store, ingest_many(conn, feeds, now), strict=True))
    good = [d.source.id for d in batch if d.error is None and not d.verdict.updates]
    weekly = source_store.weekly_item_counts(conn, good, now)
    taken = source_store.urls_taken(conn, [d.redirect["url"] for d in batch if d.redirect.get("url")])
    updates: dict[int, dict[str, Any]] = {}
    outcomes: list[SourceOutcome] = []
    logs: list[dict[str, Any]] = []
    for i, d in enumerate(batch):
        result = ingested.get(i)
        if d.error is not None:
            kind = "not_a_feed" if "not a feed" in d.error else d.error.split(":", 1)[0]
            values = failure_updates(d.source, now, rng, d.error, status=kind, policy=policy)
            outcome = SourceOutcome(d.source.name, kind, error=d.error, http_status=d.verdict.http_status)
        elif d.verdict.updates:
            values = dict(d.verdict.updates)
            outcome = SourceOutcome(
                d.source.name,
                d.verdict.status,
                error=values.get("last_error"),
                http_status=d.verdict.http_status,
            )
        else:
            values = success_updates(
                d.source,
                d.verdict,
                now,
                weekly_count=weekly.get(d.source.id, 0),
                ttl_seconds=d.parsed.ttl_seconds if result is not None and d.parsed else None,
                redirect=_moved_url(d, taken),
                policy=policy,
            )
            if result is not None and d.parsed is not None and d.parsed.warning:
                values["last_error"] = f"warning: {d.parsed.warning}"
            outcome = SourceOutcome(
                d.source.name,
                "ok" if result is not None else d.verdict.status,
                new_items=result.new_items if result is not None else 0,
                http_status=d.verdict.http_status,
            )
        updates[d.source.id] = values | RELEASE
        outcomes.append(outcome)
        logs.append(_log_row(d, outcome, result.entries if result is not None else 0))
    source_store.apply_updates(conn, updates)
    conn.execute(insert(fetch_log), logs)
    return outcomes


# --- Digests (issue 7) ---------------------------------------------------------------------------


async def send_due_digests(engine: Engine, mailer: Mailer, settings: Settings, now: datetime) -> SendReport:
    """Seal every digest and instant alert due at ``now``, send every due outbox row (see
    ``digests.send``), then the due webhook notifications (``digests.instant``): a failing
    webhook never holds up email, and email never holds up webhooks."""
    report = await _send_due_digests(engine, mailer, settings, now, sealers=(seal_alerts,))
    hooks = await send_webhooks(engine, now)
    report.errors.extend(hooks.errors)
    return report

"""Scheduled job bodies. Each derives its work from the database, so it is idempotent and safe to run
on several replicas: a missed, doubled or concurrent tick changes nothing.

``poll_due`` is "poll what is due": claim due sources with leases, fetch them with bounded
concurrency, parse off the event loop, store, record each source's health and next check.
"""

from __future__ import annotations

import asyncio
import random
import time
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
from service.ingest import Classifier, default_classifier, ingest_parsed
from service.models import Classification, ParsedFeed, ScrapedItem, Source
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
MIN_WRITE_BATCH = 50
CLAIM_CHUNK = 250


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


def _parse_and_classify(
    body: bytes, headers: dict[str, str]
) -> tuple[ParsedFeed, tuple[Classification, ...]]:
    """Parse and classify every entry in the worker: both are CPU work that would otherwise hold the
    GIL in the writer thread. Entries that turn out to be duplicates are classified for nothing,
    which costs a worker's time, not the event loop's."""
    parsed = parse_feed(body, headers)
    return parsed, tuple(default_classifier(item) for item in parsed.items)


def _lookup_classifier(parsed: ParsedFeed, labels: Sequence[Classification]) -> Classifier:
    """A classifier answering from labels computed in the worker, by entry identity."""
    table = {id(item): label for item, label in zip(parsed.items, labels, strict=True)}

    def classify(item: ScrapedItem) -> Classification:
        label = table.get(id(item))
        return label if label is not None else default_classifier(item)

    return classify


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
                    parsed, labels = await loop.run_in_executor(
                        executor, _parse_and_classify, verdict.body, headers
                    )
                    done.parsed, done.classifier = parsed, _lookup_classifier(parsed, labels)
                else:
                    done.parsed = await loop.run_in_executor(executor, _parse, verdict.body, headers)
            except ParseError as e:
                done.error = str(e)
            except Exception as e:  # a crashed pool worker must not lose the others' results
                done.error = f"parse: {type(e).__name__}: {e}"
            if done.parsed is not None and source.full_text:
                items = await add_full_text(engine, fetcher, source, done.parsed.items, executor=executor)
                done.parsed = replace(done.parsed, items=items)
        done.duration_ms = int((time.perf_counter() - t0) * 1000)
        await queue.put(done)

    async def writer() -> None:
        # Everything finished since the last write goes in one batch: one thread hop and (for
        # 304s and errors) one transaction. Tiny batches wait for company unless the round is over,
        # since a thread writing while fetches are in flight contends with the loop for the GIL.
        pending: list[_Done] = []
        over = False
        while not over:
            item = await queue.get()
            while True:
                if item is None:
                    over = True
                else:
                    pending.append(item)
                if queue.empty():
                    break
                item = queue.get_nowait()
            if pending and (over or len(pending) >= MIN_WRITE_BATCH):
                batch, pending = pending, []
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
            want = min(CLAIM_CHUNK, limit - report.claimed)
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
    """Store a batch of finished polls: each parsed feed in its own transaction (a bad one loses
    only itself), everything else (304s, unchanged bodies, fetch errors) in one transaction."""
    outcomes: list[SourceOutcome] = []
    rest: list[_Done] = []
    for d in batch:
        if d.parsed is None:
            rest.append(d)
            continue
        try:
            with engine.begin() as conn:
                outcomes.append(_store_parsed(conn, d, now, worker_id, classifier, policy))
        except (TherapywatchError, SQLAlchemyError) as e:
            d.error = f"store: {type(e).__name__}: {e}"[:2000]
            rest.append(d)
    if rest:
        with engine.begin() as conn:
            outcomes.extend(_store_rest(conn, rest, now, worker_id, rng, policy))
    return outcomes


def _moved_url(conn: Connection, d: _Done) -> dict[str, Any]:
    """The redirect bookkeeping, minus a URL move onto a URL another source already has."""
    redirect = dict(d.redirect)
    target = redirect.get("url")
    if target and source_store.urls_taken(conn, [target]):
        redirect.pop("url")
        redirect.update(redirect_url=target, redirect_count=d.source.redirect_count)
    return redirect


def _store_parsed(
    conn: Connection, d: _Done, now: datetime, worker_id: str, classifier: Classifier, policy: PollPolicy
) -> SourceOutcome:
    assert d.parsed is not None
    result = ingest_parsed(conn, d.source, d.parsed.items, now, d.classifier or classifier)
    weekly = source_store.weekly_item_counts(conn, [d.source.id], now).get(d.source.id, 0)
    updates = success_updates(
        d.source,
        d.verdict,
        now,
        weekly_count=weekly,
        ttl_seconds=d.parsed.ttl_seconds,
        redirect=_moved_url(conn, d),
        policy=policy,
    )
    if d.parsed.warning:
        updates["last_error"] = f"warning: {d.parsed.warning}"
    source_store.apply_updates(conn, {d.source.id: updates | RELEASE})
    outcome = SourceOutcome(
        d.source.name, "ok", new_items=result.new_items, http_status=d.verdict.http_status
    )
    conn.execute(insert(fetch_log), [_log_row(d, outcome, result.entries)])
    return outcome


def _store_rest(
    conn: Connection,
    batch: list[_Done],
    now: datetime,
    worker_id: str,
    rng: random.Random,
    policy: PollPolicy,
) -> list[SourceOutcome]:
    good = [d.source.id for d in batch if d.error is None and not d.verdict.updates]
    weekly = source_store.weekly_item_counts(conn, good, now)
    updates: dict[int, dict[str, Any]] = {}
    outcomes: list[SourceOutcome] = []
    for d in batch:
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
                redirect=_moved_url(conn, d),
                policy=policy,
            )
            outcome = SourceOutcome(d.source.name, d.verdict.status, http_status=d.verdict.http_status)
        updates[d.source.id] = values | RELEASE
        outcomes.append(outcome)
    source_store.apply_updates(conn, updates)
    conn.execute(insert(fetch_log), [_log_row(d, o, 0) for d, o in zip(batch, outcomes, strict=True)])
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

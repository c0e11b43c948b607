"""The recipe for one source: scrape -> dedup -> classify -> store -> record outcome.

``ingest_parsed`` stores one source's parsed entries in one transaction: either every new item,
key and sighting of the batch is written, or none is, and the failure is recorded on the source.
"""

from __future__ import annotations

import gzip
import io
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert

from scrapers.parse import parse_feed
from service import dedup, therapies
from service.errors import ParseError, TherapywatchError
from service.grouping import GroupPrep, GroupResult, NewItem, decide_groups, group_new_items, prepare_group
from service.models import Classification, ScrapedItem, Source
from service.store import items as item_store
from service.store import sources as source_store
from service.store.schema import fetch_log

Classifier = Callable[[ScrapedItem], Classification]

# A date more than a day ahead, or before the web had feeds, is a feed's mistake: use first-seen.
FUTURE_SLACK = timedelta(days=1)
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
MAX_FILE_BYTES = 50 * 1024 * 1024


def default_classifier(item: ScrapedItem) -> Classification:
    return therapies.classify(item.title, item.content or item.summary, summary=item.summary)


@dataclass(slots=True)
class IngestResult:
    """What one batch did. ``error`` is set when nothing was stored because of it."""

    source: str
    entries: int = 0
    new_items: int = 0
    duplicates: int = 0
    skipped: int = 0
    new_item_ids: list[int] = field(default_factory=list)
    near_copies: int = 0
    clustered: int = 0
    error: str | None = None
    warning: str | None = None


def clamp_published(published: datetime | None, now: datetime) -> datetime:
    """The publication date to store: the feed's, unless missing, impossible or in the future."""
    if published is None or published > now + FUTURE_SLACK or published < EARLIEST:
        return now
    return published


def _row(item: ScrapedItem, key: str, c: Classification, now: datetime) -> dict[str, Any]:
    return {
        "identity_key": key,
        "title": item.title,
        "url": item.url,
        "canonical_url": dedup.canonical_url(item.url) if item.url else None,
        "summary": item.summary,
        "content": item.content,
        "content_html": item.content_html,
        "author": item.author,
        "language": item.language,
        "fulltext_status": item.fulltext_status,
        "fulltext_error": item.fulltext_error,
        "content_hash": dedup.content_hash(item.title, item.content or item.summary),
        "published_at": clamp_published(item.published, now),
        "first_seen_at": now,
        "updated_at": now,
        "primary_therapy": c.primary,
        "discussed": list(c.discussed),
        "conditions": list(c.conditions),
        "therapies": [
            {
                "slug": t.slug,
                "score": round(t.score, 4),
                "evidence": [
                    {"field": e.field, "start": e.start, "end": e.end, "text": e.text} for e in t.evidence
                ],
            }
            for t in c.therapies
        ],
        "lexicon_version": c.lexicon_version,
    }


def _new_item(item_id: int, row: dict[str, Any]) -> NewItem:
    evidence = tuple(e["text"] for t in row["therapies"] for e in t["evidence"])
    return NewItem(
        id=item_id, title=row["title"], body=row["content"] or row["summary"], url=row["url"],
        published=row["published_at"], conditions=tuple(row["conditions"]), evidence=evidence,
    )  # fmt: skip


def _usable_keys(item: ScrapedItem, mode: str, repeated_urls: set[str]) -> list[str]:
    keys = dedup.item_keys(item, mode)
    if item.url and dedup.url_key(item.url) in repeated_urls:
        # Several entries of this feed share one URL (a home page link): the URL names none of them.
        keys = [k for k in keys if not k.startswith("u:")]
    # A content hash only identifies an item stored under it; as a secondary key it would merge
    # distinct entries that share a title and an empty body.
    return [k for i, k in enumerate(keys) if i == 0 or not k.startswith("h:")]


@dataclass(frozen=True, slots=True)
class PreparedEntries:
    """Everything about one feed's entries that needs no database, computed where CPU is cheap (a
    worker process): identity keys, the item rows with their labels, the grouping signatures.

    Valid for the ``identity_mode`` and ``now`` it was made with; ``ingest_parsed`` recomputes
    when they differ.
    """

    identity_mode: str
    now: datetime
    mode: str
    keys: tuple[list[str], ...]
    rows: tuple[dict[str, Any], ...]
    group: tuple[GroupPrep, ...]


@dataclass(slots=True)
class PendingGroups:
    """New items of several feeds waiting to be grouped together, in the order they were stored."""

    items: list[NewItem] = field(default_factory=list)
    prepared: list[GroupPrep] | None = field(default_factory=list)

    def add(self, items: Sequence[NewItem], prepared: Sequence[GroupPrep] | None) -> None:
        self.items.extend(items)
        if prepared is None or self.prepared is None:
            self.prepared = None
        else:
            self.prepared.extend(prepared)

    def flush(self, conn: Connection, now: datetime) -> GroupResult:
        """Group everything added so far (within the transaction that stored it)."""
        result = group_new_items(conn, self.items, now, prepared=self.prepared)
        self.items, self.prepared = [], []
        return result


def prepare_entries(
    entries: Sequence[ScrapedItem],
    identity_mode: str,
    now: datetime,
    classifier: Classifier = default_classifier,
) -> PreparedEntries:
    """The database-free part of ``ingest_parsed`` for every entry (duplicates included: a worker's
    time is cheaper than a round trip to find out which ones are new)."""
    mode = dedup.choose_identity_mode(entries, identity_mode)
    url_counts = Counter(dedup.url_key(e.url) for e in entries if e.url)
    repeated = {u for u, n in url_counts.items() if n > 1}
    keys = tuple(_usable_keys(e, mode, repeated) for e in entries)
    rows = tuple(_row(e, ks[0], classifier(e), now) for e, ks in zip(entries, keys, strict=True))
    group = prepare_group([_new_item(0, r) for r in rows])
    return PreparedEntries(identity_mode, now, mode, keys, rows, tuple(group))


@dataclass(frozen=True, slots=True)
class FeedEntries:
    """One feed's parsed entries, to be stored by ``ingest_many``."""

    source: Source
    entries: Sequence[ScrapedItem]
    classifier: Classifier = default_classifier
    prepared: PreparedEntries | None = None


def ingest_parsed(
    conn: Connection,
    source: Source,
    entries: Sequence[ScrapedItem],
    now: datetime,
    classifier: Classifier = default_classifier,
    prepared: PreparedEntries | None = None,
) -> IngestResult:
    """Store ``entries`` of ``source`` within the caller's transaction ``conn``.

    ``prepared`` (from ``prepare_entries`` on the same entries) skips the CPU work done there.
    """
    return ingest_many(conn, [FeedEntries(source, entries, classifier, prepared)], now)[0]


def _plan_keys(feed: FeedEntries, now: datetime) -> tuple[str, list[tuple[ScrapedItem, list[str]]], bool]:
    """The identity mode and each entry's keys; whether ``feed.prepared`` may be used for the rest."""
    p = feed.prepared
    if (
        p is not None
        and p.identity_mode == feed.source.identity_mode
        and p.now == now
        and len(p.rows) == len(feed.entries)
    ):
        return p.mode, list(zip(feed.entries, p.keys, strict=True)), True
    mode = dedup.choose_identity_mode(feed.entries, feed.source.identity_mode)
    url_counts = Counter(dedup.url_key(e.url) for e in feed.entries if e.url)
    repeated = {u for u, n in url_counts.items() if n > 1}
    return mode, [(e, _usable_keys(e, mode, repeated)) for e in feed.entries], False


def ingest_many(
    conn: Connection,
    feeds: Sequence[FeedEntries],
    now: datetime,
    grouping: PendingGroups | None = None,
) -> list[IngestResult]:
    """Store the entries of several feeds within the caller's transaction ``conn``, as if each
    feed were stored after the one before it, with one statement per kind of row for them all.

    A feed sees the items and keys of the feeds before it (an entry that an earlier feed of the
    batch brought is a duplicate, with a sighting), never its own new keys before it is done,
    exactly as feed-by-feed storing would. ``grouping`` defers near-copy and story grouping of
    the new items to ``grouping.flush``; without it they are grouped here, after every feed.
    """
    plans = [_plan_keys(f, now) for f in feeds]
    every_key = [k for _, keyed, _ in plans for _, ks in keyed for k in ks]
    dead = item_store.tombstoned(conn, every_key)
    # Key -> item: a stored id (> 0), or -(n + 1) for the n-th new row of this batch.
    known: dict[str, int] = dict(item_store.lookup_keys(conn, every_key))
    rows: list[dict[str, Any]] = []
    preps: list[GroupPrep] | None = []
    key_rows: list[tuple[str, int]] = []
    sighting_refs: list[tuple[int, int, ScrapedItem]] = []  # (feed, item ref, entry)
    results: list[IngestResult] = []
    new_refs: list[list[int]] = []
    for f, (feed, (mode, keyed, use_prepared)) in enumerate(zip(feeds, plans, strict=True)):
        result = IngestResult(source=feed.source.name, entries=len(feed.entries))
        new_index: dict[str, int] = {}
        new_entries: list[tuple[int, ScrapedItem]] = []
        existing: list[tuple[int, ScrapedItem]] = []
        extra_keys: list[tuple[str, int]] = []
        guid_misses = 0
        for pos, (entry, keys) in enumerate(keyed):
            if any(k in dead for k in keys):
                result.skipped += 1
                continue
            hit = next((known[k] for k in keys if k in known), None)
            if hit is not None:
                result.duplicates += 1
                existing.append((hit, entry))
                extra_keys.extend((k, hit) for k in keys if k not in known)
                if keys[0].startswith("g:") and keys[0] not in known:
                    guid_misses += 1
                continue
            if any(k in new_index for k in keys):
                result.duplicates += 1
                continue
            ref = -(len(rows) + 1)
            for k in keys:
                new_index[k] = ref
            new_entries.append((ref, entry))
            if use_prepared:
                assert feed.prepared is not None
                rows.append(feed.prepared.rows[pos])
                if preps is not None:
                    preps.append(feed.prepared.group[pos])
            else:
                rows.append(_row(entry, keys[0], feed.classifier(entry), now))
                preps = None
        # What this feed's transaction would have written, first writer wins (INSERT ... DO NOTHING):
        # the next feed sees it, this one did not.
        for k, ref in [*new_index.items(), *extra_keys]:
            if k not in known:
                known[k] = ref
                key_rows.append((k, ref))
        sighting_refs.extend((f, ref, e) for ref, e in new_entries)
        sighting_refs.extend((f, hit, e) for hit, e in existing)
        results.append(result)
        new_refs.append([ref for ref, _ in new_entries])
        mode = dedup.changed_guid_mode(guid_misses, len(feed.entries), mode)
        if mode != feed.source.identity_mode:
            source_store.update_source(conn, feed.source.id, identity_mode=mode)

    if grouping is None:
        # Group first, then insert each row with its story and merge facts in place.
        ids = item_store.allocate_item_ids(conn, len(rows))
        new_items = [_new_item(i, r) for i, r in zip(ids, rows, strict=True)]
        grouped, merges = decide_groups(conn, new_items, now, prepared=preps)
        item_store.insert_merged_items(
            conn,
            [
                {**r, "id": i, "story_id": m[0], "duplicate_of": m[1], "merged_with": m[2],
                 "merge_method": m[3], "merge_score": m[4], "signature_json": m[5]}
                for r, i, m in zip(rows, ids, merges, strict=True)
            ],
        )  # fmt: skip
        if len(results) == 1:
            results[0].near_copies, results[0].clustered = grouped.duplicates, grouped.clustered
    else:
        ids = item_store.insert_items(conn, rows)
        grouping.add([_new_item(i, r) for i, r in zip(ids, rows, strict=True)], preps)

    def resolve(ref: int) -> int:
        return ref if ref > 0 else ids[-ref - 1]

    item_store.insert_keys(conn, [(k, resolve(ref)) for k, ref in key_rows])
    item_store.add_sightings(
        conn,
        [
            {"item_id": resolve(ref), "source_id": feeds[f].source.id, "source_name": feeds[f].source.name,
             "guid": e.guid, "url": e.url, "seen_at": now}
            for f, ref, e in sighting_refs
        ],
    )  # fmt: skip
    for result, refs in zip(results, new_refs, strict=True):
        result.new_item_ids = [resolve(r) for r in refs]
        result.new_items = len(refs)
    return results


def record_fetch(
    conn: Connection,
    source: Source,
    *,
    started: datetime,
    duration_ms: int,
    outcome: str,
    result: IngestResult | None = None,
    http_status: int | None = None,
    size: int | None = None,
    error: str | None = None,
) -> None:
    """Append one fetch-log row (the source row's health fields are the polling stage's)."""
    conn.execute(
        insert(fetch_log).values(
            source_id=source.id,
            source_name=source.name,
            started_at=started,
            duration_ms=duration_ms,
            outcome=outcome,
            http_status=http_status,
            bytes=size,
            new_items=result.new_items if result else 0,
            seen_items=result.entries if result else 0,
            error=error,
        )
    )


def ingest_bytes(
    engine: Engine,
    source: Source,
    data: bytes,
    headers: dict[str, str],
    now: datetime,
    classifier: Classifier = default_classifier,
) -> IngestResult:
    """Parse and store one feed document for ``source``; a parse or store failure is recorded."""
    t0 = time.perf_counter()
    try:
        parsed = parse_feed(data, headers)
    except ParseError as e:
        result = IngestResult(source=source.name, error=str(e))
        with engine.begin() as conn:
            _record_outcome(conn, source, now, t0, len(data), result)
        return result
    try:
        with engine.begin() as conn:
            result = ingest_parsed(conn, source, parsed.items, now, classifier)
            result.warning = parsed.warning
            _record_outcome(conn, source, now, t0, len(data), result)
    except TherapywatchError as e:
        result = IngestResult(source=source.name, entries=len(parsed.items), error=str(e))
        with engine.begin() as conn:
            _record_outcome(conn, source, now, t0, len(data), result)
    return result


def _record_outcome(
    conn: Connection, source: Source, now: datetime, t0: float, size: int, result: IngestResult
) -> None:
    ms = int((time.perf_counter() - t0) * 1000)
    outcome = "error" if result.error else "ok"
    record_fetch(
        conn, source, started=now, duration_ms=ms, outcome=outcome, result=result, size=size,
        error=result.error,
    )  # fmt: skip
    health: dict[str, Any] = {"last_checked_at": now, "last_status": outcome}
    if result.error:
        health.update(last_error=result.error, error_count=source.error_count + 1)
    else:
        health.update(last_error=None, error_count=0, last_success_at=now)
    source_store.update_source(conn, source.id, **health)


def feed_files(paths: Sequence[Path]) -> list[Path]:
    """Files named by ``paths``; folders are walked (hidden files skipped), in sorted order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            out.append(p)
    return out


def ingest_file(
    engine: Engine, path: Path, now: datetime, classifier: Classifier = default_classifier
) -> IngestResult:
    """Ingest one local feed file as the source ``file:<folder>/<name>`` (created on first use)."""
    name = f"file:{path.parent.name}/{path.name}"
    try:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            # A saved feed that was gzip-compressed on disk (HTTP bodies are decoded by the fetcher).
            with gzip.open(io.BytesIO(data)) as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as e:
        return IngestResult(source=name, error=f"ingest: cannot read {path}: {e}")
    if len(data) > MAX_FILE_BYTES:
        return IngestResult(source=name, error=f"ingest: {path} is larger than 50 MB")
    with engine.begin() as conn:
        source = source_store.ensure_source(conn, name, now, url=path.resolve().as_uri())
    return ingest_bytes(engine, source, data, {}, now, classifier)

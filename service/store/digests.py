"""Digest runs, the delivery outbox and the record of which items went to whom.

The claim is one ``UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING`` statement: on
PostgreSQL the inner select takes ``FOR UPDATE SKIP LOCKED`` so replicas never pick the same row;
on SQLite the single statement takes the write lock before it reads, so two processes cannot
both claim a row either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, update

from service.models import DigestCandidate, Evidence, TherapyScore
from service.store.items import sightings_for, to_item
from service.store.schema import digest_items, digest_runs, items, outbox, subscribers
from service.store.util import chunks, insert_ignore, is_postgres, lookup

RETRYABLE = ("pending", "deferred")
TERMINAL = ("sent", "failed_permanent", "failed_transient_exhausted", "dead", "skipped")


@dataclass(frozen=True, slots=True)
class LastRun:
    period_key: str
    window_end: datetime


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A claimed outbox row: everything needed to send it."""

    id: int
    subscriber_id: int
    recipient: str
    message_id: str
    data: bytes
    attempts: int
    created_at: datetime


def last_run(conn: Connection, subscriber_id: int) -> LastRun | None:
    """The run whose window ends latest for this subscriber (where the next window starts)."""
    row = conn.execute(
        select(digest_runs.c.period_key, digest_runs.c.window_end)
        .where(digest_runs.c.subscriber_id == subscriber_id)
        .order_by(digest_runs.c.window_end.desc(), digest_runs.c.id.desc())
        .limit(1)
    ).first()
    return LastRun(row.period_key, row.window_end) if row else None


def insert_run(
    conn: Connection, subscriber_id: int, period_key: str, window: tuple[datetime, datetime], now: datetime
) -> int | None:
    """A new run's id, or None when this (subscriber, period) already has one (another tick or
    replica got there first: the unique key makes sealing idempotent)."""
    stmt = (
        insert_ignore(conn, digest_runs)
        .values(
            subscriber_id=subscriber_id,
            period_key=period_key,
            state="sealing",
            window_start=window[0],
            window_end=window[1],
            item_count=0,
            created_at=now,
        )
        .returning(digest_runs.c.id)
    )
    return conn.execute(stmt).scalar_one_or_none()


def finish_run(conn: Connection, run_id: int, state: str, item_count: int) -> None:
    conn.execute(
        update(digest_runs).where(digest_runs.c.id == run_id).values(state=state, item_count=item_count)
    )


def _scores(raw: Any) -> tuple[TherapyScore, ...]:
    out = []
    for t in raw or ():
        ev = tuple(
            Evidence(
                str(e.get("field", "")), int(e.get("start", 0)), int(e.get("end", 0)), str(e.get("text", ""))
            )
            for e in t.get("evidence", ())
        )
        out.append(TherapyScore(slug=str(t.get("slug", "")), score=float(t.get("score", 0.0)), evidence=ev))
    return tuple(out)


def candidates(conn: Connection, subscriber_id: int, start: datetime, end: datetime) -> list[DigestCandidate]:
    """Items first seen in [start, end) that were never in a digest to this subscriber, with
    their sightings and stored classifier evidence (therapy filtering is compose's job)."""
    sent = select(digest_items.c.item_id).where(
        digest_items.c.subscriber_id == subscriber_id, digest_items.c.item_id == items.c.id
    )
    q = (
        select(items)
        .where(items.c.first_seen_at >= start, items.c.first_seen_at < end, items.c.duplicate_of.is_(None))
        .where(~sent.exists())
        .order_by(items.c.id)
    )
    rows = [r._mapping for r in conn.execute(q)]
    seen = sightings_for(conn, (m["id"] for m in rows))
    return [
        DigestCandidate(item=to_item(m, seen.get(m["id"], ())), therapies=_scores(m["therapies"]))
        for m in rows
    ]


def already_sent(conn: Connection, subscriber_id: int, item_ids: Iterable[int]) -> frozenset[int]:
    ids = sorted(set(item_ids))
    out: set[int] = set()
    for part in chunks(ids):
        q = select(digest_items.c.item_id).where(
            digest_items.c.subscriber_id == subscriber_id, digest_items.c.item_id.in_(part)
        )
        out.update(conn.execute(q).scalars())
    return frozenset(out)


def insert_outbox(
    conn: Connection,
    *,
    subscriber_id: int,
    run_id: int,
    recipient: str,
    message_id: str,
    subject: str,
    data: bytes,
    item_ids: Sequence[int],
    now: datetime,
) -> int:
    """A pending outbox row plus its digest_items (the next digest's "already sent" set)."""
    outbox_id = conn.execute(
        outbox.insert()
        .values(
            subscriber_id=subscriber_id,
            digest_run_id=run_id,
            state="pending",
            recipient=recipient,
            message_id=message_id,
            subject=subject,
            message=data,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        .returning(outbox.c.id)
    ).scalar_one()
    rows = [{"subscriber_id": subscriber_id, "item_id": i, "outbox_id": outbox_id} for i in item_ids]
    for part in chunks(rows):
        conn.execute(insert_ignore(conn, digest_items), list(part))
    return int(outbox_id)


def _due(now: datetime) -> Any:
    return or_(
        and_(outbox.c.state.in_(RETRYABLE), outbox.c.next_attempt_at <= now),
        # A lease that ran out: the sender died between claim and record.
        and_(outbox.c.state == "sending", outbox.c.lease_until < now),
    )


def claim(conn: Connection, owner: str, now: datetime, lease: timedelta, limit: int) -> list[OutboxMessage]:
    """Lease up to ``limit`` due rows to ``owner`` (attempts + 1) and return them."""
    pick = select(outbox.c.id).where(_due(now)).order_by(outbox.c.next_attempt_at, outbox.c.id).limit(limit)
    if is_postgres(conn):
        pick = pick.with_for_update(skip_locked=True)
    stmt = (
        update(outbox)
        .where(outbox.c.id.in_(pick.scalar_subquery()), _due(now))
        .values(state="sending", lease_owner=owner, lease_until=now + lease, attempts=outbox.c.attempts + 1)
        .returning(
            outbox.c.id,
            outbox.c.subscriber_id,
            outbox.c.recipient,
            outbox.c.message_id,
            outbox.c.message,
            outbox.c.attempts,
            outbox.c.created_at,
        )
    )
    rows = conn.execute(stmt).all()
    return sorted(
        (
            OutboxMessage(
                r.id, r.subscriber_id, r.recipient, r.message_id, bytes(r.message), r.attempts, r.created_at
            )
            for r in rows
        ),
        key=lambda m: m.id,
    )


def subscriber_statuses(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    return lookup(conn, subscribers.c.id, subscribers.c.status, ids)


def record(
    conn: Connection,
    outbox_id: int,
    owner: str,
    *,
    state: str,
    now: datetime,
    code: int | None = None,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
    attempts_delta: int = 0,
) -> bool:
    """Write the outcome of one attempt; False when the lease was lost to another sender."""
    values: dict[str, Any] = {
        "state": state,
        "last_smtp_code": code,
        "last_error": error,
        "lease_until": None,
    }
    if state == "sent":
        values["sent_at"] = now
    if next_attempt_at is not None:
        values["next_attempt_at"] = next_attempt_at
    if attempts_delta:
        values["attempts"] = outbox.c.attempts + attempts_delta
    result = conn.execute(
        update(outbox)
        .where(outbox.c.id == outbox_id, outbox.c.lease_owner == owner, outbox.c.state == "sending")
        .values(**values)
    )
    return bool(result.rowcount)


def mark_bounced(conn: Connection, subscriber_id: int, now: datetime) -> None:
    """A permanent failure (hard bounce) stops further digests to the address."""
    conn.execute(
        update(subscribers)
        .where(subscribers.c.id == subscriber_id, subscribers.c.status == "active")
        .values(status="bounced", updated_at=now)
    )


def outbox_counts(conn: Connection) -> dict[str, int]:
    q = select(outbox.c.state, func.count()).group_by(outbox.c.state)
    return {state: int(n) for state, n in conn.execute(q)}

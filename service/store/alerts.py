"""Watch rules, alert channels and webhook deliveries; what was alerted to whom."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, func, or_, select, update

from service.errors import SubscriberError
from service.models import WATCH_KINDS, WatchRule
from service.store.schema import (
    alert_channels,
    digest_items,
    digest_runs,
    items,
    subscribers,
    watch_rules,
    webhook_deliveries,
)
from service.store.util import chunks, insert_ignore, is_postgres
from service.text import one_line

SINGLE_PREFIX = "story:"
SUMMARY_PREFIX = "alerts:"


def parse_rule(raw: str, primary_only: bool = False) -> WatchRule:
    """``product:Kymriah``, ``condition:lupus``, ``keyword:"clinical hold"``, ``source:fda.gov``."""
    kind, sep, value = raw.partition(":")
    kind = kind.strip().lower()
    value = one_line(value.strip().strip("\"'"))
    if not sep or kind not in WATCH_KINDS:
        raise SubscriberError(
            f"watch: a rule is KIND:VALUE with KIND one of {', '.join(WATCH_KINDS)}; got {raw!r}"
        )
    if not value or len(value) > 300:
        raise SubscriberError(f"watch: the {kind} to watch must be 1-300 characters, got {value!r}")
    return WatchRule(kind=kind, value=value, primary_only=primary_only)


def add_rule(conn: Connection, subscriber_id: int, rule: WatchRule, now: datetime) -> bool:
    """Add a rule; False when the subscriber already has it."""
    result = conn.execute(
        insert_ignore(conn, watch_rules).values(
            subscriber_id=subscriber_id,
            kind=rule.kind,
            value=rule.value,
            primary_only=rule.primary_only,
            created_at=now,
        )
    )
    return bool(result.rowcount)


def remove_rule(conn: Connection, subscriber_id: int, kind: str, value: str) -> bool:
    result = conn.execute(
        delete(watch_rules).where(
            watch_rules.c.subscriber_id == subscriber_id,
            watch_rules.c.kind == kind,
            func.lower(watch_rules.c.value) == value.lower(),
        )
    )
    return bool(result.rowcount)


def remove_rule_id(conn: Connection, subscriber_id: int, rule_id: int) -> bool:
    """Remove one rule by id, only if it belongs to this subscriber (the preferences page)."""
    result = conn.execute(
        delete(watch_rules).where(watch_rules.c.subscriber_id == subscriber_id, watch_rules.c.id == rule_id)
    )
    return bool(result.rowcount)


def rules_for(conn: Connection, subscriber_id: int) -> list[WatchRule]:
    q = select(watch_rules).where(watch_rules.c.subscriber_id == subscriber_id).order_by(watch_rules.c.id)
    return [WatchRule(r.kind, r.value, bool(r.primary_only), r.id) for r in conn.execute(q)]


def add_channel(conn: Connection, subscriber_id: int, url: str, now: datetime) -> bool:
    result = conn.execute(
        insert_ignore(conn, alert_channels).values(subscriber_id=subscriber_id, url=url, created_at=now)
    )
    return bool(result.rowcount)


def remove_channel(conn: Connection, subscriber_id: int, channel_id: int) -> bool:
    result = conn.execute(
        delete(alert_channels).where(
            alert_channels.c.subscriber_id == subscriber_id, alert_channels.c.id == channel_id
        )
    )
    return bool(result.rowcount)


def channels_for(conn: Connection, subscriber_id: int) -> list[tuple[int, str]]:
    q = select(alert_channels.c.id, alert_channels.c.url).where(
        alert_channels.c.subscriber_id == subscriber_id
    )
    return [(r.id, r.url) for r in conn.execute(q.order_by(alert_channels.c.id))]


def alerted_stories(conn: Connection, subscriber_id: int, story_ids: Iterable[int]) -> dict[int, int]:
    """story id -> the outbox row that first carried it to this subscriber."""
    out: dict[int, int] = {}
    for part in chunks(sorted(set(story_ids))):
        story = func.coalesce(items.c.story_id, items.c.id)
        q = (
            select(story.label("story"), func.min(digest_items.c.outbox_id).label("outbox_id"))
            .join(items, items.c.id == digest_items.c.item_id)
            .where(digest_items.c.subscriber_id == subscriber_id, story.in_(part))
            .group_by(story)
        )
        out.update({r.story: r.outbox_id for r in conn.execute(q)})
    return out


def record_quiet(conn: Connection, subscriber_id: int, pairs: Sequence[tuple[int, int]]) -> None:
    """Record late reports of already-alerted stories as carried by the first alert's message."""
    rows = [{"subscriber_id": subscriber_id, "item_id": i, "outbox_id": o} for i, o in pairs]
    for part in chunks(rows):
        conn.execute(insert_ignore(conn, digest_items), list(part))


def runs_since(conn: Connection, subscriber_id: int, prefix: str, since: datetime) -> int:
    q = select(func.count()).where(
        digest_runs.c.subscriber_id == subscriber_id,
        digest_runs.c.period_key.like(prefix + "%"),
        digest_runs.c.created_at >= since,
    )
    return int(conn.execute(q).scalar_one())


def instant_subscribers(conn: Connection) -> list[int]:
    q = select(subscribers.c.id).where(subscribers.c.status == "active", subscribers.c.frequency == "instant")
    return list(conn.execute(q.order_by(subscribers.c.id)).scalars())


def queue_webhooks(
    conn: Connection, channel_ids: Sequence[int], story_key: str, title: str, body: str, now: datetime
) -> None:
    rows = [
        {"channel_id": cid, "story_key": story_key, "title": title[:500], "body": body, "state": "pending",
         "attempts": 0, "next_attempt_at": now, "created_at": now}
        for cid in channel_ids
    ]  # fmt: skip
    if rows:
        conn.execute(insert_ignore(conn, webhook_deliveries), rows)


@dataclass(frozen=True, slots=True)
class WebhookJob:
    id: int
    url: str
    title: str
    body: str
    attempts: int


def _due(now: datetime) -> Any:
    return or_(
        and_(webhook_deliveries.c.state == "pending", webhook_deliveries.c.next_attempt_at <= now),
        and_(webhook_deliveries.c.state == "sending", webhook_deliveries.c.lease_until < now),
    )


def claim_webhooks(conn: Connection, now: datetime, lease: timedelta, limit: int = 100) -> list[WebhookJob]:
    pick = select(webhook_deliveries.c.id).where(_due(now)).order_by(webhook_deliveries.c.id).limit(limit)
    if is_postgres(conn):
        pick = pick.with_for_update(skip_locked=True)
    ids = list(conn.execute(pick).scalars())
    if not ids:
        return []
    conn.execute(
        update(webhook_deliveries)
        .where(webhook_deliveries.c.id.in_(ids), _due(now))
        .values(state="sending", lease_until=now + lease, attempts=webhook_deliveries.c.attempts + 1)
    )
    q = (
        select(webhook_deliveries, alert_channels.c.url)
        .join(alert_channels, alert_channels.c.id == webhook_deliveries.c.channel_id)
        .where(webhook_deliveries.c.id.in_(ids), webhook_deliveries.c.state == "sending")
    )
    return [WebhookJob(r.id, r.url, r.title, r.body, r.attempts) for r in conn.execute(q)]


def record_webhook(
    conn: Connection, job_id: int, *, state: str, now: datetime, error: str | None, next_at: datetime | None
) -> None:
    values: dict[str, Any] = {"state": state, "last_error": error, "lease_until": None}
    if state == "sent":
        values["sent_at"] = now
    if next_at is not None:
        values["next_attempt_at"] = next_at
    conn.execute(update(webhook_deliveries).where(webhook_deliveries.c.id == job_id).values(**values))


def webhook_states(conn: Connection) -> dict[str, int]:
    q = select(webhook_deliveries.c.state, func.count()).group_by(webhook_deliveries.c.state)
    return {s: int(n) for s, n in conn.execute(q)}

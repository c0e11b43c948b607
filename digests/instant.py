"""Instant alerts: one message per new matching story, through the same outbox as digests.

Each tick, for every active ``instant`` subscriber: the stories first seen lately that were never
sent to them are matched (``digests.alerts``); each new match is sealed as its own run
``story:<id>`` (unique per subscriber, so a story alerts once however many copies and rewrites
follow, across ticks, restarts and replicas), up to the hourly rate limit; the rest go into one
summary ``alerts:<time>`` at most once an hour. Late copies of an alerted story are recorded as
carried by the first alert. The outbox then sends them with the digests (retries, headers,
unsubscribe). Webhook and chat channels (Apprise URLs) get their own small outbox, so a failing
webhook is retried on its own schedule and never holds up email.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine

from digests.alerts import RATE_WINDOW, StoryMatch, alert_digest, alert_subject, plan
from digests.compose import http_url
from digests.send import SendReport, render_message
from service.config import Settings
from service.models import Subscriber
from service.store import alerts as alert_store
from service.store import digests as digest_store
from service.store import subscribers as subscriber_store

log = logging.getLogger("therapywatch.alerts")

LOOKBACK = timedelta(days=2)
WEBHOOK_LEASE = timedelta(minutes=2)
WEBHOOK_TIMEOUT = 20.0
WEBHOOK_MAX_ATTEMPTS = 8
TICK = timedelta(microseconds=1)

# (url, title, body) -> None on success, else the reason. Apprise by default; tests may pass
# another real transport, never a fake success.
Notifier = Callable[[str, str, str], Awaitable[str | None]]


def seal_alerts(engine: Engine, settings: Settings, now: datetime, report: SendReport) -> None:
    """Seal the alerts due at ``now`` for every instant subscriber; one bad row never stops the rest."""
    with engine.connect() as conn:
        ids = alert_store.instant_subscribers(conn)
    for sid in ids:
        try:
            report.sealed += _seal_for(engine, settings, sid, now)
        except Exception as e:  # recorded and loud, but the other subscribers still get theirs
            log.exception("alerts: subscriber %s failed", sid)
            report.errors.append(f"alerts: subscriber {sid}: {type(e).__name__}: {e}")


def _seal_for(engine: Engine, settings: Settings, sid: int, now: datetime) -> int:
    sealed = 0
    with engine.begin() as conn:
        sub = subscriber_store.get_subscriber(conn, sid)
        if sub is None or sub.status != "active":
            return 0
        start = max(now - LOOKBACK, sub.created_at or now - LOOKBACK)
        found = digest_store.candidates(conn, sid, start, now + TICK)
        alerted = alert_store.alerted_stories(conn, sid, (c.item.story_id or c.item.id for c in found))
        decision = plan(
            sub,
            alert_store.rules_for(conn, sid),
            found,
            frozenset(alerted),
            sent_in_window=alert_store.runs_since(conn, sid, alert_store.SINGLE_PREFIX, now - RATE_WINDOW),
            limit=settings.alert_rate_limit,
            summary_allowed=not alert_store.runs_since(
                conn, sid, alert_store.SUMMARY_PREFIX, now - RATE_WINDOW
            ),
        )
        alert_store.record_quiet(conn, sid, [(i, alerted[s]) for i, s in decision.quiet_item_ids])
        channels = [cid for cid, _ in alert_store.channels_for(conn, sid)]
        for match in decision.singles:
            key = f"{alert_store.SINGLE_PREFIX}{match.story_id}"
            sealed += _seal_one(conn, settings, sub, key, [match], channels, now)
        if decision.summary:
            # period_key is VARCHAR(20): "alerts:" and a compact UTC minute.
            key = f"{alert_store.SUMMARY_PREFIX}{now:%y%m%d%H%M}"
            sealed += _seal_one(conn, settings, sub, key, decision.summary, channels, now)
    return sealed


def _seal_one(
    conn: Connection,
    settings: Settings,
    sub: Subscriber,
    key: str,
    matches: Sequence[StoryMatch],
    channels: Sequence[int],
    now: datetime,
) -> int:
    start = min(c.item.first_seen for m in matches for c in m.members)
    run_id = digest_store.insert_run(conn, sub.id, key, (start, now), now)
    if run_id is None:
        return 0  # another tick or replica sealed this alert already
    label = "alert" if len(matches) == 1 else "alert summary"
    digest = alert_digest(sub, matches, now, label)
    subject, msg_id, data = render_message(
        digest, settings, f"alert-{run_id}", now, subject=alert_subject(matches)
    )
    item_ids = sorted(i for m in matches for i in m.item_ids)
    digest_store.insert_outbox(
        conn, subscriber_id=sub.id, run_id=run_id, recipient=sub.email, message_id=msg_id,
        subject=subject, data=data, item_ids=item_ids, now=now,
    )  # fmt: skip
    digest_store.finish_run(conn, run_id, "sealed", len(item_ids))
    for m in matches:
        alert_store.queue_webhooks(conn, channels, str(m.story_id), m.title, _webhook_body(m), now)
    return 1


def _webhook_body(m: StoryMatch) -> str:
    lead = m.members[0].item
    url = http_url(lead.url) or ""
    sources = sorted({s.source for c in m.members for s in c.item.sightings})
    lines = [lead.title, "Why: " + "; ".join(m.reasons)]
    if len(sources) > 1:
        lines.append("Covered by: " + ", ".join(sources))
    if url:
        lines.append(url)
    return "\n".join(lines)


async def apprise_notify(url: str, title: str, body: str) -> str | None:
    """Send one notification through Apprise; None when the service accepted it."""
    import apprise  # a heavy import: only the sending path needs it

    ap = apprise.Apprise()
    if not ap.add(url):
        return "alerts: not a notification URL Apprise understands"
    try:
        ok = await asyncio.wait_for(asyncio.to_thread(ap.notify, body=body, title=title), WEBHOOK_TIMEOUT)
    except TimeoutError:
        return f"alerts: the notification service did not answer in {WEBHOOK_TIMEOUT:.0f}s"
    return None if ok else "alerts: the notification service refused the message or could not be reached"


@dataclass(slots=True)
class WebhookReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def webhook_backoff(attempts: int, job_id: int) -> timedelta:
    base = min(3600.0, 60.0 * 2**attempts)
    return timedelta(seconds=base * random.Random(job_id * 31 + attempts).uniform(0.8, 1.2))


async def send_webhooks(engine: Engine, now: datetime, notify: Notifier = apprise_notify) -> WebhookReport:
    """Send every due webhook notification; failures back off and retry, each on its own."""
    report = WebhookReport()
    with engine.begin() as conn:
        jobs = alert_store.claim_webhooks(conn, now, WEBHOOK_LEASE)
    results = await asyncio.gather(*(notify(j.url, j.title, j.body) for j in jobs), return_exceptions=True)
    with engine.begin() as conn:
        for job, result in zip(jobs, results, strict=True):
            error = f"alerts: {type(result).__name__}" if isinstance(result, BaseException) else result
            if error is None:
                state, next_at = "sent", None
                report.sent += 1
            elif job.attempts >= WEBHOOK_MAX_ATTEMPTS:
                state, next_at = "failed", None
                report.failed += 1
            else:
                state, next_at = "pending", now + webhook_backoff(job.attempts, job.id)
                report.retried += 1
            if error:
                report.errors.append(error)
            alert_store.record_webhook(conn, job.id, state=state, now=now, error=error, next_at=next_at)
    return report

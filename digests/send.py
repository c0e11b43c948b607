"""The delivery outbox: seal due digests, claim them with leases, send, record each reply.

The recipe (RELIABILITY.md 2.2):

1. seal: one transaction inserts the run for (subscriber, local period) - unique, so a double
   tick, a DST fold, a restart or another replica seals it once - selects and renders the
   digest and stores the finished message bytes in a pending outbox row;
2. claim: a lease on due rows (``SKIP LOCKED`` on PostgreSQL), attempts + 1, committed;
3. re-check that the subscriber is still active (an unsubscribe after sealing skips the mail);
4. send; 5. record the reply in its own transaction right after it arrives.

A crash between the server's 250 and step 5 sends the message again when the lease runs out:
the one documented duplicate, with the same Message-ID. Every other crash point sends once.
"""

from __future__ import annotations

import asyncio
import random
import socket
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine

from digests.compose import Digest, compose
from digests.mailer import Envelope, Mailer, SendResult
from digests.message import build_message, message_id, to_bytes
from digests.render import render
from digests.schedule import Period, latest_period, window_for
from service.config import Settings
from service.models import Subscriber
from service.store import digests as store
from service.store import subscribers as subscriber_store
from service.tokens import subscriber_links

Hook = Callable[[str], None]
Sealer = Callable[[Engine, Settings, datetime, "SendReport"], None]

LEASE = timedelta(minutes=5)
UNKNOWN_RETRY = timedelta(minutes=15)
GIVE_UP_AFTER = timedelta(hours=72)
MAX_ATTEMPTS = 8
ERROR_BUDGET = 5
PAUSE = timedelta(minutes=10)
CLAIM_BATCH = 200


def _no_hook(_point: str) -> None:
    return None


@dataclass(frozen=True, slots=True)
class SealPlan:
    subscriber: Subscriber
    period: Period
    window: tuple[datetime, datetime]


@dataclass(slots=True)
class SendReport:
    """What one tick did (``duplicates_possible`` counts the 'unknown' replies, see module doc)."""

    sealed: int = 0
    empty: int = 0
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates_possible: int = 0
    paused: bool = False
    errors: list[str] = field(default_factory=list)


def backoff(attempts: int, outbox_id: int) -> timedelta:
    """``min(6 h, 60 s * 2^attempts)`` with ±20 % jitter (seeded per row and attempt, so a test
    with a frozen clock can predict it and rows that failed together spread out)."""
    base = min(6 * 3600.0, 60.0 * 2**attempts)
    jitter = random.Random(outbox_id * 1009 + attempts).uniform(0.8, 1.2)
    return timedelta(seconds=base * jitter)


def plan_due(engine: Engine, now: datetime) -> list[SealPlan]:
    """Every active subscriber whose latest period is due at ``now`` and not sealed yet."""
    plans = []
    with engine.connect() as conn:
        for sub in subscriber_store.list_subscribers(conn, status="active"):
            if sub.frequency == "instant":
                continue  # one alert per story: digests.instant
            period = latest_period(sub, now)
            last = store.last_run(conn, sub.id)
            if last is None and sub.created_at is not None and period.due_at < sub.created_at:
                continue  # the first digest is the first occasion after subscribing
            if last is not None and (last.period_key == period.key or last.window_end >= period.due_at):
                continue
            plans.append(SealPlan(sub, period, window_for(period, last.window_end if last else None)))
    return plans


def build_digest(engine: Engine, plan: SealPlan) -> Digest:
    """Select and compose (no writes): also what ``digest preview`` shows."""
    with engine.connect() as conn:
        found = store.candidates(conn, plan.subscriber.id, *plan.window)
    return compose(plan.subscriber, found, plan.period, plan.window)


def render_message(
    digest: Digest, settings: Settings, delivery_key: str, now: datetime, *, subject: str | None = None
) -> tuple[str, str, bytes]:
    """``(subject, message_id, bytes)`` of the finished message for one delivery."""
    secret = settings.secret_key or ""
    links = subscriber_links(settings.base_url, secret, digest.subscriber.id)
    rendered = render(digest, links, subject=subject)
    msg_id = message_id(secret, settings.mail_from, delivery_key)
    msg = build_message(
        rendered,
        digest.subscriber,
        mail_from=settings.mail_from,
        msg_id=msg_id,
        date=now,
        unsubscribe_url=links["unsubscribe_url"],
        preferences_url=links["preferences_url"],
    )
    return rendered.subject, msg_id, to_bytes(msg)


def seal(engine: Engine, settings: Settings, plan: SealPlan, now: datetime, hook: Hook = _no_hook) -> str:
    """Seal one planned digest in one transaction: ``sealed``, ``empty`` or ``exists``."""
    sub = plan.subscriber
    with engine.begin() as conn:
        found = store.candidates(conn, sub.id, *plan.window)
        digest = compose(sub, found, plan.period, plan.window)
        if digest.is_empty and sub.frequency == "instant":
            return "empty"  # no run row every quarter hour; the next slot looks again
        run_id = store.insert_run(conn, sub.id, plan.period.key, plan.window, now)
        if run_id is None:
            return "exists"
        if digest.is_empty and not settings.send_empty_digests:
            store.finish_run(conn, run_id, "empty", 0)
            return "empty"
        subject, msg_id, data = render_message(digest, settings, str(run_id), now)
        store.insert_outbox(
            conn,
            subscriber_id=sub.id,
            run_id=run_id,
            recipient=sub.email,
            message_id=msg_id,
            subject=subject,
            data=data,
            item_ids=digest.item_ids,
            now=now,
        )
        store.finish_run(conn, run_id, "sealed", len(digest.item_ids))
        hook("before_seal_commit")
    hook("after_seal")
    return "sealed"


def seal_due(
    engine: Engine, settings: Settings, now: datetime, report: SendReport, hook: Hook = _no_hook
) -> None:
    for plan in plan_due(engine, now):
        outcome = seal(engine, settings, plan, now, hook)
        if outcome == "sealed":
            report.sealed += 1
        elif outcome == "empty":
            report.empty += 1


def _outcome_state(
    result: SendResult, msg: store.OutboxMessage, now: datetime
) -> tuple[str, datetime | None]:
    if result.outcome == "sent":
        return "sent", None
    if result.outcome == "permanent":
        return "failed_permanent", None
    if result.outcome == "unknown":
        return "deferred", now + UNKNOWN_RETRY
    if msg.attempts >= MAX_ATTEMPTS or now - msg.created_at >= GIVE_UP_AFTER:
        return "failed_transient_exhausted", None
    return "deferred", now + backoff(msg.attempts, msg.id)


class _Sender:
    """One tick's sending: bounded concurrency, an error budget, a record after every reply."""

    def __init__(
        self, engine: Engine, mailer: Mailer, settings: Settings, now: datetime, owner: str, hook: Hook
    ) -> None:
        self.engine, self.mailer, self.settings, self.now = engine, mailer, settings, now
        self.owner, self.hook = owner, hook
        self.report = SendReport()
        self.failures_in_a_row = 0
        self.slots = asyncio.Semaphore(settings.smtp_concurrency)

    def _record(
        self,
        msg: store.OutboxMessage,
        state: str,
        *,
        code: int | None = None,
        error: str | None = None,
        next_attempt_at: datetime | None = None,
        attempts_delta: int = 0,
    ) -> None:
        with self.engine.begin() as conn:
            store.record(
                conn,
                msg.id,
                self.owner,
                state=state,
                now=self.now,
                code=code,
                error=error,
                next_attempt_at=next_attempt_at,
                attempts_delta=attempts_delta,
            )

    async def one(self, msg: store.OutboxMessage, status: str | None) -> None:
        async with self.slots:
            if status != "active":
                self._record(msg, "skipped", error=f"subscriber is {status or 'gone'}")
                self.report.skipped += 1
                return
            if self.report.paused:
                # Not this message's fault: put it back without counting the attempt.
                self._record(msg, "deferred", next_attempt_at=self.now + PAUSE, attempts_delta=-1,
                             error="sending paused after repeated connection failures")  # fmt: skip
                self.report.deferred += 1
                return
            env = Envelope(self.settings.mail_from, msg.recipient, msg.data, msg.message_id)
            result = await self.mailer.send(env)
            if result.outcome == "sent":
                self.hook("after_250")
            self._apply(msg, result)
            self.hook("after_record")

    def _apply(self, msg: store.OutboxMessage, result: SendResult) -> None:
        state, next_at = _outcome_state(result, msg, self.now)
        error = None if state == "sent" else result.detail[:2000]
        self._record(msg, state, code=result.code, error=error, next_attempt_at=next_at)
        if state == "failed_permanent":
            with self.engine.begin() as conn:
                store.mark_bounced(conn, msg.subscriber_id, self.now)
        connection_failure = result.outcome == "temporary" and result.code is None
        self.failures_in_a_row = self.failures_in_a_row + 1 if connection_failure else 0
        if self.failures_in_a_row >= ERROR_BUDGET:
            self.report.paused = True
        counter = {"sent": "sent", "deferred": "deferred"}.get(state, "failed")
        setattr(self.report, counter, getattr(self.report, counter) + 1)
        if result.outcome == "unknown":
            self.report.duplicates_possible += 1
        if state != "sent":
            self.report.errors.append(f"{msg.recipient}: {result.detail}")

    async def run(self) -> SendReport:
        while not self.report.paused:
            with self.engine.begin() as conn:
                batch = store.claim(conn, self.owner, self.now, LEASE, CLAIM_BATCH)
            if not batch:
                break
            self.hook("after_claim")
            with self.engine.connect() as conn:
                statuses = store.subscriber_statuses(conn, (m.subscriber_id for m in batch))
            await asyncio.gather(*(self.one(m, statuses.get(m.subscriber_id)) for m in batch))
        return self.report


def default_owner() -> str:
    return f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"


async def send_due_digests(
    engine: Engine,
    mailer: Mailer,
    settings: Settings,
    now: datetime,
    *,
    owner: str | None = None,
    hook: Hook = _no_hook,
    sealers: Sequence[Sealer] = (),
) -> SendReport:
    """Seal every digest due at ``now`` (and what ``sealers`` seal: instant alerts), then send
    every due outbox row. Idempotent: run it on every tick, after a restart, on several replicas."""
    sender = _Sender(engine, mailer, settings, now, owner or default_owner(), hook)
    seal_due(engine, settings, now, sender.report, hook)
    for sealer in sealers:
        sealer(engine, settings, now, sender.report)
    return await sender.run()

"""The demo subscribers' digests, written to the outbox as ``.eml`` files plus an HTML preview.

A digest covers the items first seen in its period, and a period ends at the subscriber's send
time, so the items the demo has just stored belong to each subscriber's *next* digest. The demo
therefore runs the digest job at each subscriber's next send time (earliest first): the messages
are the ones the scheduler would send then, written ahead as a preview. The job is idempotent,
so a second demo run in the same period writes nothing new.
"""

from __future__ import annotations

import email
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from sqlalchemy import Engine, select

from digests.mailer import FileMailer
from digests.schedule import Period, latest_period
from service.config import Settings
from service.jobs import send_due_digests
from service.models import Subscriber
from service.store.schema import outbox


@dataclass(frozen=True, slots=True)
class WrittenDigest:
    """One digest in the outbox: who, which period, its subject, the files to open."""

    email: str
    subject: str
    state: str
    eml: Path
    preview: Path | None


def next_period(sub: Subscriber, now: datetime) -> Period:
    """The subscriber's first send occasion after ``now``."""
    current = latest_period(sub, now)
    return latest_period(sub, now + current.length)


async def write_digests(
    engine: Engine, settings: Settings, subscribers: list[Subscriber], now: datetime
) -> list[WrittenDigest]:
    """Run the digest job at each subscriber's next send time; every demo digest in the outbox."""
    mailer = FileMailer(settings.outbox_dir)
    for due in sorted({next_period(s, now).due_at for s in subscribers}):
        await send_due_digests(engine, mailer, settings, due)
    ids = {s.id: s.email for s in subscribers}
    with engine.connect() as conn:
        rows = conn.execute(
            select(outbox.c.subscriber_id, outbox.c.message_id, outbox.c.subject, outbox.c.state)
            .where(outbox.c.subscriber_id.in_(list(ids)))
            .order_by(outbox.c.id)
        ).all()
    out = []
    for r in rows:
        eml = mailer.path_for(r.message_id)
        out.append(
            WrittenDigest(
                ids[r.subscriber_id], r.subject, r.state, eml, write_preview(eml) if eml.exists() else None
            )
        )
    return out


def write_preview(eml: Path) -> Path | None:
    """The HTML part of ``eml`` as ``<name>.html`` next to it (open it in a browser)."""
    msg = email.message_from_bytes(eml.read_bytes(), policy=default_policy)
    if not isinstance(msg, EmailMessage):
        return None
    part = msg.get_body(preferencelist=("html",))
    if part is None:
        return None
    target = eml.with_suffix(".html")
    target.write_text(part.get_content(), encoding="utf-8")
    return target

"""Helpers for the digest tests: stored items with classifier evidence, subscribers, an SMTP sink."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import Engine

from service.store import subscribers as subscriber_store
from service.store.schema import items, sightings, sources, stories


def add_source(engine: Engine, name: str, now: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(
            sources.insert().values(
                name=name,
                url=f"https://{name}/feed.xml",
                kind="feed",
                enabled=True,
                interval_seconds=3600,
                full_text=False,
                options={},
                identity_mode="guid",
                error_count=0,
                created_at=now,
            )
        )


def add_item(
    engine: Engine,
    title: str,
    first_seen: datetime,
    *,
    primary: str,
    discussed: tuple[str, ...] = (),
    evidence: tuple[str, ...] = (),
    url: str | None = "https://news.example/story",
    summary: str = "",
    seen_in: tuple[str, ...] = ("news.example",),
    story_id: int | None = None,
    score: float = 0.9,
) -> int:
    """Store one item as the classifier would have left it; returns its id."""
    therapies = [
        {
            "slug": slug,
            "score": score if slug == primary else score / 2,
            "evidence": [{"field": "title", "start": 0, "end": len(e), "text": e} for e in evidence]
            if slug == primary
            else [],
        }
        for slug in dict.fromkeys((primary, *discussed))
        if slug != "none"
    ]
    with engine.begin() as conn:
        if (
            story_id is not None
            and conn.execute(stories.select().where(stories.c.id == story_id)).first() is None
        ):
            conn.execute(
                stories.insert().values(
                    id=story_id, title=title, signature={}, first_seen_at=first_seen, updated_at=first_seen
                )
            )
        item_id = conn.execute(
            items.insert()
            .values(
                identity_key=f"t:{title}:{first_seen.isoformat()}",
                story_id=story_id,
                title=title,
                url=url,
                summary=summary,
                content="",
                content_hash=title,
                published_at=first_seen,
                first_seen_at=first_seen,
                updated_at=first_seen,
                primary_therapy=primary,
                discussed=list(dict.fromkeys((primary, *discussed)))
                if primary != "none"
                else list(discussed),
                conditions=[],
                therapies=therapies,
            )
            .returning(items.c.id)
        ).scalar_one()
        for name in seen_in:
            conn.execute(
                sightings.insert().values(
                    item_id=item_id, source_name=name, guid=f"{name}:{item_id}", url=url, seen_at=first_seen
                )
            )
    return int(item_id)


def add_subscriber(engine: Engine, email: str, created: datetime, **kw: Any) -> int:
    fields = subscriber_store.build_fields(email, **kw)
    with engine.begin() as conn:
        sub, _ = subscriber_store.add_subscriber(conn, fields, created)
    return sub.id


@dataclass
class Sink:
    """What the SMTP server received, and replies it should give first (scripted per RCPT)."""

    messages: list[EmailMessage] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)
    rcpt_replies: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        with self.lock:
            if self.rcpt_replies:
                return self.rcpt_replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = bytes(envelope.original_content or envelope.content)
        msg = message_from_bytes(data, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        with self.lock:
            self.raw.append(data)
            self.messages.append(msg)
        return "250 Message accepted for delivery"

    def per_message_id(self) -> Counter[str]:
        return Counter(str(m["Message-ID"]) for m in self.messages)


def free_port() -> int:
    """A port the OS just handed out (aiosmtpd's Controller cannot start on port 0 itself: it
    connects to its own port to check that it is up)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_smtp(sink: Sink) -> Controller:
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller


def smtp_url(controller: Controller) -> str:
    return f"smtp://127.0.0.1:{controller.port}"


def run(coro: Any) -> Any:
    return asyncio.run(coro)

"""One demo cycle: register the sample sources and subscribers, poll them, summarise the store.

Each step is idempotent, so running the demo twice re-uses the database: sources are found by
name (their URL follows the sample server's port), subscribers by address, items by identity key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from scrapers.fetch import Fetcher, HostLimiter, build_session
from service.config import Settings
from service.demo.mail import WrittenDigest, write_digests
from service.demo.samples import SOURCES, SUBSCRIBERS
from service.jobs import SourceOutcome, poll_due
from service.models import Source, Subscriber
from service.store import sources as source_store
from service.store import subscribers as subscriber_store
from service.store.schema import items, kv, sightings
from service.store.util import insert_ignore

PORT_KEY = "demo_port"


@dataclass(slots=True)
class CycleReport:
    """What one demo cycle did."""

    sources: list[Source] = field(default_factory=list)
    subscribers: list[Subscriber] = field(default_factory=list)
    outcomes: list[SourceOutcome] = field(default_factory=list)
    digests: list[WrittenDigest] = field(default_factory=list)


def remembered_port(engine: Engine) -> int:
    """The sample server's port of the last run (0 when none): re-using it keeps source URLs stable."""
    with engine.connect() as conn:
        value = conn.execute(select(kv.c.value).where(kv.c.key == PORT_KEY)).scalar_one_or_none()
    return int(value) if value and value.isdigit() else 0


def remember_port(engine: Engine, port: int) -> None:
    with engine.begin() as conn:
        conn.execute(insert_ignore(conn, kv).values(key=PORT_KEY, value=str(port)))
        conn.execute(kv.update().where(kv.c.key == PORT_KEY).values(value=str(port)))


def register_sources(engine: Engine, base_url: str, now: datetime) -> list[Source]:
    """Add the sample sources, or point the existing ones at this run's server."""
    out: list[Source] = []
    with engine.begin() as conn:
        for sample in SOURCES:
            url = f"{base_url}/{sample.path}"
            found = source_store.find_source(conn, sample.name)
            if found is None:
                found = source_store.insert_source(
                    conn, name=sample.name, url=url, now=now, kind=sample.kind, options=sample.options
                )
            elif found.url != url:
                source_store.update_source(conn, found.id, url=url, options=dict(sample.options))
                found = source_store.get_source(conn, str(found.id))
            out.append(found)
    return out


def register_subscribers(engine: Engine, now: datetime) -> list[Subscriber]:
    """Add the two demo subscribers unless they exist (an existing one is left as it is)."""
    out: list[Subscriber] = []
    with engine.begin() as conn:
        for s in SUBSCRIBERS:
            fields = subscriber_store.build_fields(
                s.email, name=s.name, therapies=s.therapies, frequency=s.frequency, day=s.day,
                send_time=s.send_time, timezone=s.timezone,
            )  # fmt: skip
            sub, _created = subscriber_store.add_subscriber(conn, fields, now)
            out.append(sub)
    return out


async def poll_samples(
    engine: Engine, settings: Settings, sources: list[Source], now: datetime
) -> list[SourceOutcome]:
    """Poll exactly the demo's sources (feeds and the listing), due or not, through the polling
    job; private addresses are allowed for them only."""
    ids = [s.id for s in sources]
    async with build_session(user_agent=settings.user_agent, allow_private_networks=True) as session:
        # Politeness delays protect other people's servers; this one is ours, on loopback.
        limiter = HostLimiter(per_host=4, min_delay=0)
        fetcher = Fetcher(session, user_agent=settings.user_agent, limiter=limiter)
        report = await poll_due(
            engine, fetcher, settings, now, worker_id="demo", limit=len(ids), source_ids=ids
        )
    return list(report.outcomes)


async def run_cycle(engine: Engine, settings: Settings, base_url: str, now: datetime) -> CycleReport:
    """Register sources and subscribers, one polling pass (classification and clustering run inside
    ingest), then the subscribers' next digests into the outbox."""
    report = CycleReport()
    report.sources = register_sources(engine, base_url, now)
    report.subscribers = register_subscribers(engine, now)
    report.outcomes = await poll_samples(engine, settings, report.sources, now)
    with engine.connect() as conn:
        names = {s.name for s in report.sources}
        report.sources = [s for s in source_store.list_sources(conn) if s.name in names]
    report.digests = await write_digests(engine, settings, report.subscribers, now)
    return report


def therapy_counts(engine: Engine) -> list[dict[str, Any]]:
    """Per primary therapy type: stored items and distinct stories (an unclustered item is its own)."""
    story = func.coalesce(items.c.story_id, -items.c.id)
    q = (
        select(
            items.c.primary_therapy,
            func.count().label("items"),
            func.count(story.distinct()).label("stories"),
        )
        .where(items.c.duplicate_of.is_(None))
        .group_by(items.c.primary_therapy)
        .order_by(func.count().desc(), items.c.primary_therapy)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def multi_source_stories(engine: Engine) -> int:
    """How many stories were reported by two or more sources."""
    story = func.coalesce(items.c.story_id, -items.c.id).label("story")
    per_story = (
        select(story, func.count(sightings.c.source_id.distinct()).label("n"))
        .select_from(items.join(sightings, sightings.c.item_id == items.c.id))
        .group_by(story)
        .subquery()
    )
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(per_story.c.n >= 2)).scalar_one())

"""Counts for operations (metrics and health): fetch outcomes and latencies, items, sources, outbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, case, func, select

from service.store.schema import fetch_log, items, outbox, sources, stories

# Fetch latency buckets in milliseconds (a feed fetch is 10 ms on a LAN, 30 s at the deadline).
LATENCY_BUCKETS_MS = (50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000)


@dataclass(frozen=True, slots=True)
class FetchStats:
    """Fetch-log totals for one outcome; ``buckets`` counts fetches at or under each bound."""

    outcome: str
    count: int
    duration_ms_sum: int
    buckets: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Everything ``/metrics`` reports from the database, read in one short transaction."""

    fetches: tuple[FetchStats, ...]
    items_by_therapy: dict[str, int]
    stories: int
    sources_by_state: dict[str, int]
    outbox_by_state: dict[str, int]
    last_success: datetime | None


def _fetches(conn: Connection, bounds: Sequence[int]) -> tuple[FetchStats, ...]:
    cols = [func.sum(case((fetch_log.c.duration_ms <= b, 1), else_=0)) for b in bounds]
    q = select(
        fetch_log.c.outcome, func.count(), func.coalesce(func.sum(fetch_log.c.duration_ms), 0), *cols
    ).group_by(fetch_log.c.outcome)
    return tuple(
        FetchStats(r[0], int(r[1]), int(r[2]), tuple(int(v or 0) for v in r[3:]))
        for r in conn.execute(q.order_by(fetch_log.c.outcome))
    )


def _grouped(conn: Connection, column: object) -> dict[str, int]:
    q = select(column, func.count()).group_by(column)  # type: ignore[call-overload]
    return {str(k): int(n) for k, n in conn.execute(q)}


def store_stats(conn: Connection) -> StoreStats:
    """Read every operations count (a handful of grouped aggregates)."""
    state = case(
        (sources.c.enabled.is_(False), "disabled"),
        (sources.c.error_count > 0, "failing"),
        else_="ok",
    )
    last = conn.execute(select(func.max(sources.c.last_success_at))).scalar()
    return StoreStats(
        fetches=_fetches(conn, LATENCY_BUCKETS_MS),
        items_by_therapy=_grouped(conn, items.c.primary_therapy),
        stories=int(conn.execute(select(func.count()).select_from(stories)).scalar_one()),
        sources_by_state=_grouped(conn, state),
        outbox_by_state=_grouped(conn, outbox.c.state),
        last_success=last,
    )

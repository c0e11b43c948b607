"""Source rows: admin operations and the health fields the polling stage records."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, delete, func, or_, select, update

from service.errors import SourceError
from service.models import Source
from service.store.schema import items, sightings, sources
from service.store.util import chunks


def to_source(row: Row[Any] | Mapping[str, Any]) -> Source:
    """A Source from a row of ``sources`` (all columns, or at least ``SOURCE_COLUMNS``)."""
    m = row._mapping if isinstance(row, Row) else row
    return Source(
        id=m["id"],
        name=m["name"],
        url=m["url"],
        kind=m["kind"],
        enabled=bool(m["enabled"]),
        interval_seconds=m["interval_seconds"],
        full_text=bool(m["full_text"]),
        options=dict(m["options"] or {}),
        identity_mode=m["identity_mode"],
        etag=m["etag"],
        last_modified=m["last_modified"],
        content_hash=m["content_hash"],
        last_status=m["last_status"],
        error_count=m["error_count"],
        last_error=m["last_error"],
        last_checked_at=m["last_checked_at"],
        next_check_at=m["next_check_at"],
        ttl_seconds=m["ttl_seconds"],
        redirect_url=m["redirect_url"],
        redirect_count=m["redirect_count"] or 0,
    )


# The columns a Source is made of (its fields, by name): what a claim returns, since every extra
# timestamp column is one more conversion per claimed row in the round's hottest statement.
SOURCE_COLUMNS = tuple(sources.c[f.name] for f in fields(Source))


def insert_source(
    conn: Connection,
    *,
    name: str,
    url: str,
    now: datetime,
    kind: str = "feed",
    interval_seconds: int = 3600,
    full_text: bool = False,
    options: Mapping[str, str] | None = None,
) -> Source:
    """Add a source; SourceError when the name or URL is already taken."""
    clash = conn.execute(
        select(sources.c.name).where(or_(sources.c.name == name, sources.c.url == url))
    ).first()
    if clash:
        raise SourceError(f"sources: {clash.name!r} already uses that name or URL ({url})")
    new_id = conn.execute(
        sources.insert()
        .values(
            name=name,
            url=url,
            kind=kind,
            enabled=True,
            interval_seconds=interval_seconds,
            full_text=full_text,
            options=dict(options or {}),
            identity_mode="guid",
            error_count=0,
            created_at=now,
            next_check_at=now,
        )
        .returning(sources.c.id)
    ).scalar_one()
    return get_source(conn, str(new_id))


def get_source(conn: Connection, ref: str) -> Source:
    """A source by id, name or URL; SourceError naming ``ref`` when there is none."""
    cond = or_(sources.c.name == ref, sources.c.url == ref)
    if ref.isdigit():
        cond = or_(cond, sources.c.id == int(ref))
    row = conn.execute(select(sources).where(cond)).first()
    if row is None:
        raise SourceError(f"sources: no source named {ref!r} (see `therapywatch sources list`)")
    return to_source(row)


def find_source(conn: Connection, ref: str) -> Source | None:
    try:
        return get_source(conn, ref)
    except SourceError:
        return None


def list_sources(conn: Connection) -> list[Source]:
    return [to_source(r) for r in conn.execute(select(sources).order_by(sources.c.name))]


def all_urls(conn: Connection) -> dict[str, str]:
    """URL -> name of every source (for duplicate warnings)."""
    return {r.url: r.name for r in conn.execute(select(sources.c.url, sources.c.name))}


def set_enabled(conn: Connection, ref: str, enabled: bool, now: datetime) -> Source:
    src = get_source(conn, ref)
    values: dict[str, Any] = {"enabled": enabled}
    if enabled:
        values.update(next_check_at=now, error_count=0)
    conn.execute(update(sources).where(sources.c.id == src.id).values(**values))
    return get_source(conn, str(src.id))


def remove_source(conn: Connection, ref: str) -> Source:
    """Delete a source and its sightings; items stay (other feeds may list them)."""
    src = get_source(conn, ref)
    conn.execute(delete(sources).where(sources.c.id == src.id))
    return src


def update_source(conn: Connection, source_id: int, **values: Any) -> None:
    conn.execute(update(sources).where(sources.c.id == source_id).values(**values))


def ensure_source(conn: Connection, name: str, now: datetime, url: str) -> Source:
    """The source with ``url``, created (disabled: a local file is not polled) when missing.

    ``name`` is a preference: when another source has it, a suffix from the URL's hash is added.
    """
    row = conn.execute(select(sources).where(sources.c.url == url)).first()
    if row is not None:
        return to_source(row)
    if find_source(conn, name) is not None:
        name = f"{name[:190]}~{hashlib.sha1(url.encode()).hexdigest()[:8]}"
    src = insert_source(conn, name=name, url=url, now=now)
    conn.execute(update(sources).where(sources.c.id == src.id).values(enabled=False))
    return get_source(conn, str(src.id))


def count_sources(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(sources)).scalar_one())


def names_by_id(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(select(sources.c.id, sources.c.name).where(sources.c.id.in_(wanted)))
    return {r.id: r.name for r in rows}


def _due_condition(now: datetime, ids: Sequence[int] | None) -> Any:
    free = or_(sources.c.lease_until.is_(None), sources.c.lease_until < now)
    if ids is not None:
        # An operator asked for these sources by name: due or not, enabled or not, but never
        # one another worker holds.
        return and_(sources.c.id.in_(list(ids)), free)
    due = or_(sources.c.next_check_at.is_(None), sources.c.next_check_at <= now)
    return and_(sources.c.enabled.is_(True), due, free)


def count_due(conn: Connection, now: datetime) -> int:
    """How many enabled sources are due at ``now`` and not leased to a worker."""
    q = select(func.count()).select_from(sources).where(_due_condition(now, None))
    return int(conn.execute(q).scalar_one())


def claim_due(
    conn: Connection,
    now: datetime,
    worker_id: str,
    *,
    limit: int,
    lease_seconds: float,
    ids: Sequence[int] | None = None,
) -> list[Source]:
    """Lease up to ``limit`` due sources to ``worker_id`` until ``now + lease_seconds``.

    PostgreSQL: candidates are locked with ``FOR UPDATE SKIP LOCKED``, so concurrent workers
    take disjoint sets; SQLite: one conditional UPDATE (SQLite has one writer at a time). Either
    way a source whose lease has not run out is never handed out twice. The caller commits.
    """
    until = now + timedelta(seconds=lease_seconds)
    cond = _due_condition(now, ids)
    order = (sources.c.next_check_at.is_(None).desc(), sources.c.next_check_at, sources.c.id)
    if conn.dialect.name == "postgresql":
        picked = [
            r.id
            for r in conn.execute(
                select(sources.c.id)
                .where(cond)
                .order_by(*order)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        ]
        if not picked:
            return []
        rows = conn.execute(
            update(sources)
            .where(sources.c.id.in_(picked))
            .values(lease_owner=worker_id, lease_until=until)
            .returning(*SOURCE_COLUMNS)
        ).all()
    else:
        sub = select(sources.c.id).where(cond).order_by(*order).limit(limit).scalar_subquery()
        rows = conn.execute(
            update(sources)
            .where(sources.c.id.in_(sub), cond)
            .values(lease_owner=worker_id, lease_until=until)
            .returning(*SOURCE_COLUMNS)
        ).all()
    return sorted((to_source(r) for r in rows), key=lambda s: s.id)


def weekly_item_counts(conn: Connection, source_ids: Sequence[int], now: datetime) -> dict[int, int]:
    """Items each source carried that were published in the week before ``now`` (its posting rate)."""
    if not source_ids:
        return {}
    since = now - timedelta(days=7)
    out: dict[int, int] = {}
    for part in chunks(list(source_ids)):
        rows = conn.execute(
            select(sightings.c.source_id, func.count())
            .select_from(sightings.join(items, items.c.id == sightings.c.item_id))
            .where(
                sightings.c.source_id.in_(part), items.c.published_at >= since, items.c.published_at <= now
            )
            .group_by(sightings.c.source_id)
        )
        out.update({r[0]: int(r[1]) for r in rows})
    return out


def apply_updates(conn: Connection, updates: Mapping[int, Mapping[str, Any]]) -> None:
    """Write per-source column values: sources given identical values share one
    ``UPDATE ... WHERE id IN (...)``; the rest go in one executemany per distinct set of columns."""
    same: dict[tuple[tuple[str, Any], ...], list[int]] = {}
    single: dict[int, Mapping[str, Any]] = {}
    for source_id, values in updates.items():
        if not values:
            continue
        try:
            key = tuple(sorted(values.items()))
            hash(key)
        except TypeError:  # an unhashable value (none today): written on its own
            single[source_id] = values
            continue
        same.setdefault(key, []).append(source_id)
    for key, ids in same.items():
        if len(ids) == 1:
            single[ids[0]] = dict(key)
            continue
        for part in chunks(ids):
            conn.execute(update(sources).where(sources.c.id.in_(part)).values(dict(key)))
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for source_id, values in single.items():
        keys = tuple(sorted(values))
        groups.setdefault(keys, []).append({"_id": source_id, **{f"v_{k}": values[k] for k in keys}})
    for keys, params in groups.items():
        stmt = (
            update(sources)
            .where(sources.c.id == bindparam("_id"))
            .values({k: bindparam(f"v_{k}") for k in keys})
        )
        conn.execute(stmt, params)


def urls_taken(conn: Connection, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` some source already uses."""
    wanted = list(set(urls))
    if not wanted:
        return set()
    return {r.url for r in conn.execute(select(sources.c.url).where(sources.c.url.in_(wanted)))}

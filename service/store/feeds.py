"""Stories as the HTTP side reads them: latest stories per selection, and a change fingerprint.

A story is the set of items sharing ``items.story_id`` (filled in by the story stage); an item that
is a near-copy (``duplicate_of``) belongs to the story of the item it copies; any other item is a
story of its own. Reads only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from service.models import Evidence, Item, Sighting, StoryEntry
from service.store.items import sightings_for, to_item
from service.store.schema import items, sightings, sources, stories
from service.store.util import chunks

PAGE = 500
# A therapy that appears once in a blue moon must not make a feed request scan the whole table.
MAX_SCAN = 20_000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Cheap summary of everything a feed shows: when it changes, cached feeds are rebuilt."""

    token: str
    last_change: datetime


def fingerprint(conn: Connection) -> Fingerprint:
    """One round trip over indexed aggregates of items, sightings and stories.

    New items raise max(id); reclassification and merges raise max(updated_at); deletions lower
    the count; a new report of a known story adds a sighting.
    """
    last_sighting = select(func.max(sightings.c.id)).scalar_subquery()
    columns = (
        select(func.count()).select_from(items).scalar_subquery(),
        select(func.max(items.c.id)).scalar_subquery(),
        select(func.max(items.c.updated_at)).scalar_subquery(),
        select(func.max(items.c.first_seen_at)).scalar_subquery(),
        last_sighting,
        select(sightings.c.seen_at).where(sightings.c.id == last_sighting).scalar_subquery(),
        select(func.count()).select_from(stories).scalar_subquery(),
        select(func.max(stories.c.updated_at)).scalar_subquery(),
    )
    row = conn.execute(select(*columns)).one()
    times = [_aware(row[i]) for i in (2, 3, 5, 7) if row[i] is not None]
    return Fingerprint(token="|".join(str(v) for v in row), last_change=max(times, default=EPOCH))


def _aware(value: Any) -> datetime:
    # Aggregates bypass the column type on SQLite, which hands back naive text or datetimes.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _labels(m: Mapping[Any, Any]) -> list[str]:
    out = [m["primary_therapy"]] if m["primary_therapy"] != "none" else []
    out.extend(s for s in (m["discussed"] or ()) if s != "none")
    return out


def _story_key(m: Mapping[Any, Any]) -> tuple[str, int]:
    if m["story_id"] is not None:
        return ("s", int(m["story_id"]))
    return ("i", int(m["duplicate_of"] or m["id"]))


def _matches(m: Mapping[Any, Any], wanted: Collection[str] | None) -> bool:
    return wanted is None or any(s in wanted for s in _labels(m))


def _pick_keys(conn: Connection, wanted: Collection[str] | None, limit: int) -> list[tuple[str, int]]:
    """Keys of the newest ``limit`` stories with an item labelled with one of ``wanted``."""
    found: dict[tuple[str, int], None] = {}
    q = select(
        items.c.id,
        items.c.story_id,
        items.c.duplicate_of,
        items.c.primary_therapy,
        items.c.discussed,
    ).order_by(items.c.first_seen_at.desc(), items.c.id.desc())
    for offset in range(0, MAX_SCAN, PAGE):
        rows = [r._mapping for r in conn.execute(q.limit(PAGE).offset(offset))]
        for m in rows:
            if _matches(m, wanted):
                found.setdefault(_story_key(m))
                if len(found) >= limit:
                    return list(found)
        if len(rows) < PAGE:
            break
    return list(found)


def _members(conn: Connection, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], list[Any]]:
    story_ids = [k for kind, k in keys if kind == "s"]
    item_ids = [k for kind, k in keys if kind == "i"]
    out: dict[tuple[str, int], list[Any]] = {k: [] for k in keys}
    conds = []
    for part in chunks(story_ids):
        conds.append(items.c.story_id.in_(part))
    for part in chunks(item_ids):
        conds.append(items.c.id.in_(part))
        conds.append(items.c.duplicate_of.in_(part))
    for cond in conds:
        for r in conn.execute(select(items).where(cond)):
            key = _story_key(r._mapping)
            if key in out and all(r.id != o.id for o in out[key]):
                out[key].append(r._mapping)
    return out


def _representatives(conn: Connection, story_ids: Sequence[int]) -> dict[int, int]:
    reps: dict[int, int] = {}
    for part in chunks(list(story_ids)):
        q = select(stories.c.id, stories.c.representative_item_id).where(stories.c.id.in_(part))
        reps.update({r.id: r.representative_item_id for r in conn.execute(q) if r.representative_item_id})
    return reps


def _evidence(m: Mapping[Any, Any], slug: str | None) -> tuple[Evidence, ...]:
    for t in m["therapies"] or ():
        if isinstance(t, dict) and t.get("slug") == slug:
            found = [e for e in t.get("evidence") or () if isinstance(e, dict) and "text" in e]
            return tuple(
                Evidence(
                    str(e.get("field", "")), int(e.get("start", 0)), int(e.get("end", 0)), str(e["text"])
                )
                for e in found
            )
    return ()


def _ordered_union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for s in group:
            seen.setdefault(s)
    return tuple(seen)


def _build(
    key: tuple[str, int], rows: list[Any], rep_id: int | None, seen: Mapping[int, list[Sighting]]
) -> StoryEntry:
    rows.sort(key=lambda m: (m["first_seen_at"], m["id"]))
    first = rows[0]
    rep = next((m for m in rows if m["id"] == rep_id), first)
    ordered = [rep, *(m for m in rows if m is not rep)]
    reports: dict[str, Sighting] = {}
    for m in ordered:
        for s in seen.get(m["id"], ()):
            reports.setdefault(s.source, s)
    therapies = _ordered_union(_labels(m) for m in ordered)
    updated = max(max(m["updated_at"], m["first_seen_at"]) for m in rows)
    item: Item = to_item(rep, seen.get(rep["id"], ()))
    return StoryEntry(
        guid_key=first["identity_key"],
        item=item,
        first_seen=first["first_seen_at"],
        updated=updated,
        sources=tuple(reports.values()),
        therapies=therapies,
        evidence=_evidence(rep, therapies[0] if therapies else None),
    )


def latest_stories(
    conn: Connection, *, therapies: Collection[str] | None = None, limit: int = 100
) -> list[StoryEntry]:
    """The newest ``limit`` stories, newest first; only those labelled with one of ``therapies``
    (primary or discussed, on any of their items) when it is given."""
    wanted = set(therapies) if therapies is not None else None
    keys = _pick_keys(conn, wanted, limit)
    if not keys:
        return []
    members = _members(conn, keys)
    reps = _representatives(conn, [k for kind, k in keys if kind == "s"])
    seen = sightings_for(conn, (m["id"] for rows in members.values() for m in rows))
    out = [
        _build(key, rows, reps.get(key[1]) if key[0] == "s" else key[1], seen)
        for key, rows in members.items()
        if rows
    ]
    out.sort(key=lambda s: (s.first_seen, s.item.id), reverse=True)
    return out


def last_success(conn: Connection) -> datetime | None:
    """When any source was last fetched successfully."""
    value = conn.execute(select(func.max(sources.c.last_success_at))).scalar()
    return _aware(value) if value is not None else None

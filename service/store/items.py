"""Items, their identity keys, sightings and tombstones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Connection, Row, Text, bindparam, cast, delete, func, select, update

from service.models import Item, Sighting
from service.store.schema import item_keys, items, sightings, tombstones
from service.store.util import chunks, insert_ignore, lookup


def lookup_keys(conn: Connection, keys: Iterable[str]) -> dict[str, int]:
    """Which of ``keys`` are known, and the item each belongs to."""
    return lookup(conn, item_keys.c.key, item_keys.c.item_id, keys)


def tombstoned(conn: Connection, keys: Iterable[str]) -> set[str]:
    wanted = sorted(set(keys))
    dead: set[str] = set()
    for part in chunks(wanted):
        q = select(tombstones.c.identity_key).where(tombstones.c.identity_key.in_(part))
        dead.update(conn.execute(q).scalars())
    return dead


def insert_items(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert new item rows; return their ids in the order given."""
    if not rows:
        return []
    if conn.dialect.name == "sqlite":
        # SQLite cannot return ids in parameter order from a multi-row INSERT, so SQLAlchemy sends
        # one statement per row for RETURNING (160 us a row, the largest cost of a polling round).
        # One executemany and a lookup by the unique identity key cost less than half of that.
        conn.execute(items.insert(), list(rows))
        by_key = lookup_item_ids(conn, [r["identity_key"] for r in rows])
        return [by_key[r["identity_key"]] for r in rows]
    result = conn.execute(items.insert().returning(items.c.id, sort_by_parameter_order=True), list(rows))
    return [r.id for r in result]


def allocate_item_ids(conn: Connection, n: int) -> list[int]:
    """``n`` ids for items about to be inserted in this transaction (``insert_merged_items``)."""
    if n <= 0:
        return []
    if conn.dialect.name == "postgresql":
        q = "SELECT nextval(pg_get_serial_sequence('items', 'id')) FROM generate_series(1, %(n)s)"
        return [int(r[0]) for r in conn.exec_driver_sql(q, {"n": n})]
    # pysqlite opens the transaction at its first write statement, and reads before it see each
    # their own snapshot: take the write lock first (a write that changes nothing), so no other
    # writer adds items, or stories (create_stories reads max(id) the same way), until we commit.
    conn.exec_driver_sql("UPDATE items SET id = id WHERE 0")
    top = conn.execute(select(func.max(items.c.id))).scalar()
    start = int(top or 0) + 1
    return list(range(start, start + n))


def insert_merged_items(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert item rows that carry their ``id`` and their grouping (``story_id``, ``duplicate_of``,
    ``merged_with``, ``merge_method``, ``merge_score`` and ``signature_json``, the event signature
    as JSON text, written as it is), in order: a row may name an earlier one of ``rows``."""
    if not rows:
        return
    text = bindparam("signature_json", type_=Text)
    signature = cast(text, JSON) if conn.dialect.name == "postgresql" else text
    conn.execute(items.insert().values(signature=signature), list(rows))


def lookup_item_ids(conn: Connection, identity_keys: Iterable[str]) -> dict[str, int]:
    """The ids of the items stored under ``identity_keys``."""
    return lookup(conn, items.c.identity_key, items.c.id, identity_keys)


def insert_keys(conn: Connection, pairs: Sequence[tuple[str, int]]) -> None:
    if pairs:
        conn.execute(insert_ignore(conn, item_keys), [{"key": k, "item_id": i} for k, i in pairs])


def add_sightings(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Record where items were seen; a repeat of the same (item, source) is ignored."""
    if rows:
        conn.execute(insert_ignore(conn, sightings), list(rows))


def to_item(m: Mapping[Any, Any], seen: Sequence[Sighting] = ()) -> Item:
    return Item(
        id=m["id"],
        story_id=m["story_id"] or m["id"],
        identity_key=m["identity_key"],
        title=m["title"],
        url=m["url"],
        summary=m["summary"],
        content=m["content"],
        published=m["published_at"],
        first_seen=m["first_seen_at"],
        primary=m["primary_therapy"],
        discussed=tuple(m["discussed"] or ()),
        conditions=tuple(m["conditions"] or ()),
        sightings=tuple(seen),
        author=m["author"],
        content_html=m["content_html"],
    )


def sightings_for(conn: Connection, item_ids: Iterable[int]) -> dict[int, list[Sighting]]:
    out: dict[int, list[Sighting]] = defaultdict(list)
    ids = sorted(set(item_ids))
    for part in chunks(ids):
        q = (
            select(sightings.c.item_id, sightings.c.source_name, sightings.c.guid, sightings.c.url)
            .where(sightings.c.item_id.in_(part))
            .order_by(sightings.c.id)
        )
        for r in conn.execute(q):
            out[r.item_id].append(Sighting(source=r.source_name, guid=r.guid, url=r.url))
    return out


def list_items(
    conn: Connection,
    *,
    therapy: str | None = None,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[Item]:
    """Stored items, newest first, with their sightings."""
    q = select(items).order_by(items.c.first_seen_at.desc(), items.c.id.desc())
    if therapy:
        # JSON containment differs per dialect; filter discussed in Python, primary in SQL.
        q = q.where(items.c.primary_therapy == therapy) if therapy == "none" else q
    if since is not None:
        q = q.where(items.c.first_seen_at >= since)
    rows = [r._mapping for r in conn.execute(q)]
    if therapy and therapy != "none":
        rows = [m for m in rows if therapy in (m["discussed"] or ()) or m["primary_therapy"] == therapy]
    if limit is not None:
        rows = rows[:limit]
    seen = sightings_for(conn, (m["id"] for m in rows))
    return [to_item(m, seen.get(m["id"], ())) for m in rows]


def get_item_row(conn: Connection, item_id: int) -> Row[Any] | None:
    return conn.execute(select(items).where(items.c.id == item_id)).first()


def get_item(conn: Connection, item_id: int) -> Item | None:
    row = get_item_row(conn, item_id)
    if row is None:
        return None
    return to_item(row._mapping, sightings_for(conn, [item_id]).get(item_id, ()))


def delete_item(conn: Connection, item_id: int, now: datetime) -> bool:
    """Delete an item and tombstone every key it had, so no feed brings it back."""
    keys = list(conn.execute(select(item_keys.c.key).where(item_keys.c.item_id == item_id)).scalars())
    if get_item_row(conn, item_id) is None:
        return False
    key = conn.execute(select(items.c.identity_key).where(items.c.id == item_id)).scalar_one()
    dead = sorted({*keys, key})
    conn.execute(insert_ignore(conn, tombstones), [{"identity_key": k, "deleted_at": now} for k in dead])
    conn.execute(update(items).where(items.c.duplicate_of == item_id).values(duplicate_of=None))
    conn.execute(delete(items).where(items.c.id == item_id))
    return True


def count_items(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(items)).scalar_one())

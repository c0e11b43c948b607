"""Stories, the LSH band index and the story name index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, select, update

from service.store.schema import items, stories
from service.store.util import chunks, is_postgres


def band_matches(conn: Connection, buckets: Iterable[int], per_bucket: int) -> dict[int, list[int]]:
    """The newest ``per_bucket`` items stored under each of ``buckets``: bucket -> item ids.

    A bucket that many items share (a boilerplate paragraph every release of one company ends
    with) says little about any of them, and reading all of it would make a lookup cost grow with
    the store: only its newest rows are read, found by a backward walk of the (bucket, item_id) key.
    """
    found: dict[int, list[int]] = defaultdict(list)
    wanted = sorted(set(buckets))
    if not wanted:
        return found
    if is_postgres(conn):
        sql = (
            "SELECT v.b, l.item_id FROM unnest(%(b)s::bigint[]) AS v(b) CROSS JOIN LATERAL "
            "(SELECT item_id FROM lsh_bands WHERE bucket = v.b ORDER BY item_id DESC LIMIT %(n)s) AS l"
        )
        for bucket, item_id in conn.exec_driver_sql(sql, {"b": wanted, "n": per_bucket}):
            found[bucket].append(item_id)
        return found
    for part in chunks(wanted, 2000):
        # Bucket keys are integers we computed, so they are written into the statement: bound
        # one by one they cost more to bind than the indexed lookup itself. For each bucket the
        # subquery finds the per_bucket-th newest item id, and the join reads from there on.
        sql = (
            f"WITH v(b) AS (VALUES {','.join(f'({int(b)})' for b in part)}) "
            "SELECT v.b, l.item_id FROM v JOIN lsh_bands AS l ON l.bucket = v.b AND l.item_id >= "
            "coalesce((SELECT x.item_id FROM lsh_bands AS x WHERE x.bucket = v.b "
            f"ORDER BY x.item_id DESC LIMIT 1 OFFSET {int(per_bucket) - 1}), 0)"
        )
        for bucket, item_id in conn.exec_driver_sql(sql):
            found[bucket].append(item_id)
    return found


def key_matches(
    conn: Connection, keys: Iterable[int], start: int, end: int
) -> dict[int, list[tuple[int, int]]]:
    """Items indexed under any of ``keys`` and published in [start, end] (Unix seconds):
    key -> (item id, published)."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    wanted = sorted(set(keys))
    if is_postgres(conn):
        sql = (
            "SELECT key, item_id, published_ts FROM story_keys WHERE key = ANY(%(k)s::bigint[]) "
            "AND published_ts BETWEEN %(s)s AND %(e)s"
        )
        rows = conn.exec_driver_sql(sql, {"k": wanted, "s": int(start), "e": int(end)}) if wanted else ()
        for key, item_id, ts in rows:
            found[key].append((item_id, ts))
        return found
    for part in chunks(wanted, 2000):
        sql = (
            "SELECT key, item_id, published_ts FROM story_keys "
            f"WHERE key IN ({','.join(str(int(k)) for k in part)}) "
            f"AND published_ts BETWEEN {int(start)} AND {int(end)}"
        )
        for key, item_id, ts in conn.exec_driver_sql(sql):
            found[key].append((item_id, ts))
    return found


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored item as story matching reads it: its story, its root, its signature (JSON text),
    and with ``text=True`` its title and text (content, else summary)."""

    id: int
    story_id: int | None
    duplicate_of: int | None
    signature: str | None
    title: str = ""
    text: str | None = None


def candidates(conn: Connection, ids: Iterable[int], *, text: bool = False) -> list[Candidate]:
    """Stored items by id, with what story matching needs (and their text when ``text``)."""
    out: list[Candidate] = []
    cols = "id, story_id, duplicate_of, signature" + (", title, summary, content" if text else "")
    # Ids are integers from the index, written into the statement like bucket keys; the
    # signature is read as text (decoded by the caller) on both databases.
    sig = "signature::text" if is_postgres(conn) else "signature"
    cols = cols.replace("signature", sig)
    for part in chunks(sorted(set(ids)), 2000):
        sql = f"SELECT {cols} FROM items WHERE id IN ({','.join(str(int(i)) for i in part)})"
        for r in conn.exec_driver_sql(sql):
            if text:
                out.append(Candidate(r[0], r[1], r[2], r[3], r[4] or "", r[6] or r[5] or ""))
            else:
                out.append(Candidate(r[0], r[1], r[2], r[3]))
    return out


# The two index tables: (table, columns, PostgreSQL array types).
_BANDS = ("lsh_bands", ("bucket", "item_id", "band"), ("bigint", "integer", "smallint"))
_KEYS = ("story_keys", ("key", "published_ts", "item_id"), ("bigint", "bigint", "integer"))


def add_index_rows(
    conn: Connection, bands: Sequence[tuple[int, int, int]], keys: Sequence[tuple[int, int, int]]
) -> None:
    """Add band rows (bucket, item_id, band) and story key rows (key, published_ts, item_id)."""
    for (table, columns, types), rows in ((_BANDS, bands), (_KEYS, keys)):
        if not rows:
            continue
        names = ", ".join(columns)
        if is_postgres(conn):
            # One statement, the rows as arrays: psycopg's executemany costs a round trip per row,
            # and there are several band rows per item.
            arrays = ", ".join(f"%s::{t}[]" for t in types)
            conn.exec_driver_sql(
                f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING",
                tuple(list(col) for col in zip(*rows, strict=True)),
            )
        else:
            # The driver's executemany: a row costs a few microseconds instead of SQLAlchemy's
            # per-row parameter processing, and these are the two largest tables. In key order,
            # since bucket keys are random: consecutive inserts then share the B-tree pages they
            # descend through (at 100k stored items, about 28 instead of 41 us per item with the
            # signatures computed in a worker, tests/benchmarks/dedup.py --worker).
            conn.exec_driver_sql(
                f"INSERT INTO {table} ({names}) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", sorted(rows)
            )


def _p(conn: Connection) -> str:
    return "%s" if is_postgres(conn) else "?"


def create_stories(conn: Connection, rows: Sequence[tuple[int | None, str, str]], now: datetime) -> list[int]:
    """Insert stories (representative item id, title, signature JSON text), first seen and updated
    ``now``; return their ids in the order given.

    Ids are taken before the insert so that one executemany does it (no RETURNING per row): on
    PostgreSQL from the id sequence; on SQLite after the largest id, which is safe because the
    caller's transaction already holds the database's write lock (it has allocated item ids, see
    ``items.allocate_item_ids``, or inserted items).
    """
    if not rows:
        return []
    if is_postgres(conn):
        ids = list(
            conn.exec_driver_sql(
                "SELECT nextval(pg_get_serial_sequence('stories', 'id')) FROM generate_series(1, %s)",
                (len(rows),),
            ).scalars()
        )
    else:
        top = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM stories").scalar_one()
        ids = list(range(top + 1, top + 1 + len(rows)))
    stamp = stories.c.updated_at.type.bind_processor(conn.dialect)
    when = stamp(now) if stamp else now
    p = _p(conn)
    conn.exec_driver_sql(
        "INSERT INTO stories (id, representative_item_id, title, signature, first_seen_at, updated_at) "
        f"VALUES ({p}, {p}, {p}, {p}, {p}, {p})",
        [(i, rep, title, sig, when, when) for i, (rep, title, sig) in zip(ids, rows, strict=True)],
    )
    return ids


def get_stories(conn: Connection, ids: Iterable[int]) -> dict[int, Row[Any]]:
    out: dict[int, Row[Any]] = {}
    for part in chunks(sorted(set(ids))):
        out.update({r.id: r for r in conn.execute(select(stories).where(stories.c.id.in_(part)))})
    return out


def touch_stories(conn: Connection, ids: Sequence[int], now: datetime) -> None:
    """Set ``updated_at`` of stories that gained members."""
    for part in chunks(sorted(set(ids))):
        conn.execute(update(stories).where(stories.c.id.in_(part)).values(updated_at=now))


def update_stories(conn: Connection, rows: Sequence[tuple[int, str, str, int]], now: datetime) -> None:
    """Give stories a new representative: rows of (representative item id, title, signature JSON
    text, story id); ``updated_at`` becomes ``now``."""
    if rows:
        stamp = stories.c.updated_at.type.bind_processor(conn.dialect)
        when = stamp(now) if stamp else now
        p = _p(conn)
        conn.exec_driver_sql(
            f"UPDATE stories SET representative_item_id = {p}, title = {p}, signature = {p}, "
            f"updated_at = {p} WHERE id = {p}",
            [(rep, title, sig, when, sid) for rep, title, sig, sid in rows],
        )


def set_item_merges(
    conn: Connection, rows: Sequence[tuple[int, int | None, int | None, str | None, float | None, str, int]]
) -> None:
    """Record each item's merge: rows of (story id, duplicate_of, merged_with, merge method, merge
    score, signature JSON text, item id), written with the driver's executemany."""
    if rows:
        p = _p(conn)
        conn.exec_driver_sql(
            f"UPDATE items SET story_id = {p}, duplicate_of = {p}, merged_with = {p}, merge_method = {p}, "
            f"merge_score = {p}, signature = {p} WHERE id = {p}",
            list(rows),
        )


def list_stories(conn: Connection, *, since: datetime | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Stories, most recently updated first, with their member and source counts."""
    members = (
        select(items.c.story_id, func.count().label("members"))
        .where(items.c.story_id.is_not(None))
        .group_by(items.c.story_id)
        .subquery()
    )
    q = (
        select(stories, members.c.members)
        .join(members, members.c.story_id == stories.c.id)
        .order_by(stories.c.updated_at.desc(), stories.c.id.desc())
        .limit(limit)
    )
    if since is not None:
        q = q.where(stories.c.updated_at >= since)
    return [dict(r._mapping) for r in conn.execute(q)]


def story_members(conn: Connection, story_id: int) -> list[dict[str, Any]]:
    """The items of one story, oldest first, with how each was merged."""
    q = (
        select(
            items.c.id, items.c.title, items.c.url, items.c.published_at, items.c.duplicate_of,
            items.c.merged_with, items.c.merge_method, items.c.merge_score,
        )
        .where(items.c.story_id == story_id)
        .order_by(items.c.published_at, items.c.id)
    )  # fmt: skip
    return [dict(r._mapping) for r in conn.execute(q)]


def merge_facts(conn: Connection, item_id: int) -> dict[str, Any] | None:
    """How one item was merged: story, duplicate_of, merged_with, method, score and signature."""
    q = select(
        items.c.id, items.c.story_id, items.c.duplicate_of, items.c.merged_with, items.c.merge_method,
        items.c.merge_score, items.c.signature, items.c.title,
    ).where(items.c.id == item_id)  # fmt: skip
    row = conn.execute(q).first()
    return dict(row._mapping) if row else None

"""Therapy labels stored on items: read the ones to re-label, write new ones."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select, update

from service.models import Classification
from service.store.schema import items


@dataclass(frozen=True, slots=True)
class StoredLabels:
    """An item's text and its stored labels, as ``reclassify`` needs them."""

    id: int
    title: str
    summary: str
    content: str
    primary: str
    discussed: tuple[str, ...]
    conditions: tuple[str, ...]
    therapies: list[dict[str, Any]]
    lexicon_version: str | None


def label_columns(c: Classification) -> dict[str, Any]:
    """The item columns that hold a classification and its evidence."""
    return {
        "primary_therapy": c.primary,
        "discussed": list(c.discussed),
        "conditions": list(c.conditions),
        "therapies": [
            {
                "slug": t.slug,
                "score": round(t.score, 4),
                "evidence": [
                    {"field": e.field, "start": e.start, "end": e.end, "text": e.text} for e in t.evidence
                ],
            }
            for t in c.therapies
        ],
        "lexicon_version": c.lexicon_version,
    }


def iter_labels(
    conn: Connection, *, stale_for: str | None, batch: int = 500, after_id: int = 0
) -> Iterator[list[StoredLabels]]:
    """Items in id order, in batches; with ``stale_for``, only those labelled by another version."""
    last = after_id
    while True:
        q = select(items).where(items.c.id > last).order_by(items.c.id).limit(batch)
        if stale_for is not None:
            q = q.where(or_(items.c.lexicon_version.is_(None), items.c.lexicon_version != stale_for))
        rows = [r._mapping for r in conn.execute(q)]
        if not rows:
            return
        last = rows[-1]["id"]
        yield [
            StoredLabels(
                id=m["id"],
                title=m["title"],
                summary=m["summary"] or "",
                content=m["content"] or "",
                primary=m["primary_therapy"],
                discussed=tuple(m["discussed"] or ()),
                conditions=tuple(m["conditions"] or ()),
                therapies=list(m["therapies"] or []),
                lexicon_version=m["lexicon_version"],
            )
            for m in rows
        ]


def get_labels(conn: Connection, item_id: int) -> StoredLabels | None:
    """One item's stored labels, or None when there is no such item."""
    for part in iter_labels(conn, stale_for=None, batch=1, after_id=item_id - 1):
        return part[0] if part[0].id == item_id else None
    return None


def write_labels(conn: Connection, item_id: int, c: Classification) -> None:
    conn.execute(update(items).where(items.c.id == item_id).values(**label_columns(c)))

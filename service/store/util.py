"""Dialect helpers shared by the store modules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Column, Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")

# SQLite's default limit on bound parameters is 32766 (999 before 3.32); stay well below it.
CHUNK = 500


def chunks(seq: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(seq), size):
        yield seq[start : start + size]


def insert_ignore(conn: Connection, table: Table) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` for the connection's dialect."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def lookup(conn: Connection, key: Column[Any], value: Column[Any], wanted: Iterable[Any]) -> dict[Any, Any]:
    """``{key: value}`` for the rows whose ``key`` is one of ``wanted``, read in chunks."""
    found: dict[Any, Any] = {}
    for part in chunks(sorted(set(wanted))):
        # Rows, not the result: dict.update would take a result (it has keys()) for a mapping.
        found.update((k, v) for k, v in conn.execute(select(key, value).where(key.in_(part))))
    return found

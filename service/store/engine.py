"""Engines and migrations. Built by the entrypoints and passed in; nothing here runs at import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from service.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets the HTTP server read while a poll writes; busy_timeout makes a second process wait
    # for the lock instead of failing at once; SQLite leaves foreign keys off unless asked.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    # 64 MB of page cache instead of the 2 MB default: the near-duplicate band index is read at
    # random, and with the default most lookups went back to the OS for pages once the store held
    # 100k items (tests/benchmarks/dedup.py).
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for ``url``; for SQLite, create the parent folder and set the pragmas."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _transactional_ddl(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite opens a transaction only before INSERT/UPDATE/DELETE, so CREATE TABLE commits at
    # once: a migration killed half-way left tables without their alembic_version row, and the
    # next init failed on "table already exists". With the driver's own handling off and BEGIN
    # sent by SQLAlchemy (its documented recipe), each migration is all or nothing.
    dbapi_conn.isolation_level = None


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to ``revision`` (one transaction per migration, on SQLite too)."""
    target = engine
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        target = make_engine(url.render_as_string(hide_password=False), poolclass=NullPool)
        event.listen(target, "connect", _transactional_ddl)
        event.listen(target, "begin", _begin)
    try:
        command.upgrade(alembic_config(target), revision)
    except SQLAlchemyError as e:
        raise StoreError(f"store: migration failed on {engine.url!r}: {e}") from e
    finally:
        if target is not engine:
            target.dispose()

"""The CLI starts and the schema migrates on both engines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import op as alembic_op
from click.testing import CliRunner
from sqlalchemy import Engine, inspect

from service.entrypoints.cli import main
from service.store.engine import make_engine, migrate


def test_help_lists_command_groups() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    for name in ("init", "config", "sources", "ingest", "items"):
        assert name in result.output


def test_migrations_create_backbone_tables(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {"sources", "items", "item_keys", "sightings", "tombstones", "fetch_log"} <= tables


def test_a_migration_that_fails_half_way_leaves_nothing_behind_on_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite DDL must be transactional during migrations: a migration stopped after some of its
    tables exist (a crash, a failure) must leave none of them, or the next `init` fails on "table
    already exists" (seen once in the SIGKILL test)."""
    url = f"sqlite:///{tmp_path / 'half.db'}"
    engine = make_engine(url)
    real = alembic_op.create_index
    calls = {"n": 0}

    def failing_create_index(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:  # tables of the first migration already created
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(alembic_op, "create_index", failing_create_index)
    with pytest.raises(RuntimeError, match="power cut"):
        migrate(engine)
    with engine.connect() as conn:
        stopped_at = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    reference = make_engine(f"sqlite:///{tmp_path / 'reference.db'}")
    if stopped_at:
        migrate(reference, stopped_at)
    # Exactly the tables of the last completed migration: none of the failed one's.
    assert set(inspect(engine).get_table_names()) == set(inspect(reference).get_table_names()) | {
        "alembic_version"
    }
    reference.dispose()
    monkeypatch.setattr(alembic_op, "create_index", real)
    migrate(engine)
    assert {"sources", "items", "subscribers"} <= set(inspect(engine).get_table_names())
    engine.dispose()

"""The CLI starts and the schema migrates on both engines."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import Engine, inspect

from service.entrypoints.cli import main


def test_help_lists_command_groups() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    for name in ("init", "config", "sources", "ingest", "items"):
        assert name in result.output


def test_migrations_create_backbone_tables(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {"sources", "items", "item_keys", "sightings", "tombstones", "fetch_log"} <= tables

"""Listing output for the CLI: every listing prints as table, json, jsonl or csv."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])

# Cells starting with these are run as formulas by spreadsheet programs (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_option(default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=default,
        show_default=True,
        help="Output format.",
    )


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def safe_csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will show as text, never evaluate."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    text = str(_plain(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def emit(rows: Sequence[Mapping[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> None:
    """Print ``rows`` in ``fmt``; ``columns`` picks and orders the table/CSV columns."""
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        click.echo(json.dumps([_plain(dict(r)) for r in rows], indent=2, ensure_ascii=False))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(_plain(dict(r)), ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(cols)
        for r in rows:
            writer.writerow([safe_csv_cell(r.get(c)) for c in cols])
        click.echo(buf.getvalue(), nl=False)
    else:
        table = Table(show_lines=False)
        for c in cols:
            table.add_column(c)
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in cols))
        Console(soft_wrap=False).print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)

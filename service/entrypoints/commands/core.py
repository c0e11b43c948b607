"""init, config and ingest: set-up and the offline path."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import emit, format_option
from service.ingest import IngestResult, feed_files, ingest_file
from service.store.engine import make_engine, migrate


@click.command()
@pass_ctx
def init(ctx: Context) -> None:
    """Create the database, or migrate it to the latest schema."""
    url = ctx.settings.database_url
    migrate(make_engine(url))
    click.echo(f"database ready: {ctx.settings.redacted()['database_url']}")


@click.command()
@format_option(default="table")
@pass_ctx
def config(ctx: Context, fmt: str) -> None:
    """Print the settings in force, with secrets redacted."""
    values = ctx.settings.redacted()
    if fmt in ("json", "jsonl"):
        click.echo(json.dumps(values, indent=2 if fmt == "json" else None))
        return
    emit([{"setting": "THERAPYWATCH_" + k.upper(), "value": v} for k, v in values.items()], fmt)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--quiet", is_flag=True, help="Print only the summary line.")
@pass_ctx
def ingest(ctx: Context, paths: tuple[Path, ...], quiet: bool) -> None:
    """Ingest local feed files (or folders of them) through the full pipeline.

    Exits non-zero only when no file could be read as a feed.
    """
    app = ctx.app
    files = feed_files(list(paths))
    results: list[IngestResult] = []
    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=quiet or not console.is_terminal) as bar:
        task = bar.add_task("ingesting", total=len(files))
        for f in files:
            results.append(ingest_file(app.engine, f, app.now()))
            bar.advance(task)
    errors = [r for r in results if r.error]
    if not quiet:
        for r in errors:
            click.echo(f"error: {r.source}: {r.error}", err=True)
    click.echo(
        f"{len(files)} files, {sum(r.new_items for r in results)} new items, "
        f"{sum(r.duplicates for r in results)} duplicates, {len(errors)} errors"
    )
    if files and len(errors) == len(files):
        raise SystemExit(1)


COMMANDS = [init, config, ingest]

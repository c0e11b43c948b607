"""fetch: one polling pass now, with a progress bar and a summary."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import select

from scrapers.fetch import build_session
from service.entrypoints.bootstrap import App
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.scheduler import parse_pool, run_loop, worker_name
from service.jobs import PollReport, SourceOutcome, poll_due
from service.store import sources as store
from service.store.schema import sources as sources_table

# From this many sources on, a pass parses in worker processes (as `run` always does), so the
# event loop is never held by parsing; below it, starting the workers would cost more than it saves.
POOL_FROM = 20


def _ids(app: App, names: Sequence[str], every: bool) -> list[int] | None:
    """The sources to poll regardless of schedule, or None for "whatever is due"."""
    with app.engine.connect() as conn:
        if names:
            return [store.get_source(conn, n).id for n in names]
        if every:
            rows = conn.execute(select(sources_table.c.id).where(sources_table.c.enabled.is_(True)))
            return [r.id for r in rows]
    return None


async def _run(
    app: App, ids: list[int] | None, console: Console, quiet: bool, executor: Executor | None
) -> PollReport:
    settings = app.settings
    with Progress(
        TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=console, disable=quiet, transient=False,
    ) as progress:  # fmt: skip
        task = progress.add_task("", total=None)

        def claimed(n: int) -> None:
            progress.update(task, total=n)

        def done(o: SourceOutcome) -> None:
            progress.update(task, advance=1, description=o.source[:40])

        async with build_session(
            user_agent=settings.user_agent, allow_private_networks=settings.allow_private_networks
        ) as session:
            return await poll_due(
                app.engine, session, settings, app.now(), worker_id=f"cli-{worker_name()}",
                limit=max(len(ids), 1) if ids is not None else 100_000, source_ids=ids,
                on_claimed=claimed, on_done=done, executor=executor,
            )  # fmt: skip


@click.command("fetch")
@click.option("--source", "names", multiple=True, help="Poll this source now (name, id or URL); repeatable.")
@click.option("--all", "every", is_flag=True, help="Poll every enabled source now, due or not.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@pass_ctx
def fetch(ctx: Context, names: tuple[str, ...], every: bool, quiet: bool) -> None:
    """One polling pass: the sources that are due (or the ones named), then a summary."""
    app = ctx.app
    ids = _ids(app, names, every)
    console = Console(stderr=True)
    if ids is not None:
        work = len(ids)
    else:
        with app.engine.connect() as conn:
            work = store.count_due(conn, app.now())
    pool = parse_pool() if work >= POOL_FROM else None
    try:
        report = run_loop(_run(app, ids, console, quiet, pool))
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    out = Console()
    summary = Table(title="fetch summary")
    for col in ("sources", "fetched", "not modified", "new items", "errors"):
        summary.add_column(col, justify="right")
    summary.add_row(*(str(v) for v in (report.claimed, report.fetched, report.not_modified, report.new_items,
                                        report.errors)))  # fmt: skip
    out.print(summary)
    failed = [o for o in report.outcomes if o.error]
    if failed:
        errors = Table(title="errors")
        for col in ("source", "status", "error"):
            errors.add_column(col)
        for o in failed:
            errors.add_row(o.source, o.status, o.error or "")
        out.print(errors)
    if report.claimed == 0:
        click.echo("nothing was due (use --all or --source NAME to poll now)", err=True)


COMMANDS: list[click.Command] = [fetch]

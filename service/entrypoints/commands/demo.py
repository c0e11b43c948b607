"""demo: an offline end-to-end run on the bundled sample sources."""

from __future__ import annotations

import asyncio

import click
from rich.console import Console
from rich.table import Table

from service.demo import server as sample_server
from service.demo.run import (
    CycleReport,
    multi_source_stories,
    remember_port,
    remembered_port,
    run_cycle,
    therapy_counts,
)
from service.entrypoints.bootstrap import App
from service.entrypoints.commands.serve import serve_http
from service.entrypoints.context import Context, pass_ctx
from service.models import THERAPY_NAMES
from service.tokens import subscriber_links


def _sources_table(report: CycleReport) -> Table:
    new = {o.source: o.new_items for o in report.outcomes}
    table = Table(title="sources and their health")
    table.add_column("source", no_wrap=True)
    for col in ("kind", "status", "new items", "errors"):
        table.add_column(col, no_wrap=True)
    table.add_column("last error")
    for s in report.sources:
        status = s.last_status or "never polled"
        style = "red" if s.last_error and not s.last_error.startswith("warning") else "green"
        table.add_row(
            s.name, s.kind, f"[{style}]{status}[/]", str(new.get(s.name, 0)), str(s.error_count),
            (s.last_error or "")[:90],
        )  # fmt: skip
    return table


def _therapy_table(app: App) -> Table:
    table = Table(title="stories per therapy type (primary label)")
    table.add_column("therapy type")
    table.add_column("slug")
    table.add_column("stories", justify="right")
    table.add_column("items", justify="right")
    for row in therapy_counts(app.engine):
        slug = row["primary_therapy"]
        table.add_row(THERAPY_NAMES.get(slug, "no therapy"), slug, str(row["stories"]), str(row["items"]))
    return table


def _digests_table(report: CycleReport) -> Table:
    table = Table(title="digests in the outbox (each subscriber's next send time, written ahead)")
    for col in ("to", "subject", "state"):
        table.add_column(col)
    table.add_column("files", overflow="fold")
    for d in report.digests:
        files = str(d.eml) + (f"\n{d.preview}" if d.preview else "")
        table.add_row(d.email, d.subject, d.state, files)
    return table


def _urls(app: App, report: CycleReport) -> Table:
    base = app.settings.base_url.rstrip("/")
    table = Table(title="open these", show_header=False)
    table.add_column("what")
    table.add_column("URL", overflow="fold")
    table.add_row("home page: latest stories by therapy type", f"{base}/")
    for ext, kind in ((".xml", "RSS 2.0"), (".atom", "Atom 1.0"), (".json", "JSON Feed 1.1")):
        table.add_row(f"everything, {kind}", f"{base}/feeds/all{ext}")
    table.add_row("CAR-T only, RSS 2.0", f"{base}/feeds/therapy/car-t.xml")
    if report.subscribers:
        sub = report.subscribers[0]
        links = subscriber_links(base, app.settings.secret_key or "", sub.id)
        table.add_row(f"{sub.email}'s own feed", links["feed_url"])
        table.add_row(f"{sub.email}'s preferences", links["preferences_url"])
    return table


async def _cycle(app: App, console: Console) -> CycleReport:
    server = await sample_server.start(app.now, port=remembered_port(app.engine))
    try:
        remember_port(app.engine, server.port)
        console.print(f"sample sources served at [bold]{server.base_url}/[/]")
        with console.status("polling the sample sources, classifying, clustering, writing digests..."):
            return await run_cycle(app.engine, app.settings, server.base_url, app.now())
    finally:
        await server.close()


@click.command("demo")
@click.option("--once", is_flag=True, help="Exit after the first cycle instead of serving.")
@pass_ctx
def demo(ctx: Context, once: bool) -> None:
    """Offline end-to-end run on bundled sample sources (no network, no mail server).

    Serves sample feeds on 127.0.0.1, polls, classifies and clusters them into the database
    (THERAPYWATCH_DATABASE_URL, default ./var/therapywatch.db), writes the demo subscribers'
    digests to the outbox (THERAPYWATCH_OUTBOX_DIR, default ./var/outbox) and prints a summary.
    Safe to run again: nothing is duplicated.
    """
    app = ctx.app
    console = Console()
    if not console.is_terminal:
        # Piped or captured output (CI logs, tests) gets rich's 80 columns; the tables need more.
        console = Console(width=140)
    report = asyncio.run(_cycle(app, console))
    console.print(_sources_table(report))
    console.print(_therapy_table(app))
    console.print(f"stories reported by two or more sources: {multi_source_stories(app.engine)}")
    subs = Table(title="demo subscribers")
    for col in ("email", "therapies", "frequency", "time zone"):
        subs.add_column(col)
    for s in report.subscribers:
        subs.add_row(s.email, ", ".join(s.therapies) or "all", s.frequency, s.timezone)
    console.print(subs)
    console.print(_digests_table(report))
    console.print(_urls(app, report))
    if once:
        console.print("run [bold]therapywatch serve[/] (or [bold]make demo[/] without --once) to open them.")
    else:
        host, port = app.settings.http_host, app.settings.http_port
        console.print(f"serving on [bold]http://{host}:{port}/[/] (Ctrl-C to stop)")
        asyncio.run(serve_http(app, host, port))


COMMANDS: list[click.Command] = [demo]

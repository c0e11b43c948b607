"""serve and run: the HTTP server alone, or the scheduler (polling, digests) and HTTP in one loop.

uvicorn handles SIGINT/SIGTERM by finishing in-flight requests, then re-raises the signal to the
handler that was installed before it started; ``_quiet_signals`` installs one that only takes
note, so ``run`` can stop the scheduler (releasing leadership and leases) and exit with 0.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import FrameType
from typing import Any

import click
import uvicorn

from digests.mailer import make_mailer
from scrapers.fetch import build_session
from service.entrypoints.bootstrap import App
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.scheduler import build_scheduler, run_loop, tune_gc
from service.entrypoints.web import create_app
from service.jobs import send_due_digests

log = logging.getLogger("therapywatch.serve")
# Digests are due at a subscriber's local minute; a minute's tick sends them on time.
DIGEST_EVERY_SECONDS = 60


@contextmanager
def _quiet_signals() -> Iterator[list[int]]:
    received: list[int] = []

    def note(sig: int, _frame: FrameType | None) -> None:
        received.append(sig)

    previous = {sig: signal.signal(sig, note) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _server(asgi: Any, host: str, port: int) -> uvicorn.Server:
    # No access log: subscriber feed, unsubscribe and preferences URLs carry bearer tokens.
    config = uvicorn.Config(
        asgi,
        host=host,
        port=port,
        lifespan="on",
        access_log=False,
        server_header=False,
        log_level="info",
        timeout_graceful_shutdown=10,
    )
    return uvicorn.Server(config)


async def serve_http(app: App, host: str, port: int) -> None:
    """Serve HTTP until SIGINT or SIGTERM."""
    with _quiet_signals():
        await _server(create_app(app), host, port).serve()


async def run_service(app: App, host: str, port: int, *, digest_every: int = DIGEST_EVERY_SECONDS) -> None:
    """Scheduler and HTTP in this loop; on SIGINT/SIGTERM stop HTTP, then the scheduler."""
    settings = app.settings
    mailer = make_mailer(settings.smtp_url, settings.outbox_dir, concurrency=settings.smtp_concurrency)

    async def digests() -> None:
        # Idempotent: seals what is due from the database and sends due outbox rows.
        report = await send_due_digests(app.engine, mailer, settings, app.now())
        if report.sealed or report.sent or report.failed or report.deferred:
            log.info(
                "digests: sealed %d, sent %d, deferred %d, failed %d",
                report.sealed, report.sent, report.deferred, report.failed,
            )  # fmt: skip

    async with build_session(
        user_agent=settings.user_agent, allow_private_networks=settings.allow_private_networks
    ) as session:
        service = build_scheduler(app, session)
        # next_run_time: a catch-up pass at start for digests that fell due while we were down.
        service.add_job(
            digests, "interval", id="digests", seconds=digest_every, leader_only=True,
            next_run_time=datetime.now(UTC),
        )  # fmt: skip
        asgi = create_app(app, scheduler_alive=lambda: bool(service.scheduler.running))
        with _quiet_signals():
            service.start()
            try:
                await _server(asgi, host, port).serve()
            finally:
                log.info("run: stopping the scheduler")
                await service.shutdown()
                await mailer.close()
    log.info("run: stopped")


def _configure_logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (THERAPYWATCH_HTTP_HOST).")
@click.option("--port", type=int, default=None, help="Port to listen on (THERAPYWATCH_HTTP_PORT).")
@pass_ctx
def serve(ctx: Context, host: str | None, port: int | None) -> None:
    """HTTP only: feeds, the home page, unsubscribe/preferences pages, /healthz, /metrics."""
    _configure_logging()
    app = ctx.app
    run_loop(serve_http(app, host or app.settings.http_host, port or app.settings.http_port))


@click.command("run")
@click.option("--host", default=None, help="Address to listen on (THERAPYWATCH_HTTP_HOST).")
@click.option("--port", type=int, default=None, help="Port to listen on (THERAPYWATCH_HTTP_PORT).")
@pass_ctx
def run(ctx: Context, host: str | None, port: int | None) -> None:
    """The service: the polling scheduler and the HTTP server in one process (stops on SIGTERM)."""
    _configure_logging()
    app = ctx.app
    tune_gc()
    run_loop(run_service(app, host or app.settings.http_host, port or app.settings.http_port))


COMMANDS: list[click.Command] = [serve, run]

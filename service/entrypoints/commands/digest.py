"""digest: preview one subscriber's next digest; send every digest that is due."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import click

from digests.mailer import make_mailer
from digests.schedule import latest_period, window_for
from digests.send import SealPlan, build_digest, plan_due, render_message
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import emit
from service.errors import DeliveryError
from service.jobs import send_due_digests
from service.store import digests as digest_store
from service.store import subscribers as subscriber_store


@click.group()
def digest() -> None:
    """Preview and send digest emails."""


def parse_now(raw: str | None) -> datetime | None:
    if raw is None:
        return None
    try:
        value = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{raw!r} is not an ISO 8601 time like 2026-11-23T08:00:00Z") from None
    if value.tzinfo is None:
        raise click.BadParameter(f"{raw!r} has no time zone; add Z or an offset like +01:00")
    return value.astimezone(UTC)


@digest.command("preview")
@click.argument("email")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "html", "eml"]), default="text", show_default=True
)
@click.option("--now", "now_raw", help="Pretend it is this instant (ISO 8601).")
@pass_ctx
def preview(ctx: Context, email: str, fmt: str, now_raw: str | None) -> None:
    """Show the digest EMAIL would get for their latest period (nothing is recorded or sent)."""
    app = ctx.app
    now = parse_now(now_raw) or app.now()
    with app.engine.connect() as conn:
        sub = subscriber_store.require(conn, email)
        last = digest_store.last_run(conn, sub.id)
    period = latest_period(sub, now)
    start, end = window_for(period, last.window_end if last else None)
    # A preview shows what is waiting up to now, even before the period's send time.
    plan = SealPlan(sub, period, (start, max(end, now)))
    d = build_digest(app.engine, plan)
    _subject, _msg_id, data = render_message(d, app.settings, f"preview.{sub.id}.{period.key}", now)
    if fmt == "eml":
        click.echo(data.decode("utf-8", "replace"), nl=False)
        return
    msg = message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    part = msg.get_body(preferencelist=("html",) if fmt == "html" else ("plain",))
    assert part is not None
    click.echo(f"Subject: {msg['Subject']}\n" if fmt == "text" else "", nl=False)
    click.echo(part.get_content())


@digest.command("send")
@click.option("--now", "now_raw", help="Act as if it were this instant (ISO 8601), e.g. to catch up.")
@click.option("--dry-run", is_flag=True, help="List what is due; seal and send nothing.")
@pass_ctx
def send(ctx: Context, now_raw: str | None, dry_run: bool) -> None:
    """Seal and send every digest that is due (the scheduler runs the same job)."""
    app = ctx.app
    now = parse_now(now_raw) or app.now()
    if dry_run:
        rows = []
        for plan in plan_due(app.engine, now):
            d = build_digest(app.engine, plan)
            rows.append(
                {
                    "email": plan.subscriber.email,
                    "period": plan.period.key,
                    "window_start": plan.window[0],
                    "window_end": plan.window[1],
                    "stories": d.card_count,
                }
            )
        with app.engine.connect() as conn:
            counts = digest_store.outbox_counts(conn)
        emit(rows, "table", ("email", "period", "window_start", "window_end", "stories"))
        click.echo(f"outbox: {counts or 'empty'}")
        return
    settings = app.settings
    mailer = make_mailer(settings.smtp_url, settings.outbox_dir, concurrency=settings.smtp_concurrency)

    async def run() -> None:
        try:
            report = await send_due_digests(app.engine, mailer, settings, now)
        finally:
            await mailer.close()
        click.echo(
            f"sealed {report.sealed} (empty {report.empty}); sent {report.sent}, deferred "
            f"{report.deferred}, failed {report.failed}, skipped {report.skipped}"
        )
        for line in report.errors[:20]:
            click.echo(f"  {line}", err=True)
        if report.paused:
            raise DeliveryError("digest: sending paused after repeated connection failures; will retry")

    asyncio.run(run())


COMMANDS: list[click.Command] = [digest]

"""subscribers: add, list, show, update, pause, resume, remove, import CSV, export."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import click

from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import _plain, emit, format_option, safe_csv_cell
from service.errors import SubscriberError
from service.models import FREQUENCIES, SUBSCRIBER_STATUSES, Subscriber
from service.store import subscribers as store
from service.tokens import subscriber_links

LIST_COLUMNS = ("email", "name", "status", "therapies", "frequency", "day", "time", "timezone")
CSV_COLUMNS = ("email", "name", "therapies", "frequency", "day", "time", "timezone", "status")


def subscriber_row(s: Subscriber) -> dict[str, Any]:
    return {
        "id": s.id,
        "email": s.email,
        "name": s.name,
        "status": s.status,
        "therapies": "all" if s.all_therapies else ",".join(s.therapies),
        "frequency": s.frequency,
        "day": s.day,
        "time": s.send_time,
        "timezone": s.timezone,
        "created_at": s.created_at,
    }


def dst_warning(send_time: str, zone: str, now: datetime) -> str | None:
    """A warning when ``send_time`` falls into a DST gap or fold in ``zone`` within the next year."""
    tz = ZoneInfo(zone)
    hour, minute = map(int, send_time.split(":"))
    day = now.astimezone(tz).date()
    for offset in range(366):
        d = day + timedelta(days=offset)
        first = datetime(d.year, d.month, d.day, hour, minute, tzinfo=tz)
        second = first.replace(fold=1)
        if first.utcoffset() != second.utcoffset():
            return (
                f"warning: {send_time} does not exist or happens twice on {d} in {zone} (a DST change); "
                "the digest is still sent once that day"
            )
    return None


@click.group()
def subscribers() -> None:
    """Manage digest subscribers."""


def _schedule_options(f: Any) -> Any:
    for opt in reversed(
        [
            click.option("--name", help="Display name."),
            click.option("--therapies", help="'all' or comma-separated therapy slugs (car-t,gene-therapy)."),
            click.option("--frequency", type=click.Choice(FREQUENCIES), help="How often (default weekly)."),
            click.option("--day", help="Weekday for weekly digests: mon..sun (default mon)."),
            click.option("--time", "send_time", help="Local send time HH:MM (default 08:00)."),
            click.option("--timezone", help="IANA time zone, e.g. Europe/Berlin (default UTC)."),
        ]
    ):
        f = opt(f)
    return f


@subscribers.command("add")
@click.argument("email")
@_schedule_options
@pass_ctx
def add(
    ctx: Context,
    email: str,
    name: str | None,
    therapies: str | None,
    frequency: str | None,
    day: str | None,
    send_time: str | None,
    timezone: str | None,
) -> None:
    """Subscribe EMAIL (already subscribed: nothing changes, exit 0)."""
    fields = store.build_fields(
        email,
        name=name,
        therapies=therapies,
        frequency=frequency,
        day=day,
        send_time=send_time,
        timezone=timezone,
    )
    app = ctx.app
    with app.engine.begin() as conn:
        sub, created = store.add_subscriber(conn, fields, app.now())
    if not created:
        click.echo(f"{sub.email} is already subscribed (use `subscribers update` to change it)")
        return
    for warning in (dst_warning(sub.send_time, sub.timezone, app.now()), store.lookalike_warning(sub.email)):
        if warning:
            click.echo(warning, err=True)
    click.echo(f"subscribed {sub.email} ({sub.frequency}, {sub.send_time} {sub.timezone})")


@subscribers.command("list")
@click.option("--status", type=click.Choice(SUBSCRIBER_STATUSES), help="Only subscribers in this state.")
@format_option()
@pass_ctx
def list_(ctx: Context, status: str | None, fmt: str) -> None:
    """Every subscriber with their schedule."""
    with ctx.app.engine.connect() as conn:
        found = store.list_subscribers(conn, status=status)
    emit([subscriber_row(s) for s in found], fmt, LIST_COLUMNS if fmt in ("table", "csv") else None)
    for s in found:
        warning = store.lookalike_warning(s.email)
        if warning:
            click.echo(warning, err=True)


@subscribers.command("show")
@click.argument("email")
@format_option(default="json")
@pass_ctx
def show(ctx: Context, email: str, fmt: str) -> None:
    """One subscriber, with the signed feed, preferences and unsubscribe links."""
    app = ctx.app
    with app.engine.connect() as conn:
        sub = store.require(conn, email)
    assert app.settings.secret_key is not None
    row = subscriber_row(sub) | {
        "therapies": ["all"] if sub.all_therapies else list(sub.therapies),
        **subscriber_links(app.settings.base_url, app.settings.secret_key, sub.id),
    }
    if fmt == "json":
        click.echo(json.dumps(_plain(row), indent=2, ensure_ascii=False))
    elif fmt == "table":
        emit([{"field": k, "value": v} for k, v in row.items()], "table")
    else:
        emit([row], fmt)


@subscribers.command("update")
@click.argument("email")
@click.option("--email", "new_email", help="Change the address.")
@_schedule_options
@pass_ctx
def update(
    ctx: Context,
    email: str,
    new_email: str | None,
    name: str | None,
    therapies: str | None,
    frequency: str | None,
    day: str | None,
    send_time: str | None,
    timezone: str | None,
) -> None:
    """Change a subscriber's settings (only the options given)."""
    app = ctx.app
    with app.engine.begin() as conn:
        sub = store.require(conn, email)
        fields = store.build_fields(
            new_email or sub.email,
            name=name,
            therapies=therapies,
            frequency=frequency,
            day=day,
            send_time=send_time,
            timezone=timezone,
            base=store.fields_of(sub),
        )
        other = store.get_by_email(conn, fields.email)
        if other is not None and other.id != sub.id:
            raise SubscriberError(f"subscribers: email: {fields.email} belongs to another subscriber")
        sub = store.update_subscriber(conn, sub.id, fields, app.now())
    click.echo(f"updated {sub.email}")


def _set_status(ctx: Context, email: str, status: str, verb: str) -> None:
    app = ctx.app
    with app.engine.begin() as conn:
        sub = store.require(conn, email)
        store.set_status(conn, sub.id, status, app.now())
    click.echo(f"{verb} {sub.email}")


@subscribers.command("pause")
@click.argument("email")
@pass_ctx
def pause(ctx: Context, email: str) -> None:
    """Stop sending digests to EMAIL until `resume`."""
    _set_status(ctx, email, "paused", "paused")


@subscribers.command("resume")
@click.argument("email")
@pass_ctx
def resume(ctx: Context, email: str) -> None:
    """Send digests to EMAIL again."""
    _set_status(ctx, email, "active", "resumed")


@subscribers.command("remove")
@click.argument("email")
@pass_ctx
def remove(ctx: Context, email: str) -> None:
    """Delete EMAIL and its delivery history (unknown address: exit 0, 'not subscribed')."""
    app = ctx.app
    with app.engine.begin() as conn:
        sub = store.get_by_email(conn, email)
        if sub is None:
            click.echo(f"{email.strip()} is not subscribed")
            return
        store.remove_subscriber(conn, sub.id)
    click.echo(f"removed {sub.email}")


def read_csv_rows(data: bytes) -> list[dict[str, str]]:
    """Rows of a subscriber CSV: UTF-8 (BOM allowed), comma, semicolon or tab separated."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SubscriberError(f"subscribers: import: the file is not UTF-8 ({e})") from e
    header = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or "email" not in [f.strip().lower() for f in reader.fieldnames]:
        raise SubscriberError("subscribers: import: the first line must be a header with an 'email' column")
    rows = []
    for raw in reader:
        rows.append({(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None})
    return rows


def _row_fields(row: dict[str, str]) -> tuple[store.SubscriberFields, str | None]:
    status = row.get("status") or None
    if status is not None and status.lower() not in SUBSCRIBER_STATUSES:
        raise SubscriberError(
            f"subscribers: status: {status!r} is not one of {', '.join(SUBSCRIBER_STATUSES)}"
        )
    name = row.get("name") or ""
    if name[:1] == "'" and name[1:2] in ("=", "+", "-", "@"):
        name = name[1:]  # undo the export's formula guard so a round trip changes nothing
    fields = store.build_fields(
        row.get("email", ""),
        name=name,
        therapies=row.get("therapies") or "all",
        frequency=row.get("frequency") or "weekly",
        day=row.get("day") or "mon",
        send_time=row.get("time") or "08:00",
        timezone=row.get("timezone") or "UTC",
    )
    return fields, status.lower() if status else None


@subscribers.command("import")
@click.argument("file", type=click.File("rb"))
@click.option("--skip-bad", is_flag=True, help="Import the good rows even when some are bad.")
@pass_ctx
def import_(ctx: Context, file: Any, skip_bad: bool) -> None:
    """Add or update subscribers from a CSV file.

    Columns: email,name,therapies,frequency,day,time,timezone,status (only email is required).

    All rows go in one transaction: a bad row stops the import (nothing is written) unless
    --skip-bad is given. Importing the same file again changes nothing.
    """
    rows = read_csv_rows(file.read())
    parsed: list[tuple[store.SubscriberFields, str | None]] = []
    bad: list[str] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        try:
            fields, status = _row_fields(row)
        except SubscriberError as e:
            bad.append(f"line {line}: {str(e).removeprefix('subscribers: ')}")
            continue
        key = fields.email.lower()
        if key in seen:
            bad.append(f"line {line}: email: {fields.email} repeats line {seen[key]}")
            continue
        seen[key] = line
        parsed.append((fields, status))
    for message in bad:
        click.echo(message, err=True)
    if bad and not skip_bad:
        raise SubscriberError(
            f"subscribers: import: {len(bad)} bad row(s), nothing imported (fix them or use --skip-bad)"
        )
    app = ctx.app
    with app.engine.begin() as conn:
        counts = store.import_rows(conn, parsed, app.now())
    click.echo(
        f"imported: {counts['added']} added, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged, {len(bad)} skipped"
    )


@subscribers.command("export")
@pass_ctx
def export(ctx: Context) -> None:
    """Every subscriber as CSV that `subscribers import` reads back (formula cells neutralised)."""
    with ctx.app.engine.connect() as conn:
        subs = store.list_subscribers(conn)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for s in subs:
        row = subscriber_row(s)
        writer.writerow([safe_csv_cell(row[c]) for c in CSV_COLUMNS])
    click.echo(buf.getvalue(), nl=False)


COMMANDS: list[click.Command] = [subscribers]

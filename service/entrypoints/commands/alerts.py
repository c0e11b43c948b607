"""subscribers watch | notify, and alerts test: what alerts a subscriber, and where it goes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import click

from digests.alerts import group_stories, match_story
from service.entrypoints.commands.subscribers import subscribers
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import emit, format_option
from service.errors import SubscriberError
from service.store import alerts as store
from service.store import digests as digest_store
from service.store import subscribers as subscriber_store
from service.store.alerts import parse_rule


def redact_channel(url: str) -> str:
    """A channel URL with everything after the host hidden: tokens live in paths and passwords."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}/***" if parts.scheme else "***"


@subscribers.group("watch")
def watch() -> None:
    """Products, conditions, phrases and sources that alert a subscriber."""


@watch.command("add")
@click.argument("email")
@click.argument("rule")
@click.option("--primary-only", is_flag=True, help="Only when the story is about it (headline or lead).")
@pass_ctx
def watch_add(ctx: Context, email: str, rule: str, primary_only: bool) -> None:
    """Add RULE (product:NAME, condition:NAME, keyword:PHRASE, source:NAME) for EMAIL."""
    parsed = parse_rule(rule, primary_only)
    app = ctx.app
    with app.engine.begin() as conn:
        sub = subscriber_store.require(conn, email)
        added = store.add_rule(conn, sub.id, parsed, app.now())
    click.echo(f"{'watching' if added else 'already watching'} {parsed} for {sub.email}")


@watch.command("list")
@click.argument("email")
@format_option()
@pass_ctx
def watch_list(ctx: Context, email: str, fmt: str) -> None:
    """The watch rules of EMAIL."""
    with ctx.app.engine.connect() as conn:
        sub = subscriber_store.require(conn, email)
        rules = store.rules_for(conn, sub.id)
    emit([{"kind": r.kind, "value": r.value, "primary_only": r.primary_only} for r in rules], fmt)


@watch.command("remove")
@click.argument("email")
@click.argument("rule")
@pass_ctx
def watch_remove(ctx: Context, email: str, rule: str) -> None:
    """Remove RULE from EMAIL's watch rules."""
    parsed = parse_rule(rule)
    with ctx.app.engine.begin() as conn:
        sub = subscriber_store.require(conn, email)
        if not store.remove_rule(conn, sub.id, parsed.kind, parsed.value):
            raise SubscriberError(f"watch: {sub.email} has no rule {parsed.kind}:{parsed.value}")
    click.echo(f"removed {parsed.kind}:{parsed.value} for {sub.email}")


@subscribers.group("notify")
def notify() -> None:
    """Webhook and chat channels (Apprise URLs) that get a subscriber's alerts too."""


@notify.command("add")
@click.argument("email")
@click.argument("url")
@pass_ctx
def notify_add(ctx: Context, email: str, url: str) -> None:
    """Send EMAIL's alerts to URL too (json://, slack://, msteams://, matrix://, ... see Apprise)."""
    import apprise

    url = url.strip()
    if not apprise.Apprise().add(url):
        raise SubscriberError("notify: not a notification URL Apprise understands (see its docs)")
    app = ctx.app
    with app.engine.begin() as conn:
        sub = subscriber_store.require(conn, email)
        store.add_channel(conn, sub.id, url, app.now())
    click.echo(f"alerts for {sub.email} also go to {redact_channel(url)}")


@notify.command("list")
@click.argument("email")
@format_option()
@pass_ctx
def notify_list(ctx: Context, email: str, fmt: str) -> None:
    """EMAIL's channels, secrets hidden."""
    with ctx.app.engine.connect() as conn:
        sub = subscriber_store.require(conn, email)
        rows = [{"id": i, "channel": redact_channel(u)} for i, u in store.channels_for(conn, sub.id)]
    emit(rows, fmt)


@notify.command("remove")
@click.argument("email")
@click.argument("channel_id", type=int)
@pass_ctx
def notify_remove(ctx: Context, email: str, channel_id: int) -> None:
    """Remove channel CHANNEL_ID (see `notify list`) from EMAIL."""
    with ctx.app.engine.begin() as conn:
        sub = subscriber_store.require(conn, email)
        if not store.remove_channel(conn, sub.id, channel_id):
            raise SubscriberError(f"notify: {sub.email} has no channel {channel_id}")
    click.echo(f"removed channel {channel_id} for {sub.email}")


@click.group()
def alerts() -> None:
    """Instant alerts."""


@alerts.command("test")
@click.argument("email")
@click.option("--days", type=click.IntRange(1, 90), default=7, show_default=True)
@format_option()
@pass_ctx
def alerts_test(ctx: Context, email: str, days: int, fmt: str) -> None:
    """Which recent stories would have alerted EMAIL, and why (sends nothing)."""
    app = ctx.app
    now = app.now()
    with app.engine.connect() as conn:
        sub = subscriber_store.require(conn, email)
        rules = store.rules_for(conn, sub.id)
        # Subscriber -1 has been sent nothing: every recent story is considered, alerted or not.
        found = digest_store.candidates(conn, -1, now - timedelta(days=days), now + timedelta(seconds=1))
    rows: list[dict[str, Any]] = []
    for members in group_stories(found).values():
        match = match_story(sub, rules, members)
        if match is not None:
            lead = match.members[0].item
            rows.append(
                {
                    "story": match.story_id,
                    "first_seen": min(c.item.first_seen for c in match.members),
                    "title": lead.title,
                    "reports": len(match.members),
                    "why": "; ".join(match.reasons),
                }
            )
    rows.sort(key=lambda r: r["first_seen"], reverse=True)
    emit(rows, fmt)
    if fmt == "table":
        kind = "instant alerts" if sub.frequency == "instant" else f"its {sub.frequency} digest"
        click.echo(f"{len(rows)} stories in {days} days; {sub.email} gets {kind}.", err=True)


COMMANDS: list[click.Command] = [alerts]

"""items: list, export, why, delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import click
from sqlalchemy import Connection

from service import grouping, therapies
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import emit, format_option
from service.errors import TherapywatchError
from service.models import Item
from service.store import items as store
from service.store import labels as label_store

_SINCE_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str | None, now: datetime) -> datetime | None:
    """'7d', '12h', '2w' relative to now, or an ISO date."""
    if not text:
        return None
    unit = _SINCE_UNITS.get(text[-1:].lower())
    if unit and text[:-1].isdigit():
        return now - timedelta(**{unit: int(text[:-1])})
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{text!r}: use 7d, 12h, 2w or an ISO date") from None
    return value if value.tzinfo else value.replace(tzinfo=now.tzinfo)


def export_row(item: Item) -> dict[str, Any]:
    """The export fields of DESIGN.md."""
    return {
        "id": item.id,
        "story_id": item.story_id,
        "title": item.title,
        "url": item.url,
        "published": item.published,
        "primary": item.primary,
        "discussed": list(item.discussed),
        "conditions": list(item.conditions),
        "sightings": [{"source": s.source, "guid": s.guid, "url": s.url} for s in item.sightings],
    }


@click.group()
def items() -> None:
    """Stored items."""


@items.command("list")
@click.option("--therapy", help="Only items that discuss this therapy type (slug).")
@click.option("--since", help="Only items first seen since: 7d, 12h, 2w or an ISO date.")
@click.option("--limit", type=int, default=50, show_default=True)
@format_option()
@pass_ctx
def list_(ctx: Context, therapy: str | None, since: str | None, limit: int, fmt: str) -> None:
    """The newest stored items."""
    app = ctx.app
    with app.engine.connect() as conn:
        found = store.list_items(conn, therapy=therapy, since=parse_since(since, app.now()), limit=limit)
    rows = [export_row(i) | {"first_seen": i.first_seen, "sources": len(i.sightings)} for i in found]
    columns = ("id", "story_id", "primary", "title", "published", "sources")
    emit(rows, fmt, columns if fmt in ("table", "csv") else None)


@items.command("export")
@format_option(default="jsonl")
@click.option("--therapy", help="Only items that discuss this therapy type (slug).")
@click.option("--since", help="Only items first seen since: 7d, 12h, 2w or an ISO date.")
@pass_ctx
def export(ctx: Context, fmt: str, therapy: str | None, since: str | None) -> None:
    """Every stored item, one line each (jsonl), or as json or csv."""
    app = ctx.app
    with app.engine.connect() as conn:
        found = store.list_items(conn, therapy=therapy, since=parse_since(since, app.now()))
    emit([export_row(i) for i in reversed(found)], fmt)


@items.command("delete")
@click.argument("item_id", type=int)
@pass_ctx
def delete(ctx: Context, item_id: int) -> None:
    """Delete an item and leave a tombstone, so no feed brings it back."""
    app = ctx.app
    with app.engine.begin() as conn:
        if not store.delete_item(conn, item_id, app.now()):
            raise TherapywatchError(f"items: no item with id {item_id}")
    click.echo(f"deleted item {item_id}; it will not be ingested again")


# ``items why`` prints one section per pipeline stage. A stage adds its own by appending a function
# (connection, item) -> (heading, lines) to WHY_SECTIONS.
WhySection = Callable[[Connection, Item], tuple[str, list[str]]]
WHY_CONTEXT = 40


def why_fetch(conn: Connection, item: Item) -> tuple[str, list[str]]:
    lines = [f"first seen {item.first_seen.isoformat()}; published {item.published or '-'}"]
    lines += [f"seen in {s.source}: {s.url or '-'} (guid {s.guid or '-'})" for s in item.sightings]
    return "fetch", lines


def why_dedup(conn: Connection, item: Item) -> tuple[str, list[str]]:
    lines = [f"identity key {item.identity_key}", f"story {item.story_id}"]
    found = grouping.explain(conn, item.id)
    if found is not None:
        if found["merged_with"]:
            lines.append(
                f"merged with item {found['merged_with']} ({found['merged_with_title']}): "
                f"method {found['method']}, score {found['score']:.2f}"
            )
        lines.append(found["reason"])
    return "dedup", lines


def _snippet(text: str, start: int, end: int) -> str:
    before = text[max(0, start - WHY_CONTEXT) : start].replace("\n", " ")
    after = text[end : end + WHY_CONTEXT].replace("\n", " ")
    return f"...{before}[{text[start:end]}]{after}..."


def why_classify(conn: Connection, item: Item) -> tuple[str, list[str]]:
    stored = label_store.get_labels(conn, item.id)
    if stored is None:
        return "classify", ["no labels stored"]
    version = stored.lexicon_version or "-"
    stale = "" if version == therapies.LEXICON_VERSION else " (stale: run therapywatch reclassify)"
    lines = [
        f"primary {stored.primary}; discussed {', '.join(stored.discussed) or '-'}",
        f"conditions {', '.join(stored.conditions) or '-'}; lexicon {version}{stale}",
    ]
    body = item.content or item.summary
    fields = {"title": item.title, "summary": item.summary, "text": body}
    for t in stored.therapies:
        lines.append(f"{t.get('slug')}: score {t.get('score')}")
        for e in t.get("evidence", []):
            source = fields.get(str(e.get("field")), "")
            start, end = int(e.get("start", 0)), int(e.get("end", 0))
            shown = _snippet(source, start, end) if source[start:end] == e.get("text") else e.get("text")
            lines.append(f"  {e.get('field')} {start}-{end}: {shown}")
    return "classify", lines


WHY_SECTIONS: list[WhySection] = [why_fetch, why_dedup, why_classify]


@items.command("why")
@click.argument("item_id", type=int)
@pass_ctx
def why(ctx: Context, item_id: int) -> None:
    """Why an item is labelled as it is: the stored trail of each stage, with evidence."""
    with ctx.app.engine.connect() as conn:
        item = store.get_item(conn, item_id)
        if item is None:
            raise TherapywatchError(f"items: no item with id {item_id}")
        click.echo(f"item {item.id}: {item.title}")
        for section in WHY_SECTIONS:
            heading, lines = section(conn, item)
            click.echo(f"\n== {heading}")
            for line in lines:
                click.echo(f"  {line}")


COMMANDS: list[click.Command] = [items]

"""stories: list, show, why."""

from __future__ import annotations

from typing import Any

import click

from service import grouping
from service.entrypoints.commands.items import parse_since
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import emit, format_option
from service.errors import TherapywatchError
from service.store import items as item_store
from service.store import stories as store
from service.stories import source_rank
from service.story_rules import AGGREGATOR, COMPANY, JOURNAL, NEWS, REGULATOR

TIERS = {
    REGULATOR: "regulator",
    JOURNAL: "journal",
    COMPANY: "company",
    NEWS: "news",
    AGGREGATOR: "aggregator",
}


@click.group()
def stories() -> None:
    """Story clusters: one event, all the items that report it."""


@stories.command("list")
@click.option("--since", help="Only stories updated since: 7d, 12h, 2w or an ISO date.")
@click.option("--limit", type=int, default=50, show_default=True)
@format_option()
@pass_ctx
def list_(ctx: Context, since: str | None, limit: int, fmt: str) -> None:
    """Stories, most recently updated first, with how many items each has."""
    app = ctx.app
    with app.engine.connect() as conn:
        found = store.list_stories(conn, since=parse_since(since, app.now()), limit=limit)
    rows = [
        {"id": s["id"], "title": s["title"], "representative": s["representative_item_id"],
         "members": s["members"], "first_seen": s["first_seen_at"], "updated": s["updated_at"]}
        for s in found
    ]  # fmt: skip
    emit(rows, fmt)


@stories.command("show")
@click.argument("story_id", type=int)
@format_option()
@pass_ctx
def show(ctx: Context, story_id: int, fmt: str) -> None:
    """The members of one story: how each joined, and from which sources."""
    with ctx.app.engine.connect() as conn:
        found = store.get_stories(conn, [story_id]).get(story_id)
        if found is None:
            raise TherapywatchError(f"stories: no story with id {story_id}")
        members = store.story_members(conn, story_id)
        seen = item_store.sightings_for(conn, [m["id"] for m in members])
    rows: list[dict[str, Any]] = [
        m | {"representative": m["id"] == found.representative_item_id,
             "source_type": TIERS[source_rank(m["url"])],
             "sources": [s.source for s in seen.get(m["id"], ())]}
        for m in members
    ]  # fmt: skip
    if fmt == "table":
        click.echo(f"story {story_id}: {found.title}")
    columns = ("id", "representative", "source_type", "merge_method", "merge_score", "merged_with", "title")
    emit(rows, fmt, columns if fmt in ("table", "csv") else None)


@stories.command("why")
@click.argument("item_id", type=int)
@format_option()
@pass_ctx
def why(ctx: Context, item_id: int, fmt: str) -> None:
    """What an item was merged with, by which method, with which score, and why."""
    with ctx.app.engine.connect() as conn:
        found = grouping.explain(conn, item_id)
    if found is None:
        raise TherapywatchError(f"stories: no item with id {item_id}")
    if fmt == "table":
        click.echo(
            f"item {item_id} -> story {found['story_id']}: {found['method']}"
            + (
                f" with item {found['merged_with']} ({found['merged_with_title']})"
                if found["merged_with"]
                else ""
            )
            + (f", score {found['score']:.2f}" if found["score"] is not None else "")
        )
        click.echo(found["reason"])
    else:
        emit([found], fmt)


COMMANDS: list[click.Command] = [stories]

"""sources: add, list, show, enable, disable, remove, import-opml, export-opml."""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from scrapers.fetch import FetchResult, build_session
from scrapers.fetch import fetch as fetch_url
from scrapers.parse import parse_feed
from service import dedup
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import emit, format_option
from service.errors import FetchError, ParseError, SourceError
from service.models import SOURCE_KINDS, ParsedFeed, Source
from service.opml import parse_opml, to_opml
from service.store import sources as store

LIST_COLUMNS = (
    "name", "url", "kind", "enabled", "last_status", "error_count", "last_error", "next_check_at",
)  # fmt: skip
_DURATION = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> int:
    """'90s', '15m', '1h', '2d' or plain seconds -> seconds (at least one minute)."""
    m = _DURATION.match(text.lower())
    if not m:
        raise click.BadParameter(f"{text!r} is not a duration like 30m, 1h or 1d")
    seconds = int(m.group(1)) * _UNITS[m.group(2)]
    if seconds < 60:
        raise click.BadParameter("the interval must be at least one minute")
    return seconds


def validate_url(raw: str) -> str:
    """A pasted URL, trimmed; SourceError unless it is an absolute http(s) URL."""
    url = raw.strip().strip("<>\"'").strip()
    if any(ord(c) < 32 or c.isspace() for c in url):
        raise SourceError(f"sources: the URL contains spaces or control characters: {raw!r}")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceError(
            f"sources: only http:// and https:// URLs can be sources, got {parts.scheme or 'no'} "
            f"scheme in {url!r}"
        )
    if not parts.hostname:
        raise SourceError(f"sources: the URL has no host name: {url!r}")
    if parts.username is not None or parts.password is not None:
        # The fetcher refuses such URLs, and `sources list` would print the password
        # (RELIABILITY.md 5 #50); the message leaves the credentials out.
        raise SourceError(
            f"sources: user names and passwords in feed URLs are not supported ({parts.hostname})"
        )
    return url


def probable_duplicate(url: str, existing: dict[str, str]) -> str | None:
    """The name of a source whose URL differs from ``url`` only in ways that do not matter."""
    key = dedup.url_key(url)
    for other, name in existing.items():
        if other != url and dedup.url_key(other) == key:
            return name
    return None


def source_row(s: Source) -> dict[str, Any]:
    row = asdict(s)
    row.pop("options")
    return row


@click.group()
def sources() -> None:
    """Manage the feeds and pages that are polled."""


@sources.command("add")
@click.argument("url")
@click.option("--name", help="Short unique name (default: the URL's host and path).")
@click.option("--kind", type=click.Choice(SOURCE_KINDS), default="feed", show_default=True)
@click.option("--interval", default="1h", show_default=True, help="Polling interval: 30m, 1h, 1d.")
@click.option("--full-text", is_flag=True, help="Fetch each item's page and extract the article.")
@click.option("--item-selector", help="listing: CSS selector of the item links.")
@click.option("--title-selector", help="listing: CSS selector of the title on an article page.")
@click.option("--date-selector", help="listing: CSS selector of the date on an article page.")
@pass_ctx
def add(
    ctx: Context,
    url: str,
    name: str | None,
    kind: str,
    interval: str,
    full_text: bool,
    item_selector: str | None,
    title_selector: str | None,
    date_selector: str | None,
) -> None:
    """Add a source by its feed (or listing page) URL."""
    url = validate_url(url)
    seconds = parse_duration(interval)
    options = {
        k: v
        for k, v in {
            "item_selector": item_selector,
            "title_selector": title_selector,
            "date_selector": date_selector,
        }.items()
        if v
    }
    if kind == "listing" and "item_selector" not in options:
        raise click.UsageError("a listing source needs --item-selector (CSS of the item links)")
    app = ctx.app
    with app.engine.begin() as conn:
        twin = probable_duplicate(url, store.all_urls(conn))
        if twin:
            click.echo(f"warning: this looks like the same feed as source {twin!r}", err=True)
        parts = urlsplit(url)
        default_name = (parts.hostname or "") + parts.path.rstrip("/")
        src = store.insert_source(
            conn,
            name=(name or default_name).strip()[:200],
            url=url,
            now=app.now(),
            kind=kind,
            interval_seconds=seconds,
            full_text=full_text,
            options=options,
        )
    click.echo(f"added source {src.name!r} ({src.url})")


@sources.command("list")
@format_option()
@pass_ctx
def list_(ctx: Context, fmt: str) -> None:
    """Every source with its health: last status, errors, next check."""
    with ctx.app.engine.connect() as conn:
        rows = [source_row(s) for s in store.list_sources(conn)]
    emit(rows, fmt, LIST_COLUMNS if fmt in ("table", "csv") else None)


@sources.command("show")
@click.argument("ref")
@format_option(default="json")
@pass_ctx
def show(ctx: Context, ref: str, fmt: str) -> None:
    """One source, by name, id or URL."""
    with ctx.app.engine.connect() as conn:
        s = store.get_source(conn, ref)
    row = source_row(s) | {"options": s.options}
    if fmt == "table":
        emit([{"field": k, "value": v} for k, v in row.items()], "table")
    else:
        emit([row], fmt)


def _toggle(ctx: Context, ref: str, enabled: bool) -> None:
    with ctx.app.engine.begin() as conn:
        s = store.set_enabled(conn, ref, enabled, ctx.app.now())
    click.echo(f"{'enabled' if enabled else 'disabled'} {s.name!r}")


@sources.command("enable")
@click.argument("ref")
@pass_ctx
def enable(ctx: Context, ref: str) -> None:
    """Poll this source again (and reset its error count)."""
    _toggle(ctx, ref, True)


@sources.command("disable")
@click.argument("ref")
@pass_ctx
def disable(ctx: Context, ref: str) -> None:
    """Stop polling this source; its items stay."""
    _toggle(ctx, ref, False)


@sources.command("remove")
@click.argument("ref")
@pass_ctx
def remove(ctx: Context, ref: str) -> None:
    """Delete a source (items it brought stay; other feeds may list them)."""
    with ctx.app.engine.begin() as conn:
        s = store.remove_source(conn, ref)
    click.echo(f"removed {s.name!r}")


@sources.command("import-opml")
@click.argument("file", type=click.File("rb"))
@pass_ctx
def import_opml(ctx: Context, file: Any) -> None:
    """Add every feed of an OPML file (ones already present are skipped)."""
    entries = parse_opml(file.read())
    app = ctx.app
    added = skipped = 0
    with app.engine.begin() as conn:
        known = store.all_urls(conn)
        names = set(known.values())
        for e in entries:
            try:
                url = validate_url(e.url)
            except SourceError as err:
                click.echo(f"skipped: {err}", err=True)
                skipped += 1
                continue
            if url in known or e.name in names:
                skipped += 1
                continue
            store.insert_source(conn, name=e.name[:200], url=url, now=app.now(), kind=e.kind)
            known[url] = e.name
            names.add(e.name)
            added += 1
    click.echo(f"{added} sources added, {skipped} skipped")


@sources.command("export-opml")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="File (default: stdout).")
@pass_ctx
def export_opml(ctx: Context, output: Path | None) -> None:
    """Print every source as OPML 2.0."""
    with ctx.app.engine.connect() as conn:
        data = to_opml([s for s in store.list_sources(conn) if not s.url.startswith("file:")], ctx.app.now())
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


async def _check(url: str, user_agent: str, allow_private: bool) -> tuple[FetchResult, ParsedFeed]:
    async with build_session(user_agent=user_agent, allow_private_networks=allow_private) as session:
        result = await fetch_url(session, url)
    if not result.ok:
        raise FetchError(f"fetch: {result.final_url} answered HTTP {result.status}", kind="http")
    headers = dict(result.headers)
    headers.setdefault("content-location", result.final_url)
    # Parsing is CPU work; in a one-off command there is no loop left to block.
    return result, parse_feed(result.body, headers)


@sources.command("check")
@click.argument("url")
@format_option()
@pass_ctx
def check(ctx: Context, url: str, fmt: str) -> None:
    """Fetch and parse URL once and show what would be ingested; nothing is stored."""
    url = validate_url(url)
    settings = ctx.settings
    try:
        result, parsed = asyncio.run(_check(url, settings.user_agent, settings.allow_private_networks))
    except (FetchError, ParseError) as e:
        raise click.ClickException(str(e)) from e
    facts = [
        f"{result.final_url}: HTTP {result.status}, {len(result.body)} bytes, {parsed.format}",
        f"title: {parsed.title!r}, {len(parsed.items)} entries"
        + (f", ttl {parsed.ttl_seconds // 60} min" if parsed.ttl_seconds else ""),
    ]
    if result.permanent_redirect:
        facts.append(f"moved permanently to {result.permanent_redirect}")
    if parsed.warning:
        facts.append(f"warning: {parsed.warning}")
    for line in facts:
        click.echo(line, err=True)
    rows = [
        {"title": i.title, "url": i.url, "guid": i.guid, "published": i.published, "author": i.author}
        for i in parsed.items
    ]
    emit(rows, fmt, ("published", "title", "url") if fmt in ("table", "csv") else None)


COMMANDS: list[click.Command] = [sources]

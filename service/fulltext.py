"""Article pages behind a source's items: full text for feed items, and listing sources.

Both steps fetch only what is new: an item whose identity keys are already stored is never
fetched again (``service.store.items.lookup_keys`` before any request). Pages go through the
polling fetcher (robots.txt, per-host limits, 5 MiB cap) and the extractor; the result is handed
to ``ingest_parsed`` like any feed's entries, so identity, dedup and classification are the same.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import replace

from sqlalchemy import Engine

from scrapers.fetch import Fetcher, FetchResult
from scrapers.sources.listing import ListingLink, fetch_article, find_links
from service import dedup
from service.errors import ExtractError, FetchError, SourceError
from service.models import ParsedFeed, ScrapedItem, Source
from service.store import items as item_store

# Article pages fetched at once for one source (the fetcher's per-host limit applies on top).
PAGE_CONCURRENCY = 4
ERROR_CHARS = 1000


def _known(engine: Engine, keys_per_item: Sequence[Sequence[str]]) -> list[bool]:
    """Which items are already stored under one of their keys (a read-only lookup)."""
    with engine.connect() as conn:
        hits = item_store.lookup_keys(conn, [k for keys in keys_per_item for k in keys])
    return [any(k in hits for k in keys) for keys in keys_per_item]


def _identity_keys(item: ScrapedItem, mode: str) -> list[str]:
    # The content hash is left out: it changes once the full text replaces the summary.
    return [k for k in dedup.item_keys(item, mode) if not k.startswith("h:")]


async def add_full_text(
    engine: Engine,
    fetcher: Fetcher,
    source: Source,
    items: Sequence[ScrapedItem],
    *,
    executor: Executor | None = None,
) -> tuple[ScrapedItem, ...]:
    """The feed's items, each new one with its page's article text as ``content``.

    A page that cannot be fetched or gives no text leaves the item as the feed had it, with
    ``fulltext_status="error"`` and the reason; stored items are passed through untouched.
    """
    mode = dedup.choose_identity_mode(items, source.identity_mode)
    known = await asyncio.to_thread(_known, engine, [_identity_keys(i, mode) for i in items])
    gate = asyncio.Semaphore(PAGE_CONCURRENCY)

    async def one(item: ScrapedItem, stored: bool) -> ScrapedItem:
        if stored:
            return item
        if not item.url:
            return replace(item, fulltext_status="skipped", fulltext_error="the entry has no link")
        async with gate:
            try:
                page = await fetch_article(fetcher, item.url, executor=executor)
            except (FetchError, ExtractError) as e:
                return replace(item, fulltext_status="error", fulltext_error=str(e)[:ERROR_CHARS])
        return replace(
            item,
            summary=item.summary or page.summary,
            content=page.content,
            published=item.published or page.published,
            author=item.author or page.author,
            language=item.language or page.language,
            fulltext_status="ok",
            fulltext_error=None,
        )

    return tuple(await asyncio.gather(*(one(i, k) for i, k in zip(items, known, strict=True))))


async def scrape_listing(
    engine: Engine,
    fetcher: Fetcher,
    source: Source,
    listing: FetchResult,
    *,
    executor: Executor | None = None,
) -> ParsedFeed:
    """A fetched listing page as a ParsedFeed of its new articles (fetched and extracted).

    Links already stored are not fetched. An article that fails is left out (it is tried again
    next time) and named in the feed's ``warning``; SourceError when the source has no item
    selector or the selector is invalid.
    """
    selector = source.options.get("item_selector")
    if not selector:
        raise SourceError(f"listing: source {source.name!r} has no item_selector option")
    links = find_links(listing.body, listing.final_url, selector)
    probes = [ScrapedItem(title=link.title, url=link.url) for link in links]
    known = await asyncio.to_thread(_known, engine, [_identity_keys(p, "url") for p in probes])
    fresh = [link for link, k in zip(links, known, strict=True) if not k]
    gate = asyncio.Semaphore(PAGE_CONCURRENCY)

    async def one(link: ListingLink) -> ScrapedItem | str:
        async with gate:
            try:
                item = await fetch_article(
                    fetcher, link.url, options=source.options, fallback_title=link.title, executor=executor
                )
            except (FetchError, ExtractError) as e:
                return str(e)[:ERROR_CHARS]
        # The listing's link names the item, not a redirect target: next time it is found again.
        return replace(item, url=link.url)

    done = await asyncio.gather(*(one(link) for link in fresh))
    items = tuple(d for d in done if isinstance(d, ScrapedItem))
    errors = [d for d in done if isinstance(d, str)]
    warning = None
    if errors:
        warning = f"{len(errors)} of {len(fresh)} new articles failed, first: {errors[0]}"
    if not links:
        warning = f"listing: no links match {selector!r} on {listing.final_url}"
    return ParsedFeed(
        format="listing",
        title=source.name,
        link=listing.final_url,
        items=items,
        warning=warning,
    )

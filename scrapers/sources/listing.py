"""Listing sources: an HTML page (a hospital's "breakthroughs" page, an institute newsroom) whose
item links are picked by a CSS selector, and the article pages behind them.

``find_links`` reads the listing (pure); ``article_item`` turns one fetched article page into a
``ScrapedItem`` (pure); ``fetch_article`` fetches and extracts one page through the polling
fetcher (robots.txt, per-host limits, 5 MiB cap). The database side (which links are new) is the
service's job: a scraper never sees the store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scrapers.extract import decode_html, extract
from scrapers.fetch import Fetcher
from scrapers.pagemeta import parse_date
from service.errors import ExtractError, FetchError, SourceError
from service.models import Extraction, ScrapedItem
from service.text import one_line

# A listing that links to more articles than this is a site map, not a news list.
MAX_LINKS = 100
SUMMARY_CHARS = 500


@dataclass(frozen=True, slots=True)
class ListingLink:
    """One item link found on a listing page."""

    url: str
    title: str


def find_links(page: bytes | str, base_url: str, item_selector: str) -> list[ListingLink]:
    """Item links of a listing page, in page order, without duplicates (pure).

    ``item_selector`` picks either the links themselves or elements holding one link each
    (the first ``a[href]`` inside). Relative links are resolved against ``<base href>`` or
    ``base_url``; only http(s) links are kept, fragments dropped.
    """
    text = decode_html(page) if isinstance(page, bytes) else page
    tree = LexborHTMLParser(text)
    base = tree.css_first("base[href]")
    root = urljoin(base_url, (base.attributes.get("href") or "").strip()) if base is not None else base_url
    try:
        nodes = tree.css(item_selector)
    except Exception as e:  # selectolax raises plain exceptions for bad selectors
        raise SourceError(f"listing: bad item selector {item_selector!r}: {e}") from e
    found: dict[str, ListingLink] = {}
    for node in nodes:
        link = node if node.tag == "a" and node.attributes.get("href") else node.css_first("a[href]")
        if link is None:
            continue
        href = (link.attributes.get("href") or "").strip()
        url = urldefrag(urljoin(root, href))[0]
        if urlsplit(url).scheme not in ("http", "https") or url in found:
            continue
        found[url] = ListingLink(url=url, title=one_line(_node_text(node)))
        if len(found) >= MAX_LINKS:
            break
    return list(found.values())


def _node_text(node: LexborNode) -> str:
    return node.text(separator=" ") or ""


def article_item(
    page: bytes, url: str, *, options: Mapping[str, str] | None = None, fallback_title: str = ""
) -> ScrapedItem:
    """A fetched article page as a ScrapedItem (pure). ``options`` may name ``title_selector``
    and ``date_selector``: the source's own rules, which win over the page's metadata."""
    found = extract(page, url)
    title, published = found.title, found.published
    opts = options or {}
    if opts.get("title_selector") or opts.get("date_selector"):
        title, published = _selected(page, opts, title, published)
    if not found.text:
        raise ExtractError(f"extract: no article text found on {url}")
    return ScrapedItem(
        title=one_line(title or fallback_title or url, 500),
        url=url,
        guid=None,
        summary=_summary(found),
        content=found.text,
        published=published,
        author=found.author,
        language=found.language,
        fulltext_status="ok",
    )


def _selected(
    page: bytes, opts: Mapping[str, str], title: str | None, published: datetime | None
) -> tuple[str | None, datetime | None]:
    tree = LexborHTMLParser(decode_html(page))
    if opts.get("title_selector"):
        node = tree.css_first(opts["title_selector"])
        if node is not None and one_line(_node_text(node)):
            title = one_line(_node_text(node))
    if opts.get("date_selector"):
        node = tree.css_first(opts["date_selector"])
        if node is not None:
            raw = node.attributes.get("datetime") or node.attributes.get("content") or _node_text(node)
            published = parse_date(raw or "") or published
    return title, published


def _summary(found: Extraction) -> str:
    """The first paragraph, cut at a word boundary: what a feed's description would have said."""
    first = found.text.split("\n\n", 1)[0]
    if len(first) <= SUMMARY_CHARS:
        return first
    return first[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"


async def fetch_article(
    fetcher: Fetcher,
    url: str,
    *,
    options: Mapping[str, str] | None = None,
    fallback_title: str = "",
    executor: Executor | None = None,
) -> ScrapedItem:
    """Fetch one article page (robots.txt, per-host limits, 5 MiB cap) and extract it.

    Raises FetchError (network, status, robots, cap) or ExtractError (no text, not HTML).
    Extraction runs in ``executor`` (None: the loop's thread pool), off the event loop.
    """
    result = await fetcher.fetch_page(url)
    if not result.ok:
        raise FetchError(
            f"fetch: {result.final_url} answered HTTP {result.status}", kind=f"http {result.status}"
        )
    ctype = result.headers.get("content-type", "text/html").lower()
    if "html" not in ctype and "xml" not in ctype:
        raise ExtractError(f"extract: {result.final_url} is {ctype.split(';')[0]}, not an HTML page")
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        executor, _article_item_job, result.body, result.final_url, dict(options or {}), fallback_title
    )


def _article_item_job(page: bytes, url: str, options: dict[str, str], fallback_title: str) -> ScrapedItem:
    """Top-level (picklable) so a process pool can run it."""
    return article_item(page, url, options=options, fallback_title=fallback_title)

"""Feed bytes -> ParsedFeed. Given bytes and response headers, never a URL.

RSS 0.9x/1.0/2.0 and Atom go through feedparser; JSON Feed 1.0/1.1 through the small reader below
(feedparser does not read it). feedparser is called with its own sanitiser off: we clean every HTML
field with nh3 (``scrapers.sanitize``), which is both stricter and about 30 times cheaper.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from scrapers.sanitize import html_to_text, sanitize_html
from service.errors import ParseError
from service.models import ParsedFeed, ScrapedItem
from service.text import clean_text, one_line

# Field limits: a hostile feed must not be able to store megabytes in one title.
TITLE_LIMIT = 1_000
SUMMARY_LIMIT = 20_000
CONTENT_LIMIT = 500_000
URL_LIMIT = 2_048
GUID_LIMIT = 1_000
AUTHOR_LIMIT = 300
# Entries read per fetch (RELIABILITY.md 5 #24): a 20 000-item feed must not store 20 000 rows and
# classify them all in one transaction; the newest are kept.
MAX_ENTRIES = 500

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.I | re.S)
_JSON_FEED_VERSION = re.compile(r"^https://jsonfeed\.org/version/1(\.1)?/?$")


def parse_feed(data: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse feed ``data``; ``headers`` are the HTTP response headers (content type, location).

    Raises ParseError when the bytes are not a feed at all (an HTML page, JSON of another shape,
    nothing recognisable).
    """
    hdrs = {k.lower(): v for k, v in (headers or {}).items()}
    ctype = hdrs.get("content-type", "").lower()
    head = data.lstrip()[:1]
    if head == b"{" or "json" in ctype:
        return parse_json_feed(data, base_url=hdrs.get("content-location"))
    return _parse_xml_feed(data, hdrs)


def _parse_xml_feed(data: bytes, hdrs: dict[str, str]) -> ParsedFeed:
    try:
        d = feedparser.parse(data, response_headers=hdrs, sanitize_html=False, resolve_relative_uris=False)
    except Exception as e:  # feedparser wraps most faults in bozo, but not all (e.g. RecursionError)
        raise ParseError(f"parse: feedparser failed: {type(e).__name__}: {e}") from e
    version = d.get("version") or ""
    entries = d.get("entries") or []
    if not version and not entries:
        if _HTML_START.match(data[:2048]) or "html" in hdrs.get("content-type", ""):
            raise ParseError("parse: not a feed: got an HTML page" + _feed_links_hint(data))
        reason = d.get("bozo_exception")
        detail = f": {type(reason).__name__}: {reason}" if reason else ""
        raise ParseError(f"parse: not a feed (no RSS, Atom or JSON Feed found){detail}")
    if not entries and d.get("bozo"):
        # A broken document that yielded nothing is a failure, not "0 new items" (RELIABILITY.md 1.B #18).
        reason = d.get("bozo_exception")
        raise ParseError(f"parse: malformed feed with no entries: {type(reason).__name__}: {reason}")
    feed = d.get("feed", {})
    base = hdrs.get("content-location") or feed.get("link")
    warning = None
    if d.get("bozo"):
        exc = d.get("bozo_exception")
        warning = f"{type(exc).__name__}: {exc}" if exc else "feed is not well-formed"
    if len(entries) > MAX_ENTRIES:
        warning = f"{warning}; " if warning else ""
        warning += f"{len(entries)} entries, only the newest {MAX_ENTRIES} read"
        entries = _newest(entries, MAX_ENTRIES)
    atom = version.startswith("atom")
    items = tuple(_entry(e, base, atom) for e in entries)
    ttl = _int(feed.get("ttl"))
    return ParsedFeed(
        format=version or "unknown",
        title=one_line(feed.get("title"), TITLE_LIMIT),
        link=_url(feed.get("link"), None),
        items=items,
        ttl_seconds=ttl * 60 if ttl else None,
        warning=clean_text(warning, 500) or None,
    )


def _newest(entries: list[Any], n: int) -> list[Any]:
    """The ``n`` newest entries by date, in document order; undated entries count as newest
    (feeds list new entries first, so document position breaks ties)."""

    def key(pos_entry: tuple[int, Any]) -> tuple[float, int]:
        pos, e = pos_entry
        parsed = dict.get(e, "published_parsed") or dict.get(e, "updated_parsed")
        try:
            stamp = float(calendar.timegm(parsed)) if parsed else float("inf")
        except (OverflowError, ValueError, TypeError):
            stamp = float("inf")
        return (-stamp, pos)

    keep = sorted(enumerate(entries), key=key)[:n]
    return [e for _, e in sorted(keep, key=lambda pe: pe[0])]


def _entry(e: dict[str, Any], base: str | None, atom: bool = False) -> ScrapedItem:
    title_raw = e.get("title") or ""
    # An Atom type="text" title is literal text: "<b>" in it is not markup (RELIABILITY.md 5 #41).
    # RSS titles carry no type, and escaped markup in them is usually meant as HTML.
    title_is_text = atom and (e.get("title_detail") or {}).get("type") == "text/plain"
    summary_html = e.get("summary") or ""
    content_html = ""
    for c in e.get("content") or ():
        value = c.get("value") or ""
        if len(value) > len(content_html):
            content_html = value
    summary = html_to_text(summary_html)
    content = html_to_text(content_html) if content_html else ""
    markup = "<" in title_raw and not title_is_text
    title = one_line(html_to_text(title_raw) if markup else title_raw, TITLE_LIMIT)
    url = _url(e.get("link"), base)
    if not title:
        title = one_line((summary or content)[:120], TITLE_LIMIT) or (url or "(untitled)")
    return ScrapedItem(
        title=title,
        url=url,
        guid=clean_text(e.get("id"), GUID_LIMIT).strip() or None,
        summary=clean_text(summary, SUMMARY_LIMIT),
        content=clean_text(content, CONTENT_LIMIT),
        content_html=sanitize_html(content_html or summary_html)[:CONTENT_LIMIT] or None,
        # dict.get: feedparser's own get() maps updated->published with a DeprecationWarning.
        published=_entry_date(e),
        author=one_line(e.get("author"), AUTHOR_LIMIT) or None,
    )


def parse_json_feed(data: bytes, base_url: str | None = None) -> ParsedFeed:
    """Read a JSON Feed 1.0 or 1.1 document (https://jsonfeed.org/version/1.1)."""
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise ParseError(f"parse: not a feed: invalid JSON: {e}") from e
    if not isinstance(doc, dict) or not _JSON_FEED_VERSION.match(str(doc.get("version", ""))):
        raise ParseError("parse: not a feed: JSON without a jsonfeed.org version")
    raw_items = doc.get("items")
    if not isinstance(raw_items, list):
        raise ParseError("parse: JSON Feed has no 'items' list")
    base = base_url or _str(doc.get("home_page_url")) or _str(doc.get("feed_url"))
    items = tuple(_json_item(i, base) for i in raw_items if isinstance(i, dict))
    version = str(doc["version"]).rstrip("/").rsplit("/", 1)[-1]
    return ParsedFeed(
        format=f"json{version.replace('.', '')}",
        title=one_line(_str(doc.get("title")), TITLE_LIMIT),
        link=_url(doc.get("home_page_url"), None),
        items=items,
    )


def _json_item(i: dict[str, Any], base: str | None) -> ScrapedItem:
    content_html = _str(i.get("content_html"))
    content_text = _str(i.get("content_text"))
    summary = _str(i.get("summary"))
    text = html_to_text(content_html) if content_html else content_text
    url = _url(i.get("url") or i.get("external_url"), base)
    title = one_line(_str(i.get("title")), TITLE_LIMIT) or one_line(text[:120]) or url or ""
    authors = i.get("authors") or ([i["author"]] if isinstance(i.get("author"), dict) else [])
    author = next((_str(a.get("name")) for a in authors if isinstance(a, dict)), "")
    return ScrapedItem(
        title=title or "(untitled)",
        url=url,
        guid=clean_text(_str(i.get("id")), GUID_LIMIT).strip() or None,
        summary=clean_text(summary or text[:500], SUMMARY_LIMIT),
        content=clean_text(text, CONTENT_LIMIT),
        content_html=sanitize_html(content_html)[:CONTENT_LIMIT] or None,
        published=_iso_date(_str(i.get("date_published")) or _str(i.get("date_modified"))),
        author=one_line(author, AUTHOR_LIMIT) or None,
        language=_str(i.get("language")) or None,
    )


def _str(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value)


def _int(value: object) -> int | None:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return n if 0 < n < 100_000 else None


def _url(value: object, base: str | None) -> str | None:
    """An absolute http(s) URL, resolved against ``base``; anything else (javascript:, data:) is None."""
    text = one_line(_str(value))
    if not text:
        return None
    if base:
        try:
            text = urljoin(base, text)
        except ValueError:
            return None
    if not text.lower().startswith(("http://", "https://")) or len(text) > URL_LIMIT:
        return None
    return text


_ISO_PREFIX = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _entry_date(e: dict[str, Any]) -> datetime | None:
    """The entry's date; None when feedparser "normalised" an impossible ISO date
    (``2024-13-45T99:99:99Z`` becomes 2025-01-01; RELIABILITY.md 1.B #23)."""
    for name in ("published", "updated"):
        raw = dict.get(e, name)
        parsed = dict.get(e, f"{name}_parsed")
        if not raw or not parsed:
            continue
        if _ISO_PREFIX.match(str(raw)) and _iso_date(str(raw).strip()) is None:
            return None
        return _struct_date(parsed)
    return None


def _struct_date(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


def _iso_date(text: str) -> datetime | None:
    if not text:
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC)


_ALT_LINK = re.compile(rb"<link[^>]+type=[\"']application/(?:rss|atom|feed)\+(?:xml|json)[\"'][^>]*>", re.I)
_HREF = re.compile(rb"href=[\"']([^\"']+)[\"']", re.I)


def _feed_links_hint(data: bytes) -> str:
    """Name the feeds an HTML page links to, so the operator knows which URL to use instead."""
    hrefs = []
    for tag in _ALT_LINK.findall(data[:200_000])[:3]:
        m = _HREF.search(tag)
        if m:
            hrefs.append(m.group(1).decode("utf-8", "replace"))
    return f" (the page links to: {', '.join(hrefs)})" if hrefs else ""

"""Feed bytes -> ParsedFeed. Given bytes and response headers, never a URL.

RSS 0.9x/1.0/2.0 and Atom are read by fastfeedparser (a compiled core over lxml, about 20 times
cheaper than feedparser per item) when the document is plain enough for it to read exactly as
feedparser would; everything else goes through feedparser, which also gives every error and warning
its wording: an exception in the fast reader, no entries, a charset named only by the HTTP header,
markup in an Atom title, GUIDs on only some items. ``tests/test_parse.py`` holds the two readers to
the same items over every feed of the corpus. JSON Feed 1.0/1.1 goes through the small reader below
(feedparser does not read it). Neither feed parser sanitises: we clean every HTML field with nh3
(``scrapers.sanitize``), which is both stricter and about 30 times cheaper than feedparser's.
"""

from __future__ import annotations

import calendar
import json
import re
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import fastfeedparser
import feedparser
from lxml import etree

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
    return _parse_xml_fast(data, hdrs) or _parse_xml_feed(data, hdrs)


# The root element, after the prolog (XML declaration, comments, doctype, processing instructions).
_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*"
    rb"<(?:[A-Za-z_][\w.-]*:)?(rss|RDF|feed)\b([^>]*)>",
    re.S,
)
_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""", re.I)
_UTF8 = ("utf-8", "utf8", "us-ascii", "ascii")
_RSS_VERSION = re.compile(rb"""version\s*=\s*["']\s*([\d.]+)""")
_FORMATS = {b"0.91": "rss091u", b"0.92": "rss092", b"0.93": "rss093", b"0.94": "rss094", b"2.0": "rss20"}
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_TTL = re.compile(rb"<ttl>\s*(\d{1,6})\s*</ttl>")
_GUID_TAG = re.compile(rb"<guid(?:\s[^>]*)?>\s*(?!</guid)(?!<!\[CDATA\[\s*\]\]>)")
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>]")
# Text feedparser reads better: C1 characters (windows-1252 quotes written as &#146; or U+0092,
# double-encoded UTF-8) and dates in a named zone other than GMT/UTC, which feedparser knows
# (BST, EST, PDT...) and the fast reader would take for UTC.
_C1_REF = re.compile(rb"&#(?:1[2-5]\d|x[89][0-9a-fA-F]);|\xc2[\x80-\x9f]")
_ZONED_DATE = re.compile(
    rb"<(?:[\w-]+:)?(?:pubDate|date|published|updated)>[^<]*?\b(?!GMT\b|UTC?\b)[A-Za-z]{1,5}\s*</"
)
_ATOM_ID_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?id>")
_ATOM_NS = b"http://www.w3.org/2005/Atom"
# Only a well-formed document takes the fast path: how a broken one is recovered differs between the
# readers, and feedparser's way is the one the rest of the service (and its warnings) is built on.
# One parser per thread: lxml parser objects are not to be shared by threads parsing at once.
_PARSERS = threading.local()
# fastfeedparser's compiled core calls back into Python while it runs, and its thread safety is
# not documented; the service parses in single-threaded worker processes, where this lock costs
# nothing, and where a caller parses in threads (the demo, tests) it costs little: one document
# takes tens of microseconds. (One threaded demo run died of a heap corruption whose cause was
# not found; this rules out the newest native code in that path.)
_FAST_LOCK = threading.Lock()


def _strict_parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_PARSERS, "strict", None)
    if parser is None:
        parser = _PARSERS.strict = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
    return parser


def _parse_xml_fast(data: bytes, hdrs: dict[str, str]) -> ParsedFeed | None:
    """The fast reader, or None when the document needs feedparser (see the module docstring)."""
    root = _ROOT.match(data[:8192])
    if root is None:
        return None
    # UTF-8 only: feedparser's encoding rules (RFC 7303 header charsets, windows-1252 for
    # latin-1, guessing) are the ones to keep for everything else.
    charset = _CHARSET.search(hdrs.get("content-type", ""))
    declared = _XML_ENCODING.match(data)
    if (charset and charset.group(1).lower() not in _UTF8) or (
        declared and declared.group(1).decode().lower() not in _UTF8
    ):
        return None
    if _C1_REF.search(data) or _ZONED_DATE.search(data):
        return None
    try:
        tree = etree.fromstring(data, _strict_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    descriptions = list(tree.iter("{*}description"))
    if any(len(el) for el in descriptions):
        return (
            None  # unescaped markup in a description: feedparser reads it as HTML, the fast reader drops it
        )
    kind, attrs = root.group(1), root.group(2)
    if kind == b"feed":
        if _ATOM_NS not in attrs:
            return None  # Atom 0.3 and other oddities
        fmt = "atom10"
    elif kind == b"RDF":
        fmt = "rss10"
    else:
        version = _RSS_VERSION.search(attrs)
        fmt = _FORMATS.get(version.group(1), "rss") if version else "rss"
    try:
        with _FAST_LOCK:
            d = fastfeedparser.parse(data, include_tags=False, include_media=False, include_enclosures=False)
    except Exception:  # any fault: feedparser reads it again and words the error
        return None
    entries = d.get("entries") or []
    if not entries or len(_ENTRY_TAG.findall(data)) != len(entries):
        return None  # none, or items nested in items: feedparser's reading is the reference
    atom = fmt == "atom10"
    if atom:
        if any("<" in (e.get("title") or "") for e in entries):
            return None  # needs the title's type (text or html), which only feedparser reports
        has_guids = len(_ATOM_ID_TAG.findall(data)) >= len(entries)
    else:
        guids = len(_GUID_TAG.findall(data))
        if guids and guids != len(entries):
            return None  # some items without a GUID: the fast reader fills theirs in from the link
        has_guids = guids > 0 or fmt == "rss10"
    feed = d.get("feed") or {}
    feed_link = _channel_link(tree, atom)
    base = hdrs.get("content-location") or feed_link
    warning = None
    if len(entries) > MAX_ENTRIES:
        warning = f"{len(entries)} entries, only the newest {MAX_ENTRIES} read"
        entries = _newest(entries, MAX_ENTRIES, _fast_stamp)
    rss2 = fmt.startswith("rss0") or fmt == "rss20"
    # Without a description, feedparser (and so the rest of the service) takes the content as the summary.
    described = sum(1 for el in descriptions if el.getparent().tag == "item")
    if rss2 and 0 < described < len(entries):
        return None
    content_summary = rss2 and not described
    items = tuple(_fast_entry(e, base, has_guids, rss2, content_summary) for e in entries)
    ttl_match = _TTL.search(data) if not atom else None
    ttl = _int(ttl_match.group(1).decode()) if ttl_match else None
    return ParsedFeed(
        format=fmt,
        title=one_line(feed.get("title"), TITLE_LIMIT),
        link=_url(feed_link, None),
        items=items,
        ttl_seconds=ttl * 60 if ttl else None,
        warning=warning,
    )


def _channel_link(tree: Any, atom: bool) -> str | None:
    """The feed's own web page (the base of relative item links); the fast reader may give the
    feed's self link instead."""
    if atom:
        for el in tree.iterchildren("{http://www.w3.org/2005/Atom}link"):
            if el.get("rel", "alternate") == "alternate" and el.get("href"):
                return str(el.get("href"))
        ident = (tree.findtext("{http://www.w3.org/2005/Atom}id") or "").strip()
        return ident if ident.lower().startswith(("http://", "https://")) else None  # as feedparser does
    for channel in tree.iterchildren("{*}channel"):
        for el in channel.iterchildren("{*}link"):
            if el.text and el.text.strip():
                return str(el.text.strip())
    return None


def _fast_stamp(e: Any) -> float | None:
    when = _iso_date(str(e.get("published") or e.get("updated") or ""))
    return when.timestamp() if when else None


def _fast_entry(
    e: Any, base: str | None, has_guids: bool, guid_links: bool, content_summary: bool
) -> ScrapedItem:
    title_raw = e.get("title") or ""
    content_html = _longest_content(e)
    if content_summary:
        summary_html = content_html
    else:
        summary_html = e.get("description") or ""
        if content_html and " ".join(content_html.split()) == " ".join(summary_html.split()):
            content_html = ""  # the fast reader repeats a lone description as the content
    summary = html_to_text(summary_html)
    content = html_to_text(content_html) if content_html else ""
    title = one_line(html_to_text(title_raw) if "<" in title_raw else title_raw, TITLE_LIMIT)
    guid = clean_text(e.get("id"), GUID_LIMIT).strip() if has_guids else ""
    # An RSS 2.0 GUID is a permalink unless it says otherwise: the link when there is no <link>.
    link = e.get("link") or (
        guid if guid_links and guid.lower().startswith(("http://", "https://")) else None
    )
    url = _url(link, base)
    if not title:
        title = one_line((summary or content)[:120], TITLE_LIMIT) or (url or "(untitled)")
    return ScrapedItem(
        title=title,
        url=url,
        guid=guid or None,
        summary=clean_text(summary, SUMMARY_LIMIT),
        content=clean_text(content, CONTENT_LIMIT),
        content_html=sanitize_html(content_html or summary_html)[:CONTENT_LIMIT] or None,
        published=_fast_date(e),
        author=one_line(e.get("author"), AUTHOR_LIMIT) or None,
    )


def _fast_date(e: Any) -> datetime | None:
    when = _iso_date(str(e.get("published") or e.get("updated") or ""))
    return when.replace(microsecond=0) if when else None  # whole seconds, as feedparser gives them


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
        entries = _newest(entries, MAX_ENTRIES, _feedparser_stamp)
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


def _feedparser_stamp(e: Any) -> float | None:
    parsed = dict.get(e, "published_parsed") or dict.get(e, "updated_parsed")
    try:
        return float(calendar.timegm(parsed)) if parsed else None
    except (OverflowError, ValueError, TypeError):
        return None


def _newest(entries: list[Any], n: int, stamp: Callable[[Any], float | None]) -> list[Any]:
    """The ``n`` newest entries by date, in document order; undated entries count as newest
    (feeds list new entries first, so document position breaks ties)."""

    def key(pos_entry: tuple[int, Any]) -> tuple[float, int]:
        pos, e = pos_entry
        when = stamp(e)
        return (-(when if when is not None else float("inf")), pos)

    keep = sorted(enumerate(entries), key=key)[:n]
    return [e for _, e in sorted(keep, key=lambda pe: pe[0])]


def _longest_content(e: Any) -> str:
    """The longest of an entry's content values (either reader's entry: a list of dicts)."""
    content_html = ""
    for c in e.get("content") or ():
        value = c.get("value") or ""
        if len(value) > len(content_html):
            content_html = value
    return content_html


def _entry(e: dict[str, Any], base: str | None, atom: bool = False) -> ScrapedItem:
    title_raw = e.get("title") or ""
    # An Atom type="text" title is literal text: "<b>" in it is not markup (RELIABILITY.md 5 #41).
    # RSS titles carry no type, and escaped markup in them is usually meant as HTML.
    title_is_text = atom and (e.get("title_detail") or {}).get("type") == "text/plain"
    summary_html = e.get("summary") or ""
    content_html = _longest_content(e)
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


# An absolute URL that urljoin would hand back unchanged (no dot segments, no empty query or
# fragment, no parameters): most links in most feeds, and urljoin is the dearest step for them.
_PLAIN_ABSOLUTE = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[\w.~%!$&'()*+,=:@/-]*)?(?:\?[^#\s;]+)?", re.A
)


def _url(value: object, base: str | None) -> str | None:
    """An absolute http(s) URL, resolved against ``base``; anything else (javascript:, data:) is None."""
    text = one_line(_str(value))
    if not text:
        return None
    if base and not (_PLAIN_ABSOLUTE.fullmatch(text) and "/." not in text):
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

"""Stories -> RSS 2.0, Atom 1.0 and JSON Feed 1.1 bytes (pure).

Feeds are built with lxml, never string templates, from text that went through ``clean_text``
(XML 1.0 forbids most control characters; PostgreSQL's NUL rule is stricter still) and HTML that
went through the allow-list again here, at render time (RELIABILITY.md 1.C #26, #31). The output
depends only on the arguments, so two replicas serve byte-identical feeds and agree on ETags.
"""

from __future__ import annotations

import html
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlsplit

from lxml import etree

from service.models import Evidence, Item, StoryEntry
from service.text import CharMap, clean_text, one_line, sanitize_html

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Story GUIDs are UUIDv5 of the first item's identity key: valid as an Atom IRI and as a JSON Feed
# id, stable across replicas and database re-imports (the numeric row id is not).
GUID_NAMESPACE = uuid.UUID("8f0e4c1e-6a55-5b1a-9d1f-3c6f1b7e2a90")
GENERATOR = "therapywatch"
SUMMARY_CHARS = 1200
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_JSON_ESCAPES = CharMap({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """The channel: what a feed is called and where it lives.

    ``feed_url`` is the URL without its extension (``https://host/feeds/therapy/car-t``); each
    format appends its own. ``labels`` maps therapy slugs to display names. ``updated`` is used
    when there are no stories to date the feed by. ``hub`` is a WebSub hub to advertise.
    """

    title: str
    description: str
    feed_url: str
    home_url: str
    ttl_minutes: int = 60
    language: str = "en"
    labels: Mapping[str, str] = field(default_factory=dict)
    updated: datetime = EPOCH
    hub: str | None = None


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL a browser will read the same way, else ``None``.

    Feed links are not sanitised by feedparser (``javascript:`` survives), so nothing that is not
    plainly http(s) is ever placed in an ``href`` (RELIABILITY.md 1.C #27).
    """
    if not url:
        return None
    url = url.strip()
    if any(c.isspace() or ord(c) < 32 or c in "\\\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return url


def story_guid(story: StoryEntry) -> str:
    """The stable id of a story: ``urn:uuid:`` of its first item's identity key."""
    return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, story.guid_key)}"


def _text(value: str | None, limit: int | None = None) -> str:
    return one_line(value, limit)


def _summary_html(item: Item) -> str:
    if item.content_html:
        return sanitize_html(item.content_html)
    text = clean_text(item.summary or item.content, SUMMARY_CHARS)
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def entry_html(story: StoryEntry, labels: Mapping[str, str]) -> str:
    """The HTML body of a story's feed entry: summary, therapy types, and who reported it."""
    parts = [_summary_html(story.item)]
    if story.therapies:
        names = ", ".join(html.escape(labels.get(s, s)) for s in story.therapies)
        parts.append(f"<p><strong>Therapy types:</strong> {names}</p>")
    reports = []
    for s in story.sources:
        name = html.escape(_text(s.source, 200))
        link = safe_url(s.url)
        reports.append(f'<li><a href="{html.escape(link)}">{name}</a></li>' if link else f"<li>{name}</li>")
    if reports:
        parts.append(f"<p><strong>Reported by:</strong></p><ul>{''.join(reports)}</ul>")
    # One more pass over the whole body: the allow-list is the last word on what a reader renders.
    return sanitize_html("".join(parts))


def _dates(story: StoryEntry) -> tuple[datetime, datetime]:
    published = story.item.published or story.first_seen
    return published, max(story.updated, published)


def _feed_updated(info: FeedInfo, stories: Sequence[StoryEntry]) -> datetime:
    return max((_dates(s)[1] for s in stories), default=info.updated)


def _rfc822(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC), usegmt=True)


def _rfc3339(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = text
    return el


def render_rss(info: FeedInfo, stories: Sequence[StoryEntry]) -> bytes:
    """An RSS 2.0 document with one ``<item>`` per story and the feed's own ``<ttl>``."""
    rss = etree.Element("rss", {"version": "2.0"}, nsmap={"atom": ATOM_NS, "dc": DC_NS})
    channel = _sub(rss, "channel")
    _sub(channel, "title", _text(info.title))
    _sub(channel, "link", info.home_url)
    _sub(channel, "description", _text(info.description))
    _sub(channel, "language", info.language)
    _sub(channel, "lastBuildDate", _rfc822(_feed_updated(info, stories)))
    _sub(channel, "generator", GENERATOR)
    _sub(channel, "ttl", str(info.ttl_minutes))
    _sub(channel, f"{{{ATOM_NS}}}link", href=info.feed_url + ".xml", rel="self", type="application/rss+xml")
    if info.hub:
        _sub(channel, f"{{{ATOM_NS}}}link", href=info.hub, rel="hub")
    for story in stories:
        item = _sub(channel, "item")
        _sub(item, "title", _text(story.item.title) or "(untitled)")
        link = safe_url(story.item.url)
        if link:
            _sub(item, "link", link)
        _sub(item, "description", entry_html(story, info.labels))
        _sub(item, "guid", story_guid(story), isPermaLink="false")
        _sub(item, "pubDate", _rfc822(_dates(story)[0]))
        if story.item.author:
            _sub(item, f"{{{DC_NS}}}creator", _text(story.item.author, 200))
        for slug in story.therapies:
            _sub(item, "category", _text(info.labels.get(slug, slug)), domain=info.home_url)
    return bytes(etree.tostring(rss, xml_declaration=True, encoding="utf-8"))


def render_atom(info: FeedInfo, stories: Sequence[StoryEntry]) -> bytes:
    """An Atom 1.0 (RFC 4287) document with one ``<entry>`` per story."""
    a = f"{{{ATOM_NS}}}"
    feed = etree.Element(a + "feed", nsmap={None: ATOM_NS})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", info.language)
    _sub(feed, a + "id", info.feed_url + ".atom")
    _sub(feed, a + "title", _text(info.title), type="text")
    _sub(feed, a + "subtitle", _text(info.description), type="text")
    _sub(feed, a + "updated", _rfc3339(_feed_updated(info, stories)))
    _sub(feed, a + "link", href=info.feed_url + ".atom", rel="self", type="application/atom+xml")
    _sub(feed, a + "link", href=info.home_url, rel="alternate", type="text/html")
    if info.hub:
        _sub(feed, a + "link", href=info.hub, rel="hub")
    _sub(_sub(feed, a + "author"), a + "name", GENERATOR)
    _sub(feed, a + "generator", GENERATOR)
    for story in stories:
        published, updated = _dates(story)
        entry = _sub(feed, a + "entry")
        _sub(entry, a + "id", story_guid(story))
        _sub(entry, a + "title", _text(story.item.title) or "(untitled)", type="text")
        _sub(entry, a + "published", _rfc3339(published))
        _sub(entry, a + "updated", _rfc3339(updated))
        link = safe_url(story.item.url)
        if link:
            _sub(entry, a + "link", href=link, rel="alternate", type="text/html")
        if story.item.author:
            _sub(_sub(entry, a + "author"), a + "name", _text(story.item.author, 200))
        for slug in story.therapies:
            _sub(entry, a + "category", term=slug, label=_text(info.labels.get(slug, slug)))
        _sub(entry, a + "content", entry_html(story, info.labels), type="html")
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8"))


def render_json(info: FeedInfo, stories: Sequence[StoryEntry]) -> bytes:
    """A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1)."""
    items = []
    for story in stories:
        published, updated = _dates(story)
        entry: dict[str, object] = {
            "id": story_guid(story),
            "title": _text(story.item.title) or "(untitled)",
            "content_html": entry_html(story, info.labels),
            "summary": clean_text(story.item.summary, SUMMARY_CHARS),
            "date_published": _rfc3339(published),
            "date_modified": _rfc3339(updated),
            "tags": [_text(info.labels.get(s, s)) for s in story.therapies],
        }
        link = safe_url(story.item.url)
        if link:
            entry["url"] = link
        if story.item.author:
            entry["authors"] = [{"name": _text(story.item.author, 200)}]
        items.append(entry)
    doc: dict[str, object] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _text(info.title),
        "description": _text(info.description),
        "home_page_url": info.home_url,
        "feed_url": info.feed_url + ".json",
        "language": info.language,
        "items": items,
    }
    if info.hub:
        doc["hubs"] = [{"type": "WebSub", "url": info.hub}]
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    # Same values once decoded, but no byte sequence a browser could sniff as markup.
    return _JSON_ESCAPES(text).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Format:
    """One feed format: its file extension, media type and renderer."""

    extension: str
    media_type: str
    render: Callable[[FeedInfo, Sequence[StoryEntry]], bytes]


FORMATS: dict[str, Format] = {
    "xml": Format("xml", "application/rss+xml; charset=utf-8", render_rss),
    "atom": Format("atom", "application/atom+xml; charset=utf-8", render_atom),
    "json": Format("json", "application/feed+json; charset=utf-8", render_json),
}


def render(extension: str, info: FeedInfo, stories: Sequence[StoryEntry]) -> bytes:
    """The feed in the format named by ``extension`` (``xml``, ``atom`` or ``json``)."""
    try:
        fmt = FORMATS[extension]
    except KeyError:
        raise ValueError(f"syndicate: unknown feed format {extension!r}") from None
    return fmt.render(info, stories)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of an item's text around a matched phrase: ``before`` + ``match`` + ``after``."""

    before: str
    match: str
    after: str


def evidence_snippet(item: Item, evidence: Sequence[Evidence], width: int = 90) -> Snippet | None:
    """The text around the first piece of evidence (body before title) whose offsets fit ``item``'s text.

    Offsets that do not match the stored text (a lexicon change since) fall back to the phrase
    itself, so the reader still sees why the item got its label.
    """
    fields = {"title": item.title, "summary": item.summary, "content": item.content, "text": item.content}
    # A match in the body says more than one in the title, which the reader already sees.
    for ev in sorted(evidence, key=lambda e: e.field == "title"):
        source = fields.get(ev.field)
        if source and 0 <= ev.start < ev.end <= len(source):
            before = source[max(0, ev.start - width) : ev.start]
            after = source[ev.end : ev.end + width]
            cut_before = " ".join(before.split())
            if ev.start - width > 0:
                cut_before = "…" + cut_before.split(" ", 1)[-1]
            cut_after = " ".join(after.split())
            if ev.end + width < len(source):
                cut_after = cut_after.rsplit(" ", 1)[0] + "…"
            spaced_before = cut_before + (" " if before[-1:].isspace() else "")
            spaced_after = (" " if after[:1].isspace() else "") + cut_after
            return Snippet(
                clean_text(spaced_before), clean_text(source[ev.start : ev.end]), clean_text(spaced_after)
            )
    if evidence:
        return Snippet("", clean_text(evidence[0].text), "")
    return None

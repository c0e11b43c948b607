"""Article metadata from an HTML tree: title, publication date, canonical URL, author, language.

Each field is read from the most explicit declaration the page makes, in this order:
JSON-LD (schema.org ``Article``/``NewsArticle``/...), then ``<meta>`` tags (Open Graph, article:*,
Dublin Core, Twitter, ``itemprop``), then the markup itself (``<link rel=canonical>``, ``<time>``,
``<h1>``, ``<title>``, ``<html lang>``). Pure: takes a parsed tree, returns values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from service.text import one_line

# schema.org types whose "headline", "author" and "datePublished" describe the page's article.
_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "scholarlyarticle", "medicalscholarlyarticle", "techarticle", "socialmediaposting", "report",
    "webpage", "medicalwebpage", "liveblogposting", "opinionnewsarticle", "backgroundnewsarticle",
}  # fmt: skip
_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish-date", "pubdate", "publication_date", "date", "dc.date.issued",
    "dc.date", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "citation_publication_date", "citation_date", "article.published", "published-date",
)  # fmt: skip
_AUTHOR_META = ("author", "article:author", "dc.creator", "citation_author", "parsely-author", "byl")
_TITLE_META = ("og:title", "twitter:title", "dc.title", "citation_title", "headline")
# "Story title | Site" / "Story title - Site": the site name is the shorter side of the separator.
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—»·:]\s+")
_BY = re.compile(r"^\s*(by|von|par|por|di)\s+", re.IGNORECASE)
_CLASS_WORDS = re.compile(r"[\s\-_]+")
# What follows a name in a byline: a date, a separator, a job title line.
_BYLINE_TAIL = re.compile(r"\s+[-|•·–—]\s+|\s*\|\s*|\s+on\s+(?=\w+\.? \d)|\s+(?=\d{1,2}:\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
# Some CMSs wrap JSON-LD in CDATA or HTML comment markers, which json.loads refuses.
_CDATA = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
_LANG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page declares about itself (every field may be missing)."""

    title: str | None
    published: datetime | None
    canonical_url: str | None
    author: str | None
    language: str | None


def read_meta(tree: lxml_html.HtmlElement, url: str | None) -> PageMeta:
    """Read the metadata of a parsed page; ``url`` resolves a relative canonical link."""
    metas = _meta_tags(tree)
    ld = list(_json_ld_articles(tree))
    return PageMeta(
        title=_title(tree, metas, ld),
        published=_published(tree, metas, ld),
        canonical_url=_canonical(tree, metas, url),
        author=_author(tree, metas, ld),
        language=_language(tree, metas),
    )


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """First non-empty content of each <meta name|property|itemprop|http-equiv>, keys lowercased."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content") or el.get("datetime")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld_articles(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    """schema.org objects of an article-like type from every JSON-LD block (``@graph`` unrolled)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        raw = _CDATA.sub("", script.text).strip().rstrip(";")
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags usually say the same thing
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if "@graph" in node:
                    stack.extend(node["@graph"] if isinstance(node["@graph"], list) else [node["@graph"]])
                types = node.get("@type")
                names = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                    yield node


def _ld_text(value: Any) -> str | None:
    if isinstance(value, str):
        return one_line(value) or None
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_text(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _title(tree: lxml_html.HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    for node in ld:
        headline = _ld_text(node.get("headline"))
        if headline:
            return headline
    for key in _TITLE_META:
        if metas.get(key):
            return one_line(metas[key])
    h1s = [one_line(h.text_content()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if h]
    doc_title = one_line(tree.findtext(".//title") or "")
    if len(h1s) == 1 and (not doc_title or h1s[0] in doc_title):
        return h1s[0]
    return _strip_site_name(doc_title) or (h1s[0] if h1s else None)


def _strip_site_name(title: str) -> str:
    """'A story about X | Site' -> 'A story about X' (only when the story side is clearly longer)."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    longest = max(parts, key=len)
    return longest if len(longest.split()) >= 3 else title


def _author(tree: lxml_html.HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    for node in ld:
        name = _ld_text(node.get("author") or node.get("creator"))
        if name and not name.startswith("http"):
            return name
    for key in _AUTHOR_META:
        value = metas.get(key)
        if value and not value.startswith(("http://", "https://", "/")):
            return _clean_byline(value) or None
    for el in _byline_elements(tree):
        text = _clean_byline(el.text_content())
        if text and len(text) <= 100:
            return text
    return None


def _byline_elements(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """Explicit author markup first (rel/itemprop), then elements with a byline/author class word."""
    yield from tree.xpath('//*[@rel="author" or @itemprop="author"]')
    for el in tree.xpath("//body//*[@class]"):
        words = set(_CLASS_WORDS.split((el.get("class") or "").lower()))
        if not words.isdisjoint(("byline", "author", "authors")):
            yield el


def _clean_byline(raw: str) -> str:
    """'By Jane Doe - Apr 16, 2015 8:02 pm' -> 'Jane Doe'."""
    text = _BY.sub("", one_line(raw))
    return _BYLINE_TAIL.split(text, maxsplit=1)[0].strip(" ,;")


def _published(
    tree: lxml_html.HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]
) -> datetime | None:
    candidates: list[str] = []
    for node in ld:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if isinstance(node.get(key), str):
                candidates.append(node[key])
    candidates += [metas[k] for k in _DATE_META if k in metas]
    for el in tree.iter("time"):
        if el.get("datetime"):
            candidates.append(el.get("datetime") or "")
            break
    for raw in candidates:
        parsed = parse_date(raw)
        if parsed:
            return parsed
    return None


def parse_date(raw: str) -> datetime | None:
    """An ISO 8601 or RFC 2822 date as an aware UTC datetime (naive times are taken as UTC)."""
    text = raw.strip()
    if not text:
        return None
    value: datetime | None = None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            m = _ISO_DATE.search(text)
            if m:
                try:
                    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                    h, mi, s = (int(g) if g else 0 for g in m.group(4, 5, 6))
                    value = datetime(y, mo, d, h, mi, s)
                except ValueError:
                    value = None
    if value is None or not 1990 <= value.year <= 2100:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _canonical(tree: lxml_html.HtmlElement, metas: dict[str, str], url: str | None) -> str | None:
    href = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            href = (link.get("href") or "").strip()
            break
    href = href or metas.get("og:url")
    if not href:
        return url
    resolved = urljoin(url, href) if url else href
    return resolved if urlsplit(resolved).scheme in ("http", "https") else url


def _language(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> str | None:
    root = tree.getroottree().getroot()
    for raw in (
        root.get("lang"),
        root.get("xml:lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
        metas.get("dc.language"),
        metas.get("language"),
    ):
        value = (raw or "").split(",")[0].strip().replace("_", "-")
        if value and _LANG.match(value):
            return value.lower()
    return None

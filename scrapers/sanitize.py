"""Allow-list HTML cleaning and HTML -> plain text. Always the last step on scraped HTML."""

from __future__ import annotations

import html

import lxml.html
import nh3
from lxml import etree

# The allow-list itself lives in the base layer so the syndication stage can re-sanitise at render
# time without importing the scrapers; it is re-exported here for the scraping side.
from service.text import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    URL_SCHEMES,
    clean_text,
    sanitize_html,
    squeeze_spaces,
)

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "URL_SCHEMES",
    "html_to_text",
    "looks_like_html",
    "sanitize_html",
]

_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head"}


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains markup (a tag or an entity) worth parsing as HTML."""
    return "<" in text or "&" in text


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block elements become line breaks, scripts are dropped."""
    if not fragment:
        return ""
    if not looks_like_html(fragment):
        return squeeze_spaces(clean_text(fragment))
    try:
        root = lxml.html.fragment_fromstring(clean_text(fragment), create_parent="div")
    except (etree.ParserError, ValueError):
        return squeeze_spaces(html.unescape(nh3.clean(clean_text(fragment), tags=set())))
    parts: list[str] = []
    _walk(root, parts)
    return squeeze_spaces("".join(parts))


def _walk(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP:
        if el.tail:
            parts.append(el.tail)
        return
    block = tag in _BLOCK
    if block:
        parts.append("\n")
    if tag and el.text:
        parts.append(el.text)
    for child in el:
        _walk(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail)

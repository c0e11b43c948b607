"""OPML 2.0 import and export of sources (pure: bytes in, bytes out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from lxml import etree

from service.errors import SourceError
from service.models import Source


@dataclass(frozen=True, slots=True)
class OpmlEntry:
    name: str
    url: str
    kind: str = "feed"


def parse_opml(data: bytes) -> list[OpmlEntry]:
    """Every outline with an ``xmlUrl``, nested folders included, in document order."""
    # No entity expansion and no network: an OPML file is as untrusted as a feed.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise SourceError(f"opml: not well-formed XML: {e}") from e
    if root.tag != "opml":
        raise SourceError(f"opml: root element is <{root.tag}>, expected <opml>")
    out: list[OpmlEntry] = []
    for node in root.iter("outline"):
        url = (node.get("xmlUrl") or "").strip()
        if not url:
            continue
        name = (node.get("title") or node.get("text") or url).strip()
        kind = "listing" if node.get("type") == "listing" else "feed"
        out.append(OpmlEntry(name=name, url=url, kind=kind))
    return out


def to_opml(sources: Sequence[Source], now: datetime, title: str = "therapywatch sources") -> bytes:
    """An OPML 2.0 document listing ``sources``."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = format_datetime(now)
    body = etree.SubElement(root, "body")
    for s in sources:
        etree.SubElement(
            body,
            "outline",
            text=s.name,
            title=s.name,
            type="rss" if s.kind == "feed" else "listing",
            xmlUrl=s.url,
        )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))

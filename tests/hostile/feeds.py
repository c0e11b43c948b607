"""Builders for hostile feed documents. All text is generated here; nothing is copied from real feeds."""

from __future__ import annotations

from xml.sax.saxutils import escape


def item(
    title: str = "An item",
    *,
    guid: str | None = None,
    link: str | None = None,
    description: str | None = None,
    pub_date: str | None = None,
    raw: str = "",
) -> str:
    """One RSS ``<item>``; the arguments are escaped unless given through ``raw``."""
    parts = [f"<title>{escape(title)}</title>"]
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{escape(guid)}</guid>')
    if link is not None:
        parts.append(f"<link>{escape(link)}</link>")
    if description is not None:
        parts.append(f"<description>{escape(description)}</description>")
    if pub_date is not None:
        parts.append(f"<pubDate>{escape(pub_date)}</pubDate>")
    return "<item>" + "".join(parts) + raw + "</item>"


def rss(
    items: list[str] | str, *, prolog: str = '<?xml version="1.0" encoding="utf-8"?>', doctype: str = ""
) -> bytes:
    """An RSS 2.0 document around ``items`` (strings of ``<item>`` markup)."""
    body = items if isinstance(items, str) else "".join(items)
    return (
        f'{prolog}{doctype}<rss version="2.0"><channel><title>Hostile test feed</title>'
        f"<link>http://feed.test/</link><description>generated</description>{body}</channel></rss>"
    ).encode()


def good_feed(tag: str, n: int = 3) -> bytes:
    """A well-behaved feed whose items are all distinct (used as the unaffected neighbour)."""
    return rss(
        [
            item(f"{tag} trial update {i}", guid=f"{tag}-{i}", link=f"http://news.test/{tag}/{i}",
                 description=f"Phase {i} results for {tag}.")
            for i in range(n)
        ]
    )  # fmt: skip

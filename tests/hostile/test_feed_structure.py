"""RELIABILITY.md section 5, items 16-32: hostile XML and feed structure, through the service's
ingest path (parse -> dedup -> classify -> store -> record) on SQLite and PostgreSQL.

Each test asserts on what is stored: the right items, nothing partial, the error or warning
recorded, and other sources untouched.
"""

from __future__ import annotations

import codecs
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from service.store import items as item_store
from service.store.schema import items
from tests.hostile.conftest import counts, get_source, ingest_doc, stored_rows, stored_titles
from tests.hostile.feeds import good_feed, item, rss

pytestmark = pytest.mark.usefixtures("engine")


def _lol_doctype(levels: int = 10) -> str:
    decls = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        ref = f"&lol{i - 1};"
        decls.append(f'<!ENTITY lol{i} "{ref * 10}">')
    return "<!DOCTYPE rss [" + "".join(decls) + "]>"


def test_16_billion_laughs_not_expanded(engine: Engine, now) -> None:
    ingest_doc(engine, "neighbour", good_feed("n"), now)
    doc = rss([item("Plain item", guid="p1"), f"<item><title>&lol{9};</title><guid>boom</guid></item>"],
              doctype=_lol_doctype())  # fmt: skip
    result = ingest_doc(engine, "laughs", doc, now)
    assert result.error is None
    titles = stored_titles(engine, "laughs")
    assert "Plain item" in titles
    # 10^9 "lol"s would be 3 GB; the entity stays unexpanded (or empty), never amplified.
    assert all(len(t) < 100 and "lollol" not in t for t in titles)
    assert len(stored_titles(engine, "neighbour")) == 3


def test_16b_quadratic_blowup_not_expanded(engine: Engine, now) -> None:
    big = "x" * 50_000
    doc = rss([f"<item><title>{'&big;' * 2000}</title><guid>q</guid></item>", item("ok", guid="ok")],
              doctype=f'<!DOCTYPE rss [<!ENTITY big "{big}">]>')  # fmt: skip
    ingest_doc(engine, "quadratic", doc, now)
    assert all(len(r["title"]) <= 1_000 for r in stored_rows(engine))


def test_17_xxe_local_file_never_read(engine: Engine, now, tmp_path: Path) -> None:
    sentinel = tmp_path / "sentinel"
    sentinel.write_text("SENTINEL-7f3a-must-not-leak")
    doctype = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{sentinel.as_uri()}">]>'
    doc = rss(["<item><title>leak &xxe; here</title><guid>x1</guid><description>&xxe;</description></item>"],
              doctype=doctype)  # fmt: skip
    result = ingest_doc(engine, "xxe", doc, now)
    src = get_source(engine, "xxe")
    everything = repr(stored_rows(engine)) + repr(src) + repr(result)
    assert "SENTINEL-7f3a" not in everything


def test_18_external_dtd_not_fetched(engine: Engine, now, no_network_listener) -> None:
    dtd = f"http://127.0.0.1:{no_network_listener.port}/evil.dtd"
    doc = rss([item("Item under an external DTD", guid="d1")], doctype=f'<!DOCTYPE rss SYSTEM "{dtd}">')
    ingest_doc(engine, "dtd", doc, now)
    assert no_network_listener.accepted == 0
    assert stored_titles(engine, "dtd") == ["Item under an external DTD"]


def test_19_truncated_document_keeps_complete_entries(engine: Engine, now) -> None:
    doc = rss([item("First complete", guid="t1"), item("Second complete", guid="t2")])
    cut = doc[: doc.index(b"</channel>")] + b"<item><title>Third, cut off mid"
    result = ingest_doc(engine, "truncated", cut, now)
    assert result.error is None
    assert result.warning  # bozo recorded
    assert {"First complete", "Second complete"} <= set(stored_titles(engine, "truncated"))


def test_19b_truncated_with_no_entries_is_an_error(engine: Engine, now) -> None:
    ingest_doc(engine, "neighbour", good_feed("n"), now)
    result = ingest_doc(engine, "empty-cut", b'<?xml version="1.0"?><rss version="2.0"><chann', now)
    src = get_source(engine, "empty-cut")
    assert result.error and result.error.startswith("parse:")
    assert src.last_status == "error" and src.error_count == 1 and src.last_error
    assert get_source(engine, "neighbour").last_status == "ok"
    assert counts(engine)["items"] == 3


def test_20_windows_1252_labelled_utf8(engine: Engine, now) -> None:
    title = "café – “quotes”"
    doc = rss([item(title, guid="c1")]).replace(title.encode(), title.encode("cp1252"))
    result = ingest_doc(engine, "cp1252", doc, now)
    assert stored_titles(engine) == [title]
    assert result.warning and "CharacterEncodingOverride" in result.warning


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("utf-16-bom", lambda s: codecs.BOM_UTF16_LE + s.replace("utf-8", "utf-16").encode("utf-16-le")),
        ("utf-8-bom", lambda s: codecs.BOM_UTF8 + s.encode()),
        ("utf-8-bom-says-latin1", lambda s: codecs.BOM_UTF8 + s.replace("utf-8", "iso-8859-1").encode()),
    ],
)  # fmt: skip
def test_21_byte_order_mark_wins(engine: Engine, now, label: str, encode) -> None:
    title = "Ökotherapie für Kinder – 治疗"
    doc = encode(rss([item(title, guid="b1")]).decode())
    ingest_doc(engine, label, doc, now)
    assert stored_titles(engine) == [title]


def test_22_unknown_charset_label_falls_back(engine: Engine, now) -> None:
    doc = rss([item("Plain ASCII survives", guid="u1")], prolog='<?xml version="1.0" encoding="x-bogus-9"?>')
    result = ingest_doc(engine, "bogus", doc, now, {"content-type": "application/rss+xml; charset=x-bogus-9"})
    assert result.error is None
    assert stored_titles(engine) == ["Plain ASCII survives"]


def test_23_control_characters_stripped_before_storage(engine: Engine, now) -> None:
    # Raw NUL and ESC bytes are not well-formed XML; the loose parser passes them through.
    doc = rss([item("a\x00b\x1bc\ufffed", guid="nul\x00guid", description="body\x00text")])
    result = ingest_doc(engine, "controls", doc, now)
    assert result.error is None  # PostgreSQL would refuse a NUL
    [row] = stored_rows(engine)
    for value in (row["title"], row["summary"], row["content"]):
        assert not any(c in value for c in "\x00\x1b\ufffe")
    assert row["title"] == "abcd"


@pytest.mark.slow
def test_24_twenty_thousand_items_are_capped(engine: Engine, now) -> None:
    doc = rss([item(f"Entry {i}", guid=f"e{i}", link=f"http://news.test/{i}") for i in range(20_000)])
    ingest_doc(engine, "neighbour", good_feed("n"), now)
    result = ingest_doc(engine, "flood", doc, now)
    assert result.error is None
    from scrapers.parse import MAX_ENTRIES

    assert len(stored_titles(engine, "flood")) == MAX_ENTRIES
    assert len(stored_titles(engine, "neighbour")) == 3


def test_24b_entry_cap_keeps_the_newest(engine: Engine, now) -> None:
    from scrapers.parse import MAX_ENTRIES

    n = MAX_ENTRIES + 50
    # Oldest first in document order: the newest are at the end.
    entries = [
        item(f"Entry {i}", guid=f"e{i}", pub_date=format_datetime(now - timedelta(hours=n - i)))
        for i in range(n)
    ]  # fmt: skip
    result = ingest_doc(engine, "long", rss(entries), now)
    titles = set(stored_titles(engine, "long"))
    assert len(titles) == MAX_ENTRIES
    assert f"Entry {n - 1}" in titles and "Entry 0" not in titles
    assert result.warning and str(MAX_ENTRIES) in result.warning


def test_25_deeply_nested_html_is_bounded(engine: Engine, now) -> None:
    nested = "<div>" * 50_000 + "deep text" + "</div>" * 50_000
    result = ingest_doc(engine, "nested", rss([item("Nested", guid="n1", description=nested)]), now)
    assert result.error is None
    [row] = stored_rows(engine)
    assert len(row["content_html"] or "") < 600_000
    assert len(row["summary"]) <= 20_000


def test_26_all_items_share_one_guid(engine: Engine, now) -> None:
    entries = [item(f"Story {i}", guid="same-guid", link=f"http://news.test/s/{i}") for i in range(5)]
    ingest_doc(engine, "sameguid", rss(entries), now)
    first = sorted(stored_titles(engine, "sameguid"))
    assert first == [f"Story {i}" for i in range(5)]
    again = ingest_doc(engine, "sameguid", rss(entries), now + timedelta(hours=1))
    assert again.new_items == 0
    assert sorted(stored_titles(engine, "sameguid")) == first


def test_27_title_only_items_are_idempotent(engine: Engine, now) -> None:
    entries = [f"<item><title>Only a title {i}</title></item>" for i in range(3)]
    ingest_doc(engine, "titleonly", rss(entries), now)
    assert len(stored_titles(engine)) == 3
    again = ingest_doc(engine, "titleonly", rss(entries), now + timedelta(hours=1))
    assert again.new_items == 0 and len(stored_titles(engine)) == 3


def test_28_guid_changing_every_fetch_does_not_flood(engine: Engine, now) -> None:
    for fetch in range(4):
        entries = [item(f"Stable {i}", guid=f"{fetch}-{i}-{fetch * 7}", link=f"http://news.test/st/{i}")
                   for i in range(6)]  # fmt: skip
        ingest_doc(engine, "timestamps", rss(entries), now + timedelta(hours=fetch))
    assert len(stored_titles(engine)) == 6
    assert get_source(engine, "timestamps").identity_mode != "guid"


@pytest.mark.parametrize(
    "pub_date",
    ["Mon, 01 Jan 2120 00:00:00 +0000", "Thu, 01 Jan 1970 00:00:00 +0000", "2024-13-45T99:99:99Z"],
)
def test_29_impossible_dates_clamped_to_first_seen(engine: Engine, now, pub_date: str) -> None:
    ingest_doc(engine, "dates", rss([item("Dated", guid="d", pub_date=pub_date)]), now)
    [row] = stored_rows(engine)
    assert row["published_at"] == row["first_seen_at"] == now


def test_30_relative_links_resolved_to_http(engine: Engine, now) -> None:
    doc = rss(
        [
            item("Relative", guid="r1", link="/post/1"),
            item("Scheme-less", guid="r2", link="javascript:alert(1)"),
        ]
    )
    ingest_doc(engine, "relative", doc, now, {"content-location": "https://final.test/feeds/x.xml"})
    urls = {r["title"]: r["url"] for r in stored_rows(engine)}
    assert urls["Relative"] == "https://final.test/post/1"
    assert urls["Scheme-less"] is None


def test_31_five_megabyte_title_truncated(engine: Engine, now) -> None:
    result = ingest_doc(engine, "hugetitle", rss([item("T" * 5_000_000, guid="h1")]), now)
    assert result.error is None
    [row] = stored_rows(engine)
    assert 0 < len(row["title"]) <= 1_000


def test_32_item_that_returns_is_not_new_again(engine: Engine, now) -> None:
    entry = item("Comes back", guid="cb", link="http://news.test/cb")
    ingest_doc(engine, "returns", rss([entry, item("Other", guid="o")]), now)
    ingest_doc(engine, "returns", rss([item("Other", guid="o")]), now + timedelta(days=1))
    back = ingest_doc(engine, "returns", rss([entry]), now + timedelta(days=30))
    assert back.new_items == 0
    # Deleted (retention) and then re-published: the tombstone keeps it out.
    with engine.begin() as conn:
        item_id = conn.execute(select(items.c.id).where(items.c.title == "Comes back")).scalar_one()
        item_store.delete_item(conn, item_id, now + timedelta(days=31))
    again = ingest_doc(engine, "returns", rss([entry]), now + timedelta(days=61))
    assert again.new_items == 0
    assert "Comes back" not in stored_titles(engine)

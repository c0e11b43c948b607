"""Ingest: the whole corpus, identity fallbacks, sightings, tombstones, dates and control characters."""

from __future__ import annotations

import csv
import gzip
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from scrapers.parse import parse_feed
from service.entrypoints.cli import main
from service.errors import ParseError
from service.ingest import (
    FeedEntries,
    clamp_published,
    ingest_bytes,
    ingest_many,
    ingest_parsed,
    prepare_entries,
)
from service.models import ScrapedItem
from service.store import items as item_store
from service.store import sources as source_store
from service.store.schema import fetch_log, item_keys, items, metadata, sightings, sources


def _source(engine: Engine, name: str, now):  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        return source_store.insert_source(conn, name=name, url=f"https://{name}.example/feed", now=now)


def _rss(entries: list[tuple[str | None, str, str]], title: str = "Test feed") -> bytes:
    """A small RSS 2.0 document from (guid, link, title) triples."""
    body = []
    for guid, link, item_title in entries:
        g = f"<guid isPermaLink='false'>{guid}</guid>" if guid is not None else ""
        body.append(
            f"<item><title>{item_title}</title><link>{link}</link>{g}"
            f"<description>About {item_title}.</description>"
            "<pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate></item>"
        )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>"
        f"<link>https://example.org/</link>{''.join(body)}</channel></rss>"
    ).encode()


def _count(engine: Engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _inventory(shared: Path) -> dict[str, int]:
    with (shared / "corpus/feeds/INVENTORY.tsv").open(encoding="utf-8") as fh:
        return {r["path"]: int(r["entries"]) for r in csv.DictReader(fh, delimiter="\t")}


def test_every_corpus_feed_is_stored_or_a_recorded_error(engine: Engine, db_url: str, shared: Path) -> None:
    """The ~190 real feeds, 150 of them broken: items or a readable recorded error, never a traceback."""
    feeds = shared / "corpus/feeds"
    runner = CliRunner()
    env = {"THERAPYWATCH_DATABASE_URL": db_url}
    first = runner.invoke(main, ["ingest", "--quiet", str(feeds)], env=env)
    assert first.exit_code == 0, first.output
    assert first.exception is None
    assert "Traceback" not in first.output

    inventory = _inventory(shared)
    with engine.connect() as conn:
        by_url = {r.url: r for r in conn.execute(select(sources))}
        logged = {r.source_id: r for r in conn.execute(select(fetch_log))}
    for rel, expected in inventory.items():
        uri = (feeds / rel).resolve().as_uri()
        assert uri in by_url, rel
        src = by_url[uri]
        log = logged[src.id]
        if log.outcome == "error":
            assert log.error and log.error.startswith("parse:"), (rel, log.error)
            assert src.last_error == log.error
            # We refuse only what feedparser could not read either.
            assert expected == 0, (rel, log.error)
        elif rel.endswith(".json"):
            # feedparser does not read JSON Feed; our own reader does.
            assert log.seen_items >= expected
        else:
            assert log.seen_items == expected, rel

    stored = _count(engine, items)
    assert stored > 900
    second = runner.invoke(main, ["ingest", "--quiet", str(feeds)], env=env)
    assert second.exit_code == 0, second.output
    assert "0 new items" in second.output
    assert _count(engine, items) == stored


def test_ingest_exits_non_zero_only_when_nothing_was_readable(sqlite_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<html><body>not a feed</body></html>")
    good = tmp_path / "good.xml"
    good.write_bytes(_rss([("1", "https://a.example/1", "One")]))
    env = {"THERAPYWATCH_DATABASE_URL": sqlite_url}
    only_bad = CliRunner().invoke(main, ["ingest", str(bad)], env=env)
    assert only_bad.exit_code == 1
    assert "not a feed" in only_bad.output
    both = CliRunner().invoke(main, ["ingest", str(bad), str(good)], env=env)
    assert both.exit_code == 0, both.output
    assert "2 files, 1 new items, 0 duplicates, 1 errors" in both.output


def test_gzipped_feed_file_is_read(sqlite_engine: Engine, tmp_path: Path, now) -> None:  # type: ignore[no-untyped-def]
    from service.ingest import ingest_file

    path = tmp_path / "feed.xml.gz"
    path.write_bytes(gzip.compress(_rss([("g1", "https://a.example/1", "Zipped")])))
    result = ingest_file(sqlite_engine, path, now)
    assert result.error is None and result.new_items == 1


def test_same_article_in_two_feeds_is_one_item_with_two_sightings(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    a, b = _source(engine, "wire", now), _source(engine, "mirror", now)
    link = "https://news.example/2026/car-t-approval"
    ingest_bytes(engine, a, _rss([("wire-1", link, "CAR-T approved")]), {}, now)
    tracked = link + "?utm_source=rss&utm_medium=feed&fbclid=abc#top"
    result = ingest_bytes(engine, b, _rss([("mirror-77", tracked, "CAR-T approved (mirror)")]), {}, now)
    assert result.new_items == 0 and result.duplicates == 1
    with engine.connect() as conn:
        [item] = item_store.list_items(conn)
    assert {s.source for s in item.sightings} == {"wire", "mirror"}
    assert {s.guid for s in item.sightings} == {"wire-1", "mirror-77"}


def test_reingesting_stores_nothing_new(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "feed", now)
    data = _rss([(str(i), f"https://a.example/{i}", f"Story {i}") for i in range(20)])
    assert ingest_bytes(engine, src, data, {}, now).new_items == 20
    again = ingest_bytes(engine, src, data, {}, now + timedelta(hours=1))
    assert (again.new_items, again.duplicates) == (0, 20)
    assert _count(engine, items) == 20 and _count(engine, sightings) == 20


def test_missing_guids_fall_back_to_urls(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "noguid", now)
    data = _rss([(None, f"https://a.example/{i}", f"Story {i}") for i in range(10)])
    assert ingest_bytes(engine, src, data, {}, now).new_items == 10
    with engine.connect() as conn:
        assert source_store.get_source(conn, "noguid").identity_mode == "url"
        keys = conn.execute(select(items.c.identity_key)).scalars().all()
    assert all(k.startswith("u:") for k in keys)
    assert ingest_bytes(engine, src, data, {}, now).new_items == 0


def test_repeated_guids_do_not_merge_distinct_articles(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    # A CMS that gives every entry the same GUID (seen in the wild): the URLs tell them apart.
    src = _source(engine, "sameguid", now)
    data = _rss([("post", f"https://a.example/{i}", f"Story {i}") for i in range(8)])
    assert ingest_bytes(engine, src, data, {}, now).new_items == 8
    with engine.connect() as conn:
        assert source_store.get_source(conn, "sameguid").identity_mode == "url"


def test_repeated_guids_and_urls_fall_back_to_content_hash(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "homepage", now)
    data = _rss([("x", "https://a.example/", f"Story {i}") for i in range(6)])
    assert ingest_bytes(engine, src, data, {}, now).new_items == 6
    with engine.connect() as conn:
        assert source_store.get_source(conn, "homepage").identity_mode == "hash"
    assert ingest_bytes(engine, src, data, {}, now).new_items == 0


def test_guids_that_change_on_every_fetch_do_not_duplicate(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "shifty", now)
    first = _rss([(f"run1-{i}", f"https://a.example/{i}", f"Story {i}") for i in range(10)])
    second = _rss([(f"run2-{i}", f"https://a.example/{i}", f"Story {i}") for i in range(10)])
    assert ingest_bytes(engine, src, first, {}, now).new_items == 10
    with engine.connect() as conn:
        src = source_store.get_source(conn, "shifty")
    result = ingest_bytes(engine, src, second, {}, now)
    assert (result.new_items, result.duplicates) == (0, 10)
    with engine.connect() as conn:
        assert source_store.get_source(conn, "shifty").identity_mode == "url"


def test_deleted_item_leaves_a_tombstone(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "feed", now)
    data = _rss([("a", "https://a.example/a", "Keep"), ("b", "https://a.example/b", "Spam")])
    ingest_bytes(engine, src, data, {}, now)
    with engine.begin() as conn:
        spam = next(i for i in item_store.list_items(conn) if i.title == "Spam")
        assert item_store.delete_item(conn, spam.id, now)
        assert not item_store.delete_item(conn, spam.id, now)
    result = ingest_bytes(engine, src, data, {}, now)
    assert (result.new_items, result.skipped) == (0, 1)
    # Not by another feed's copy with a tracking parameter either.
    other = _source(engine, "other", now)
    copy = _rss([("zzz", "https://a.example/b?utm_campaign=x", "Spam again")])
    assert ingest_bytes(engine, other, copy, {}, now).skipped == 1
    assert [i.title for i in item_store.list_items(engine.connect())] == ["Keep"]


def test_impossible_and_future_dates_are_clamped(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    assert clamp_published(None, now) == now
    assert clamp_published(now + timedelta(days=30), now) == now
    assert clamp_published(now.replace(year=1970), now) == now
    ok = now - timedelta(days=2)
    assert clamp_published(ok, now) == ok
    src = _source(engine, "dates", now)
    doc = (
        b"<rss version='2.0'><channel><title>t</title>"
        b"<item><title>Future</title><link>https://a.example/f</link>"
        b"<pubDate>Sat, 01 Jan 2061 00:00:00 GMT</pubDate></item>"
        b"<item><title>Bogus</title><link>https://a.example/b</link><pubDate>yesterday-ish</pubDate></item>"
        b"</channel></rss>"
    )
    ingest_bytes(engine, src, doc, {}, now)
    with engine.connect() as conn:
        published = {i.title: i.published for i in item_store.list_items(conn)}
    assert published == {"Future": now, "Bogus": now}


def test_control_characters_are_removed_before_storing(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "ctrl", now)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "ctrl",
        "items": [
            {
                "id": "1",
                "url": "https://a.example/1",
                "title": "Gene\u0000 therapy\u0007 news\u001b",
                "content_text": "Body\u0000 with\u000b controls\u0085 and \ud800 surrogate.",
            }
        ],
    }
    import json

    data = json.dumps(feed).encode()
    result = ingest_bytes(engine, src, data, {"Content-Type": "application/feed+json"}, now)
    assert result.error is None, result.error
    with engine.connect() as conn:
        [item] = item_store.list_items(conn)
    assert item.title == "Gene therapy news"
    assert item.content == "Body with controls and \ufffd surrogate."


def test_parse_error_is_recorded_and_stored_items_survive(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "flaky", now)
    ingest_bytes(engine, src, _rss([("1", "https://a.example/1", "One")]), {}, now)
    result = ingest_bytes(engine, src, b"<html><head></head><body>maintenance</body></html>", {}, now)
    assert result.error and "not a feed" in result.error
    with engine.connect() as conn:
        row = source_store.get_source(conn, "flaky")
    assert row.error_count == 1 and row.last_status == "error" and "not a feed" in (row.last_error or "")
    assert _count(engine, items) == 1


def test_relative_links_resolve_and_unsafe_schemes_are_dropped() -> None:
    doc = (
        b"<rss version='2.0'><channel><title>t</title><link>https://site.example/news/</link>"
        b"<item><title>Rel</title><link>/2026/rel</link><guid>r</guid></item>"
        b"<item><title>JS</title><link>javascript:alert(1)</link><guid>j</guid></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(doc, {"Content-Location": "https://site.example/feed.xml"})
    assert [i.url for i in parsed.items] == ["https://site.example/2026/rel", None]


def test_oversized_fields_are_truncated() -> None:
    doc = (
        b"<rss version='2.0'><channel><title>t</title><item><title>"
        + b"x" * 50_000
        + b"</title><link>https://a.example/1</link></item></channel></rss>"
    )
    [entry] = parse_feed(doc).items
    assert len(entry.title) == 1000


def test_html_page_is_not_a_feed_and_names_its_feeds() -> None:
    page = (
        b"<!DOCTYPE html><html><head><link rel='alternate' type='application/rss+xml' "
        b"href='https://site.example/rss'></head><body>Hi</body></html>"
    )
    with pytest.raises(ParseError, match=r"not a feed.*https://site.example/rss"):
        parse_feed(page, {"Content-Type": "text/html"})


def test_within_feed_duplicates_collapse(engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    src = _source(engine, "dup", now)
    item = ScrapedItem(title="Same", url="https://a.example/s", guid="s")
    with engine.begin() as conn:
        result = ingest_parsed(conn, src, [item] * 3 + [ScrapedItem(title="Other", guid="o")], now)
    assert (result.new_items, result.duplicates) == (2, 2)


def _batch_feeds(now):  # type: ignore[no-untyped-def]
    """Three feeds that overlap: shared GUIDs, a shared URL, a syndicated copy with a new GUID, an
    entry repeated within a feed, a home-page link on every entry, and a tombstoned item."""
    body = (
        "Engineered T cells targeting CD19 were given to twelve patients with refractory lupus in a "
        "phase 1 trial at three centres, and all twelve stopped their immunosuppressants within six "
        "months, the investigators reported on Tuesday."
    )
    when = now - timedelta(hours=3)

    def item(title: str, url: str | None, guid: str | None, text: str = "") -> ScrapedItem:
        return ScrapedItem(title=title, url=url, guid=guid, summary=text or f"About {title}.", published=when)

    wire = [
        item("CAR-T clears lupus in twelve patients", "https://wire.example/cart", "w1", body),
        item("Base editing trial opens", "https://wire.example/base", "w2"),
        item("Gone item", "https://wire.example/gone", "w3"),
    ]
    syndicate = [
        item("CAR-T clears lupus in twelve patients", "https://syn.example/a", "s1", body + " (Wire)"),
        item("Base editing trial opens", "https://wire.example/base", "s2"),  # same URL, new GUID
        item("Bispecific approved", "https://syn.example/bis", "w1"),  # another feed's GUID reused
        item("Bispecific approved", "https://syn.example/bis", "s4"),
    ]
    homepage = [
        item("Gene therapy for AADC deficiency", "https://hosp.example/", None),
        item("Stem cell transplant milestone", "https://hosp.example/", None),
        item("Gene therapy for AADC deficiency", "https://hosp.example/", None),
    ]
    return [("wire", wire), ("syndicate", syndicate), ("homepage", homepage)]


def _snapshot(engine: Engine) -> dict[str, object]:
    """The stored state with database ids replaced by identity keys."""
    with engine.connect() as conn:
        rows = conn.execute(select(items)).mappings().all()
        key_of = {r["id"]: r["identity_key"] for r in rows}
        stories: dict[object, set[str]] = {}
        for r in rows:
            stories.setdefault(r["story_id"], set()).add(r["identity_key"])
        return {
            "items": sorted(
                (
                    r["identity_key"],
                    r["title"],
                    r["url"],
                    r["primary_therapy"],
                    r["merge_method"],
                    key_of.get(r["duplicate_of"]),
                )
                for r in rows
            ),
            "stories": sorted(sorted(s) for s in stories.values()),
            "keys": sorted(
                (k, key_of[i]) for k, i in conn.execute(select(item_keys.c.key, item_keys.c.item_id))
            ),
            "sightings": sorted(
                (key_of[r.item_id], r.source_name, r.guid or "", r.url or "")
                for r in conn.execute(select(sightings))
            ),
            "modes": sorted(conn.execute(select(sources.c.name, sources.c.identity_mode)).all()),
        }


def _wipe(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.mark.parametrize("prepared", [False, True])
def test_a_batch_of_feeds_is_stored_as_feed_by_feed(engine: Engine, now, prepared: bool) -> None:  # type: ignore[no-untyped-def]
    """``ingest_many`` (what a polling round uses) stores exactly what storing the same feeds one
    after another stores: items, keys, sightings, stories and identity modes."""

    def setup() -> dict[str, object]:
        with engine.begin() as conn:
            srcs = {
                name: source_store.insert_source(conn, name=name, url=f"https://{name}.example/f", now=now)
                for name, _ in _batch_feeds(now)
            }
            # Stored before the round: one item that stays, one deleted (its keys tombstoned).
            wire = _batch_feeds(now)[0][1]
            early = ingest_parsed(conn, srcs["wire"], [wire[2], wire[1]], now - timedelta(days=1))
            item_store.delete_item(conn, early.new_item_ids[0], now - timedelta(hours=12))
        return srcs

    def run(batched: bool) -> dict[str, object]:
        srcs = setup()
        feeds = _batch_feeds(now)
        with engine.begin() as conn:
            fresh = {name: source_store.get_source(conn, name) for name in srcs}
            if batched:
                results = ingest_many(
                    conn,
                    [
                        FeedEntries(
                            fresh[name],
                            entries,
                            prepared=prepare_entries(entries, fresh[name].identity_mode, now)
                            if prepared
                            else None,
                        )
                        for name, entries in feeds
                    ],
                    now,
                )
            else:
                results = [ingest_parsed(conn, fresh[name], entries, now) for name, entries in feeds]
        snap = _snapshot(engine)
        snap["results"] = [(r.source, r.entries, r.new_items, r.duplicates, r.skipped) for r in results]
        return snap

    one_by_one = run(batched=False)
    _wipe(engine)
    together = run(batched=True)
    assert together == one_by_one
    # The fixture does what it claims: cross-feed duplicates, a skip, a story of two outlets.
    assert [r[3] for r in one_by_one["results"]] != [0, 0, 0]  # type: ignore[index]
    assert any(r[4] for r in one_by_one["results"])  # type: ignore[index]
    assert any(len(s) > 1 for s in one_by_one["stories"])  # type: ignore[union-attr]


def test_allocating_item_ids_holds_the_write_lock_on_sqlite(sqlite_engine: Engine, sqlite_url: str) -> None:
    """Ids (and story ids after them) are max(id) + 1: safe only while no other writer can commit,
    so allocating them takes SQLite's write lock even before anything is inserted."""
    with sqlite_engine.begin() as conn:
        first = item_store.allocate_item_ids(conn, 3)
        other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), timeout=0.2)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    assert first == [1, 2, 3]

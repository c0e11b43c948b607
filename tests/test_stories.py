"""Near-copies and story clusters, through real ingest on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from service import near_dup, stories
from service.entrypoints.cli import main
from service.ingest import ingest_bytes
from service.models import EventSignature
from service.store import sources as source_store
from service.store.schema import items, lsh_bands, sightings
from service.store.schema import stories as stories_table
from tests import story_set


def _event(name: str) -> dict[str, str]:
    events = json.loads(story_set.DATA.read_text(encoding="utf-8"))
    release: dict[str, str] = next(e["release"] for e in events if e["event"] == name)
    return release


def _sig(name: str) -> EventSignature:
    r = _event(name)
    return stories.event_signature(r["title"], r["body"])


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("zuma7-efs-2021", "zuma7-os-2023", "endpoints"),
        ("carvykti-2l-approval-2024", "abecma-3l-approval-2024", "products"),
        ("casgevy-fda-scd-2023", "lyfgenia-fda-scd-2023", "products"),
    ],
)
def test_near_miss_events_never_match_even_inside_the_window(a: str, b: str, why: str) -> None:
    sa, sb = _sig(a), _sig(b)
    assert why in stories.conflict(sa, sb)
    assert stories.story_score(sa, sb) == 0.0


def test_copy_score_separates_copies_from_other_releases_of_one_company() -> None:
    r = _event("zuma7-efs-2021")
    other = _event("zuma7-os-2023")
    copy = near_dup.shingles(
        "A new headline", "SANTA MONICA, Calif. -- " + r["body"] + " About Kite: a company."
    )
    original = near_dup.shingles(r["title"], r["body"])
    assert near_dup.is_copy(near_dup.copy_score(copy, original))
    assert not near_dup.is_copy(
        near_dup.copy_score(near_dup.shingles(other["title"], other["body"]), original)
    )
    # A shorter cut of the same release is contained in it.
    cut = near_dup.shingles("Short", " ".join(r["body"].split()[:60]))
    assert near_dup.is_copy(near_dup.copy_score(cut, original))


def test_signature_finds_names_numbers_and_aliases() -> None:
    sig = stories.event_signature(
        "FDA approves Kite's Yescarta in second-line lymphoma",
        "Axicabtagene ciloleucel (axi-cel) beat standard care in ZUMA-7 (NCT03391466): 41% versus 16% "
        "of 359 patients were event-free; hazard ratio 0.40. CD19 and COVID-19 are not products.",
    )
    assert sig.products == ("axi-cel",) and sig.lead == ("axi-cel",)
    assert set(sig.trials) == {"zuma-7", "nct03391466"}
    assert {"p:41", "p:16", "n:359", "hr:0.40"} <= set(sig.numbers)
    assert (sig.kind, sig.agencies, sig.conditions) == ("approval", ("fda",), ("lymphoma",))
    assert stories.from_json(json.loads(json.dumps(stories.to_json(sig)))) == sig


def test_signatures_do_not_depend_on_what_the_word_memo_has_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The signature's word memo only saves work: signatures computed cold, warm, and with a memo so
    small that it is replaced every few items are the same."""
    texts = [(i.item.title, i.item.summary) for i in story_set.load()]
    texts += [(t.upper(), b.lower()) for t, b in texts[:20]]
    monkeypatch.setattr(stories, "_MEMO", stories._WordMemo())
    cold = [stories.event_signature(t, b) for t, b in texts]
    warm = [stories.event_signature(t, b) for t, b in texts]
    monkeypatch.setattr(stories, "_MEMO_MAX", 50)
    churned = [stories.event_signature(t, b) for t, b in reversed(texts)][::-1]
    assert cold == warm == churned
    assert len(stories._MEMO.flags) <= 50 + max(len(t.split()) + len(b.split()) for t, b in texts)
    assert any(s.products for s in cold) and any(s.trials for s in cold) and any(s.numbers for s in cold)


@pytest.mark.parametrize(
    ("url", "tier"),
    [
        ("https://www.fda.gov/news-events/x", "regulator"),
        ("https://www.nejm.org/doi/x", "journal"),
        ("https://www.prnewswire.com/news-releases/x", "company"),
        ("https://ir.iovance.com/news", "company"),
        ("https://www.statnews.com/2024/x", "news"),
        ("https://news.google.com/articles/x", "aggregator"),
    ],
)
def test_source_rank_from_domain(url: str, tier: str) -> None:
    from service.entrypoints.commands.stories import TIERS

    assert TIERS[stories.source_rank(url)] == tier


def test_story_set_through_ingest(engine: Engine, now: datetime) -> None:
    labelled = story_set.load()
    ids = story_set.ingest_all(engine, labelled, now)
    scores = story_set.score(engine, labelled, ids)
    assert scores.copy_recall >= 0.95, scores
    assert scores.rewrite_recall >= 0.6, scores
    assert scores.pair_precision >= 0.98, scores.false_pairs
    with engine.connect() as conn:
        # Every item has a story; near-miss events are separate stories.
        assert conn.execute(select(func.count()).where(items.c.story_id.is_(None))).scalar_one() == 0
        story_of = dict(conn.execute(select(items.c.url, items.c.story_id)).all())
        rep = conn.execute(
            select(stories_table.c.representative_item_id).where(
                stories_table.c.id == story_of[_event("casgevy-fda-scd-2023")["url"]]
            )
        ).scalar_one()
        assert (
            conn.execute(select(items.c.url).where(items.c.id == rep))
            .scalar_one()
            .startswith("https://www.fda.gov/")
        )
        band_rows = conn.execute(select(func.count()).select_from(lsh_bands)).scalar_one()
        assert band_rows == len(ids) * near_dup.BANDS
    near_misses = [
        ("zuma7-efs-2021", "zuma7-os-2023"),
        ("carvykti-2l-approval-2024", "abecma-3l-approval-2024"),
        ("casgevy-fda-scd-2023", "lyfgenia-fda-scd-2023"),
    ]
    for a, b in near_misses:
        assert story_of[_event(a)["url"]] != story_of[_event(b)["url"]]


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title><link>https://{name}/</link>
<item><title>{title}</title><link>{link}</link><description>{body}</description>
<pubDate>Fri, 08 Dec 2023 16:00:00 GMT</pubDate></item></channel></rss>"""


def _feed(name: str, title: str, link: str, body: str) -> bytes:
    return RSS.format(name=name, title=title, link=link, body=body).encode()


def test_same_article_twice_and_a_syndicated_copy(engine: Engine, now: datetime, db_url: str) -> None:
    r = _event("casgevy-fda-scd-2023")
    url = r["url"]
    feeds = [
        ("fda.gov", r["title"], url, r["body"]),
        ("aggregator.example", r["title"], url + "?utm_source=rss&utm_medium=feed", r["body"]),
        ("wire.example", "Vertex: FDA clears Casgevy", "https://www.businesswire.com/news/casgevy-copy",
         "BOSTON, Dec. 8, 2023 /Business Wire/ -- " + r["body"] + " About Vertex: a biotechnology company."),
    ]  # fmt: skip
    for name, title, link, body in feeds:
        with engine.begin() as conn:
            source = source_store.ensure_source(conn, name, now, url=f"https://{name}/feed")
        result = ingest_bytes(engine, source, _feed(name, title, link, body), {}, now + timedelta(minutes=1))
        assert result.error is None, result.error
    with engine.connect() as conn:
        rows = conn.execute(select(items).order_by(items.c.id)).all()
        assert len(rows) == 2
        first, copy = rows
        n_sightings = conn.execute(select(func.count()).where(sightings.c.item_id == first.id)).scalar_one()
        assert n_sightings == 2
        assert (copy.duplicate_of, copy.story_id, copy.merge_method) == (
            first.id,
            first.story_id,
            "near-copy",
        )
        assert copy.merge_score >= near_dup.COPY_JACCARD
    env = {"THERAPYWATCH_DATABASE_URL": db_url}
    runner = CliRunner()
    why = runner.invoke(main, ["stories", "why", str(copy.id)], env=env)
    assert why.exit_code == 0, why.output
    assert f"near-copy with item {first.id}" in why.output and "score" in why.output
    item_why = runner.invoke(main, ["items", "why", str(copy.id)], env=env)
    assert item_why.exit_code == 0, item_why.output
    assert f"merged with item {first.id}" in item_why.output and "method near-copy, score" in item_why.output
    shown = runner.invoke(main, ["stories", "show", str(first.story_id), "--format", "json"], env=env)
    assert shown.exit_code == 0, shown.output
    members = json.loads(shown.output)
    assert [m["id"] for m in members] == [first.id, copy.id]
    assert [m["representative"] for m in members] == [True, False]
    listed = json.loads(runner.invoke(main, ["stories", "list", "--format", "json"], env=env).output)
    assert listed[0]["members"] == 2
    export = runner.invoke(main, ["items", "export", "--format", "jsonl"], env=env)
    assert {json.loads(line)["story_id"] for line in export.output.splitlines()} == {first.story_id}
    missing = runner.invoke(main, ["stories", "why", "999999"], env=env)
    assert missing.exit_code == 1 and "no item with id 999999" in missing.output


def test_band_lookup_reads_only_the_newest_rows_of_a_crowded_bucket(engine: Engine) -> None:
    from service.store import stories as story_store

    crowded = [(77, item_id, 3) for item_id in range(1, 201)]
    with engine.begin() as conn:
        story_store.add_index_rows(conn, [*crowded, (78, 5, 4), (77, 200, 3)], [])
        found = story_store.band_matches(conn, [77, 78, 79], per_bucket=10)
        conn.rollback()
    assert sorted(found[77]) == list(range(191, 201))
    assert found[78] == [5] and 79 not in found


def test_migration_rebuilds_the_band_index_grouping_wrote(engine: Engine, now: datetime) -> None:
    from alembic import command

    from service.store.engine import alembic_config, migrate

    story_set.ingest_all(engine, story_set.load()[:12], now)
    query = select(lsh_bands.c.bucket, lsh_bands.c.item_id, lsh_bands.c.band).order_by(
        lsh_bands.c.bucket, lsh_bands.c.item_id
    )
    with engine.connect() as conn:
        written = conn.execute(query).all()
    assert len(written) == 12 * near_dup.BANDS
    command.downgrade(alembic_config(engine), "0009")
    with engine.connect() as conn:
        assert conn.execute(query).all() == []
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(query).all() == written

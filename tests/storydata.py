"""Stories in a real database for the feed, web and benchmark code: ingest through the real recipe.

The texts are short sentences of our own about real kinds of events; labels come from a keyword
classifier defined here, so these tests do not depend on the classifier stage's lexicon.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Engine, update

from service.ingest import IngestResult, ingest_bytes, ingest_parsed
from service.models import Classification, Evidence, ScrapedItem, TherapyScore
from service.store import sources as source_store
from service.store.schema import items, stories

# Keyword -> slug, matched case-insensitively in the title, then the summary.
KEYWORDS = (
    ("tisagenlecleucel", "car-t"),
    ("car-t", "car-t"),
    ("base editing", "gene-editing"),
    ("crispr", "gene-editing"),
    ("gene therapy", "gene-therapy"),
    ("teclistamab", "bispecific-antibody"),
    ("pembrolizumab", "checkpoint-inhibitor"),
    ("chemotherapy", "chemotherapy"),
)


def keyword_classifier(item: ScrapedItem) -> Classification:
    """Labels from ``KEYWORDS`` with evidence offsets into the title or summary."""
    scores: dict[str, list[Evidence]] = {}
    for field, text in (("title", item.title), ("summary", item.summary)):
        low = text.lower()
        for word, slug in KEYWORDS:
            at = low.find(word)
            if at >= 0:
                scores.setdefault(slug, []).append(
                    Evidence(field, at, at + len(word), text[at : at + len(word)])
                )
    if not scores:
        return Classification(primary="none", discussed=())
    ordered = list(scores)
    return Classification(
        primary=ordered[0],
        discussed=tuple(ordered),
        therapies=tuple(TherapyScore(s, 1.0, tuple(ev)) for s, ev in scores.items()),
        lexicon_version="test",
    )


def entry(
    n: int, title: str, *, summary: str = "", html: str | None = None, url: str | None = None
) -> ScrapedItem:
    """A scraped entry with a GUID and an article URL derived from ``n``."""
    return ScrapedItem(
        title=title,
        url=url if url is not None else f"https://news.example.org/story/{n}",
        guid=f"urn:test:{n}",
        summary=summary or f"Report number {n}: {title}.",
        content_html=html,
    )


def ingest(engine: Engine, source: str, entries: Sequence[ScrapedItem], now: datetime) -> IngestResult:
    """Store ``entries`` as if the feed ``source`` had just been fetched."""
    with engine.begin() as conn:
        src = source_store.ensure_source(conn, source, now, url=f"https://{source}.example/feed.xml")
        return ingest_parsed(conn, src, entries, now, keyword_classifier)


def ingest_document(engine: Engine, source: str, data: bytes, now: datetime) -> IngestResult:
    """Parse and store a feed document, the whole recipe (parse, sanitise, dedup, classify, store)."""
    with engine.begin() as conn:
        src = source_store.ensure_source(conn, source, now, url=f"https://{source}.example/feed.xml")
    return ingest_bytes(engine, src, data, {"content-type": "application/rss+xml"}, now, keyword_classifier)


# A feed an attacker controls: markup in a text title, scripts, javascript: links, CDATA tricks,
# control characters and a forged form, in the places feed readers show.
HOSTILE_FEED = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Hostile</title>'
    b"<link>https://hostile.example/</link><description>x</description><item>"
    b"<title>CAR-T ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt; \x1b\x00 hostile</title>"
    b"<link>javascript:alert(1)</link><guid>hostile-1</guid>"
    b"<description><![CDATA[<p onclick=x>CAR-T trial <script>alert(2)</script> results ]]]]><![CDATA[> "
    b'<a href="jav&#x61;script:alert(3)">more</a><img src=x onerror=alert(4)>'
    b'<iframe src="https://evil.example/"></iframe><form action="https://evil.example/">'
    b'<input type="password"><button>Log in</button></form><a href="data:text/html,x">d</a>'
    b'<div style="position:fixed">styled</div></p>]]></description>'
    b"</item></channel></rss>"
)


def link_story(
    engine: Engine, item_ids: Sequence[int], now: datetime, representative: int | None = None
) -> int:
    """Group ``item_ids`` into one story, as the story stage would."""
    with engine.begin() as conn:
        story_id = conn.execute(
            stories.insert()
            .values(
                representative_item_id=representative,
                title="",
                signature={},
                first_seen_at=now,
                updated_at=now,
            )
            .returning(stories.c.id)
        ).scalar_one()
        conn.execute(
            update(items).where(items.c.id.in_(list(item_ids))).values(story_id=story_id, updated_at=now)
        )
    return int(story_id)


TITLES = (
    "CAR-T therapy brings lupus into drug-free remission in a small German series",
    "Base editing corrects a heart-disease gene in a first human trial",
    "Gene therapy for haemophilia B keeps bleeding rates low after three years",
    "Teclistamab approved for relapsed multiple myeloma",
    "Pembrolizumab before surgery improves survival in lung cancer",
    "Hospital opens a new parking garage",
)


def seed_many(engine: Engine, now: datetime, count: int = 100) -> list[int]:
    """``count`` stories of one item each, one minute apart, from one source; their ids, oldest first."""
    ids: list[int] = []
    for n in range(count):
        title = f"{TITLES[n % len(TITLES)]} (update {n})"
        # A body of its own per item: with only the shared title these are near-copies of each
        # other, and the dedup stage rightly folds them into a handful of stories.
        rng = random.Random(n)
        body = " ".join("".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(40))
        summary = f"Report number {n}: {title}. {body}."
        result = ingest(
            engine, "wire", [entry(n, title, summary=summary)], now - timedelta(minutes=count - n)
        )
        ids.extend(result.new_item_ids)
    return ids

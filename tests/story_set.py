"""Loads tests/data/stories/events.json into scraped items and scores stored stories against it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, select

from service.ingest import ingest_parsed
from service.models import ScrapedItem
from service.store import sources as source_store
from service.store.schema import items

DATA = Path(__file__).parent / "data" / "stories" / "events.json"


@dataclass(frozen=True)
class Labelled:
    item: ScrapedItem
    event: str
    role: str  # release, copy or rewrite


def _copy(release: dict[str, Any], spec: dict[str, Any], n: int) -> ScrapedItem:
    """A syndicated copy: the release body re-headlined, re-datelined, cut and given boilerplate."""
    words = release["body"].split()
    body = " ".join(words[: max(1, int(len(words) * spec.get("cut", 1.0)))])
    body = " ".join(p for p in (spec.get("dateline", ""), body, spec.get("boilerplate", "")) if p)
    published = datetime.fromisoformat(release["published"]) + timedelta(hours=n + 1)
    return ScrapedItem(
        title=spec["title"], url=spec["url"], guid=spec["url"], summary=body, published=published
    )


def load(path: Path = DATA) -> list[Labelled]:
    out: list[Labelled] = []
    for ev in json.loads(path.read_text(encoding="utf-8")):
        rel = ev["release"]
        out.append(
            Labelled(
                ScrapedItem(
                    title=rel["title"], url=rel["url"], guid=rel["url"], summary=rel["body"],
                    published=datetime.fromisoformat(rel["published"]),
                ),
                ev["event"], "release",
            )
        )  # fmt: skip
        out.extend(Labelled(_copy(rel, c, n), ev["event"], "copy") for n, c in enumerate(ev["copies"]))
        out.extend(
            Labelled(
                ScrapedItem(
                    title=r["title"], url=r["url"], guid=r["url"], summary=r["body"],
                    published=datetime.fromisoformat(r["published"]),
                ),
                ev["event"], "rewrite",
            )
            for r in ev["rewrites"]
        )  # fmt: skip
    return out


def ingest_all(engine: Engine, labelled: list[Labelled], now: datetime) -> dict[str, int]:
    """Ingest every item through its site's source, in publication order; url -> item id."""
    order = sorted(labelled, key=lambda x: x.item.published or now)
    for entry in order:
        host = urlsplit(entry.item.url or "").hostname or "unknown"
        with engine.begin() as conn:
            source = source_store.ensure_source(conn, host, now, url=f"https://{host}/feed")
            ingest_parsed(conn, source, [entry.item], now)
    with engine.connect() as conn:
        return {r.url: r.id for r in conn.execute(select(items.c.url, items.c.id))}


@dataclass
class Scores:
    copy_recall: float
    rewrite_recall: float
    pair_precision: float
    false_pairs: list[tuple[str, str]]


def score(engine: Engine, labelled: list[Labelled], ids: dict[str, int]) -> Scores:
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(items.c.id, items.c.story_id, items.c.duplicate_of))}
    story = {x.item.url: rows[ids[x.item.url]].story_id for x in labelled}
    release = {x.event: x.item.url for x in labelled if x.role == "release"}
    copies = [x for x in labelled if x.role == "copy"]
    rewrites = [x for x in labelled if x.role == "rewrite"]
    copy_hits = sum(
        1 for x in copies
        if story[x.item.url] == story[release[x.event]] and rows[ids[x.item.url]].duplicate_of is not None
    )  # fmt: skip
    rewrite_hits = sum(1 for x in rewrites if story[x.item.url] == story[release[x.event]])
    together = [(a, b) for a, b in combinations(labelled, 2) if story[a.item.url] == story[b.item.url]]
    wrong = [(a.item.url or "", b.item.url or "") for a, b in together if a.event != b.event]
    return Scores(
        copy_recall=copy_hits / len(copies),
        rewrite_recall=rewrite_hits / len(rewrites),
        pair_precision=1 - len(wrong) / len(together) if together else 1.0,
        false_pairs=wrong,
    )

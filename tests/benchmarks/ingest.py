"""Ingest throughput: the whole pipeline against feedparser parsing alone, on the same bytes.

    python tests/benchmarks/ingest.py [--feeds 100] [--items 100] [--postgres URL]

Builds a synthetic feed set (RSS 2.0 and Atom, HTML descriptions, some items shared between feeds),
then times (a) feedparser.parse on every document (the peer: with the options the pipeline gives
it for the documents it still reads), (b) our feed reader alone (``scrapers.parse.parse_feed``:
fastfeedparser for well-formed UTF-8 feeds, feedparser for the rest, plus cleaning every field) and
(c) the whole pipeline: parse -> identity/dedup -> classify -> store (SQLite file, or PostgreSQL
with --postgres).
Also times the real corpus in ../shared/corpus/feeds when present. Prints items/s and the ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Run as a script, this folder is sys.path[0], and its http.py benchmark would shadow the standard
# library's http package that feedparser imports.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

import feedparser  # noqa: E402

from scrapers.parse import parse_feed  # noqa: E402
from service.ingest import ingest_bytes  # noqa: E402
from service.store import sources as source_store  # noqa: E402
from service.store.engine import make_engine, migrate  # noqa: E402

WORDS = [
    "patients",
    "trial",
    "therapy",
    "phase",
    "results",
    "cells",
    "gene",
    "antibody",
    "approval",
    "dose",
    "response",
    "cancer",
    "lymphoma",
    "leukemia",
    "myeloma",
    "remission",
    "safety",
    "efficacy",
    "study",
    "researchers",
    "hospital",
    "infusion",
    "treatment",
    "survival",
    "data",
    "months",
    "cohort",
    "regulators",
    "agency",
    "clinical",
    "endpoint",
]


def _para(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic_feeds(n_feeds: int, n_items: int, seed: int = 7) -> list[bytes]:
    """RSS and Atom documents; one item in ten is also listed by the next feed (a syndicated copy)."""
    rng = random.Random(seed)
    base = datetime(2026, 11, 1, tzinfo=UTC)
    docs = []
    for f in range(n_feeds):
        entries = []
        for i in range(n_items):
            # Feeds 2k and 2k+1 both list every tenth story of feed 2k (a syndicated copy).
            owner = f - (f % 2) if i % 10 == 0 else f
            link = f"https://news{owner}.example/2026/{owner}-{i}?utm_source=rss"
            title = f"Story {owner}-{i}: {_para(rng, 8)}"
            body = "".join(f"<p>{_para(rng, 40)}</p>" for _ in range(3))
            when = base + timedelta(minutes=f * n_items + i)
            entries.append((f"{owner}-{i}", link, title, body, when))
        if f % 2:
            docs.append(_atom(f, entries))
        else:
            docs.append(_rss(f, entries))
    return docs


def _rss(f: int, entries: list[tuple[str, str, str, str, datetime]]) -> bytes:
    items = "".join(
        f"<item><guid isPermaLink='false'>{g}</guid><link>{link}</link><title>{t}</title>"
        f"<description><![CDATA[{body}]]></description>"
        f"<pubDate>{w.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        for g, link, t, body, w in entries
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Feed {f}</title>"
        f"<link>https://news{f}.example/</link>{items}</channel></rss>"
    ).encode()


def _atom(f: int, entries: list[tuple[str, str, str, str, datetime]]) -> bytes:
    items = "".join(
        f"<entry><id>urn:x:{g}</id><link href='{link.replace('&', '&amp;')}'/><title>{t}</title>"
        f"<updated>{w.isoformat()}</updated><content type='html'>"
        f"{body.replace('&', '&amp;').replace('<', '&lt;')}</content></entry>"
        for g, link, t, body, w in entries
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Feed {f}</title><id>urn:feed:{f}</id><updated>2026-11-01T00:00:00Z</updated>"
        f"{items}</feed>"
    ).encode()


def time_feedparser(docs: list[bytes], **options: bool) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = sum(len(feedparser.parse(d, **options).entries) for d in docs)  # type: ignore[arg-type]
    return time.perf_counter() - t0, n


def time_reader(docs: list[bytes]) -> float:
    t0 = time.perf_counter()
    for d in docs:
        with contextlib.suppress(Exception):  # the broken corpus feeds: their error is part of the cost
            parse_feed(d)
    return time.perf_counter() - t0


def time_pipeline(docs: list[bytes], url: str, strict: bool) -> tuple[float, int, int]:
    engine = make_engine(url)
    migrate(engine)
    now = datetime(2026, 11, 20, tzinfo=UTC)
    with engine.begin() as conn:
        srcs = [
            source_store.insert_source(conn, name=f"bench{i}", url=f"https://bench{i}.example/f", now=now)
            for i in range(len(docs))
        ]
    t0 = time.perf_counter()
    new = dup = 0
    for src, doc in zip(srcs, docs, strict=True):
        r = ingest_bytes(engine, src, doc, {}, now)
        if r.error and strict:
            raise SystemExit(f"benchmark feed failed: {r.error}")
        new += r.new_items
        dup += r.duplicates
    elapsed = time.perf_counter() - t0
    engine.dispose()
    return elapsed, new, dup


def corpus_docs() -> list[bytes]:
    feeds = ROOT.parent / "shared" / "corpus" / "feeds"
    if not feeds.is_dir():
        feeds = Path("/work/shared/corpus/feeds")
    return [p.read_bytes() for p in sorted(feeds.rglob("*.xml"))] if feeds.is_dir() else []


def report(label: str, docs: list[bytes], db_url_for: str | None, runs: int) -> None:
    parse_s = [time_feedparser(docs, sanitize_html=False, resolve_relative_uris=False) for _ in range(runs)]
    entries = parse_s[0][1]
    best_parse = min(t for t, _ in parse_s)
    best_reader = min(time_reader(docs) for _ in range(runs))
    pipes = []
    for r in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            url = db_url_for or f"sqlite:///{tmp}/bench{r}.db"
            pipes.append(time_pipeline(docs, url, strict=label == "synthetic"))
            if db_url_for:
                break
    best_pipe = min(p[0] for p in pipes)
    new, dup = pipes[0][1], pipes[0][2]
    size = sum(len(d) for d in docs) / 1e6
    print(
        f"\n{label}: {len(docs)} documents, {size:.1f} MB, {entries} entries ({new} stored, {dup} duplicates)"
    )
    print(f"  feedparser parse alone (the peer):                 {entries / best_parse:8.0f} items/s")
    print(f"  our reader alone (parse_feed, fields cleaned):     {entries / best_reader:8.0f} items/s")
    print(f"  whole pipeline (parse, dedup, classify, store):   {entries / best_pipe:8.0f} items/s")
    print(f"  pipeline / parse-alone throughput ratio: {best_parse / best_pipe:.2f}")
    print(f"  (best of {runs}; parse runs spread {statistics.pstdev([t for t, _ in parse_s]):.2f}s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--postgres", help="PostgreSQL URL of an empty database (default: SQLite file)")
    args = ap.parse_args()
    report("synthetic", synthetic_feeds(args.feeds, args.items), args.postgres, args.runs)
    docs = corpus_docs()
    if docs and not args.postgres:
        report("corpus (../shared/corpus/feeds, *.xml)", docs, None, args.runs)


if __name__ == "__main__":
    main()

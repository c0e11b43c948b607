"""Near-duplicate + story clustering cost per item as the store grows (run: python tests/benchmarks/dedup.py).

Ingests 100,000 synthetic items in batches of 1,000 into a fresh SQLite file: each batch is
given ids, goes through ``service.grouping.decide_groups`` (signatures, indexed lookups in
``lsh_bands`` / ``story_keys``, decisions, story and index writes), which is the timed part, and
is then inserted as items carrying their merges, as ingest stores them. About 10% of items are
syndicated copies of an earlier item and 10% rewrites of an earlier event; dates spread over two
years, so a 10-day window holds a steady number of items.

Prints the stage's cost per item around 10,000 and around 100,000 stored items, their ratio
(target <= 1.3) and items/s (target >= 5,000), recall on the planted copies and rewrites, and
for reference the peer the issue names: rensa's in-memory RMinHashLSH streaming query-then-insert
on the same shingle sets.

``--worker`` runs the stage as the service does: the pure half (shingles, MinHash, event
signatures: ``service.grouping.prepare_group``) in a worker process, as the parse pool of
``therapywatch run`` computes it, and the database half here; the stage's time is then what this
process spends on it, waiting included, and the worker's CPU is printed beside it.
``--workers=N`` spreads the pure half over N worker processes (the service's pool has one per core).
"""

from __future__ import annotations

import gc
import os
import random
import resource
import sys
import tempfile
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rensa import RMinHash, RMinHashLSH
from sqlalchemy import select

from service import near_dup
from service.grouping import GroupPrep, NewItem, decide_groups, prepare_group
from service.store import items as item_store
from service.store.engine import make_engine, migrate
from service.store.schema import items

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
TOTAL = int(ARGS[0]) if ARGS else 100_000
# --worker: signatures (the pure half: shingles, MinHash, event signature) computed in a worker
# process, as ``therapywatch run`` does in its parse pool (service.ingest.prepare_entries).
WORKER = "--worker" in sys.argv or any(a.startswith("--workers=") for a in sys.argv)
# --workers=N: N worker processes (the service's parse pool has one per core), N + 1 batches ahead.
WORKERS = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--workers=")), 1)
BATCH = 1_000
START = datetime(2023, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=730)
rng = random.Random(7)
SYLL = ["ta", "ro", "ki", "ne", "lu", "va", "so", "mi", "de", "xa", "po", "ri", "ga", "te", "bo", "li"]
SUFFIX = ["mab", "cel", "leucel", "gene", "parvovec", "siran", "rsen", "nib"]
WORDS = [a + b + c for a in SYLL for b in SYLL for c in SYLL][:3000]
DRUGS = ["".join(rng.choices(SYLL, k=3)) + rng.choice(SUFFIX) for _ in range(3000)]
KINDS = ["approves", "results show", "accepts filing for", "sets price of"]
BOILER = "About the company: a biotechnology firm developing medicines for serious diseases worldwide."


def _event(i: int) -> tuple[str, str, datetime]:
    drug = rng.choice(DRUGS)
    pct = rng.randint(5, 95)
    n = rng.randint(20, 900)
    body = " ".join(rng.choices(WORDS, k=45))
    text = f"{drug} {body} In the trial of {n} patients, {pct}% responded. {drug} was well tolerated."
    title = f"Company {rng.choice(KINDS)} {drug} {' '.join(rng.choices(WORDS, k=4))}"
    published = START + SPAN * (i / TOTAL) + timedelta(minutes=rng.randint(0, 600))
    return title, text, published


def synthetic() -> tuple[list[tuple[str, str, datetime]], list[tuple[str, int]]]:
    """The items, and for each its role (event, copy, rewrite) and the index of the item it was
    made from (itself for an event)."""
    out: list[tuple[str, str, datetime]] = []
    truth: list[tuple[str, int]] = []
    for i in range(TOTAL):
        r = rng.random()
        if out and r < 0.1:
            src = max(0, len(out) - rng.randint(1, 300))
            title, text, published = out[src]
            headline = f"Syndicated: {' '.join(rng.choices(WORDS, k=5))}"
            out.append((headline, f"CITY, dateline -- {text} {BOILER}", published + timedelta(hours=2)))
            truth.append(("copy", src))
        elif out and r < 0.2:
            src = max(0, len(out) - rng.randint(1, 300))
            title, text, published = out[src]
            words = text.split()
            rewrite = " ".join(w if rng.random() < 0.4 else rng.choice(WORDS) for w in words)
            out.append((title.replace("Company", "Outlet reports"), rewrite, published + timedelta(hours=5)))
            truth.append(("rewrite", src))
        else:
            out.append(_event(i))
            truth.append(("event", i))
    return out, truth


def _row(i: int, title: str, text: str, published: datetime, now: datetime) -> dict[str, object]:
    return {
        "identity_key": f"bench:{i}", "title": title, "url": f"https://news{i % 50}.example/{i}",
        "canonical_url": None, "summary": text, "content": "", "content_html": None, "author": None,
        "language": None, "content_hash": f"h{i}", "published_at": published, "first_seen_at": now,
        "updated_at": now, "primary_therapy": "none", "discussed": [], "conditions": [], "therapies": [],
        "lexicon_version": "",
    }  # fmt: skip


def _prepare(part: list[tuple[str, str, datetime]]) -> list[GroupPrep]:
    """The pure half of the stage, as a parse-pool worker of the service computes it."""
    return prepare_group([NewItem(id=0, title=t, body=x, url=None, published=p) for t, x, p in part])


def run_stage(
    docs: list[tuple[str, str, datetime]], pool: ProcessPoolExecutor | None = None
) -> tuple[dict[int, tuple[float, float]], float, float, dict[str, int], list[tuple[int, int | None]]]:
    """Per batch end: (wall, CPU) seconds per item in the stage; total wall and CPU; merge counts;
    each item's (story id, duplicate_of) at the end, in order.

    With ``pool``, signatures are computed in the pool ``WORKERS + 1`` batches ahead, as the service's parse
    workers do, and the stage's time is what this process spends on it: waiting for a batch's
    signatures, then the database half (lookups, decisions, writes).
    """
    batches = [docs[start : start + BATCH] for start in range(0, len(docs), BATCH)]
    ahead: deque[Future[list[GroupPrep]]] = deque()
    lead = WORKERS + 1
    if pool is not None:
        ahead.extend(pool.submit(_prepare, b) for b in batches[:lead])
    tmp = Path(tempfile.mkdtemp())
    engine = make_engine(f"sqlite:///{tmp / 'bench.db'}")
    migrate(engine)
    per_batch: dict[int, tuple[float, float]] = {}
    counts = {"near-copy": 0, "story": 0}
    total = total_cpu = 0.0
    all_ids: list[int] = []
    now = START + SPAN
    for k, part in enumerate(batches):
        start = k * BATCH
        if pool is not None and k + lead < len(batches):
            ahead.append(pool.submit(_prepare, batches[k + lead]))
        with engine.begin() as conn:
            rows = [_row(start + j, t, x, p, now) for j, (t, x, p) in enumerate(part)]
            ids = item_store.allocate_item_ids(conn, len(rows))
            all_ids += ids
            new = [NewItem(id=i, title=t, body=x, url=str(r["url"]), published=p)
                   for i, r, (t, x, p) in zip(ids, rows, part, strict=True)]  # fmt: skip
            t0, c0 = time.perf_counter(), time.process_time()
            prepared = ahead.popleft().result() if pool is not None else None
            result, merges = decide_groups(conn, new, now, prepared=prepared)
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            # The rows are stored with their merges, as ingest does: the item insert is not this
            # stage's cost (it was not when the merges were an UPDATE after it, either).
            item_store.insert_merged_items(conn, [
                {**r, "id": i, "story_id": m[0], "duplicate_of": m[1], "merged_with": m[2],
                 "merge_method": m[3], "merge_score": m[4], "signature_json": m[5]}
                for r, i, m in zip(rows, ids, merges, strict=True)
            ])  # fmt: skip
        per_batch[start + len(part)] = (dt / len(part), dc / len(part))
        total += dt
        total_cpu += dc
        counts["near-copy"] += result.duplicates
        counts["story"] += result.clustered
    with engine.connect() as conn:
        facts = {r.id: (r.story_id, r.duplicate_of) for r in conn.execute(select(
            items.c.id, items.c.story_id, items.c.duplicate_of))}  # fmt: skip
    engine.dispose()
    return per_batch, total, total_cpu, counts, [facts[i] for i in all_ids]


def quality(truth: list[tuple[str, int]], facts: list[tuple[int, int | None]]) -> str:
    """Planted copies found as near-copies of their event's story, and items put in a story
    of another event (the synthetic set has a known event for every item)."""
    event = list(range(len(truth)))
    for i, (role, src) in enumerate(truth):
        event[i] = i if role == "event" else event[src]
    copies = [i for i, (role, _) in enumerate(truth) if role == "copy"]
    found = sum(1 for i in copies if facts[i][1] is not None and facts[i][0] == facts[event[i]][0])
    rewrites = [i for i, (role, _) in enumerate(truth) if role == "rewrite"]
    joined = sum(1 for i in rewrites if facts[i][0] == facts[event[i]][0])
    first: dict[int, int] = {}
    wrong = 0
    for i, (story, _) in enumerate(facts):
        wrong += first.setdefault(story, event[i]) != event[i]
    return (
        f"planted copies merged {found / len(copies):.3f} ({found:,}/{len(copies):,}), rewrites joined "
        f"{joined / len(rewrites):.3f}, items in another event's story {wrong:,}"
    )


def run_peer(docs: list[tuple[str, str, datetime]]) -> float:
    """rensa's in-memory LSH, streaming query-then-insert, on the same shingles (no store at all)."""
    sets = [near_dup.shingles(t, x) for t, x, _ in docs]
    t0 = time.perf_counter()
    lsh = RMinHashLSH(0.5, near_dup.NUM_PERM, near_dup.BANDS)
    for i, mh in enumerate(RMinHash.from_token_sets(sets, near_dup.NUM_PERM, near_dup.SEED)):
        lsh.query(mh)
        lsh.insert(i, mh)
    return (time.perf_counter() - t0) / len(docs)


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main() -> None:
    docs, truth = synthetic()
    # The collector set up as ``therapywatch run`` sets it up (service.entrypoints.scheduler.tune_gc,
    # not imported: this folder's http.py would shadow the standard library's for aiohttp).
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    if WORKER:
        with ProcessPoolExecutor(WORKERS) as pool:
            per_batch, total, total_cpu, counts, facts = run_stage(docs, pool)
        worker_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu_s = worker_cpu.ru_utime + worker_cpu.ru_stime
    else:
        per_batch, total, total_cpu, counts, facts = run_stage(docs)
    # Medians over five batches at each point: other processes on a shared machine add noise.
    first = [per_batch[n] for n in range(10_000, 15_001, BATCH) if n in per_batch]
    last = [per_batch[n] for n in range(len(docs) - 4 * BATCH, len(docs) + 1, BATCH) if n in per_batch]
    n = len(docs)
    peer = run_peer(docs)
    print(quality(truth, facts))
    print(f"items: {n:,} in batches of {BATCH:,}; merged as near-copies {counts['near-copy']:,}, "
          f"joined stories {counts['story']:,}")  # fmt: skip
    for label, col in (("wall", 0), ("CPU", 1)):
        a, b = _median([x[col] for x in first]), _median([x[col] for x in last])
        print(f"{label}: stage cost per item at ~10k stored {a * 1e6:7.1f} us, at ~{n // 1000}k stored "
              f"{b * 1e6:7.1f} us, ratio {b / a:.2f} (target <= 1.3)")  # fmt: skip
    mode = (
        f"signatures in {WORKERS} worker process{'es' if WORKERS > 1 else ''}, as the service's parse pool"
        if WORKER
        else "one process"
    )
    print(f"throughput through the stage ({mode}): {n / total:,.0f} items/s wall, "
          f"{n / total_cpu:,.0f} items/s CPU of this process (target >= 5,000)")  # fmt: skip
    if WORKER:
        print(f"worker CPU: {worker_cpu_s / n * 1e6:.1f} us/item; this process "
              f"{total_cpu / n * 1e6:.1f} us/item")  # fmt: skip
    print(f"peer, rensa RMinHashLSH in memory (query+insert only; no store, no clustering): "
          f"{peer * 1e6:.1f} us/item; stage / peer = {total / n / peer:.1f}x wall")  # fmt: skip
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average while running: {load} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()

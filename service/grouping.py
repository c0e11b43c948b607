"""Near-copies and stories for newly stored items: the database side of dedup.

Runs inside ingest's transaction right after new items are inserted, for those items only:
signatures (``service.near_dup``, ``service.stories``, both pure) -> indexed lookups of stored
candidates -> one decision per item -> stories, merges and index rows written in batches.

Each new item becomes one of: a near-copy (``duplicate_of`` the first copy, same story), a member
of the story of another write-up of its event, or the first item of a new story. Items of one batch
are matched against each other too, in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from service import near_dup, stories
from service.models import EventSignature
from service.store import stories as store

METHOD_COPY = "near-copy"
METHOD_STORY = "story"
# A copy this close needs no event-rule check (a syndicated copy's new headline may read as
# another event kind); a looser one must also not conflict.
SURE_COPY = 0.8
WINDOW = stories.WINDOW_DAYS * 86400
# Bounds on near-copy candidates, so that their cost does not grow with the store: the newest
# items of each bucket read from the index, and the items checked on exact shingles per new item.
# A copy shares several buckets with its original (a pair at Jaccard 0.55 about 3 of 10); an
# unrelated release that only shares a company's boilerplate paragraph shares one, with many
# others (tests/benchmarks/dedup.py measures recall with these bounds).
PER_BUCKET = 8
MAX_COPY_CANDIDATES = 6


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _ts(when: datetime) -> int:
    return int(when.timestamp())


@dataclass(frozen=True, slots=True)
class NewItem:
    """A just-inserted item, as grouping needs it."""

    id: int
    title: str
    body: str
    url: str | None
    published: datetime
    conditions: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(slots=True)
class GroupResult:
    """What grouping did with one batch."""

    duplicates: int = 0
    clustered: int = 0
    new_stories: int = 0


@dataclass(slots=True)
class _Member:
    """An item a new item may be merged with: stored, or earlier in the same batch."""

    id: int
    story: int  # a stored story id, or a negative handle for a story made in this batch
    root: int
    url: str | None
    published: datetime
    sig: EventSignature
    title: str = ""
    text: str | None = None
    shingles: frozenset[str] | None = None

    def shingle_set(self) -> frozenset[str]:
        if self.shingles is None:
            self.shingles = near_dup.shingles(self.title, self.text or "")
        return self.shingles


@dataclass(slots=True)
class _Batch:
    """The batch's signatures, index lookups and members found so far."""

    items: Sequence[NewItem]
    shingles: list[frozenset[str] | None]  # None: not computed yet (see shingle_set)
    bands: list[list[int]]
    sigs: list[EventSignature]
    keys: list[list[int]]
    sig_json: list[str]
    ts: list[int]  # publication times, Unix seconds
    members: dict[int, _Member] = field(default_factory=dict)
    band_hits: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    key_hits: dict[int, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))

    def shingle_set(self, i: int) -> frozenset[str]:
        """Item ``i``'s shingles; computed here when they did not come with the signatures."""
        found = self.shingles[i]
        if found is None:
            found = self.shingles[i] = near_dup.shingles(self.items[i].title, self.items[i].body)
        return found


@dataclass(frozen=True, slots=True)
class GroupPrep:
    """One item's signatures: what grouping computes before it looks at the database."""

    # None unless asked for: only items with near-copy candidates need them again, and they are
    # the largest part of this object to send back from a worker process.
    shingles: frozenset[str] | None
    bands: list[int]
    sig: EventSignature
    keys: list[int]
    sig_json: str  # ``sig`` as the JSON text stored with the item


def prepare_group(new: Sequence[NewItem], *, keep_shingles: bool = False) -> list[GroupPrep]:
    """The pure, CPU-heavy part of grouping, for each of ``new`` (a worker process may run it; the
    item ids do not matter here). ``keep_shingles``: return the shingle sets too."""
    shingle_sets = [near_dup.shingles(n.title, n.body) for n in new]
    sigs = [
        stories.event_signature(n.title, n.body, conditions=n.conditions, evidence=n.evidence) for n in new
    ]
    return [
        GroupPrep(
            sh if keep_shingles else None, bands, sig, stories.index_keys(sig), stories.to_json_text(sig)
        )
        for sh, bands, sig in zip(shingle_sets, near_dup.band_keys(shingle_sets), sigs, strict=True)
    ]


def _prepare(conn: Connection, new: Sequence[NewItem], prepared: Sequence[GroupPrep] | None = None) -> _Batch:
    if prepared is None or len(prepared) != len(new):
        prepared = prepare_group(new, keep_shingles=True)
    batch = _Batch(
        items=new, shingles=[p.shingles for p in prepared], bands=[p.bands for p in prepared],
        sigs=[p.sig for p in prepared], keys=[p.keys for p in prepared],
        sig_json=[p.sig_json for p in prepared], ts=[_ts(n.published) for n in new],
    )  # fmt: skip
    batch.band_hits.update(store.band_matches(conn, (k for ks in batch.bands for k in ks), PER_BUCKET))
    start, end = min(batch.ts) - WINDOW, max(batch.ts) + WINDOW
    batch.key_hits.update(store.key_matches(conn, (k for ks in batch.keys for k in ks), start, end))
    copy_ids = {m for i in range(len(new)) for m in _copy_candidates(batch, i)}
    story_ids = {m for i in range(len(new)) for m in _near_in_time(batch, i)} - copy_ids
    for c in store.candidates(conn, copy_ids, text=True) + store.candidates(conn, story_ids):
        if c.story_id is None:
            continue
        # A stored member's url and date are not needed: only new items are ranked for stories.
        batch.members[c.id] = _Member(
            id=c.id, story=c.story_id, root=c.duplicate_of or c.id, url=None, published=_EPOCH,
            sig=stories.from_json_text(c.signature), title=c.title, text=c.text,
        )  # fmt: skip
    return batch


def _near_in_time(batch: _Batch, i: int) -> set[int]:
    """Items sharing a strong name with item ``i`` and published within the window of it."""
    ts = batch.ts[i]
    return {mid for k in batch.keys[i] for mid, pub in batch.key_hits.get(k, ()) if abs(pub - ts) <= WINDOW}


def _copy_candidates(batch: _Batch, i: int) -> list[int]:
    """The items most likely to be copies of item ``i``: those sharing the most buckets with it,
    newest first on a tie, at most ``MAX_COPY_CANDIDATES`` (each is checked on exact shingles)."""
    shared: dict[int, int] = defaultdict(int)
    for k in batch.bands[i]:
        for m in batch.band_hits.get(k, ()):
            shared[m] += 1
    if len(shared) <= MAX_COPY_CANDIDATES:
        return list(shared)
    return sorted(shared, key=lambda m: (shared[m], m), reverse=True)[:MAX_COPY_CANDIDATES]


def _best_copy(batch: _Batch, i: int) -> tuple[_Member, float] | None:
    best: tuple[_Member, float] | None = None
    for mid in sorted(_copy_candidates(batch, i)):
        m = batch.members.get(mid)
        if m is None or m.text is None:
            continue
        score = near_dup.copy_score(batch.shingle_set(i), m.shingle_set())
        if not near_dup.is_copy(score) or (score < SURE_COPY and stories.conflict(batch.sigs[i], m.sig)):
            continue
        if best is None or score > best[1]:
            best = (m, score)
    return best


def _best_story(batch: _Batch, i: int) -> tuple[_Member, float] | None:
    sig, near = batch.sigs[i], _near_in_time(batch, i)
    by_story: dict[int, list[tuple[_Member, float]]] = defaultdict(list)
    for mid in sorted(near):
        m = batch.members.get(mid)
        if m is not None:
            by_story[m.story].append((m, stories.story_score(sig, m.sig)))
    best: tuple[_Member, float] | None = None
    for scored in by_story.values():
        # Every member of a story we can see must agree, not just the best one: no chaining of
        # A~B, B~C into a story where A and C report different events.
        if any(stories.conflict(sig, m.sig) for m, _ in scored):
            continue
        m, score = max(scored, key=lambda t: (t[1], -t[0].id))
        if score >= stories.MATCH_SCORE and (best is None or score > best[1]):
            best = (m, score)
    return best


@dataclass(slots=True)
class _Decision:
    """What grouping decided for one new item."""

    item: int
    story: int  # a stored story id, or a negative handle for a story made in this batch
    duplicate_of: int | None = None
    merged_with: int | None = None
    method: str | None = None
    score: float | None = None
    signature: str = ""  # the item's event signature as JSON text


def _decide(batch: _Batch) -> list[_Decision]:
    """One decision per new item, in order; each joins the batch's members for the next."""
    decisions: list[_Decision] = []
    for i, item in enumerate(batch.items):
        d = _Decision(item=item.id, story=-(i + 1), signature=batch.sig_json[i])
        copy = _best_copy(batch, i)
        match = copy or _best_story(batch, i)
        if match is not None:
            m, d.score = match
            d.story, d.merged_with = m.story, m.id
            d.method = METHOD_COPY if copy else METHOD_STORY
            d.duplicate_of = m.root if copy else None
        batch.members[item.id] = _Member(
            id=item.id, story=d.story, root=d.duplicate_of or item.id, url=item.url,
            published=item.published, sig=batch.sigs[i], title=item.title, text=item.body,
            shingles=batch.shingles[i],
        )  # fmt: skip
        for k in batch.bands[i]:
            batch.band_hits[k].append(item.id)
        for k in batch.keys[i]:
            batch.key_hits[k].append((item.id, batch.ts[i]))
        decisions.append(d)
    return decisions


def _rank(m: _Member) -> tuple[int, datetime, int]:
    return (stories.source_rank(m.url), m.published, m.id)


def _story_signature(item_signature: str, rank: int) -> str:
    """A story's signature: its representative's, plus the representative's source rank. The
    item's JSON text is a non-empty object, so the rank goes in before its closing brace."""
    return f'{item_signature[:-1]}, "rank": {int(rank)}}}'


def _write_stories(conn: Connection, batch: _Batch, decisions: list[_Decision], now: datetime) -> None:
    """Create the batch's new stories, update the touched ones, and resolve story handles."""
    members: dict[int, list[_Member]] = defaultdict(list)
    for d in decisions:
        members[d.story].append(batch.members[d.item])
    text = {d.item: d.signature for d in decisions}
    handles = sorted(h for h in members if h < 0)
    ranked = {h: min((_rank(m), m) for m in members[h])[1] for h in handles}
    rows = [
        (rep.id, rep.title, _story_signature(text[rep.id], stories.source_rank(rep.url)))
        for rep in (ranked[h] for h in handles)
    ]
    ids = dict(zip(handles, store.create_stories(conn, rows, now), strict=True))
    touched, updates = [], []
    for sid, row in store.get_stories(conn, (s for s in members if s > 0)).items():
        best = min((_rank(m), m) for m in members[sid])[1]
        current = (row.signature or {}).get("rank", stories.source_rank(None))
        rank = stories.source_rank(best.url)
        if rank < current:
            sig = text.get(best.id) or stories.to_json_text(best.sig)
            updates.append((best.id, best.title, _story_signature(sig, rank), sid))
        else:
            touched.append(sid)
    store.update_stories(conn, updates, now)
    store.touch_stories(conn, touched, now)
    for d in decisions:
        d.story = ids.get(d.story, d.story)


# What grouping decided for one item, as its row stores it: (story id, duplicate_of, merged_with,
# merge method, merge score, event signature as JSON text, item id).
ItemMerge = tuple[int, int | None, int | None, str | None, float | None, str, int]


def decide_groups(
    conn: Connection, new: Sequence[NewItem], now: datetime, prepared: Sequence[GroupPrep] | None = None
) -> tuple[GroupResult, list[ItemMerge]]:
    """Find near-copies and stories for ``new``, create and update their stories and index them,
    all in ``conn``; return what each item's row must say. The items themselves need not be
    stored yet (their ids must be allocated): the caller writes the merges with the rows, which
    spares rewriting every new row with an UPDATE.

    ``prepared`` is ``prepare_group(new)`` when a worker already computed it.
    """
    result = GroupResult()
    if not new:
        return result, []
    batch = _prepare(conn, new, prepared)
    decisions = _decide(batch)
    _write_stories(conn, batch, decisions, now)
    bands = [(k, n.id, b) for n, ks in zip(new, batch.bands, strict=True) for b, k in enumerate(ks)]
    keys = [(k, ts, n.id) for n, ts, ks in zip(new, batch.ts, batch.keys, strict=True) for k in ks]
    store.add_index_rows(conn, bands, keys)
    result.duplicates = sum(1 for d in decisions if d.method == METHOD_COPY)
    result.clustered = sum(1 for d in decisions if d.method == METHOD_STORY)
    result.new_stories = sum(1 for d in decisions if d.method is None)
    return result, [
        (d.story, d.duplicate_of, d.merged_with, d.method, d.score, d.signature, d.item) for d in decisions
    ]


def group_new_items(
    conn: Connection, new: Sequence[NewItem], now: datetime, prepared: Sequence[GroupPrep] | None = None
) -> GroupResult:
    """Find near-copies and stories for ``new`` (already inserted) and record them in ``conn``."""
    result, merges = decide_groups(conn, new, now, prepared)
    store.set_item_merges(conn, merges)
    return result


def explain(conn: Connection, item_id: int) -> dict[str, Any] | None:
    """What ``item_id`` was merged with and why: for ``items why`` and ``stories why``.

    Keys: ``item``, ``story_id``, ``method`` (near-copy, story or none), ``score``,
    ``merged_with`` and ``merged_with_title``, ``duplicate_of``, ``shared`` (names both carry)
    and ``reason`` (one sentence).
    """
    facts = store.merge_facts(conn, item_id)
    if facts is None:
        return None
    out: dict[str, Any] = {
        "item": item_id, "story_id": facts["story_id"] or item_id, "method": facts["merge_method"] or "none",
        "score": facts["merge_score"], "merged_with": facts["merged_with"], "merged_with_title": None,
        "duplicate_of": facts["duplicate_of"], "shared": [],
    }  # fmt: skip
    other = store.merge_facts(conn, facts["merged_with"]) if facts["merged_with"] else None
    if other is None:
        out["reason"] = "first item of its story: no stored item was a copy or reported the same event"
        return out
    a, b = stories.from_json(facts["signature"]), stories.from_json(other["signature"])
    shared = sorted((set(a.products) | set(a.trials)) & (set(b.products) | set(b.trials)))
    out.update(merged_with_title=other["title"], shared=shared)
    if facts["merge_method"] == METHOD_COPY:
        out["reason"] = (
            f"near-copy of item {other['id']}: word shingles overlap {facts['merge_score']:.2f} "
            f"(MinHash LSH candidate, checked on the exact shingle sets)"
        )
    else:
        numbers = sorted(set(a.numbers) & set(b.numbers))
        out["reason"] = (
            f"same event as item {other['id']} (score {facts['merge_score']:.2f}): shares "
            f"{', '.join(shared) or 'no names'}"
            + (f" and figures {', '.join(numbers)}" if numbers else "")
            + f" within {stories.WINDOW_DAYS} days; kind, endpoint, regulator and condition agree"
        )
    return out

"""Choose and arrange a subscriber's digest (pure: data in, a Digest out).

Only items first seen inside the window, of the therapy types the subscriber follows and never
sent to them before are taken. Items of one story (``story_id``) make one card; the other outlets
that carried it are named under it. Cards are grouped by therapy type, newest and most relevant
first, each with a short line, made from the classifier's stored evidence, saying why it is here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from digests.schedule import Period
from service.models import THERAPY_NAMES, THERAPY_SLUGS, DigestCandidate, Subscriber, TherapyScore
from service.text import one_line

MAX_CARDS = 60
SUMMARY_CHARS = 280
_FIELD_WORDS = {"title": "the title", "summary": "the summary", "content": "the text", "text": "the text"}


@dataclass(frozen=True, slots=True)
class Card:
    """One story as the digest shows it."""

    item_id: int
    story_id: int
    title: str
    url: str | None
    summary: str
    source: str | None
    published: datetime | None
    first_seen: datetime
    why: str
    also_covered_by: tuple[str, ...]
    item_ids: tuple[int, ...]

    def with_why(self, why: str) -> Card:
        return replace(self, why=why)


@dataclass(frozen=True, slots=True)
class Section:
    slug: str
    name: str
    cards: tuple[Card, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    """What one subscriber gets for one period (``sections`` is empty when nothing is new)."""

    subscriber: Subscriber
    period: Period
    window_start: datetime
    window_end: datetime
    sections: tuple[Section, ...]
    catch_up: bool = False

    @property
    def card_count(self) -> int:
        return sum(len(s.cards) for s in self.sections)

    @property
    def item_ids(self) -> tuple[int, ...]:
        return tuple(sorted(i for s in self.sections for c in s.cards for i in c.item_ids))

    @property
    def is_empty(self) -> bool:
        return not self.sections


def http_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None: other schemes never reach an href."""
    if not url:
        return None
    text = url.strip()
    if any(ord(c) < 33 for c in text):
        return None
    parts = urlsplit(text)
    return text if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _followed_slugs(sub: Subscriber, c: DigestCandidate) -> list[str]:
    """The subscriber's types this item is about, its primary type first."""
    out = [c.item.primary] if sub.follows(c.item.primary) else []
    out += [s for s in THERAPY_SLUGS if s in c.item.discussed and s not in out and sub.follows(s)]
    return out


def _score(c: DigestCandidate, slug: str) -> float:
    return max((t.score for t in c.therapies if t.slug == slug), default=0.0)


def why_line(slug: str, is_primary: bool, scores: Iterable[TherapyScore]) -> str:
    """``Gene therapy, the main topic: “AAV vector” in the title, “Zolgensma” in the text``."""
    role = "the main topic" if is_primary else "discussed"
    phrases: list[str] = []
    seen: set[str] = set()
    for t in scores:
        if t.slug != slug:
            continue
        for e in t.evidence:
            text = " ".join(e.text.split())
            if text and text.lower() not in seen:
                seen.add(text.lower())
                phrases.append(f"“{text}” in {_FIELD_WORDS.get(e.field, e.field)}")
    matched = f": {', '.join(phrases[:3])}" if phrases else ""
    return f"{THERAPY_NAMES[slug]}, {role}{matched}"


def _summary(c: DigestCandidate) -> str:
    text = one_line(c.item.summary or c.item.content or "")
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def story_card(slug: str, members: list[DigestCandidate]) -> Card:
    """The card of one story; ``members`` are its reports, the lead first. ``slug`` is the section
    it goes in (its "why" line comes from that type's evidence; none for an unknown slug)."""
    lead = members[0]
    item = lead.item
    sources: list[str] = []
    for m in members:
        for s in m.item.sightings:
            if s.source not in sources:
                sources.append(s.source)
    return Card(
        item_id=item.id,
        story_id=item.story_id or item.id,
        title=one_line(item.title) or "(untitled)",
        url=http_url(item.url) or next((http_url(m.item.url) for m in members if http_url(m.item.url)), None),
        summary=_summary(lead),
        source=sources[0] if sources else None,
        published=item.published,
        first_seen=item.first_seen,
        why=why_line(slug, item.primary == slug, lead.therapies) if slug in THERAPY_NAMES else "",
        also_covered_by=tuple(sources[1:]),
        item_ids=tuple(sorted(m.item.id for m in members)),
    )


def _rank(sub: Subscriber, c: DigestCandidate) -> tuple[int, int, float, int]:
    """Sort key: primary-type stories first, then newest day, then the classifier's score."""
    slugs = _followed_slugs(sub, c)
    primary = 0 if slugs and slugs[0] == c.item.primary else 1
    day = (c.item.published or c.item.first_seen).date().toordinal()
    return primary, -day, -max((_score(c, s) for s in slugs), default=0.0), -c.item.id


def compose(
    sub: Subscriber,
    candidates: Iterable[DigestCandidate],
    period: Period,
    window: tuple[datetime, datetime],
    already_sent: frozenset[int] = frozenset(),
    *,
    max_cards: int = MAX_CARDS,
) -> Digest:
    """The digest of ``sub`` for ``period``: items first seen in ``window`` ([start, end)) of the
    types they follow and not in ``already_sent``, one card per story, grouped by therapy type."""
    start, end = window
    chosen = [
        c
        for c in candidates
        if start <= c.item.first_seen < end and c.item.id not in already_sent and _followed_slugs(sub, c)
    ]
    stories: dict[int, list[DigestCandidate]] = defaultdict(list)
    for c in sorted(chosen, key=lambda c: _rank(sub, c)):
        stories[c.item.story_id or c.item.id].append(c)
    by_slug: dict[str, list[Card]] = defaultdict(list)
    for ranked in list(stories.values())[:max_cards]:
        # The story's lead is the report most outlets carried, then the first one seen.
        members = sorted(ranked, key=lambda c: (-len(c.item.sightings), c.item.first_seen, c.item.id))
        slug = _followed_slugs(sub, members[0])[0]
        by_slug[slug].append(story_card(slug, members))
    sections = tuple(Section(s, THERAPY_NAMES[s], tuple(by_slug[s])) for s in THERAPY_SLUGS if by_slug.get(s))
    return Digest(
        subscriber=sub,
        period=period,
        window_start=start,
        window_end=end,
        sections=sections,
        # More than one period back (with slack for a DST shift): a catch-up after downtime.
        catch_up=start < period.due_at - period.length - timedelta(hours=2),
    )

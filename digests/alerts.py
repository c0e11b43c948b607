"""Which new stories alert a subscriber, and why (pure: data in, decisions out).

A story alerts when one of its reports is of a therapy type the subscriber follows, or matches one
of their watch rules: a product (any of its names: "Kymriah" catches "tisagenlecleucel"), a
condition, a phrase, or a source. ``primary_only`` asks that the story be *about* it: the product
or phrase in the headline or the lead, the condition the story's first.

One alert per story, never per copy: ``plan`` takes the stories not alerted before; a rate limit
per subscriber rolls what is over it into one short summary an hour instead of a flood.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from digests.compose import Card, Digest, Section, story_card, why_line
from digests.schedule import Period
from service.models import THERAPY_NAMES, THERAPY_SLUGS, DigestCandidate, Subscriber, WatchRule
from service.therapies.normalise import haystack, phrase
from service.therapies.products import synonyms

LEAD_CHARS = 400
WATCHED = "watched"  # the section of stories that match a rule but no followed type
RATE_WINDOW = timedelta(hours=1)


@lru_cache(maxsize=1024)
def _pattern(kind: str, value: str) -> re.Pattern[str]:
    names = synonyms(value) if kind == "product" else frozenset({phrase(value)})
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    # Word boundaries on the matching copy (lowercase, separators as spaces): "CAR-T" is "car t".
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])")


def _lead(c: DigestCandidate) -> str:
    return f"{c.item.title}\n{(c.item.summary or c.item.content)[:LEAD_CHARS]}"


def _full(c: DigestCandidate) -> str:
    return f"{c.item.title}\n{c.item.summary}\n{c.item.content}"


def rule_reason(rule: WatchRule, c: DigestCandidate) -> str | None:
    """Why ``c`` matches ``rule``, in words, or None."""
    if rule.kind == "source":
        want = rule.value.lower()
        for s in c.item.sightings:
            host = (urlsplit(s.url).hostname or "") if s.url else ""
            if s.source.lower() == want or host == want or host.endswith("." + want):
                return f"from {s.source}"
        return None
    if rule.kind == "condition":
        key = phrase(rule.value)
        conditions = [phrase(x) for x in c.item.conditions]
        if rule.primary_only:
            hit = bool(conditions) and key in conditions[0]
        else:
            hit = any(key in x for x in conditions) or bool(
                _pattern("keyword", rule.value).search(haystack(_full(c)))
            )
        return f"about {rule.value}" if hit else None
    text = _lead(c) if rule.primary_only else _full(c)
    m = _pattern(rule.kind, rule.value).search(haystack(text))
    if m is None:
        return None
    found = text[m.start() : m.end()]
    label = "watched product" if rule.kind == "product" else "watched phrase"
    return f"{label} “{found}”" + (f" ({rule.value})" if found.lower() != rule.value.lower() else "")


def _followed(sub: Subscriber, c: DigestCandidate) -> list[str]:
    out = [c.item.primary] if c.item.primary in THERAPY_NAMES and sub.follows(c.item.primary) else []
    return out + [s for s in THERAPY_SLUGS if s in c.item.discussed and s not in out and sub.follows(s)]


@dataclass(frozen=True, slots=True)
class StoryMatch:
    """A story that alerts, with the section it goes in and the reasons."""

    story_id: int
    members: tuple[DigestCandidate, ...]
    slug: str
    reasons: tuple[str, ...]

    @property
    def item_ids(self) -> tuple[int, ...]:
        return tuple(sorted(m.item.id for m in self.members))

    @property
    def title(self) -> str:
        return self.members[0].item.title


def match_story(
    sub: Subscriber, rules: Sequence[WatchRule], members: Sequence[DigestCandidate], *, types: bool = True
) -> StoryMatch | None:
    """The alert for one story's reports, or None when nothing the subscriber watches is in it.

    ``types=False`` matches watch rules only (``alerts test`` shows each kind of reason).
    """
    reasons: list[str] = []
    slug = WATCHED
    for c in members:
        followed = _followed(sub, c) if types else []
        if followed and slug == WATCHED:
            slug = followed[0]
            reasons.append(why_line(slug, c.item.primary == slug, c.therapies))
        for rule in rules:
            reason = rule_reason(rule, c)
            if reason and reason not in reasons:
                reasons.append(reason)
    if not reasons:
        return None
    lead = sorted(members, key=lambda c: (-len(c.item.sightings), c.item.first_seen, c.item.id))
    return StoryMatch(lead[0].item.story_id or lead[0].item.id, tuple(lead), slug, tuple(reasons))


def group_stories(candidates: Iterable[DigestCandidate]) -> dict[int, list[DigestCandidate]]:
    stories: dict[int, list[DigestCandidate]] = defaultdict(list)
    for c in candidates:
        stories[c.item.story_id or c.item.id].append(c)
    return dict(stories)


@dataclass(slots=True)
class AlertPlan:
    """One tick's decision for one subscriber."""

    singles: list[StoryMatch] = field(default_factory=list)
    summary: list[StoryMatch] = field(default_factory=list)
    quiet_item_ids: list[tuple[int, int]] = field(default_factory=list)  # (item, story) already alerted


def plan(
    sub: Subscriber,
    rules: Sequence[WatchRule],
    candidates: Iterable[DigestCandidate],
    alerted: frozenset[int],
    *,
    sent_in_window: int,
    limit: int,
    summary_allowed: bool,
) -> AlertPlan:
    """Split new matching stories into single alerts (up to ``limit`` per rate window, counting the
    ``sent_in_window`` already sent) and one summary for the rest. Reports of stories alerted
    before (a late copy, a rewrite) are returned as ``quiet_item_ids``: recorded, never re-sent."""
    out = AlertPlan()
    matches = []
    for story_id, members in group_stories(candidates).items():
        if story_id in alerted:
            out.quiet_item_ids += [(m.item.id, story_id) for m in members]
            continue
        match = match_story(sub, rules, members)
        if match is not None:
            matches.append(match)
    matches.sort(key=lambda m: (min(c.item.first_seen for c in m.members), m.story_id))
    room = max(0, limit - sent_in_window)
    out.singles = matches[:room]
    if summary_allowed:
        out.summary = matches[room:]
    return out


def alert_digest(sub: Subscriber, matches: Sequence[StoryMatch], now: datetime, label: str) -> Digest:
    """A digest-shaped message of ``matches`` (one card each), grouped like a digest."""
    by_slug: dict[str, list[Card]] = defaultdict(list)
    for m in matches:
        card = story_card(m.slug if m.slug != WATCHED else "", list(m.members))
        by_slug[m.slug].append(card.with_why("; ".join(m.reasons)))
    order = [*THERAPY_SLUGS, WATCHED]
    sections = tuple(
        Section(s, THERAPY_NAMES.get(s, "Watched products, conditions and phrases"), tuple(by_slug[s]))
        for s in order
        if by_slug.get(s)
    )
    period = Period(f"alert:{now:%Y-%m-%dT%H:%M}", label, now, timedelta(0))
    start = min((c.item.first_seen for m in matches for c in m.members), default=now)
    return Digest(subscriber=sub, period=period, window_start=start, window_end=now, sections=sections)


def alert_subject(matches: Sequence[StoryMatch]) -> str:
    if len(matches) == 1:
        return f"Alert: {matches[0].title}"
    return f"Alerts: {len(matches)} more stories you watch"

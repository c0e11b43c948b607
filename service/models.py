"""Frozen values that cross stage boundaries.

Stages hand these to each other; no ORM rows or dicts of unknown shape leave `service.store`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

SOURCE_KINDS = ("feed", "listing")


@dataclass(frozen=True, slots=True)
class ScrapedItem:
    """One entry as a scraper found it, before identity, dedup or classification.

    ``summary`` and ``content`` are plain text (already sanitised); ``content_html`` is allow-list
    cleaned HTML for display, or ``None``.
    """

    title: str
    url: str | None = None
    guid: str | None = None
    summary: str = ""
    content: str = ""
    content_html: str | None = None
    published: datetime | None = None
    author: str | None = None
    language: str | None = None
    # Full text of the item's page (listing sources, feeds with full_text): "ok", "error" or
    # "skipped", and why it failed; None when no page was fetched. On "error" ``content`` is the
    # feed's own and the summary stays.
    fulltext_status: str | None = None
    fulltext_error: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed document read from bytes: channel facts plus its entries."""

    format: str
    title: str
    link: str | None
    items: tuple[ScrapedItem, ...]
    ttl_seconds: int | None = None
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A configured source, as the store hands it to the stages."""

    id: int
    name: str
    url: str
    kind: str = "feed"
    enabled: bool = True
    interval_seconds: int = 3600
    full_text: bool = False
    options: dict[str, str] = field(default_factory=dict)
    identity_mode: str = "guid"
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    last_status: str | None = None
    error_count: int = 0
    last_error: str | None = None
    last_checked_at: datetime | None = None
    next_check_at: datetime | None = None
    ttl_seconds: int | None = None
    redirect_url: str | None = None
    redirect_count: int = 0


@dataclass(frozen=True, slots=True)
class Sighting:
    """Where an item was seen: which source, under which GUID and URL."""

    source: str
    guid: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A matched phrase that supports a therapy label."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TherapyScore:
    """One therapy type's score and the evidence for it."""

    slug: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Classification:
    """What the classifier says about one item."""

    primary: str
    discussed: tuple[str, ...]
    therapies: tuple[TherapyScore, ...] = ()
    conditions: tuple[str, ...] = ()
    lexicon_version: str = ""


UNCLASSIFIED = Classification(primary="none", discussed=())


@dataclass(frozen=True, slots=True)
class Item:
    """A stored item: one article, however many feeds it came through."""

    id: int
    story_id: int | None
    identity_key: str
    title: str
    url: str | None
    summary: str
    content: str
    published: datetime | None
    first_seen: datetime
    primary: str = "none"
    discussed: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    sightings: tuple[Sighting, ...] = ()
    author: str | None = None
    content_html: str | None = None


# --- Subscribers and digests -------------------------------------------------------------------

# The fifteen therapy slugs of TAXONOMY.md with their names in digests, in the taxonomy's order.
# The classifier package (`service.therapies`) owns the taxonomy; this copy lets subscribers and
# digests validate slugs until it lands there.
THERAPY_NAMES: dict[str, str] = {
    "car-t": "CAR T-cell therapy",
    "cell-therapy": "Other cell therapies",
    "gene-therapy": "Gene therapy",
    "gene-editing": "Gene editing",
    "rna-therapy": "RNA therapies",
    "bispecific-antibody": "Bispecific antibodies",
    "antibody-drug-conjugate": "Antibody-drug conjugates",
    "checkpoint-inhibitor": "Checkpoint inhibitors",
    "monoclonal-antibody": "Monoclonal antibodies",
    "vaccine": "Vaccines",
    "oncolytic-virus": "Oncolytic viruses",
    "stem-cell-transplant": "Stem cell transplant",
    "small-molecule": "Targeted small molecules",
    "chemotherapy": "Chemotherapy",
    "radiotherapy": "Radiotherapy",
}
THERAPY_SLUGS: tuple[str, ...] = tuple(THERAPY_NAMES)
FREQUENCIES = ("weekly", "daily", "instant")
SUBSCRIBER_STATUSES = ("active", "paused", "unsubscribed", "bounced")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Subscriber:
    """A digest recipient and their schedule.

    ``therapies`` is empty when ``all_therapies`` is true (new types are then followed too).
    ``day`` is one of WEEKDAYS (weekly only), ``send_time`` is local ``HH:MM`` in ``timezone``.
    """

    id: int
    email: str
    name: str
    status: str = "active"
    all_therapies: bool = True
    therapies: tuple[str, ...] = ()
    frequency: str = "weekly"
    day: str = "mon"
    send_time: str = "08:00"
    timezone: str = "UTC"
    created_at: datetime | None = None

    def follows(self, slug: str) -> bool:
        """Whether this subscriber wants stories of therapy type ``slug``."""
        return slug in THERAPY_NAMES if self.all_therapies else slug in self.therapies


@dataclass(frozen=True, slots=True)
class DigestCandidate:
    """An item that may go into a digest, with the classifier's stored scores and evidence."""

    item: Item
    therapies: tuple[TherapyScore, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """One story as the re-published feeds and the home page show it.

    ``item`` is the representative item; ``sources`` lists every report of the story (the
    representative's first), ``therapies`` the labels of all its items (primary first), ``evidence``
    the matched phrases of the representative for the first label. ``guid_key`` is the identity key
    of the story's first item: it names the story for as long as the story exists.
    """

    guid_key: str
    item: Item
    first_seen: datetime
    updated: datetime
    sources: tuple[Sighting, ...] = ()
    therapies: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """The article found on a page: plain text with paragraphs separated by blank lines."""

    title: str | None
    text: str
    published: datetime | None = None
    canonical_url: str | None = None
    author: str | None = None
    language: str | None = None


WATCH_KINDS = ("product", "condition", "keyword", "source")


@dataclass(frozen=True, slots=True)
class WatchRule:
    """Something a subscriber wants an alert about, beside their therapy types."""

    kind: str
    value: str
    primary_only: bool = False
    id: int = 0

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}" + (" (primary only)" if self.primary_only else "")


@dataclass(frozen=True, slots=True)
class EventSignature:
    """What event an item reports, for story clustering (see ``service.stories``).

    ``products`` and ``trials`` are the strong names (product keys, code names, trial names, NCT
    ids); ``lead`` the products the headline names; ``kind``, ``endpoint`` and ``agencies`` tell
    events about one product apart; ``numbers`` and ``words`` back a match with text evidence.
    """

    products: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    trials: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    kind: str = ""
    endpoint: str = ""
    agencies: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

"""Table definitions (SQLAlchemy Core). Alembic migrations in ``migrations/versions`` create them.

Timestamps are stored as timezone-aware UTC. JSON columns hold lists of slugs, condition names and
evidence; they are plain ``JSON`` so the same schema runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, on SQLite (which keeps no zone) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"store: naive datetime {value!r}; pass an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

# A settings table for values the service generates once and keeps (the secret key).
kv = Table(
    "kv",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("kind", String(20), nullable=False, default="feed"),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("interval_seconds", Integer, nullable=False, default=3600),
    Column("full_text", Boolean, nullable=False, default=False),
    Column("options", JSON, nullable=False, default=dict),
    # How items of this feed are keyed: guid, url or hash (falls back when GUIDs are untrustworthy).
    Column("identity_mode", String(10), nullable=False, default="guid"),
    Column("etag", String(500)),
    Column("last_modified", String(100)),
    Column("content_hash", String(64)),
    Column("ttl_seconds", Integer),
    Column("last_status", String(40)),
    Column("error_count", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("last_checked_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("next_check_at", UTCDateTime),
    Column("lease_owner", String(100)),
    Column("lease_until", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    # Polling (0002): a permanent redirect target seen on consecutive polls, before the URL moves.
    Column("redirect_url", String(2048)),
    Column("redirect_count", Integer, nullable=False, default=0, server_default="0"),
)
Index("ix_sources_due", sources.c.enabled, sources.c.next_check_at)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("representative_item_id", Integer),
    Column("title", Text, nullable=False, default=""),
    Column("signature", JSON, nullable=False, default=dict),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("identity_key", String(200), nullable=False, unique=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL")),
    # A near-copy of another item (syndicated copy); set by the near-duplicate stage.
    Column("duplicate_of", Integer, ForeignKey("items.id", ondelete="SET NULL")),
    Column("merge_method", String(40)),
    Column("merge_score", Float),
    Column("title", Text, nullable=False),
    Column("url", String(2048)),
    Column("canonical_url", String(2048)),
    Column("summary", Text, nullable=False, default=""),
    Column("content", Text, nullable=False, default=""),
    Column("content_html", Text),
    Column("author", String(500)),
    Column("language", String(20)),
    Column("content_hash", String(64), nullable=False),
    Column("published_at", UTCDateTime),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("fulltext_status", String(20)),
    Column("fulltext_error", Text),
    Column("primary_therapy", String(40), nullable=False, default="none"),
    Column("discussed", JSON, nullable=False, default=list),
    Column("conditions", JSON, nullable=False, default=list),
    Column("therapies", JSON, nullable=False, default=list),
    Column("lexicon_version", String(40)),
)
Index("ix_items_first_seen", items.c.first_seen_at)
Index("ix_items_primary", items.c.primary_therapy, items.c.first_seen_at)
Index("ix_items_story", items.c.story_id)
Index("ix_items_canonical_url", items.c.canonical_url)

sightings = Table(
    "sightings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE")),
    Column("source_name", String(200), nullable=False),
    Column("guid", String(1000)),
    Column("url", String(2048)),
    Column("seen_at", UTCDateTime, nullable=False),
    UniqueConstraint("item_id", "source_name", name="uq_sightings_item_source"),
)
Index("ix_sightings_source", sightings.c.source_id)

# Every key an item is known by (GUID, canonical URL, content hash): the same article reached
# through another feed, or after a feed changed its GUIDs, finds the stored item through any of them.
item_keys = Table(
    "item_keys",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_item_keys_item", item_keys.c.item_id)

# A deleted item's identity key: ingest never brings it back.
tombstones = Table(
    "tombstones",
    metadata,
    Column("identity_key", String(200), primary_key=True),
    Column("deleted_at", UTCDateTime, nullable=False),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE")),
    Column("source_name", String(200), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("duration_ms", Integer, nullable=False, default=0),
    Column("outcome", String(40), nullable=False),
    Column("http_status", Integer),
    Column("bytes", Integer),
    Column("new_items", Integer, nullable=False, default=0),
    Column("seen_items", Integer, nullable=False, default=0),
    Column("error", Text),
)
Index("ix_fetch_log_source", fetch_log.c.source_id, fetch_log.c.started_at)

# --- Subscribers and digests (issue 7) ---------------------------------------------------------

subscribers = Table(
    "subscribers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(320), nullable=False),
    # The address folded for comparison: one subscriber per address, whatever its case.
    Column("email_key", String(320), nullable=False, unique=True),
    Column("name", String(200), nullable=False, default=""),
    Column("status", String(20), nullable=False, default="active"),
    Column("all_therapies", Boolean, nullable=False, default=True),
    Column("therapies", JSON, nullable=False, default=list),
    Column("frequency", String(10), nullable=False, default="weekly"),
    Column("day", String(3), nullable=False, default="mon"),
    Column("send_time", String(5), nullable=False, default="08:00"),
    Column("timezone", String(64), nullable=False, default="UTC"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# One row per (subscriber, local period): the unique key absorbs double ticks, DST folds, restarts
# and a second replica (RELIABILITY.md 2.2). window_end is the instant the next window starts at.
digest_runs = Table(
    "digest_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id", ondelete="CASCADE"), nullable=False),
    Column("period_key", String(20), nullable=False),
    Column("state", String(20), nullable=False),
    Column("window_start", UTCDateTime, nullable=False),
    Column("window_end", UTCDateTime, nullable=False),
    Column("item_count", Integer, nullable=False, default=0),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("subscriber_id", "period_key", name="uq_digest_runs_period"),
)
Index("ix_digest_runs_latest", digest_runs.c.subscriber_id, digest_runs.c.window_end)

# A sealed, rendered message waiting for (or done with) delivery. The bytes are stored at seal
# time so a retry sends exactly the same message, Message-ID included.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id", ondelete="CASCADE"), nullable=False),
    Column("digest_run_id", Integer, ForeignKey("digest_runs.id", ondelete="CASCADE"), nullable=False),
    Column("state", String(30), nullable=False),
    Column("recipient", String(320), nullable=False),
    Column("message_id", String(300), nullable=False, unique=True),
    Column("subject", Text, nullable=False),
    Column("message", LargeBinary, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("lease_owner", String(100)),
    Column("lease_until", UTCDateTime),
    Column("last_smtp_code", Integer),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    UniqueConstraint("subscriber_id", "digest_run_id", name="uq_outbox_run"),
)
Index("ix_outbox_due", outbox.c.state, outbox.c.next_attempt_at)

# Which items went to whom: the "already sent" set for the next digest.
digest_items = Table(
    "digest_items",
    metadata,
    Column("subscriber_id", Integer, ForeignKey("subscribers.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("outbox_id", Integer, ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_digest_items_outbox", digest_items.c.outbox_id)


# --- http ---------------------------------------------------------------------------------------
# The feed cache's change fingerprint reads max(updated_at) on every check; without an index that
# is a full table scan.
Index("ix_items_updated", items.c.updated_at)


# --- alerts -------------------------------------------------------------------------------------
# What a subscriber watches beside therapy types: products (matched through the lexicon's brand and
# INN names), conditions, free phrases, sources. ``primary_only``: the story must be about it.
watch_rules = Table(
    "watch_rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("value", String(300), nullable=False),
    Column("primary_only", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("subscriber_id", "kind", "value", name="uq_watch_rules"),
)

# Where alerts go besides email: Apprise URLs (json://, slack://, msteams://, matrix://, ...).
# They carry secrets (tokens in the URL): never printed unredacted.
alert_channels = Table(
    "alert_channels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("subscriber_id", "url", name="uq_alert_channels"),
)

# One notification per (channel, story): the unique key makes it exactly-once-ish like the outbox.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel_id", Integer, ForeignKey("alert_channels.id", ondelete="CASCADE"), nullable=False),
    Column("story_key", String(40), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("state", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("lease_until", UTCDateTime),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    UniqueConstraint("channel_id", "story_key", name="uq_webhook_story"),
)
Index("ix_webhook_due", webhook_deliveries.c.state, webhook_deliveries.c.next_attempt_at)


# --- stories stage: near-duplicate band index, story name index, per-item merge facts ---

# MinHash LSH bands of every item (service.near_dup): one row per band. A bucket key already
# mixes in its band, so rows are keyed and looked up by bucket alone; the key (bucket, item_id) is
# the whole lookup, so on SQLite the table is its own index (WITHOUT ROWID: one B-tree to write
# and to read instead of a table and an index) and on PostgreSQL the primary key serves
# index-only scans. Lookups read at most a fixed number of the newest rows of a bucket, so the
# cost of finding near-copies stays flat as the store grows, and every replica sees the same
# index. No foreign key: rows of a deleted item are skipped at lookup, and cascading would need a
# second index on this, the largest table.
lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("bucket", BigInteger, nullable=False),
    Column("item_id", Integer, nullable=False),
    Column("band", SmallInteger, nullable=False),
    PrimaryKeyConstraint("bucket", "item_id", name="pk_lsh_bands"),
    sqlite_with_rowid=False,
)

# The strong names of every item's event signature (service.stories.index_keys), with its date
# (Unix seconds: written and compared as plain integers on every database), so story candidates
# are the items sharing a name within the time window. Keyed like ``lsh_bands``, for the same
# reasons.
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", BigInteger, nullable=False),
    Column("published_ts", BigInteger, nullable=False),
    Column("item_id", Integer, nullable=False),
    PrimaryKeyConstraint("key", "published_ts", "item_id", name="pk_story_keys"),
    sqlite_with_rowid=False,
)

# The item a story match was made against (for a near-copy, the same as duplicate_of), and the
# item's event signature (JSON of service.stories.to_json), read back when a later item is compared.
items.append_column(Column("merged_with", Integer, ForeignKey("items.id", ondelete="SET NULL")))
items.append_column(Column("signature", JSON))

"""stories: band and story-name indexes keyed by their lookup columns (no separate index)

The band index was a rowid table plus an index on (band, bucket): every lookup went from the index
to the table for item_id, and every insert wrote two B-trees. Both index tables become keyed by
what they are looked up by (bucket; key and date), WITHOUT ROWID on SQLite. Rows are copied over.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lsh_bands_keyed",
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "item_id", name="pk_lsh_bands"),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO lsh_bands_keyed (bucket, item_id, band) "
        "SELECT bucket, item_id, min(band) FROM lsh_bands GROUP BY bucket, item_id"
    )
    op.drop_index("ix_lsh_bands_bucket", table_name="lsh_bands")
    op.drop_table("lsh_bands")
    op.rename_table("lsh_bands_keyed", "lsh_bands")
    op.create_table(
        "story_keys_keyed",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("published_ts", sa.BigInteger(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "published_ts", "item_id", name="pk_story_keys"),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO story_keys_keyed (key, published_ts, item_id) "
        "SELECT DISTINCT key, published_ts, item_id FROM story_keys"
    )
    op.drop_index("ix_story_keys_key", table_name="story_keys")
    op.drop_table("story_keys")
    op.rename_table("story_keys_keyed", "story_keys")


def downgrade() -> None:
    op.create_table(
        "lsh_bands_rowid",
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO lsh_bands_rowid (band, bucket, item_id) SELECT band, bucket, item_id FROM lsh_bands")
    op.drop_table("lsh_bands")
    op.rename_table("lsh_bands_rowid", "lsh_bands")
    op.create_index("ix_lsh_bands_bucket", "lsh_bands", ["band", "bucket"])
    op.create_table(
        "story_keys_rowid",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("published_ts", sa.BigInteger(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
    )
    op.execute(
        "INSERT INTO story_keys_rowid (key, published_ts, item_id) "
        "SELECT key, published_ts, item_id FROM story_keys"
    )
    op.drop_table("story_keys")
    op.rename_table("story_keys_rowid", "story_keys")
    op.create_index("ix_story_keys_key", "story_keys", ["key", "published_ts"])

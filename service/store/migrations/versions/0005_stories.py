"""stories: LSH band index, story name index, items.merged_with and items.signature

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lsh_bands",
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
    )
    op.create_index("ix_lsh_bands_bucket", "lsh_bands", ["band", "bucket"])
    op.create_table(
        "story_keys",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("published_ts", sa.BigInteger(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
    )
    op.create_index("ix_story_keys_key", "story_keys", ["key", "published_ts"])
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_with", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("signature", sa.JSON(), nullable=True))
        batch_op.create_foreign_key(
            "fk_items_merged_with", "items", ["merged_with"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_constraint("fk_items_merged_with", type_="foreignkey")
        batch_op.drop_column("signature")
        batch_op.drop_column("merged_with")
    op.drop_index("ix_story_keys_key", table_name="story_keys")
    op.drop_table("story_keys")
    op.drop_index("ix_lsh_bands_bucket", table_name="lsh_bands")
    op.drop_table("lsh_bands")

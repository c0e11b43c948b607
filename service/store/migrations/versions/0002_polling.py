"""polling: where a source permanently redirects to, and how many polls in a row confirmed it.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("redirect_url", sa.String(length=2048), nullable=True))
        batch_op.add_column(
            sa.Column("redirect_count", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )


def downgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("redirect_count")
        batch_op.drop_column("redirect_url")

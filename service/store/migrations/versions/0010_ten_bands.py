"""stories: band index rebuilt for 10 bands of 2 rows (was 20 bands of 3)

Half the index rows per item to write and to look up, with the same copies found on the project's
sets (see service.near_dup). Bucket keys of the old scheme match nothing in the new one, so the
rows are recomputed from every stored item's text with the current ``service.near_dup``.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CHUNK = 2000


def _rebuild() -> None:
    from service import near_dup

    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM lsh_bands"))
    items = sa.table(
        "items", sa.column("id"), sa.column("title"), sa.column("summary"), sa.column("content")
    )
    bands = sa.table("lsh_bands", sa.column("bucket"), sa.column("item_id"), sa.column("band"))
    last = 0
    while True:
        rows = conn.execute(
            sa.select(items.c.id, items.c.title, items.c.summary, items.c.content)
            .where(items.c.id > last)
            .order_by(items.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        sets = [near_dup.shingles(r.title or "", r.content or r.summary or "") for r in rows]
        out = [
            {"bucket": k, "item_id": r.id, "band": b}
            for r, keys in zip(rows, near_dup.band_keys(sets), strict=True)
            for b, k in enumerate(keys)
        ]
        if out:
            conn.execute(bands.insert(), out)
        last = rows[-1].id


def upgrade() -> None:
    _rebuild()


def downgrade() -> None:
    # The old scheme's keys cannot be rebuilt from here (its code is gone): the index is emptied,
    # and items stored before the downgrade are no longer found as originals of near-copies.
    op.get_bind().execute(sa.text("DELETE FROM lsh_bands"))

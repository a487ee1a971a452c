"""click visitors kept per batch: each batch's visitors (their last counted clicks) as one row per
partition, instead of a row per visitor written by every counted click

Revision ID: 0005
Revises: 0004
"""

from collections import defaultdict

import orjson
import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The visitors kept before, for every partition (the aggregator reads this row with each).
LEGACY_PARTITION = -1

batches = sa.table(
    "click_visitor_batches",
    sa.column("topic", sa.String),
    sa.column("partition", sa.Integer),
    sa.column("next_offset", sa.BigInteger),
    sa.column("newest_at", UtcDateTime()),
    sa.column("visitors", sa.LargeBinary),
)
rows = sa.table(
    "click_visitors",
    sa.column("link_id", sa.Uuid),
    sa.column("client_hash", sa.LargeBinary),
    sa.column("last_counted_at", UtcDateTime()),
)


def upgrade() -> None:
    op.create_table(
        "click_visitor_batches",
        sa.Column("topic", sa.String(length=255), nullable=False),
        sa.Column("partition", sa.Integer(), nullable=False),
        sa.Column("next_offset", sa.BigInteger(), nullable=False),
        sa.Column("newest_at", UtcDateTime(), nullable=False),
        sa.Column("visitors", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("topic", "partition", "next_offset", name=op.f("pk_click_visitor_batches")),
    )
    visitors: dict[str, dict[str, int]] = defaultdict(dict)
    newest = None
    kept = op.get_bind().execute(sa.select(rows.c.link_id, rows.c.client_hash, rows.c.last_counted_at))
    for link, client, at in kept:
        visitors[str(link)][bytes(client).hex()] = int(at.timestamp()) * 1000 + at.microsecond // 1000
        newest = at if newest is None else max(newest, at)
    if newest is not None:
        op.execute(
            batches.insert().values(
                topic="", partition=LEGACY_PARTITION, next_offset=0, newest_at=newest, visitors=orjson.dumps(visitors)
            )
        )
    op.drop_table("click_visitors")


def downgrade() -> None:
    op.create_table(
        "click_visitors",
        sa.Column("link_id", sa.Uuid(), nullable=False),
        sa.Column("client_hash", sa.LargeBinary(length=16), nullable=False),
        sa.Column("last_counted_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("link_id", "client_hash", name=op.f("pk_click_visitors")),
    )
    op.drop_table("click_visitor_batches")

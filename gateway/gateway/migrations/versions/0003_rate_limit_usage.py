"""rate limit usage shared between gateway replicas

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime
from servicekit.messaging_tables import OutboxId

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_usage",
        sa.Column("id", OutboxId, primary_key=True, autoincrement=True),
        sa.Column("replica", sa.String(64), nullable=False),
        sa.Column("identity", sa.String(200), nullable=False),
        sa.Column("route_class", sa.String(32), nullable=False),
        sa.Column("used", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_rate_limit_usage_at", "rate_limit_usage", ["at"])


def downgrade() -> None:
    op.drop_table("rate_limit_usage")

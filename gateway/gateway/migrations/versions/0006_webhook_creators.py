"""who made each webhook subscription, and subscriptions disabled when that access ended

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Subscriptions made before this stay enabled with no known creator (created_by NULL).
    op.add_column("webhook_subscriptions", sa.Column("created_by", sa.Uuid(), nullable=True))
    op.add_column("webhook_subscriptions", sa.Column("created_by_kind", sa.String(10), nullable=True))
    op.add_column("webhook_subscriptions", sa.Column("disabled_at", UtcDateTime(), nullable=True))
    op.add_column("webhook_subscriptions", sa.Column("disabled_reason", sa.String(200), nullable=True))
    op.create_index("ix_webhook_subscriptions_created_by", "webhook_subscriptions", ["org_id", "created_by"])


def downgrade() -> None:
    op.drop_index("ix_webhook_subscriptions_created_by", table_name="webhook_subscriptions")
    for column in ("disabled_reason", "disabled_at", "created_by_kind", "created_by"):
        op.drop_column("webhook_subscriptions", column)

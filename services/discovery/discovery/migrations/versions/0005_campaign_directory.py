"""campaigns become servicekit's campaign directory (the table metrics and content keep too)

New columns, all nullable, so the rows keep their data and shortlists their references: the
objective, budget and dates campaign.created and campaign.updated tell, when the campaign was
created, and the time the details are from. The rows discovery knew before have none of these
(it kept the name and state only) until the campaign is next updated.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    sa.Column("objective", sa.String(32), nullable=True),
    sa.Column("currency", sa.String(3), nullable=True),
    sa.Column("budget_minor", sa.BigInteger(), nullable=True),
    sa.Column("starts_on", sa.Date(), nullable=True),
    sa.Column("ends_on", sa.Date(), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=True),
    sa.Column("details_at", UtcDateTime(), nullable=True),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): on SQLite, copying a table that shortlist_entries
    # references would break those references.
    for column in NEW_COLUMNS:
        op.add_column("campaigns", column)
    op.create_index("ix_campaigns_tenant_id_id", "campaigns", ["tenant_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_campaigns_tenant_id_id", table_name="campaigns")
    for column in reversed(NEW_COLUMNS):
        op.drop_column("campaigns", column.name)

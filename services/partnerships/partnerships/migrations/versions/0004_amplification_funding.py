"""amplification_funding: partnerships' answer to each of content's amplification requests

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "amplification_funding",
        sa.Column("amplification_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("decided_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("amplification_id", name=op.f("pk_amplification_funding")),
    )
    op.create_index("ix_amplification_funding_campaign", "amplification_funding", ["campaign_id", "decision"])


def downgrade() -> None:
    op.drop_index("ix_amplification_funding_campaign", table_name="amplification_funding")
    op.drop_table("amplification_funding")

"""commission_entries: the attributed sales each commission contract took, once each

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


def upgrade() -> None:
    op.create_table(
        "commission_entries",
        sa.Column("entry_id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("net_change_minor", sa.BigInteger(), nullable=False),
        sa.Column("commission_change_minor", sa.BigInteger(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_commission_entries_partnership_id", "commission_entries", ["partnership_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_commission_entries_partnership_id", table_name="commission_entries")
    op.drop_table("commission_entries")

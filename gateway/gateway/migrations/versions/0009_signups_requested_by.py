"""sign-ups: who asked (a digest of the client's address), so that mail limits count per client

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
    op.add_column("signups", sa.Column("requested_by", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("signups", "requested_by")

"""sign-ups by email: how many were mailed to one address lately (at most a few an hour)

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_signups_email", "signups", ["email", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_signups_email", table_name="signups")

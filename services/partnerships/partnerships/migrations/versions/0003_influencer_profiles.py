"""influencer_profiles: discovery's influencers, kept from its events

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "influencer_profiles",
        sa.Column("influencer_id", sa.Uuid(), primary_key=True),
        sa.Column("org_id", sa.Uuid(), nullable=True),
        sa.Column("platform", sa.String(64), nullable=False),
        sa.Column("handle", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=True),
        sa.Column("version", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("influencer_profiles")

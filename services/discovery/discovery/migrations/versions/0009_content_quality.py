"""content quality and the words of recent posts, stored on each profile

A profile's posts now give it a content quality (0-100, its parts, reasons and coverage) and the
text of its recent captions with the brands they tag, which ranked search's brand affinity
compares with a brief. Both are worked out when a profile's posts change and kept on the profile,
so ranking reads them with the rest of a candidate. Profiles without posts keep NULL: content
quality not assessed (the neutral 50 in ranking), no post text.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("content_quality", sa.Float()),
    ("content_quality_not_assessed", sa.String(200)),
    ("content_quality_detail", sa.JSON()),
    ("content_quality_at", UtcDateTime()),
    ("post_text", sa.Text()),
    ("post_terms", sa.Text()),
)


def upgrade() -> None:
    # Plain ADD COLUMN of nullable columns: no table copy, no rewrite of the rows on PostgreSQL.
    for name, kind in _COLUMNS:
        op.add_column("influencers", sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    for name, _ in reversed(_COLUMNS):
        op.drop_column("influencers", name)

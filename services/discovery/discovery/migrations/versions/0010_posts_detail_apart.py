"""what only a profile's page reads of its posts, off the profile's row

Content quality's parts and reasons, when it was worked out, and the recent captions' text (up to
1,000 characters) made each profile's row 2.4x wider (about 950 bytes to 2,300), and every search
reads those rows: ranking hundreds per query, filtered search a page of them whole. They move to
influencer_post_details, a row per profile with posts; the score, the signals not assessed and the
captions' terms, which ranking reads, stay on the profile.

On PostgreSQL a dropped column's data stays in the rows already written until they are written
again: `VACUUM FULL influencers` (which locks the table while it runs) gives the space back at once.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_MOVED = (
    ("content_quality_detail", sa.JSON()),
    ("content_quality_at", UtcDateTime()),
    ("post_text", sa.Text()),
)
_NAMES = ", ".join(name for name, _ in _MOVED)


def upgrade() -> None:
    op.create_table(
        "influencer_post_details",
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        *(sa.Column(name, kind, nullable=False) for name, kind in _MOVED),
        sa.PrimaryKeyConstraint("influencer_id", name="pk_influencer_post_details"),
    )
    op.execute(
        f"INSERT INTO influencer_post_details (influencer_id, {_NAMES})"
        f" SELECT id, content_quality_detail, content_quality_at, COALESCE(post_text, '') FROM influencers"
        " WHERE content_quality_detail IS NOT NULL AND content_quality_at IS NOT NULL"
    )
    for name, _ in reversed(_MOVED):
        op.drop_column("influencers", name)


def downgrade() -> None:
    for name, kind in _MOVED:
        op.add_column("influencers", sa.Column(name, kind, nullable=True))
    op.execute(
        f"UPDATE influencers SET ({_NAMES}) = (d.content_quality_detail, d.content_quality_at, d.post_text)"
        " FROM influencer_post_details d WHERE d.influencer_id = influencers.id"
    )
    op.drop_table("influencer_post_details")

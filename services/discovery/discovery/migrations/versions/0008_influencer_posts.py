"""influencer posts: each profile's own posts, imported, with whether each was sponsored and why

One row per platform and post id in each catalogue (the shared one, or the org whose import brought
it); read per profile newest first. No foreign key to influencers (profiles are never deleted;
checking it would cost each imported post, as for audience_countries in 0003).

Posts are imported by the jobs that import profiles: import_jobs.kind says which a job holds
(`profiles` for every job before).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, as in 0006 (a batch copy on SQLite would break the references to import_jobs).
    op.add_column("import_jobs", sa.Column("kind", sa.String(16), nullable=False, server_default="profiles"))
    op.create_table(
        "influencer_posts",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("catalogue_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("post_id", sa.String(200), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("posted_at", UtcDateTime(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("media_type", sa.String(16), nullable=True),
        sa.Column("likes", sa.BigInteger(), nullable=True),
        sa.Column("comments", sa.BigInteger(), nullable=True),
        sa.Column("views", sa.BigInteger(), nullable=True),
        sa.Column("shares", sa.BigInteger(), nullable=True),
        sa.Column("saves", sa.BigInteger(), nullable=True),
        sa.Column("paid_partnership", sa.Boolean(), nullable=True),
        sa.Column("sponsor_tags", sa.JSON(), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.Column("sponsored", sa.Boolean(), nullable=False),
        sa.Column("sponsor_signal", sa.String(32), nullable=False),
        sa.Column("sponsor_reason", sa.Text(), nullable=False),
        sa.Column("sponsor_brands", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(40), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("catalogue_id", "platform", "post_id", name="uq_influencer_posts_catalogue_platform_post"),
    )
    op.create_index("ix_influencer_posts_influencer_posted", "influencer_posts", ["influencer_id", "posted_at", "id"])
    op.create_index("ix_influencer_posts_job", "influencer_posts", ["job_id"])


def downgrade() -> None:
    op.drop_table("influencer_posts")
    op.drop_column("import_jobs", "kind")

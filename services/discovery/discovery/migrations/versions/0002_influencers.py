"""influencers, audience, snapshots, performance, campaigns, shortlists, notes, tags, import jobs

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from servicekit.db import UtcDateTime
from servicekit.messaging_tables import OutboxId

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

AGE_COLUMNS = (
    "aud_age_13_17",
    "aud_age_18_24",
    "aud_age_25_34",
    "aud_age_35_44",
    "aud_age_45_54",
    "aud_age_55_64",
    "aud_age_65_plus",
)
GENDER_COLUMNS = ("aud_female", "aud_male", "aud_other")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "influencers",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("catalogue_id", sa.Uuid(), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("handle", sa.String(100), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=True),
        sa.Column("bio", sa.Text(), nullable=True),
        sa.Column("categories", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("followers", sa.BigInteger(), nullable=False),
        sa.Column("following", sa.BigInteger(), nullable=True),
        sa.Column("posts", sa.BigInteger(), nullable=True),
        sa.Column("avg_likes", sa.Float(), nullable=True),
        sa.Column("avg_comments", sa.Float(), nullable=True),
        sa.Column("avg_views", sa.Float(), nullable=True),
        sa.Column("avg_shares", sa.Float(), nullable=True),
        sa.Column("avg_engagements", sa.Float(), nullable=True),
        sa.Column("reported_engagement_rate", sa.Float(), nullable=True),
        sa.Column("engagement_rate", sa.Float(), nullable=True),
        sa.Column("engagement_rate_source", sa.String(16), nullable=True),
        sa.Column("engagement_sort", sa.Float(), nullable=False),
        sa.Column("tier", sa.String(8), nullable=False),
        sa.Column("audience", sa.JSON(), nullable=False),
        *(sa.Column(name, sa.Float(), nullable=True) for name in AGE_COLUMNS),
        *(sa.Column(name, sa.Float(), nullable=True) for name in GENDER_COLUMNS),
        sa.Column("audience_countries_known", sa.Boolean(), nullable=False),
        sa.Column("rate_card", sa.JSON(), nullable=True),
        sa.Column("price_minor", sa.BigInteger(), nullable=True),
        sa.Column("price_currency", sa.String(3), nullable=True),
        sa.Column("past_sponsors", sa.JSON(), nullable=False),
        sa.Column("contact", sa.JSON(), nullable=False),
        sa.Column("last_refreshed_at", UtcDateTime(), nullable=True),
        sa.Column("authenticity_score", sa.Float(), nullable=False),
        sa.Column("performance_score", sa.Float(), nullable=True),
        sa.Column("prior_score", sa.Float(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(40), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("catalogue_id", "platform", "handle", name="uq_influencers_catalogue_platform_handle"),
    )
    for name, columns in (
        ("ix_influencers_followers", ["followers", "id"]),
        ("ix_influencers_platform_followers", ["platform", "followers", "id"]),
        ("ix_influencers_country_followers", ["country", "followers", "id"]),
        ("ix_influencers_engagement", ["engagement_sort", "id"]),
        ("ix_influencers_prior", ["prior_score", "id"]),
        ("ix_influencers_platform_prior", ["platform", "prior_score", "id"]),
        ("ix_influencers_country_prior", ["country", "prior_score", "id"]),
        ("ix_influencers_created", ["created_at", "id"]),
    ):
        op.create_index(name, "influencers", columns)
    if postgres:
        # Substring search (LIKE '%word%') through trigrams; category containment through GIN.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_influencers_search_trgm ON influencers USING gin (search_text gin_trgm_ops)")
        op.execute("CREATE INDEX ix_influencers_categories ON influencers USING gin (categories jsonb_path_ops)")

    op.create_table(
        "audience_countries",
        sa.Column("influencer_id", sa.Uuid(), sa.ForeignKey("influencers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("share", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("influencer_id", "country", name="pk_audience_countries"),
    )
    op.create_index("ix_audience_countries_country_share", "audience_countries", ["country", "share"])

    op.create_table(
        "influencer_snapshots",
        sa.Column("id", OutboxId, primary_key=True, autoincrement=True),
        sa.Column("influencer_id", sa.Uuid(), sa.ForeignKey("influencers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("taken_at", UtcDateTime(), nullable=False),
        sa.Column("followers", sa.BigInteger(), nullable=False),
        sa.Column("following", sa.BigInteger(), nullable=True),
        sa.Column("posts", sa.BigInteger(), nullable=True),
        sa.Column("avg_likes", sa.Float(), nullable=True),
        sa.Column("avg_comments", sa.Float(), nullable=True),
        sa.Column("avg_views", sa.Float(), nullable=True),
        sa.Column("avg_shares", sa.Float(), nullable=True),
        sa.Column("avg_engagements", sa.Float(), nullable=True),
        sa.Column("engagement_rate", sa.Float(), nullable=True),
    )
    op.create_index("ix_influencer_snapshots_influencer_taken", "influencer_snapshots", ["influencer_id", "taken_at"])

    op.create_table(
        "performance_records",
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.String(80), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=True),
        sa.Column("posts", sa.BigInteger(), nullable=False),
        sa.Column("impressions", sa.BigInteger(), nullable=False),
        sa.Column("engagements", sa.BigInteger(), nullable=False),
        sa.Column("clicks", sa.BigInteger(), nullable=False),
        sa.Column("conversions", sa.BigInteger(), nullable=False),
        sa.Column("engagement_rate", sa.Float(), nullable=True),
        sa.Column("roi", sa.Float(), nullable=True),
        sa.Column("measured_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("influencer_id", "scope", name="pk_performance_records"),
    )

    op.create_table(
        "campaigns",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )

    op.create_table(
        "shortlist_entries",
        sa.Column("campaign_id", sa.Uuid(), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), sa.ForeignKey("influencers.id"), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("added_by", sa.Uuid(), nullable=True),
        sa.Column("added_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", "influencer_id", name="pk_shortlist_entries"),
    )
    op.create_index(
        "ix_shortlist_entries_campaign_added", "shortlist_entries", ["campaign_id", "added_at", "influencer_id"]
    )

    op.create_table(
        "influencer_notes",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), sa.ForeignKey("influencers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_index(
        "ix_influencer_notes_tenant_influencer",
        "influencer_notes",
        ["tenant_id", "influencer_id", "created_at", "id"],
    )

    op.create_table(
        "influencer_tags",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), sa.ForeignKey("influencers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("tag", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "influencer_id", "tag", name="pk_influencer_tags"),
    )
    op.create_index("ix_influencer_tags_tenant_tag", "influencer_tags", ["tenant_id", "tag", "influencer_id"])

    op.create_table(
        "import_jobs",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("catalogue_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("filename", sa.String(255), nullable=True),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("encoding", sa.String(16), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("unmapped_columns", sa.JSON(), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_imported", sa.Integer(), nullable=False),
        sa.Column("rows_created", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_unchanged", sa.Integer(), nullable=False),
        sa.Column("rows_rejected", sa.Integer(), nullable=False),
        sa.Column("records_done", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.String(64), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=True),
        sa.Column("heartbeat_at", UtcDateTime(), nullable=True),
        sa.Column("finished_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_import_jobs_state_created", "import_jobs", ["state", "created_at"])
    op.create_table(
        "import_files",
        sa.Column("job_id", sa.Uuid(), sa.ForeignKey("import_jobs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "import_rejections",
        sa.Column("job_id", sa.Uuid(), sa.ForeignKey("import_jobs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("job_id", "line", name="pk_import_rejections"),
    )


def downgrade() -> None:
    for table in (
        "import_rejections",
        "import_files",
        "import_jobs",
        "influencer_tags",
        "influencer_notes",
        "shortlist_entries",
        "campaigns",
        "performance_records",
        "influencer_snapshots",
        "audience_countries",
        "influencers",
    ):
        op.drop_table(table)

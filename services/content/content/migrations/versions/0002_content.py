"""content: briefs, deliverables, submissions with review comments, media, posts,
amplifications, assets, and the campaign directory

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "briefs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefs")),
        sa.UniqueConstraint("campaign_id", "version", name="uq_briefs_campaign_version"),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("objective", sa.String(length=32), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("budget_minor", sa.BigInteger(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("details_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    op.create_index("ix_campaigns_tenant_id_id", "campaigns", ["tenant_id", "id"], unique=False)
    op.create_table(
        "deliverables",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("line_index", sa.Integer(), nullable=False),
        sa.Column("unit_index", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("collaboration_type", sa.String(length=32), nullable=False),
        sa.Column("fee_kind", sa.String(length=32), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("usage_rights", sa.JSON(), nullable=True),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("brief_overrides", sa.JSON(), nullable=False),
        sa.Column("submissions", sa.Integer(), nullable=False),
        sa.Column("current_submission_id", sa.Uuid(), nullable=True),
        sa.Column("approved_submission_id", sa.Uuid(), nullable=True),
        sa.Column("scheduled_for", UtcDateTime(), nullable=True),
        sa.Column("post_id", sa.Uuid(), nullable=True),
        sa.Column("published_at", UtcDateTime(), nullable=True),
        sa.Column("overdue_at", UtcDateTime(), nullable=True),
        sa.Column("cancelled_reason", sa.String(length=1000), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliverables")),
        sa.UniqueConstraint("partnership_id", "line_index", "unit_index", name="uq_deliverables_unit"),
    )
    op.create_index("ix_deliverables_due_open", "deliverables", ["due_on", "overdue_at"], unique=False)
    op.create_index(
        "ix_deliverables_influencer_created", "deliverables", ["influencer_id", "created_at", "id"], unique=False
    )
    op.create_index("ix_deliverables_partnership", "deliverables", ["partnership_id"], unique=False)
    op.create_index("ix_deliverables_tenant_created", "deliverables", ["tenant_id", "created_at", "id"], unique=False)
    op.create_table(
        "amplifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("spend_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("requested_at", UtcDateTime(), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", UtcDateTime(), nullable=True),
        sa.Column("refusal_reason", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(
            ["deliverable_id"], ["deliverables.id"], name=op.f("fk_amplifications_deliverable_id_deliverables")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amplifications")),
    )
    op.create_index(
        "ix_amplifications_deliverable", "amplifications", ["deliverable_id", "requested_at", "id"], unique=False
    )
    op.create_table(
        "assets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("media", sa.JSON(), nullable=False),
        sa.Column("usage_rights", sa.JSON(), nullable=True),
        sa.Column("channels", sa.String(length=1000), nullable=False),
        sa.Column("approved_at", UtcDateTime(), nullable=False),
        sa.Column("rights_from", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=True),
        sa.Column("post_url", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["deliverable_id"], ["deliverables.id"], name=op.f("fk_assets_deliverable_id_deliverables")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assets")),
    )
    op.create_index("ix_assets_tenant_approved", "assets", ["tenant_id", "approved_at", "id"], unique=False)
    op.create_table(
        "media",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("content_type", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=300), nullable=False),
        sa.Column("uploaded_by", sa.Uuid(), nullable=True),
        sa.Column("uploaded_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deliverable_id"], ["deliverables.id"], name=op.f("fk_media_deliverable_id_deliverables")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media")),
    )
    op.create_index("ix_media_deliverable", "media", ["deliverable_id"], unique=False)
    op.create_table(
        "posts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=False),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("live_caption", sa.Text(), nullable=True),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deliverable_id"], ["deliverables.id"], name=op.f("fk_posts_deliverable_id_deliverables")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
        sa.UniqueConstraint("tenant_id", "platform", "external_id", name="uq_posts_external"),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("media", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("brief_version", sa.Integer(), nullable=False),
        sa.Column("submitted_at", UtcDateTime(), nullable=False),
        sa.Column("submitted_by", sa.Uuid(), nullable=True),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("blocking", sa.Integer(), nullable=False),
        sa.Column("checked_at", UtcDateTime(), nullable=False),
        sa.Column("in_video_disclosure_confirmed", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("decision", sa.String(length=32), nullable=True),
        sa.Column("reviewer_id", sa.Uuid(), nullable=True),
        sa.Column("reviewed_at", UtcDateTime(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("overridden", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deliverable_id"], ["deliverables.id"], name=op.f("fk_submissions_deliverable_id_deliverables")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
        sa.UniqueConstraint("deliverable_id", "version", name="uq_submissions_deliverable_version"),
    )
    op.create_table(
        "review_comments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("at_seconds", sa.Float(), nullable=True),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"], ["submissions.id"], name=op.f("fk_review_comments_submission_id_submissions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comments")),
    )
    op.create_index("ix_review_comments_submission", "review_comments", ["submission_id", "position"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_review_comments_submission", table_name="review_comments")
    op.drop_table("review_comments")
    op.drop_table("submissions")
    op.drop_table("posts")
    op.drop_index("ix_media_deliverable", table_name="media")
    op.drop_table("media")
    op.drop_index("ix_assets_tenant_approved", table_name="assets")
    op.drop_table("assets")
    op.drop_index("ix_amplifications_deliverable", table_name="amplifications")
    op.drop_table("amplifications")
    op.drop_index("ix_deliverables_tenant_created", table_name="deliverables")
    op.drop_index("ix_deliverables_partnership", table_name="deliverables")
    op.drop_index("ix_deliverables_influencer_created", table_name="deliverables")
    op.drop_index("ix_deliverables_due_open", table_name="deliverables")
    op.drop_table("deliverables")
    op.drop_index("ix_campaigns_tenant_id_id", table_name="campaigns")
    op.drop_table("campaigns")
    op.drop_table("briefs")

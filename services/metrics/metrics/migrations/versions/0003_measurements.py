"""tracking links and clicks, conversions, post insights, costs, exchange rates, KPI targets

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime
from servicekit.messaging_tables import OutboxId

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aggregator_offsets",
        sa.Column("topic", sa.String(length=255), nullable=False),
        sa.Column("partition", sa.Integer(), nullable=False),
        sa.Column("next_offset", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("topic", "partition", name=op.f("pk_aggregator_offsets")),
    )
    op.create_table(
        "amplifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("spend_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("told_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amplifications")),
    )
    op.create_index(
        "ix_amplifications_tenant_id_campaign_id", "amplifications", ["tenant_id", "campaign_id"], unique=False
    )
    op.create_table(
        "campaign_settings",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("attribution_window_days", sa.Integer(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_campaign_settings")),
    )
    op.create_table(
        "campaign_targets",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("kpis", sa.Text(), nullable=False),
        sa.Column("told_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_campaign_targets")),
    )
    op.create_table(
        "changed_partnerships",
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("changed_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("partnership_id", name=op.f("pk_changed_partnerships")),
    )
    op.create_table(
        "click_buckets",
        sa.Column("link_id", sa.Uuid(), nullable=False),
        sa.Column("bucket_start", UtcDateTime(), nullable=False),
        sa.Column("counted", sa.BigInteger(), nullable=False),
        sa.Column("bots", sa.BigInteger(), nullable=False),
        sa.Column("repeats", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("link_id", "bucket_start", name=op.f("pk_click_buckets")),
    )
    op.create_table(
        "click_spool",
        sa.Column("id", OutboxId, autoincrement=True, nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("spooled_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_click_spool")),
    )
    op.create_table(
        "click_visitors",
        sa.Column("link_id", sa.Uuid(), nullable=False),
        sa.Column("client_hash", sa.LargeBinary(length=16), nullable=False),
        sa.Column("last_counted_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("link_id", "client_hash", name=op.f("pk_click_visitors")),
    )
    op.create_table(
        "conversion_adjustments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("conversion_id", sa.Uuid(), nullable=False),
        sa.Column("adjustment_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversion_adjustments")),
        sa.UniqueConstraint("conversion_id", "adjustment_id", name="uq_conversion_adjustments_order_adjustment"),
    )
    op.create_table(
        "conversions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.Column("click_id", sa.String(length=100), nullable=True),
        sa.Column("promo_code", sa.String(length=64), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("partnership_id", sa.Uuid(), nullable=True),
        sa.Column("influencer_id", sa.Uuid(), nullable=True),
        sa.Column("link_id", sa.Uuid(), nullable=True),
        sa.Column("deliverable_id", sa.Uuid(), nullable=True),
        sa.Column("net_minor", sa.BigInteger(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversions")),
        sa.UniqueConstraint("tenant_id", "order_id", name="uq_conversions_tenant_order"),
    )
    op.create_index("ix_conversions_tenant_id_campaign_id", "conversions", ["tenant_id", "campaign_id"], unique=False)
    op.create_index("ix_conversions_tenant_id_received_at", "conversions", ["tenant_id", "received_at"], unique=False)
    op.create_table(
        "emv_values",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("per_mille_minor", sa.Text(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_emv_values")),
    )
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("base", sa.String(length=3), nullable=False),
        sa.Column("quote", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.Numeric(precision=30, scale=12), nullable=False),
        sa.Column("valid_on", sa.Date(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint("tenant_id", "base", "quote", "valid_on", name="uq_exchange_rates_pair_day"),
    )
    op.create_table(
        "kpi_reached",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("kpi", sa.String(length=32), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("reached_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", "kpi", name=op.f("pk_kpi_reached")),
    )
    op.create_table(
        "link_clicks",
        sa.Column("link_id", sa.Uuid(), nullable=False),
        sa.Column("counted", sa.BigInteger(), nullable=False),
        sa.Column("bots", sa.BigInteger(), nullable=False),
        sa.Column("repeats", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("link_id", name=op.f("pk_link_clicks")),
    )
    op.create_table(
        "partnerships",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("state_at", UtcDateTime(), nullable=False),
        sa.Column("fee_kind", sa.String(length=16), nullable=True),
        sa.Column("fee_minor", sa.BigInteger(), nullable=True),
        sa.Column("fee_currency", sa.String(length=3), nullable=True),
        sa.Column("commission_rate_bps", sa.Integer(), nullable=True),
        sa.Column("signed_at", UtcDateTime(), nullable=True),
        sa.Column("commission_minor", sa.BigInteger(), nullable=False),
        sa.Column("commission_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnerships")),
    )
    op.create_index("ix_partnerships_tenant_id_campaign_id", "partnerships", ["tenant_id", "campaign_id"], unique=False)
    op.create_index(
        "ix_partnerships_tenant_id_influencer_id", "partnerships", ["tenant_id", "influencer_id"], unique=False
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("paid_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    op.create_index(op.f("ix_payments_partnership_id"), "payments", ["partnership_id"], unique=False)
    op.create_table(
        "post_snapshots",
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("observed_at", UtcDateTime(), nullable=False),
        sa.Column("metrics", sa.Text(), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("post_id", "observed_at", name=op.f("pk_post_snapshots")),
    )
    op.create_table(
        "post_totals",
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("views", sa.BigInteger(), nullable=True),
        sa.Column("impressions", sa.BigInteger(), nullable=True),
        sa.Column("reach", sa.BigInteger(), nullable=True),
        sa.Column("likes", sa.BigInteger(), nullable=True),
        sa.Column("comments", sa.BigInteger(), nullable=True),
        sa.Column("shares", sa.BigInteger(), nullable=True),
        sa.Column("saves", sa.BigInteger(), nullable=True),
        sa.Column("interactions", sa.BigInteger(), nullable=True),
        sa.Column("watch_time_s", sa.BigInteger(), nullable=True),
        sa.Column("avg_watch_time_ms", sa.BigInteger(), nullable=True),
        sa.Column("link_clicks", sa.BigInteger(), nullable=True),
        sa.Column("views_at", UtcDateTime(), nullable=True),
        sa.Column("impressions_at", UtcDateTime(), nullable=True),
        sa.Column("reach_at", UtcDateTime(), nullable=True),
        sa.Column("likes_at", UtcDateTime(), nullable=True),
        sa.Column("comments_at", UtcDateTime(), nullable=True),
        sa.Column("shares_at", UtcDateTime(), nullable=True),
        sa.Column("saves_at", UtcDateTime(), nullable=True),
        sa.Column("interactions_at", UtcDateTime(), nullable=True),
        sa.Column("watch_time_s_at", UtcDateTime(), nullable=True),
        sa.Column("avg_watch_time_ms_at", UtcDateTime(), nullable=True),
        sa.Column("link_clicks_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_post_totals")),
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
    )
    op.create_index(op.f("ix_posts_partnership_id"), "posts", ["partnership_id"], unique=False)
    op.create_index("ix_posts_tenant_id_campaign_id", "posts", ["tenant_id", "campaign_id"], unique=False)
    op.create_table(
        "promo_codes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promo_codes")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_promo_codes_tenant_code"),
    )
    op.create_table(
        "replayed_clicks",
        sa.Column("click_id", sa.String(length=100), nullable=False),
        sa.Column("counted_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("click_id", name=op.f("pk_replayed_clicks")),
    )
    op.create_index(op.f("ix_replayed_clicks_counted_at"), "replayed_clicks", ["counted_at"], unique=False)
    op.create_table(
        "tracking_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=True),
        sa.Column("destination_url", sa.String(length=2000), nullable=False),
        sa.Column("target_url", sa.String(length=4000), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_links")),
        sa.UniqueConstraint("code", name=op.f("uq_tracking_links_code")),
    )
    op.create_index(
        "ix_tracking_links_tenant_id_campaign_id", "tracking_links", ["tenant_id", "campaign_id"], unique=False
    )
    op.create_index(op.f("ix_tracking_links_updated_at"), "tracking_links", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_tracking_links_updated_at"), table_name="tracking_links")
    op.drop_index("ix_tracking_links_tenant_id_campaign_id", table_name="tracking_links")
    op.drop_table("tracking_links")
    op.drop_index(op.f("ix_replayed_clicks_counted_at"), table_name="replayed_clicks")
    op.drop_table("replayed_clicks")
    op.drop_table("promo_codes")
    op.drop_index("ix_posts_tenant_id_campaign_id", table_name="posts")
    op.drop_index(op.f("ix_posts_partnership_id"), table_name="posts")
    op.drop_table("posts")
    op.drop_table("post_totals")
    op.drop_table("post_snapshots")
    op.drop_index(op.f("ix_payments_partnership_id"), table_name="payments")
    op.drop_table("payments")
    op.drop_index("ix_partnerships_tenant_id_influencer_id", table_name="partnerships")
    op.drop_index("ix_partnerships_tenant_id_campaign_id", table_name="partnerships")
    op.drop_table("partnerships")
    op.drop_table("link_clicks")
    op.drop_table("kpi_reached")
    op.drop_table("exchange_rates")
    op.drop_table("emv_values")
    op.drop_index("ix_conversions_tenant_id_received_at", table_name="conversions")
    op.drop_index("ix_conversions_tenant_id_campaign_id", table_name="conversions")
    op.drop_table("conversions")
    op.drop_table("conversion_adjustments")
    op.drop_table("click_visitors")
    op.drop_table("click_spool")
    op.drop_table("click_buckets")
    op.drop_table("changed_partnerships")
    op.drop_table("campaign_targets")
    op.drop_table("campaign_settings")
    op.drop_index("ix_amplifications_tenant_id_campaign_id", table_name="amplifications")
    op.drop_table("amplifications")
    op.drop_table("aggregator_offsets")

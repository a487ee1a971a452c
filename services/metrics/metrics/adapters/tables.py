"""Metrics' tables. Money is integer minor units beside an ISO 4217 code; times are UTC."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

from metrics.domain.insights import METRICS
from servicekit.campaign_directory import campaign_directory
from servicekit.db import UtcDateTime, new_metadata
from servicekit.messaging_tables import OutboxId, messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)

# What metrics knows of a campaign, learned from partnerships' events.
campaigns = campaign_directory(metadata)

# The KPI targets set on a campaign (campaign.created and .updated); the newest told wins.
campaign_targets = Table(
    "campaign_targets",
    metadata,
    Column("campaign_id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("kpis", Text, nullable=False),  # JSON: {kpi: target}
    Column("told_at", UtcDateTime(), nullable=False),
)

# What the brand set in metrics for a campaign.
campaign_settings = Table(
    "campaign_settings",
    metadata,
    Column("campaign_id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("attribution_window_days", Integer, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# An org's earned-media values per action (per mille, minor units of `currency`).
emv_values = Table(
    "emv_values",
    metadata,
    Column("tenant_id", Uuid, primary_key=True),
    Column("currency", String(3), nullable=False),
    Column("per_mille_minor", Text, nullable=False),  # JSON: {action: value}
    Column("updated_at", UtcDateTime(), nullable=False),
)

exchange_rates = Table(
    "exchange_rates",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("base", String(3), nullable=False),
    Column("quote", String(3), nullable=False),
    Column("rate", Numeric(30, 12), nullable=False),
    Column("valid_on", Date, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("tenant_id", "base", "quote", "valid_on", name="uq_exchange_rates_pair_day"),
)

# Partnerships as their events tell them: whose, which campaign and influencer, the contract's fee.
partnerships = Table(
    "partnerships",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("influencer_id", Uuid, nullable=False),
    Column("state", String(16), nullable=False),
    Column("state_at", UtcDateTime(), nullable=False),
    Column("fee_kind", String(16), nullable=True),
    Column("fee_minor", BigInteger, nullable=True),
    Column("fee_currency", String(3), nullable=True),
    Column("commission_rate_bps", Integer, nullable=True),
    Column("signed_at", UtcDateTime(), nullable=True),
    Column("commission_minor", BigInteger, nullable=False),
    Column("commission_at", UtcDateTime(), nullable=True),
    Index("ix_partnerships_tenant_id_campaign_id", "tenant_id", "campaign_id"),
    Index("ix_partnerships_tenant_id_influencer_id", "tenant_id", "influencer_id"),
)

payments = Table(
    "payments",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, nullable=False, index=True),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("paid_at", UtcDateTime(), nullable=False),
)

posts = Table(
    "posts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, nullable=False, index=True),
    Column("influencer_id", Uuid, nullable=False),
    Column("deliverable_id", Uuid, nullable=False),
    Column("platform", String(32), nullable=False),
    Column("url", String(2000), nullable=False),
    Column("external_id", String(200), nullable=True),
    Column("published_at", UtcDateTime(), nullable=False),
    Index("ix_posts_tenant_id_campaign_id", "tenant_id", "campaign_id"),
)

amplifications = Table(
    "amplifications",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, nullable=False),
    Column("deliverable_id", Uuid, nullable=False),
    Column("post_id", Uuid, nullable=True),
    Column("kind", String(16), nullable=False),
    Column("spend_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("told_at", UtcDateTime(), nullable=False),
    Index("ix_amplifications_tenant_id_campaign_id", "tenant_id", "campaign_id"),
)

tracking_links = Table(
    "tracking_links",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("code", String(64), nullable=False, unique=True),
    Column("campaign_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, nullable=False),
    Column("influencer_id", Uuid, nullable=False),
    Column("deliverable_id", Uuid, nullable=True),
    Column("destination_url", String(2000), nullable=False),
    Column("target_url", String(4000), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False, index=True),
    Index("ix_tracking_links_tenant_id_campaign_id", "tenant_id", "campaign_id"),
)

promo_codes = Table(
    "promo_codes",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("code", String(64), nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, nullable=False),
    Column("influencer_id", Uuid, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("tenant_id", "code", name="uq_promo_codes_tenant_code"),
)

conversions = Table(
    "conversions",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("order_id", String(200), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("click_id", String(100), nullable=True),
    Column("promo_code", String(64), nullable=True),
    Column("method", String(16), nullable=False),
    Column("reason", String(300), nullable=True),
    Column("campaign_id", Uuid, nullable=True),
    Column("partnership_id", Uuid, nullable=True),
    Column("influencer_id", Uuid, nullable=True),
    Column("link_id", Uuid, nullable=True),
    Column("deliverable_id", Uuid, nullable=True),
    Column("net_minor", BigInteger, nullable=False),
    Column("cancelled", Boolean, nullable=False),
    UniqueConstraint("tenant_id", "order_id", name="uq_conversions_tenant_order"),
    Index("ix_conversions_tenant_id_campaign_id", "tenant_id", "campaign_id"),
    Index("ix_conversions_tenant_id_received_at", "tenant_id", "received_at"),
)

conversion_adjustments = Table(
    "conversion_adjustments",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("conversion_id", Uuid, nullable=False),
    Column("adjustment_id", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    UniqueConstraint("conversion_id", "adjustment_id", name="uq_conversion_adjustments_order_adjustment"),
)

# Aggregates of the click and insight topics, each batch committed with its partitions' offsets.
aggregator_offsets = Table(
    "aggregator_offsets",
    metadata,
    Column("topic", String(255), primary_key=True),
    Column("partition", Integer, primary_key=True),
    Column("next_offset", BigInteger, nullable=False),
)

link_clicks = Table(
    "link_clicks",
    metadata,
    Column("link_id", Uuid, primary_key=True),
    Column("counted", BigInteger, nullable=False),
    Column("bots", BigInteger, nullable=False),
    Column("repeats", BigInteger, nullable=False),
)

click_buckets = Table(
    "click_buckets",
    metadata,
    Column("link_id", Uuid, primary_key=True),
    Column("bucket_start", UtcDateTime(), primary_key=True),
    Column("counted", BigInteger, nullable=False),
    Column("bots", BigInteger, nullable=False),
    Column("repeats", BigInteger, nullable=False),
)

# Each batch's visitors (link -> client hash -> last counted click, epoch ms; orjson), per partition
# of the click topic: one row per batch, not one per visitor. An aggregator reads a partition's
# rows before its first batch of it; rows past the repeat window are swept.
click_visitor_batches = Table(
    "click_visitor_batches",
    metadata,
    Column("topic", String(255), primary_key=True),
    Column("partition", Integer, primary_key=True),
    Column("next_offset", BigInteger, primary_key=True),
    Column("newest_at", UtcDateTime(), nullable=False),
    Column("visitors", LargeBinary, nullable=False),
)

# Clicks taken while the broker was away, until they are replayed to the click topic.
click_spool = Table(
    "click_spool",
    metadata,
    Column("id", OutboxId, primary_key=True, autoincrement=True),
    Column("key", LargeBinary, nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("spooled_at", UtcDateTime(), nullable=False),
)

# Replayed clicks already counted (a replay cut short may send a click twice).
replayed_clicks = Table(
    "replayed_clicks",
    metadata,
    Column("click_id", String(100), primary_key=True),
    Column("counted_at", UtcDateTime(), nullable=False, index=True),
)

post_snapshots = Table(
    "post_snapshots",
    metadata,
    Column("post_id", Uuid, primary_key=True),
    Column("observed_at", UtcDateTime(), primary_key=True),
    Column("metrics", Text, nullable=False),  # JSON: {metric: value}, our names
    Column("received_at", UtcDateTime(), nullable=False),
)

# Each metric's latest value (and when it was observed) per post.
post_totals = Table(
    "post_totals",
    metadata,
    Column("post_id", Uuid, primary_key=True),
    *(Column(metric, BigInteger, nullable=True) for metric in METRICS),
    *(Column(f"{metric}_at", UtcDateTime(), nullable=True) for metric in METRICS),
)

# Partnerships whose figures changed since metrics.performance.updated last told them.
changed_partnerships = Table(
    "changed_partnerships",
    metadata,
    Column("partnership_id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
)

kpi_reached = Table(
    "kpi_reached",
    metadata,
    Column("campaign_id", Uuid, primary_key=True),
    Column("kpi", String(32), primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("reached_at", UtcDateTime(), nullable=False),
)

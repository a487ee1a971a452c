from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)

from servicekit.db import UtcDateTime, new_metadata
from servicekit.messaging_tables import OutboxId, messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)

# Partnerships in these states are closed; at most one partnership per campaign and influencer is not.
CLOSED_STATES_SQL = "state NOT IN ('completed', 'declined', 'withdrawn', 'cancelled')"

campaigns = Table(
    "campaigns",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("name", String(200), nullable=False),
    Column("objective", String(32), nullable=False),
    Column("state", String(32), nullable=False),
    Column("budget_amount_minor", BigInteger, nullable=True),
    Column("budget_currency", String(3), nullable=True),
    Column("starts_on", Date, nullable=True),
    Column("ends_on", Date, nullable=True),
    Column("target_audience", JSON, nullable=False),
    Column("kpis", JSON, nullable=False),
    Column("reserved_minor", BigInteger, nullable=False, server_default="0"),
    Column("committed_minor", BigInteger, nullable=False, server_default="0"),
    Column("paid_minor", BigInteger, nullable=False, server_default="0"),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_campaigns_tenant_created", "tenant_id", "created_at", "id"),
)

partnerships = Table(
    "partnerships",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("campaign_id", Uuid, ForeignKey("campaigns.id"), nullable=False),
    Column("influencer_id", Uuid, nullable=False),
    Column("influencer_platform", String(64), nullable=True),
    Column("influencer_handle", String(200), nullable=True),
    Column("influencer_name", String(200), nullable=True),
    Column("state", String(32), nullable=False),
    Column("origin", String(32), nullable=False),
    Column("terms_version", Integer, nullable=False),
    Column("reserved_minor", BigInteger, nullable=False),
    Column("committed_minor", BigInteger, nullable=False),
    Column("paid_minor", BigInteger, nullable=False),
    Column("contacted_at", UtcDateTime(), nullable=True),
    Column("signed_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_partnerships_tenant_created", "tenant_id", "created_at", "id"),
    Index("ix_partnerships_campaign_created", "campaign_id", "created_at", "id"),
    Index("ix_partnerships_influencer_created", "influencer_id", "created_at", "id"),
    Index(
        "uq_partnerships_open_per_influencer",
        "campaign_id",
        "influencer_id",
        unique=True,
        postgresql_where=text(CLOSED_STATES_SQL),
        sqlite_where=text(CLOSED_STATES_SQL),
    ),
)

partnership_terms = Table(
    "partnership_terms",
    metadata,
    Column("partnership_id", Uuid, ForeignKey("partnerships.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("document", JSON, nullable=False),
    Column("terms_hash", String(80), nullable=False),
    Column("author", String(16), nullable=False),
    Column("author_user_id", Uuid, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("partnership_id", "version"),
)

partnership_signatures = Table(
    "partnership_signatures",
    metadata,
    Column("partnership_id", Uuid, ForeignKey("partnerships.id"), nullable=False),
    Column("terms_version", Integer, nullable=False),
    Column("party", String(16), nullable=False),
    Column("user_id", Uuid, nullable=True),
    Column("terms_hash", String(80), nullable=False),
    Column("signed_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("partnership_id", "terms_version", "party"),
)

partnership_history = Table(
    "partnership_history",
    metadata,
    Column("id", OutboxId, primary_key=True, autoincrement=True),
    Column("partnership_id", Uuid, ForeignKey("partnerships.id"), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("action", String(32), nullable=False),
    Column("party", String(16), nullable=False),
    Column("user_id", Uuid, nullable=True),
    Column("from_state", String(32), nullable=True),
    Column("to_state", String(32), nullable=False),
    Column("terms_version", Integer, nullable=False),
    Column("note", Text, nullable=True),
    Index("ix_partnership_history_partnership", "partnership_id", "id"),
)

deliverable_progress = Table(
    "deliverable_progress",
    metadata,
    Column("partnership_id", Uuid, ForeignKey("partnerships.id"), nullable=False),
    Column("deliverable_id", Uuid, nullable=False),
    Column("approved_at", UtcDateTime(), nullable=True),
    Column("published_at", UtcDateTime(), nullable=True),
    PrimaryKeyConstraint("partnership_id", "deliverable_id"),
)

payouts = Table(
    "payouts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, ForeignKey("partnerships.id"), nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("influencer_id", Uuid, nullable=False),
    Column("milestone", String(32), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("trigger_event_id", Uuid, nullable=True),
    Column("paid_at", UtcDateTime(), nullable=False),
    UniqueConstraint("partnership_id", "milestone", name="uq_payouts_partnership_milestone"),
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", OutboxId, primary_key=True, autoincrement=True),
    Column("transaction_id", Uuid, nullable=False),
    Column("tenant_id", Uuid, nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, nullable=True),
    Column("kind", String(16), nullable=False),
    Column("account", String(16), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_ledger_entries_campaign_account", "campaign_id", "currency", "account"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, ForeignKey("partnerships.id"), nullable=False),
    Column("author", String(16), nullable=False),
    Column("author_user_id", Uuid, nullable=True),
    Column("body", Text, nullable=False),
    Column("template_id", Uuid, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_messages_partnership_created", "partnership_id", "created_at", "id"),
)

message_templates = Table(
    "message_templates",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("name", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("tenant_id", "name", name="uq_message_templates_tenant_name"),
    Index("ix_message_templates_tenant_created", "tenant_id", "created_at", "id"),
)

# Discovery's influencers as its events told them: who each is and who may see the profile.
influencer_profiles = Table(
    "influencer_profiles",
    metadata,
    Column("influencer_id", Uuid, primary_key=True),
    # The org whose private profile this is; null: the shared catalogue.
    Column("org_id", Uuid, nullable=True),
    Column("platform", String(64), nullable=False),
    Column("handle", String(200), nullable=False),
    Column("display_name", String(200), nullable=True),
    # Discovery's updated_at: an event about an older version changes nothing.
    Column("version", UtcDateTime(), nullable=False),
)

# Each attributed sales entry a commission contract took (metrics.conversion.attributed), once.
commission_entries = Table(
    "commission_entries",
    metadata,
    Column("entry_id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, ForeignKey("partnerships.id"), nullable=False, index=True),
    Column("net_change_minor", BigInteger, nullable=False),
    Column("commission_change_minor", BigInteger, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

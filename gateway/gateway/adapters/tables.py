from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from servicekit.db import UtcDateTime, new_metadata
from servicekit.messaging_tables import OutboxId, messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)

orgs = Table(
    "orgs",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("email", String(320), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("display_name", String(200), nullable=True),
    Column("is_platform_admin", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

memberships = Table(
    "memberships",
    metadata,
    Column("org_id", Uuid, ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    # Replaced at each role change: tokens name it, so that revoking it ends the old role's tokens.
    Column("grant_id", Uuid, nullable=False),
    Index("ix_memberships_user_id", "user_id"),
)

creator_profiles = Table(
    "creator_profiles",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("influencer_id", Uuid, nullable=False, unique=True),
    Column("claimed_at", UtcDateTime(), nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("org_id", Uuid, ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("prefix", String(32), nullable=False, unique=True),
    Column("secret_hash", String(64), nullable=False),
    Column("scopes", JSON, nullable=False),
    Column("created_by", Uuid, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=True),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Index("ix_api_keys_org_id", "org_id", "created_at"),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("family_id", Uuid, nullable=False),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("org_id", Uuid, ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Index("ix_refresh_tokens_family_id", "family_id"),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("principal", String(100), nullable=False),
    Column("key", String(255), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("status_code", Integer, nullable=True),
    Column("response_headers", JSON, nullable=True),
    Column("response_body", LargeBinary, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    UniqueConstraint("principal", "key", name="uq_idempotency_keys_principal_key"),
    Index("ix_idempotency_keys_expires_at", "expires_at"),
)

webhook_subscriptions = Table(
    "webhook_subscriptions",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("org_id", Uuid, ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    Column("url", String(2000), nullable=False),
    Column("event_types", JSON, nullable=False),
    Column("secret", String(100), nullable=False),
    Column("description", String(500), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("deleted_at", UtcDateTime(), nullable=True),
    Column("created_by", Uuid, nullable=True),
    Column("created_by_kind", String(10), nullable=True),
    Column("disabled_at", UtcDateTime(), nullable=True),
    Column("disabled_reason", String(200), nullable=True),
    Index("ix_webhook_subscriptions_org_id", "org_id"),
    Index("ix_webhook_subscriptions_created_by", "org_id", "created_by"),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("subscription_id", Uuid, ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), nullable=False),
    Column("org_id", Uuid, nullable=False),
    Column("event_id", Uuid, nullable=False),
    Column("event_type", String(255), nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UtcDateTime(), nullable=True),
    Column("last_attempt_at", UtcDateTime(), nullable=True),
    Column("last_status_code", Integer, nullable=True),
    Column("last_error", String(1000), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("delivered_at", UtcDateTime(), nullable=True),
    UniqueConstraint("subscription_id", "event_id", name="uq_webhook_deliveries_subscription_event"),
    Index("ix_webhook_deliveries_due", "state", "next_attempt_at"),
    Index("ix_webhook_deliveries_subscription", "subscription_id", "created_at"),
)

# Tokens each gateway replica took, per caller and route class, a row per sync round: the other
# replicas read them within seconds (adapters/rate_limit_sharing), then the rows are deleted.
rate_limit_usage = Table(
    "rate_limit_usage",
    metadata,
    Column("id", OutboxId, primary_key=True, autoincrement=True),
    Column("replica", String(64), nullable=False),
    Column("identity", String(200), nullable=False),
    Column("route_class", String(32), nullable=False),
    Column("used", Integer, nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_rate_limit_usage_at", "at"),
)

# An org's owner asks someone to join; the person accepts (signed in as the email, or by the
# token the owner passes on plus a confirmation mailed to the email). Tokens are stored hashed.
invitations = Table(
    "invitations",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("org_id", Uuid, ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    Column("email", String(320), nullable=False),
    Column("role", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("invited_by", Uuid, nullable=True),
    Column("state", String(16), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("decided_at", UtcDateTime(), nullable=True),
    Index("ix_invitations_email", "email", "state"),
    Index("ix_invitations_org_id", "org_id", "state"),
)

# A sign-up (or a join by invitation token) waiting for the link mailed to its email.
signups = Table(
    "signups",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("purpose", String(16), nullable=False),
    Column("email", String(320), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("display_name", String(200), nullable=True),
    Column("org_id", Uuid, nullable=True),  # chosen up front for a new org
    Column("org_name", String(200), nullable=True),
    Column("org_kind", String(16), nullable=True),
    Column("influencer_id", Uuid, nullable=True),
    Column("invitation_id", Uuid, ForeignKey("invitations.id", ondelete="CASCADE"), nullable=True),
    # A SHA-256 of the requesting client's address, kept while the sign-up waits: mail limits count
    # per client.
    Column("requested_by", String(64), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Index("ix_signups_expires_at", "expires_at"),
    Index("ix_signups_email", "email", "created_at"),
)

# Access taken away (adapters/revocations): every replica reads new rows within seconds and
# refuses the tokens they name until `expires_at`, when those tokens have expired anyway.
revocations = Table(
    "revocations",
    metadata,
    Column("id", OutboxId, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("subject", Uuid, nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Index("ix_revocations_at", "at"),
    Index("ix_revocations_expires_at", "expires_at"),
)

report_shares = Table(
    "report_shares",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("org_id", Uuid, ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_by", Uuid, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Index("ix_report_shares_campaign", "org_id", "campaign_id", "created_at"),
)

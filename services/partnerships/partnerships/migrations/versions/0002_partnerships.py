"""partnerships, terms versions, signatures, history, ledger, payouts, messages, templates

Revision ID: 0002
Revises: 0001
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime
from servicekit.messaging_tables import OutboxId

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OPEN_ONLY = "state NOT IN ('completed', 'declined', 'withdrawn', 'cancelled')"


def upgrade() -> None:
    for column in ("reserved_minor", "committed_minor", "paid_minor"):
        op.add_column("campaigns", sa.Column(column, sa.BigInteger(), nullable=False, server_default="0"))

    op.create_table(
        "partnerships",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_platform", sa.String(64), nullable=True),
        sa.Column("influencer_handle", sa.String(200), nullable=True),
        sa.Column("influencer_name", sa.String(200), nullable=True),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("terms_version", sa.Integer(), nullable=False),
        sa.Column("reserved_minor", sa.BigInteger(), nullable=False),
        sa.Column("committed_minor", sa.BigInteger(), nullable=False),
        sa.Column("paid_minor", sa.BigInteger(), nullable=False),
        sa.Column("contacted_at", UtcDateTime(), nullable=True),
        sa.Column("signed_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_partnerships_tenant_created", "partnerships", ["tenant_id", "created_at", "id"])
    op.create_index("ix_partnerships_campaign_created", "partnerships", ["campaign_id", "created_at", "id"])
    op.create_index("ix_partnerships_influencer_created", "partnerships", ["influencer_id", "created_at", "id"])
    op.create_index(
        "uq_partnerships_open_per_influencer",
        "partnerships",
        ["campaign_id", "influencer_id"],
        unique=True,
        postgresql_where=sa.text(OPEN_ONLY),
        sqlite_where=sa.text(OPEN_ONLY),
    )

    op.create_table(
        "partnership_terms",
        sa.Column("partnership_id", sa.Uuid(), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("terms_hash", sa.String(80), nullable=False),
        sa.Column("author", sa.String(16), nullable=False),
        sa.Column("author_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("partnership_id", "version", name="pk_partnership_terms"),
    )
    op.create_table(
        "partnership_signatures",
        sa.Column("partnership_id", sa.Uuid(), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("terms_version", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(16), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("terms_hash", sa.String(80), nullable=False),
        sa.Column("signed_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("partnership_id", "terms_version", "party", name="pk_partnership_signatures"),
    )
    op.create_table(
        "partnership_history",
        sa.Column("id", OutboxId, primary_key=True, autoincrement=True),
        sa.Column("partnership_id", sa.Uuid(), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("party", sa.String(16), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("from_state", sa.String(32), nullable=True),
        sa.Column("to_state", sa.String(32), nullable=False),
        sa.Column("terms_version", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
    )
    op.create_index("ix_partnership_history_partnership", "partnership_history", ["partnership_id", "id"])
    op.create_table(
        "deliverable_progress",
        sa.Column("partnership_id", sa.Uuid(), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("deliverable_id", sa.Uuid(), nullable=False),
        sa.Column("approved_at", UtcDateTime(), nullable=True),
        sa.Column("published_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("partnership_id", "deliverable_id", name="pk_deliverable_progress"),
    )
    op.create_table(
        "payouts",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("influencer_id", sa.Uuid(), nullable=False),
        sa.Column("milestone", sa.String(32), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("trigger_event_id", sa.Uuid(), nullable=True),
        sa.Column("paid_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("partnership_id", "milestone", name="uq_payouts_partnership_milestone"),
    )
    op.create_table(
        "ledger_entries",
        sa.Column("id", OutboxId, primary_key=True, autoincrement=True),
        sa.Column("transaction_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("account", sa.String(16), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_ledger_entries_campaign_account", "ledger_entries", ["campaign_id", "currency", "account"])
    op.create_table(
        "messages",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("author", sa.String(16), nullable=False),
        sa.Column("author_user_id", sa.Uuid(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_messages_partnership_created", "messages", ["partnership_id", "created_at", "id"])
    op.create_table(
        "message_templates",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("tenant_id", "name", name="uq_message_templates_tenant_name"),
    )
    op.create_index("ix_message_templates_tenant_created", "message_templates", ["tenant_id", "created_at", "id"])
    _fund_existing_budgets()


def _fund_existing_budgets() -> None:
    """Campaigns made before the ledger existed: their budgets become its opening postings."""
    bind = op.get_bind()
    campaigns = sa.table(
        "campaigns",
        sa.column("id", sa.Uuid()),
        sa.column("tenant_id", sa.Uuid()),
        sa.column("budget_amount_minor", sa.BigInteger()),
        sa.column("budget_currency", sa.String()),
    )
    ledger = sa.table(
        "ledger_entries",
        sa.column("transaction_id", sa.Uuid()),
        sa.column("tenant_id", sa.Uuid()),
        sa.column("campaign_id", sa.Uuid()),
        sa.column("partnership_id", sa.Uuid()),
        sa.column("kind", sa.String()),
        sa.column("account", sa.String()),
        sa.column("amount_minor", sa.BigInteger()),
        sa.column("currency", sa.String()),
        sa.column("created_at", UtcDateTime()),
    )
    funded = bind.execute(
        sa.select(campaigns).where(campaigns.c.budget_amount_minor.is_not(None), campaigns.c.budget_amount_minor > 0)
    ).all()
    now = datetime.now(UTC)
    rows = []
    for campaign in funded:
        transaction_id = uuid.uuid4()
        for account, amount in (
            ("funding", -campaign.budget_amount_minor),
            ("available", campaign.budget_amount_minor),
        ):
            rows.append(
                {
                    "transaction_id": transaction_id,
                    "tenant_id": campaign.tenant_id,
                    "campaign_id": campaign.id,
                    "partnership_id": None,
                    "kind": "fund",
                    "account": account,
                    "amount_minor": amount,
                    "currency": campaign.budget_currency,
                    "created_at": now,
                }
            )
    if rows:
        bind.execute(sa.insert(ledger), rows)


def downgrade() -> None:
    for table in (
        "message_templates",
        "messages",
        "ledger_entries",
        "payouts",
        "deliverable_progress",
        "partnership_history",
        "partnership_signatures",
        "partnership_terms",
        "partnerships",
    ):
        op.drop_table(table)
    with op.batch_alter_table("campaigns") as batch:
        for column in ("paid_minor", "committed_minor", "reserved_minor"):
            batch.drop_column(column)

from sqlalchemy import JSON, BigInteger, Column, Date, Index, String, Table, Uuid

from servicekit.db import UtcDateTime, new_metadata
from servicekit.messaging_tables import messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)

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
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_campaigns_tenant_created", "tenant_id", "created_at", "id"),
)

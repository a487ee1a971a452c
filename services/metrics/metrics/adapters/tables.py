from sqlalchemy import BigInteger, Column, String, Table, Uuid

from servicekit.db import UtcDateTime, new_metadata
from servicekit.messaging_tables import messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)

# What metrics knows of a campaign, learned from partnerships' events.
campaigns = Table(
    "campaigns",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("name", String(200), nullable=False),
    Column("objective", String(32), nullable=False),
    Column("state", String(32), nullable=False),
    Column("currency", String(3), nullable=True),
    Column("budget_minor", BigInteger, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

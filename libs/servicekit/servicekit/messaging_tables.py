"""The outbox, inbox and idempotent-request tables every service keeps beside its own."""

from dataclasses import dataclass

from alembic import op
from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    Uuid,
    text,
)

from servicekit.db import UtcDateTime
from servicekit.idempotency import idempotency_table

# SQLite only autoincrements an INTEGER PRIMARY KEY.
OutboxId = BigInteger().with_variant(Integer(), "sqlite")


@dataclass(frozen=True)
class MessagingTables:
    outbox: Table
    inbox: Table
    idempotent_requests: Table


def messaging_tables(metadata: MetaData) -> MessagingTables:
    outbox = Table(
        "outbox",
        metadata,
        Column("id", OutboxId, primary_key=True, autoincrement=True),
        Column("event_id", Uuid, nullable=False, unique=True),
        Column("topic", String(255), nullable=False),
        Column("key", String(255), nullable=True),
        Column("event_type", String(255), nullable=False),
        Column("payload", LargeBinary, nullable=False),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("published_at", UtcDateTime(), nullable=True),
        Index(
            "ix_outbox_unpublished",
            "id",
            postgresql_where=text("published_at IS NULL"),
            sqlite_where=text("published_at IS NULL"),
        ),
        Index("ix_outbox_published_at", "published_at"),
    )
    inbox = Table(
        "inbox",
        metadata,
        Column("event_id", Uuid, primary_key=True),
        Column("event_type", String(255), nullable=False),
        Column("handled_at", UtcDateTime(), nullable=False),
    )
    return MessagingTables(outbox=outbox, inbox=inbox, idempotent_requests=idempotency_table(metadata))


def create_messaging_tables() -> None:
    """For a service's first migration; the DDL is frozen here as migrations must be."""
    op.create_table(
        "outbox",
        Column("id", OutboxId, primary_key=True, autoincrement=True),
        Column("event_id", Uuid, nullable=False),
        Column("topic", String(255), nullable=False),
        Column("key", String(255), nullable=True),
        Column("event_type", String(255), nullable=False),
        Column("payload", LargeBinary, nullable=False),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("published_at", UtcDateTime(), nullable=True),
        UniqueConstraint("event_id", name="uq_outbox_event_id"),
    )
    op.create_index(
        "ix_outbox_unpublished",
        "outbox",
        ["id"],
        postgresql_where=text("published_at IS NULL"),
        sqlite_where=text("published_at IS NULL"),
    )
    op.create_index("ix_outbox_published_at", "outbox", ["published_at"])
    op.create_table(
        "inbox",
        Column("event_id", Uuid, primary_key=True),
        Column("event_type", String(255), nullable=False),
        Column("handled_at", UtcDateTime(), nullable=False),
    )


def drop_messaging_tables() -> None:
    op.drop_table("inbox")
    op.drop_table("outbox")

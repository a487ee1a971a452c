"""Metrics' migrations: campaigns known before the campaign directory keep their data, and the
schema the migrations build is the one the code's tables describe."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from aiokafka import TopicPartition

from contracts import CampaignState, Money, Objective
from devstack.databases import DatabaseFactory
from metrics.adapters.aggregation import load_visitors
from metrics.adapters.tables import campaigns, metadata
from servicekit.campaign_directory import CampaignDirectory
from servicekit.db import Database, UtcDateTime
from servicekit.testing import migrate, schema_drift

SCRIPTS = "metrics:migrations"


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("metrics_migrations"))
    try:
        yield database
    finally:
        await database.dispose()


async def test_campaigns_known_before_keep_their_data(database: Database) -> None:
    await migrate(database, SCRIPTS, "0001")
    org, campaign_id = uuid.uuid4(), uuid.uuid4()
    created, launched = datetime(2026, 3, 1, 9, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC)
    # The table as revision 0001 made it.
    before = sa.table(
        "campaigns",
        *(sa.column(name, sa.String()) for name in ("name", "objective", "state", "currency")),
        sa.column("id", sa.Uuid()),
        sa.column("tenant_id", sa.Uuid()),
        sa.column("budget_minor", sa.BigInteger()),
        sa.column("created_at", UtcDateTime()),
        sa.column("updated_at", UtcDateTime()),
    )
    async with database.session() as session:
        await session.execute(
            sa.insert(before).values(
                id=campaign_id,
                tenant_id=org,
                name="Spring",
                objective="engagement",
                state="active",
                currency="EUR",
                budget_minor=500_000,
                created_at=created,
                updated_at=launched,
            )
        )

    await migrate(database, SCRIPTS, "head")

    async with database.session(read_only=True) as session:
        known = await CampaignDirectory(session, org, campaigns).get(campaign_id)
    assert known is not None
    assert (known.name, known.objective, known.state) == ("Spring", Objective.ENGAGEMENT, CampaignState.ACTIVE)
    assert known.budget == Money(amount_minor=500_000, currency="EUR")
    assert (known.created_at, known.updated_at, known.details_at) == (created, launched, created)

    await migrate(database, SCRIPTS, "0001", down=True)
    async with database.session(read_only=True) as session:
        assert (await session.execute(sa.select(before.c.name, before.c.state))).all() == [("Spring", "active")]


async def test_visitors_counted_before_still_make_repeats(database: Database) -> None:
    """Revision 0005 keeps visitors per batch: those kept per visitor before are still read, so a
    click within the repeat window of one counted before the upgrade is still a repeat."""
    await migrate(database, SCRIPTS, "0004")
    link, client = uuid.uuid4(), bytes(range(16))
    counted_at = datetime.now(UTC).replace(microsecond=123_000) - timedelta(minutes=5)
    before = sa.table(
        "click_visitors",
        sa.column("link_id", sa.Uuid()),
        sa.column("client_hash", sa.LargeBinary()),
        sa.column("last_counted_at", UtcDateTime()),
    )
    async with database.session() as session:
        await session.execute(sa.insert(before).values(link_id=link, client_hash=client, last_counted_at=counted_at))

    await migrate(database, SCRIPTS, "head")

    async with database.session(read_only=True) as session:
        known = await load_visitors(session, [TopicPartition("metrics.clicks", 2)], datetime.now(UTC))
    assert known == {(str(link), client.hex()): int(counted_at.timestamp() * 1000)}


async def test_the_migrations_build_the_tables_the_code_describes(database: Database) -> None:
    await migrate(database, SCRIPTS, "head")

    assert await schema_drift(database, metadata) == []

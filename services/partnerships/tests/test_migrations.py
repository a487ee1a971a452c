"""Migration 0002 on a database that already has campaigns: their budgets open the ledger."""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy import Connection

from devstack.databases import DatabaseFactory
from partnerships.adapters.tables import messaging
from partnerships.adapters.unit_of_work import SqlUnitOfWork
from partnerships.application import campaigns
from partnerships.domain.budget import Account
from servicekit.db import Database, UtcDateTime
from servicekit.migrations import alembic_config, upgrade_to_head
from servicekit.outbox import Outbox

SCRIPTS = "partnerships:migrations"


async def _migrate(database: Database, action: str, revision: str) -> None:
    config = alembic_config(SCRIPTS, database.url)

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(run)


async def test_existing_budgets_become_opening_postings(databases: DatabaseFactory) -> None:
    database = Database(await databases.new("partnerships_migrations"))
    try:
        await _migrate(database, "upgrade", "0001")
        tenant, funded, unfunded = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        now = datetime.now(UTC)
        # The table as revision 0001 made it.
        campaigns_0001 = sa.table(
            "campaigns",
            sa.column("id", sa.Uuid()),
            sa.column("tenant_id", sa.Uuid()),
            *(sa.column(name, sa.String()) for name in ("name", "objective", "state", "budget_currency")),
            sa.column("budget_amount_minor", sa.BigInteger()),
            sa.column("target_audience", sa.JSON()),
            sa.column("kpis", sa.JSON()),
            sa.column("created_at", UtcDateTime()),
            sa.column("updated_at", UtcDateTime()),
        )
        async with database.session() as session:
            for campaign_id, amount in ((funded, 250_000), (unfunded, None)):
                await session.execute(
                    sa.insert(campaigns_0001).values(
                        id=campaign_id,
                        tenant_id=tenant,
                        name="before the ledger",
                        objective="awareness",
                        state="draft",
                        budget_amount_minor=amount,
                        budget_currency="EUR" if amount else None,
                        target_audience={},
                        kpis={},
                        created_at=now,
                        updated_at=now,
                    )
                )

        await upgrade_to_head(database, SCRIPTS)

        async with database.session() as session:
            uow = SqlUnitOfWork(session, Outbox(messaging.outbox, source="test", topic="t"), tenant)
            report = await campaigns.budget_report(uow, funded)
            empty = await campaigns.budget_report(uow, unfunded)
        assert report.reconciled
        assert report.ledger[Account.AVAILABLE] == 250_000
        assert report.view.remaining == 250_000
        assert empty.reconciled
        assert empty.view.currency is None

        await _migrate(database, "downgrade", "0001")
        await upgrade_to_head(database, SCRIPTS)
    finally:
        await database.dispose()

"""Migration 0005 turns discovery's campaigns into servicekit's campaign directory: the campaigns
it knew and the shortlists that name them are kept, and the table is the one the code describes."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from contracts import CampaignState
from devstack.databases import DatabaseFactory
from discovery.adapters.profile_rows import to_row
from discovery.adapters.tables import campaigns, influencers, metadata
from discovery.domain.facts import ProfileFacts
from discovery.domain.figures import derive, profile_from
from discovery.domain.profiles import Platform
from servicekit.campaign_directory import CampaignDirectory
from servicekit.campaigns import CampaignNews
from servicekit.db import Database, UtcDateTime
from servicekit.testing import migrate, schema_drift

pytestmark = pytest.mark.asyncio(loop_scope="session")

SCRIPTS = "discovery:migrations"
T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("discovery_campaigns_migration"))
    try:
        yield database
    finally:
        await database.dispose()


async def test_known_campaigns_and_their_shortlists_are_kept(database: Database) -> None:
    await migrate(database, SCRIPTS, "0004")
    org, campaign_id, influencer_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    # The tables as revision 0004 left them.
    before = sa.table(
        "campaigns",
        sa.column("id", sa.Uuid()),
        sa.column("tenant_id", sa.Uuid()),
        sa.column("name", sa.String()),
        sa.column("state", sa.String()),
        sa.column("updated_at", UtcDateTime()),
    )
    shortlist = sa.table(
        "shortlist_entries",
        *(sa.column(name, sa.Uuid()) for name in ("campaign_id", "influencer_id", "tenant_id")),
        sa.column("added_at", UtcDateTime()),
    )
    async with database.session() as session:
        facts = ProfileFacts(Platform.INSTAGRAM, "kept", 1_000)
        figures = derive(facts, history=[], performance_score=None, at=T0)
        await session.execute(
            sa.insert(influencers).values(to_row(profile_from(influencer_id, org, facts, figures, None, T0)))
        )
        await session.execute(
            sa.insert(before).values(id=campaign_id, tenant_id=org, name="Spring", state="active", updated_at=T0)
        )
        await session.execute(
            sa.insert(shortlist).values(
                campaign_id=campaign_id, influencer_id=influencer_id, tenant_id=org, added_at=T0
            )
        )

    await migrate(database, SCRIPTS, "head")

    async with database.session() as session:
        directory = CampaignDirectory(session, org, campaigns)
        known = await directory.get(campaign_id)
        assert known is not None
        assert (known.name, known.state, known.updated_at) == ("Spring", CampaignState.ACTIVE, T0)
        assert (known.objective, known.budget, known.created_at, known.details_at) == (None, None, None, None)
        # The next event of the campaign folds in as into any other.
        later = datetime(2026, 3, 2, tzinfo=UTC)
        await directory.record(CampaignNews(campaign_id, org, later, CampaignState.COMPLETED))
        assert (await session.scalar(sa.select(sa.func.count()).select_from(shortlist))) == 1
    async with database.session(read_only=True) as session:
        known = await CampaignDirectory(session, org, campaigns).get(campaign_id)
    assert known is not None
    assert (known.state, known.updated_at) == (CampaignState.COMPLETED, later)

    await migrate(database, SCRIPTS, "0004", down=True)
    async with database.session(read_only=True) as session:
        assert (await session.execute(sa.select(before.c.name, before.c.state))).all() == [("Spring", "completed")]


async def test_the_campaign_tables_are_the_ones_the_code_describes(database: Database) -> None:
    await migrate(database, SCRIPTS, "head")

    assert await schema_drift(database, metadata, tables={"campaigns", "shortlist_entries"}) == []

"""What a profile's posts give it is stored twice over: ranking's figures on the profile's row, the
page's detail (parts with reasons, when, the captions' text) beside it. Figures worked out again
unchanged leave the profile's row as it was (on PostgreSQL a row written again is a new version
in every index, dead until vacuumed); so does the detail beside it, whose time is then that of the
last change."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from devstack.databases import DatabaseFactory
from discovery.adapters.content_quality_repository import ContentQualityRepository
from discovery.adapters.profile_rows import to_row
from discovery.adapters.tables import influencer_post_details, influencers, messaging
from discovery.domain.content_quality import PostsDerived, assess_content
from discovery.domain.facts import ProfileFacts
from discovery.domain.figures import derive, profile_from
from discovery.domain.profiles import SHARED_CATALOGUE, Platform, Tier
from discovery.domain.text import posts_document
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head
from servicekit.outbox import Outbox

pytestmark = pytest.mark.asyncio(loop_scope="session")

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("discovery_posts_derived_store"))
    try:
        await upgrade_to_head(database, "discovery:migrations")
        yield database
    finally:
        await database.dispose()


def _derived(influencer_id: uuid.UUID, captions: list[str], at: datetime) -> PostsDerived:
    quality = assess_content([], followers=10_000, platform=Platform.INSTAGRAM, tier=Tier.MICRO, at=at)
    return PostsDerived(influencer_id, SHARED_CATALOGUE, quality, posts_document(captions, ["acme"]), at)


async def _store(database: Database, derived: PostsDerived) -> tuple[object, ...]:
    """Stores the figures; returns the profile row's version (PostgreSQL's xmin, else None), its
    post terms, the detail's time and the detail row's version."""
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    async with database.session() as session:
        repository = ContentQualityRepository(session, outbox)
        await repository.store([derived])
        await session.commit()
    async with database.session() as session:
        version = sa.literal_column("xmin::text") if database.engine.dialect.name == "postgresql" else sa.null()
        row = (
            await session.execute(
                sa.select(version, influencers.c.post_terms).where(influencers.c.id == derived.influencer_id)
            )
        ).one()
        detail_version = await session.scalar(
            sa.select(version).where(influencer_post_details.c.influencer_id == derived.influencer_id)
        )
        stored = await ContentQualityRepository(session, outbox).of_profile(derived.influencer_id)
    assert stored is not None
    return row[0], row[1], stored.assessed_at, detail_version


async def test_figures_worked_out_again_unchanged_leave_the_row_and_detail_as_they_were(database: Database) -> None:
    influencer_id = uuid.uuid4()
    facts = ProfileFacts(Platform.INSTAGRAM, "steady", 10_000)
    figures = derive(facts, history=[], performance_score=None, at=T0)
    async with database.session() as session:
        await session.execute(
            sa.insert(influencers).values(
                to_row(profile_from(influencer_id, SHARED_CATALOGUE, facts, figures, None, T0))
            )
        )

    first = await _store(database, _derived(influencer_id, ["trail run"], T0))
    again = await _store(database, _derived(influencer_id, ["trail run"], T0 + timedelta(days=1)))
    changed = await _store(database, _derived(influencer_id, ["yoga mat"], T0 + timedelta(days=2)))

    if database.engine.dialect.name == "postgresql":
        assert (again[0], again[3]) == (first[0], first[3])
        assert changed[0] != first[0]
        assert changed[3] != first[3]
    # The detail's time is that of the last change: the figures and reasons unchanged since.
    assert [(terms, at) for _, terms, at, _ in (first, again, changed)] == [
        ("acme trail run", T0),
        ("acme trail run", T0),
        ("acme yoga mat", T0 + timedelta(days=2)),
    ]

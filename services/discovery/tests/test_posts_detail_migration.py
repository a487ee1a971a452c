"""Migration 0010 moves what only a profile's page reads of its posts (content quality's parts and
reasons, when it was worked out, the recent captions' text) off the profiles' rows, which ranking
reads hundreds of per query, into a table of their own: stored figures are kept, and a downgrade
puts them back."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from devstack.databases import DatabaseFactory
from discovery.adapters.profile_rows import to_row
from discovery.adapters.tables import influencer_post_details, influencers
from discovery.domain.facts import ProfileFacts
from discovery.domain.figures import derive, profile_from
from discovery.domain.profiles import SHARED_CATALOGUE, Platform
from servicekit.db import Database, UtcDateTime
from servicekit.testing import migrate

pytestmark = pytest.mark.asyncio(loop_scope="session")

SCRIPTS = "discovery:migrations"
T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)
DETAIL = {"score": 81, "parts": [["cadence", 1.0, "2.1 posts a week"], ["regularity", None, "not assessed"]]}
DERIVED = ("content_quality", "content_quality_not_assessed", "content_quality_detail", "content_quality_at")
# The profiles' table as revision 0009 left it: the posts' derived columns on each row.
BEFORE = sa.table(
    "influencers",
    sa.column("id", sa.Uuid()),
    sa.column("content_quality", sa.Float()),
    sa.column("content_quality_not_assessed", sa.String()),
    sa.column("content_quality_detail", sa.JSON()),
    sa.column("content_quality_at", UtcDateTime()),
    sa.column("post_text", sa.Text()),
    sa.column("post_terms", sa.Text()),
)


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("discovery_posts_detail_migration"))
    try:
        yield database
    finally:
        await database.dispose()


async def _profiles(database: Database) -> tuple[uuid.UUID, uuid.UUID]:
    """Two profiles at 0009: one with figures from its posts, one without posts."""
    ids = uuid.uuid4(), uuid.uuid4()
    async with database.session() as session:
        for number, influencer_id in enumerate(ids):
            facts = ProfileFacts(Platform.INSTAGRAM, f"poster{number}", 10_000)
            figures = derive(facts, history=[], performance_score=None, at=T0)
            row = to_row(profile_from(influencer_id, SHARED_CATALOGUE, facts, figures, None, T0))
            await session.execute(sa.insert(influencers).values(row))
        await session.execute(
            sa.update(BEFORE)
            .where(BEFORE.c.id == ids[0])
            .values(
                content_quality=81.0,
                content_quality_not_assessed="regularity",
                content_quality_detail=DETAIL,
                content_quality_at=T0,
                post_text="acme trail run with @acme",
                post_terms="acme trail run",
            )
        )
    return ids


async def _derived(database: Database, influencer_id: uuid.UUID) -> tuple[object, ...]:
    async with database.session() as session:
        row = (
            await session.execute(
                sa.select(*(BEFORE.c[name] for name in DERIVED), BEFORE.c.post_text, BEFORE.c.post_terms).where(
                    BEFORE.c.id == influencer_id
                )
            )
        ).one()
    return tuple(row)


async def test_a_profiles_posts_detail_moves_to_its_own_table_and_back(database: Database) -> None:
    await migrate(database, SCRIPTS, "0009")
    with_posts, without = await _profiles(database)

    await migrate(database, SCRIPTS, "0010")

    d, i = influencer_post_details.c, influencers.c
    async with database.session() as session:
        moved = (await session.execute(sa.select(influencer_post_details))).all()
        kept = (
            await session.execute(
                sa.select(i.id, i.content_quality, i.content_quality_not_assessed, i.post_terms).order_by(i.handle)
            )
        ).all()
        stored = await session.run_sync(lambda s: sa.inspect(s.connection()).get_columns("influencers"))
    columns = {column["name"] for column in stored}
    assert [(r.influencer_id, r.content_quality_detail, r.content_quality_at, r.post_text) for r in moved] == [
        (with_posts, DETAIL, T0, "acme trail run with @acme")
    ]
    assert [tuple(r) for r in kept] == [(with_posts, 81.0, "regularity", "acme trail run"), (without, None, None, None)]
    # Ranking reads the profile's row: what only the profile page reads is no longer on it.
    assert not columns & {"content_quality_detail", "content_quality_at", "post_text"}
    assert d.influencer_id.primary_key

    await migrate(database, SCRIPTS, "0009", down=True)

    assert await _derived(database, with_posts) == (
        81.0, "regularity", DETAIL, T0, "acme trail run with @acme", "acme trail run"
    )  # fmt: skip
    assert await _derived(database, without) == (None,) * 6

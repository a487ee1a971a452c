"""The posts store on its real migrations: what an org reads of a profile's posts."""

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import orjson
import pytest
from sqlalchemy import insert

from discovery.adapters.post_repository import RECORD_COLUMNS, PostRepository, post_record, post_row
from discovery.adapters.tables import influencer_posts, metadata
from discovery.domain.posts import NOT_SPONSORED, Post, Sponsorship, SponsorSignal
from discovery.domain.profiles import SHARED_CATALOGUE, Platform
from servicekit.db import Database
from servicekit.testing import migrate, schema_drift

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)
ORG_A, ORG_B = uuid4(), uuid4()
PROFILE = uuid4()


def _post(catalogue: UUID, post_id: str, days: int, caption: str = "hello") -> Post:
    return Post(
        id=uuid4(),
        catalogue_id=catalogue,
        influencer_id=PROFILE,
        platform=Platform.INSTAGRAM,
        post_id=post_id,
        posted_at=T0 + timedelta(days=days),
        caption=caption,
        likes=10,
        sponsorship=Sponsorship(True, SponsorSignal.DISCLOSURE, "discloses with '#ad'", ("acme",)),
    )


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'posts.db'}")
    await migrate(database, "discovery:migrations", "head")
    yield database
    await database.dispose()


async def test_the_migration_makes_the_posts_table_as_the_code_declares_it(database: Database) -> None:
    assert await schema_drift(database, metadata, tables={"influencer_posts"}) == []


async def test_an_org_reads_shared_and_its_own_posts_newest_first_its_own_copy_winning(database: Database) -> None:
    posts = [
        _post(SHARED_CATALOGUE, "p1", 1),
        _post(SHARED_CATALOGUE, "p2", 3, caption="shared copy"),
        replace(_post(ORG_A, "p2", 3, caption="org a copy"), sponsorship=NOT_SPONSORED),
        _post(ORG_A, "p3", 5),
        _post(ORG_B, "p4", 7),
    ]
    async with database.session() as session:
        await session.execute(insert(influencer_posts), [post_row(p, "h") for p in posts])
        await session.commit()
    async with database.session() as session:
        seen_by_a = await PostRepository(session, ORG_A).of_profile(PROFILE)
        assert [(p.post_id, p.caption) for p in seen_by_a] == [("p3", "hello"), ("p2", "org a copy"), ("p1", "hello")]
        disclosed = Sponsorship(True, SponsorSignal.DISCLOSURE, "discloses with '#ad'", ("acme",))
        assert seen_by_a[0].sponsorship == disclosed
        recent = await PostRepository(session, ORG_A).of_profile(PROFILE, since=T0 + timedelta(days=3))
        assert [p.post_id for p in recent] == ["p3", "p2"]
        assert [p.post_id for p in await PostRepository(session, ORG_B).of_profile(PROFILE, limit=2)] == ["p4", "p2"]
        assert await PostRepository(session, ORG_B).of_profile(uuid4()) == []
        # The sponsored history reads every post the org sees, one copy each, its own winning.
        marks = sorted(await PostRepository(session, ORG_A).marks_of(PROFILE), key=lambda m: m.posted_at)
        days = [((m.posted_at - T0).days, m.sponsored, m.brands) for m in marks]
        assert days == [(1, True, ("acme",)), (3, False, ()), (5, True, ("acme",))]
        assert len(await PostRepository(session, ORG_B).marks_of(PROFILE)) == 3
        assert len(await PostRepository(session, SHARED_CATALOGUE).marks_of(PROFILE)) == 2


def test_a_copy_record_holds_every_column_as_the_row_does() -> None:
    """The COPY records an import writes are built apart from post_row: the same values, JSON as text."""
    post = _post(ORG_A, "p9", 2)
    row = post_row(post, "hash", UUID(int=7))
    assert sorted(RECORD_COLUMNS) == sorted(c.name for c in influencer_posts.columns)
    as_text = {name: orjson.dumps(row[name]).decode() for name in ("sponsor_tags", "mentions", "sponsor_brands")}
    assert dict(zip(RECORD_COLUMNS, post_record(post, "hash", UUID(int=7)), strict=True)) == {**row, **as_text}

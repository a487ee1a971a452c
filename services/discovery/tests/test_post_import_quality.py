"""A posts import works out its profiles' content quality from the posts it just wrote (held in
memory) where a profile had no others: the figures are those a read of the stored posts gives,
on a first import, on a re-import next to older posts, for quiet profiles (only posts older than
90 days: the latest 30 count) and on the child process's path (PostgreSQL)."""

import csv
import io
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from contracts import REGISTRY
from contracts.envelope import decode
from devstack.databases import DatabaseFactory
from discovery.adapters import post_import_worker
from discovery.adapters.tables import influencer_post_details, influencers, messaging
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application.content import refresh_from_posts
from discovery.domain.profiles import SHARED_CATALOGUE
from servicekit.db import Database
from servicekit.outbox import Outbox

from .test_import_pipeline import ADMIN
from .test_post_import_pipeline import run_posts, with_profiles

pytestmark = pytest.mark.asyncio(loop_scope="session")

CAPTIONS = ("Trail run #running", "Thanks @nike for the shoes #ad", "Use code LENA10 at @oatly", "Rest day", "")


Group = tuple[list[str], int, int, int, int]  # handles, first post number, weeks, days ago, tie every


def posts_file(*groups: Group) -> bytes:
    """Per group, `weeks` weekly posts of each handle, the newest `days_ago` days old; every
    `tie_every`-th post shares its time with the one before (newest first then goes by id). In
    no order: a profile's posts come old and new, over many chunks."""
    now = datetime.now(UTC)
    rows: list[list[Any]] = []
    for handles, start, weeks, days_ago, tie_every in groups:
        for n, handle in enumerate(handles):
            for week in range(weeks):
                age = days_ago + 7 * (week - (1 if tie_every and week % tie_every == 1 else 0))
                at = (now - timedelta(days=age, hours=n % 24)).isoformat()
                caption = f"{CAPTIONS[(n + week) % 5]} {week % 3}".strip()
                likes = 100 + (n * 37 + week * 11) % 400
                rows.append([
                    handle, "instagram", f"https://www.instagram.com/p/Q{start + n}W{week}/", at, caption, likes,
                    (week * 3) % 17, "yes" if (n + week) % 7 == 0 else "",
                ])  # fmt: skip
    random.Random(7).shuffle(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["handle", "platform", "post url", "posted at", "caption", "likes", "comments", "paid partnership"])
    writer.writerows(rows)
    return buffer.getvalue().encode()


async def figures(database: Database) -> dict[str, tuple[Any, ...]]:
    """Each profile's content quality as stored: detail (score, parts with reasons), text, terms."""
    i, d = influencers.c, influencer_post_details.c
    async with database.sessionmaker() as session:
        rows = await session.execute(
            select(i.handle, d.content_quality_detail, i.content_quality_not_assessed, d.post_text, i.post_terms)
            .join(influencer_post_details, d.influencer_id == i.id)
            .where(i.content_quality.is_not(None))
        )
        return {r.handle: tuple(r[1:]) for r in rows}


async def read_back(database: Database) -> dict[str, tuple[Any, ...]]:
    """The figures worked out again from the posts as stored (the read a refresh does)."""
    async with database.sessionmaker() as session:
        ids = list(await session.scalars(select(influencers.c.id).where(influencers.c.content_quality.is_not(None))))
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    async with database.session() as session:
        uow = SqlUnitOfWork(session, outbox, ADMIN.tenant_id)
        await refresh_from_posts(uow, ids, datetime.now(UTC), catalogue_id=SHARED_CATALOGUE)
    return await figures(database)


@pytest.mark.parametrize("pipeline", [False, True], ids=["in-process", "child-process"])
async def test_content_quality_from_the_posts_written_equals_the_stored_read(
    databases: DatabaseFactory, pipeline: bool
) -> None:
    database, handles = await with_profiles(databases, f"discovery_posts_quality_{int(pipeline)}")
    worker = {"pipeline_min_bytes": 0 if pipeline else None}
    active, quiet, later = handles[:20], handles[20:35], handles[35:45]
    long, quiet_long = handles[45:50], handles[50:55]  # more than 60 posts older than 90 days
    try:
        first = posts_file(
            (active, 0, 9, 1, 4), (quiet, 100, 40, 100, 0), (long, 400, 80, 1, 5), (quiet_long, 500, 70, 95, 0)
        )
        job, _ = await run_posts(database, first, **worker)
        assert job.counts.rows_created == 9 * 20 + 40 * 15 + 80 * 5 + 70 * 5
        written = await figures(database)
        assert sorted(written) == sorted(active + quiet + long + quiet_long)
        assert written == await read_back(database)

        # Again: older posts of some (their profiles are read), first posts of others.
        again = posts_file((active[:5] + quiet[:5], 200, 3, 2, 0), (later, 300, 5, 3, 0))
        job, _ = await run_posts(database, again, **worker)
        assert job.counts.rows_created == 3 * 10 + 5 * 10
        written = await figures(database)
        assert sorted(written) == sorted(active + quiet + long + quiet_long + later)
        assert written == await read_back(database)
    finally:
        await database.dispose()


async def told_profiles(database: Database) -> list[str]:
    """The profiles `influencer.updated` told of, each time it did."""
    outbox = messaging.outbox
    async with database.sessionmaker() as session:
        rows = await session.execute(select(outbox.c.payload).where(outbox.c.event_type == "influencer.updated"))
        events = [REGISTRY.parse(decode(payload)) for (payload,) in rows]
    return [str(p.influencer_id) for event in events for p in event.profiles]  # type: ignore[attr-defined]


async def test_profiles_worked_out_in_many_batches_are_each_stored_and_told_once(
    databases: DatabaseFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Batches of 4 profiles (on PostgreSQL two at a time): the figures are still those a read of the
    # stored posts gives, and each profile is told of once.
    monkeypatch.setattr(post_import_worker, "REFRESH_PROFILES", 4)
    database, handles = await with_profiles(databases, "discovery_posts_quality_batches")
    try:
        job, _ = await run_posts(database, posts_file((handles[:30], 0, 6, 1, 0)), pipeline_min_bytes=0)
        assert job.counts.rows_created == 6 * 30
        written = await figures(database)
        assert sorted(written) == sorted(handles[:30])
        async with database.sessionmaker() as session:
            ids = {
                str(i)
                for i in await session.scalars(select(influencers.c.id).where(influencers.c.handle.in_(handles[:30])))
            }
        told = await told_profiles(database)
        assert sorted(told) == sorted(ids)
        assert written == await read_back(database)
    finally:
        await database.dispose()

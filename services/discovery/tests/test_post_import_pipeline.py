"""Large posts imports on PostgreSQL are parsed, detected and planned by a child process while the
worker writes: the posts, counts, rejections and profiles' content quality are those the
in-process path gives, and a broken pipeline leaves the job to go on in-process."""

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from devstack.databases import DatabaseFactory
from discovery.adapters import post_import_worker
from discovery.adapters.file_formats import read_posts_upload
from discovery.adapters.import_repository import ImportJobRepository
from discovery.adapters.import_worker import ImportWorker
from discovery.adapters.post_repository import PostRepository
from discovery.adapters.tables import influencer_posts, influencers, messaging
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application import post_imports
from discovery.domain.imports import ImportJob, StaleProfiles
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head
from servicekit.outbox import Outbox

from .test_import_pipeline import ADMIN, counts, export, run

pytestmark = pytest.mark.asyncio(loop_scope="session")

CAPTIONS = ("Morning run #running", "Thanks @nike for the shoes #ad", "Use code LENA10 at @oatly", "Rest day")


def posts_export(handles: list[str], per_handle: int, *, growth: float = 1.0) -> bytes:
    """Weekly posts of each handle, interleaved; a post of an unknown handle and a repeated post."""
    now = datetime.now(UTC)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["handle", "platform", "post url", "posted at", "caption", "likes", "comments", "paid partnership"])
    for week in range(per_handle):
        for n, handle in enumerate(handles):
            at = (now - timedelta(days=7 * week, hours=n % 24)).isoformat()
            url = f"https://www.instagram.com/p/P{n}W{week}/"
            likes = round((100 + 10 * week + n) * growth)
            writer.writerow(
                [handle, "instagram", url, at, CAPTIONS[(n + week) % 4], likes, 7, "yes" if n % 9 == 0 else ""]
            )
    writer.writerow(
        ["nobody.here", "instagram", "https://www.instagram.com/p/NOBODY/", now.isoformat(), "hi", 1, 1, ""]
    )
    writer.writerow([handles[0], "instagram", "https://www.instagram.com/p/P0W0/", now.isoformat(), "again", 1, 1, ""])
    return buffer.getvalue().encode()


async def run_posts(database: Database, content: bytes, **worker: Any) -> tuple[ImportJob, list[tuple[int, str]]]:
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    upload = read_posts_upload(content, filename="posts.csv", content_type="text/csv", format_name="csv")
    async with database.session() as session:
        job = await post_imports.submit(
            SqlUnitOfWork(session, outbox, ADMIN.tenant_id),
            ADMIN,
            upload,
            post_imports.PostImportOptions(platform=None, mapping={}, visibility=None),
        )
    runner = ImportWorker(database, chunk_rows=50, **worker)
    assert await runner.claim(job.id) == job.id
    finished = await runner.run(job.id)
    assert finished.state.value == "succeeded", finished.error
    async with database.sessionmaker() as session:
        rejected = await ImportJobRepository(session, ADMIN.tenant_id).rejections(job.id, limit=500, after_line=None)
    return finished, [(r.line, r.reason) for r in rejected]


async def stored(database: Database) -> tuple[dict[str, tuple[Any, ...]], dict[str, tuple[Any, ...]]]:
    """Each post by its id, and each profile's content quality, as a reader sees them."""
    p, i = influencer_posts.c, influencers.c
    async with database.sessionmaker() as session:
        posts = await session.execute(
            select(p.post_id, i.handle, p.likes, p.caption, p.sponsored, p.sponsor_reason, p.sponsor_brands).join(
                influencers, i.id == p.influencer_id
            )
        )
        quality = await session.execute(
            select(i.handle, i.content_quality, i.post_terms).where(i.content_quality.is_not(None))
        )
        return {r.post_id: tuple(r[1:]) for r in posts}, {r.handle: tuple(r[1:]) for r in quality}


async def with_profiles(databases: DatabaseFactory, name: str) -> tuple[Database, list[str]]:
    database = Database(await databases.new(name))
    await upgrade_to_head(database, "discovery:migrations")
    await run(database, export(60), pipeline_min_bytes=None)
    async with database.sessionmaker() as session:
        handles = sorted((await session.scalars(select(influencers.c.handle))).all())
    return database, handles


async def test_the_child_process_imports_posts_as_the_worker_would(databases: DatabaseFactory) -> None:
    piped, handles = await with_profiles(databases, "discovery_posts_piped")
    alone, _ = await with_profiles(databases, "discovery_posts_alone")
    try:
        content, grown = posts_export(handles, 8), posts_export(handles, 8, growth=1.5)
        assert ImportWorker(piped, pipeline_min_bytes=0).pipelines(content) is not piped.is_sqlite
        for file, expected in ((content, "created"), (content, "unchanged"), (grown, "updated")):
            first, first_rejected = await run_posts(piped, file, pipeline_min_bytes=0)
            second, second_rejected = await run_posts(alone, file, pipeline_min_bytes=None)
            assert counts(first) == counts(second)
            assert getattr(first.counts, f"rows_{expected}") == first.counts.rows_imported == 8 * len(handles)
            assert first_rejected == second_rejected
            assert [line for line, _ in first_rejected] == [len(handles) * 8 + 2, len(handles) * 8 + 3]
            assert await stored(piped) == await stored(alone)
        posts, quality = await stored(piped)
        assert len(posts) == 8 * len(handles)
        assert sorted(quality) == handles
    finally:
        await piped.dispose()
        await alone.dispose()


async def test_a_broken_posts_pipeline_leaves_the_job_to_go_on_in_process(
    databases: DatabaseFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, handles = await with_profiles(databases, "discovery_posts_broken")
    written: list[int] = []
    commit = post_import_worker._commit_planned

    async def failing_third(worker: ImportWorker, job: ImportJob, chunk: Any) -> None:
        written.append(chunk.records_done)
        if len(written) == 3:
            raise StaleProfiles()
        await commit(worker, job, chunk)

    monkeypatch.setattr(post_import_worker, "_commit_planned", failing_third)
    try:
        job, _ = await run_posts(database, posts_export(handles, 8), pipeline_min_bytes=0)
        assert (job.counts.rows_read, job.counts.rows_created) == (8 * len(handles) + 2, 8 * len(handles))
        posts, quality = await stored(database)
        assert len(posts) == 8 * len(handles)
        assert sorted(quality) == handles
        if not database.is_sqlite:
            assert len(written) == 3  # the third chunk failed; the rest went in-process
    finally:
        await database.dispose()


async def test_a_posts_chunk_that_fails_on_a_bug_is_not_tried_again(
    databases: DatabaseFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only what a next attempt can get past (the database's refusals, a lost connection) is
    tried again: a bug fails the job at its first attempt, not three attempts and a second later."""
    database, handles = await with_profiles(databases, "discovery_posts_bug")
    attempts: list[int] = []
    write = PostRepository.write

    async def failing(repository: PostRepository, plan: Any, job_id: Any) -> None:
        attempts.append(len(plan.created))
        if len(attempts) >= 2:
            raise TypeError("a bug in the write path")
        await write(repository, plan, job_id)

    monkeypatch.setattr(PostRepository, "write", failing)
    try:
        with pytest.raises(AssertionError, match="failed"):
            await run_posts(database, posts_export(handles, 8), pipeline_min_bytes=None)
        assert len(attempts) == 2
    finally:
        await database.dispose()


async def test_a_posts_chunk_whose_write_fails_once_is_written_again(
    databases: DatabaseFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process, as profile chunks are: a chunk's transaction that fails (a deadlock, a dropped
    connection) rolls back whole and is tried again, so the job goes on, each post counted once."""
    database, handles = await with_profiles(databases, "discovery_posts_retried")
    attempts: list[int] = []
    write = PostRepository.write

    async def failing_once(repository: PostRepository, plan: Any, job_id: Any) -> None:
        attempts.append(len(plan.created))
        await write(repository, plan, job_id)
        if len(attempts) == 2:  # the second chunk's posts are written, then its transaction fails
            raise ConnectionResetError("the database went away")

    monkeypatch.setattr(PostRepository, "write", failing_once)
    try:
        job, rejected = await run_posts(database, posts_export(handles, 8), pipeline_min_bytes=None)
        assert (job.counts.rows_read, job.counts.rows_created) == (8 * len(handles) + 2, 8 * len(handles))
        assert [line for line, _ in rejected] == [len(handles) * 8 + 2, len(handles) * 8 + 3]
        posts, quality = await stored(database)
        assert len(posts) == 8 * len(handles)
        assert sorted(quality) == handles
        assert attempts[1] == attempts[2]  # the failed chunk, planned and written again
    finally:
        await database.dispose()

"""One bad row never fails an import: a row the database would refuse is rejected with its line
and a plain reason, and the good rows are imported, in the worker and through the pipeline, on
SQLite and on PostgreSQL. A job that fails shows a plain reason, never an exception's text."""

import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from devstack.databases import DatabaseFactory
from discovery.adapters import import_pipeline, import_worker, influencer_repository
from discovery.adapters.file_formats import read_upload
from discovery.adapters.import_repository import ImportJobRepository
from discovery.adapters.import_worker import ImportWorker
from discovery.adapters.tables import influencers, messaging
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application import imports
from discovery.domain import row_parser
from discovery.domain.actors import Actor
from discovery.domain.imports import ImportJob
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head
from servicekit.outbox import Outbox

pytestmark = pytest.mark.asyncio(loop_scope="session")

ADMIN = Actor(tenant_id=UUID(int=1), user_id=None, is_admin=True)
HEADER = "platform,handle,name,followers,posts,bio,last_refreshed_at,price_post\n"
GOOD = "instagram,good.{i},Good {i},{followers},12,fine,2026-01-01,$100\n"
REFUSED = [
    "instagram,too.many,Big,9223372036854775808,1,,,\n",
    "instagram,long.name," + "n" * 201 + ",10,1,,,\n",
    "instagram,nul.bio,Nul,10,1,a\x00b,,\n",
    "instagram,old.date,Old,10,1,,0001-01-01T00:00:00+05:00,\n",
    "instagram,dear,Dear,10,1,,,$1e20\n",
    "instagram,many.posts,Posts,10,99999999999999999999,,,\n",
]


def export(good: int) -> bytes:
    """Good rows with each refused row among them: lines 2.. are good, then one refused, and so on."""
    lines = [HEADER]
    for i in range(good):
        lines.append(GOOD.format(i=i, followers=1_000 + i))
        if i < len(REFUSED):
            lines.append(REFUSED[i])
    return "".join(lines).encode()


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("discovery_refusals"))
    await upgrade_to_head(database, "discovery:migrations")
    try:
        yield database
    finally:
        await database.dispose()


async def run(
    database: Database, content: bytes, *, chunk_rows: int = 8, **worker: Any
) -> tuple[ImportJob, list[tuple[int, str]]]:
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    async with database.session() as session:
        job = await imports.submit(
            SqlUnitOfWork(session, outbox, ADMIN.tenant_id),
            ADMIN,
            read_upload(content, filename="export.csv", content_type="text/csv", format_name="csv"),
            imports.ImportOptions(platform=None, currency="USD", mapping={}, visibility=None),
        )
    runner = ImportWorker(database, chunk_rows=chunk_rows, **worker)
    assert await runner.claim(job.id) == job.id
    finished = await runner.run(job.id)
    async with database.sessionmaker() as session:
        rejected = await ImportJobRepository(session, ADMIN.tenant_id).rejections(job.id, limit=500, after_line=None)
    return finished, [(r.line, r.reason) for r in rejected]


async def handles(database: Database) -> set[str]:
    async with database.sessionmaker() as session:
        return set((await session.scalars(select(influencers.c.handle))).all())


@pytest.mark.parametrize("pipeline_min_bytes", [None, 0], ids=["in-process", "pipelined"])
async def test_rows_the_database_would_refuse_are_rejected_and_the_good_ones_imported(
    database: Database, pipeline_min_bytes: int | None
) -> None:
    job, rejected = await run(database, export(30), pipeline_min_bytes=pipeline_min_bytes)
    assert (job.state.value, job.error) == ("succeeded", None)
    assert (job.counts.rows_read, job.counts.rows_created, job.counts.rows_rejected) == (36, 30, 6)
    assert await handles(database) == {f"good.{i}" for i in range(30)}
    assert rejected == [
        (3, "followers: 9223372036854775808 is larger than the largest count we store (9223372036854775807)"),
        (5, "display_name: 201 characters; at most 200"),
        (7, "bio: holds a NUL character, which cannot be stored"),
        (9, "last_refreshed_at: '0001-01-01T00:00:00+05:00' is not a time we can store"),
        (11, "rate_card.post: '$1e20' is larger than the largest amount we store (9223372036854775807 minor units)"),
        (13, "posts: 99999999999999999999 is larger than the largest count we store (9223372036854775807)"),
    ]


@pytest.mark.parametrize("pipeline_min_bytes", [None, 0], ids=["in-process", "pipelined"])
async def test_a_chunk_the_database_refuses_is_stored_without_the_rows_it_refuses(
    database: Database,
    pipeline_min_bytes: int | None,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Should the parser let through a value the database refuses, the chunk is written again in
    # halves to find the rows at fault: only those are rejected.
    monkeypatch.setattr(row_parser, "MAX_COUNT", 2**64 - 1)
    content = export(20).replace(b"9223372036854775808", b"18446744073709551615")
    job, rejected = await run(database, content, pipeline_min_bytes=pipeline_min_bytes)
    assert (job.state.value, job.error) == ("succeeded", None)
    assert (job.counts.rows_read, job.counts.rows_imported, job.counts.rows_created) == (26, 20, 20)
    assert job.counts.rows_rejected == 6
    assert rejected[0] == (3, "row: a number in it is larger than the database stores")
    assert await handles(database) == {f"good.{i}" for i in range(20)}
    assert not any("in-process" in r.getMessage() for r in caplog.records)  # the pipeline went on


@pytest.mark.parametrize("pipeline_min_bytes", [None, 0], ids=["in-process", "pipelined"])
async def test_a_handle_that_clashes_on_every_attempt_is_rejected_alone(
    database: Database, pipeline_min_bytes: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A clash is first taken for another writer's (the chunk is planned again); one that stays
    # is rejected on the last attempt, the rest of the chunk stored.
    plan = imports.plan_chunk

    async def with_a_twin(*args: Any) -> imports.ChunkPlan:
        planned = await plan(*args)
        changes = planned.changes
        if changes.created:
            twin = replace(changes.created[0], id=uuid4())
            changes.created.append(twin)
            changes.lines[twin.id] = 999
            planned.counts.rows_created += 1
            planned.counts.rows_imported += 1
        return planned

    monkeypatch.setattr(imports, "plan_chunk", with_a_twin)
    monkeypatch.setattr(import_pipeline, "plan_chunk", with_a_twin)
    monkeypatch.setattr(import_worker, "plan_chunk", with_a_twin)
    job, rejected = await run(database, export(3), pipeline_min_bytes=pipeline_min_bytes)
    assert (job.state.value, job.counts.rows_created) == ("succeeded", 3)
    assert (999, "handle: another profile took this handle while the import ran; import the row again") in rejected
    assert await handles(database) == {"good.0", "good.1", "good.2"}


async def test_a_failed_job_says_so_plainly_and_the_log_has_the_exception(
    database: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(self: object, changes: object) -> None:
        raise RuntimeError("internal detail: relation xyz at 0x7f00")

    monkeypatch.setattr(influencer_repository.InfluencerRepository, "write_changes", broken)
    with caplog.at_level(logging.ERROR):
        job, _ = await run(database, export(3), pipeline_min_bytes=None)
    assert job.state.value == "failed"
    assert job.error == "an internal error stopped the import before its first record; it has been logged"
    assert any("internal detail" in (r.exc_text or "") for r in caplog.records)

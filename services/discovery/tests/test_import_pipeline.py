"""Large imports on PostgreSQL are worked out by a child process while the worker writes: the
result is the one the in-process path gives, and anything that breaks the pipeline leaves the job
to go on in-process from its last checkpoint. Updates planned against a profile that changed since
are never written."""

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import orjson
import pytest
from sqlalchemy import func, select, update

from devstack.databases import DatabaseFactory
from discovery.adapters import import_worker
from discovery.adapters.file_formats import read_upload
from discovery.adapters.import_repository import ImportJobRepository
from discovery.adapters.import_worker import ImportWorker
from discovery.adapters.influencer_repository import InfluencerRepository
from discovery.adapters.tables import audience_countries, influencer_snapshots, influencers, messaging
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application import imports
from discovery.domain.actors import Actor
from discovery.domain.column_mapping import resolve_mapping
from discovery.domain.facts import fingerprint, fingerprint_of, fingerprint_parts
from discovery.domain.figures import derive, profile_from
from discovery.domain.imports import ImportJob, StaleProfiles
from discovery.domain.profiles import SHARED_CATALOGUE, Platform, new_id
from discovery.domain.row_parser import ParsedRow, RowParser
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head
from servicekit.outbox import Outbox

from .conftest import every_fact

pytestmark = pytest.mark.asyncio(loop_scope="session")

ADMIN = Actor(tenant_id=UUID(int=1), user_id=None, is_admin=True)
COLUMNS = ["platform", "handle", "name", "followers", "avg_likes", "country", "category", "bio", "audience_countries"]


def export(rows: int, *, growth: float = 1.0) -> bytes:
    """Profiles with a few bad rows (a bad count, a repeated handle) and bad optional cells (an
    unknown country: a warning, the row imported)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for i in range(rows):
        followers = f"{round(1_000 * (i + 1) * growth):,}" if i % 37 != 5 else "12x"
        country = "Atlantis" if i % 41 == 7 else ["US", "Germany", "BR"][i % 3]
        handle = f"@Piped.{i:04d}" if i % 53 != 9 else "@piped.0001"
        audience = f"US:{(i % 5) / 10};GB:0.1" if i % 2 else ""
        bio = f"Daily sourdough {i} and travel"
        writer.writerow(["instagram", handle, f"Piped {i}", followers, i * 10, country, "food;travel", bio, audience])
    return buffer.getvalue().encode()


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("discovery_pipeline"))
    await upgrade_to_head(database, "discovery:migrations")
    try:
        yield database
    finally:
        await database.dispose()


async def run(database: Database, content: bytes, **worker: Any) -> tuple[ImportJob, list[tuple[int, str]]]:
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    async with database.session() as session:
        job = await imports.submit(
            SqlUnitOfWork(session, outbox, ADMIN.tenant_id),
            ADMIN,
            read_upload(content, filename="export.csv", content_type="text/csv", format_name="csv"),
            imports.ImportOptions(platform=None, currency="USD", mapping={}, visibility=None),
        )
    runner = ImportWorker(database, chunk_rows=40, **worker)
    assert await runner.claim(job.id) == job.id
    finished = await runner.run(job.id)
    assert finished.state.value == "succeeded", finished.error
    async with database.sessionmaker() as session:
        rejected = await ImportJobRepository(session, ADMIN.tenant_id).rejections(job.id, limit=500, after_line=None)
    return finished, [(r.line, r.reason) for r in rejected]


async def profiles(database: Database) -> dict[str, tuple[Any, ...]]:
    async with database.sessionmaker() as session:
        rows = await session.execute(
            select(
                influencers.c.handle,
                influencers.c.followers,
                influencers.c.country,
                influencers.c.content_hash,
                influencers.c.search_name,
                influencers.c.terms,
                influencers.c.prior_score,
            )
        )
        shares = await session.execute(
            select(influencers.c.handle, func.count(audience_countries.c.country))
            .join(audience_countries, audience_countries.c.influencer_id == influencers.c.id)
            .group_by(influencers.c.handle)
        )
        counted: dict[str, int] = {handle: number for handle, number in shares}
        return {row.handle: (*row[1:], counted.get(row.handle, 0)) for row in rows}


def counts(job: ImportJob) -> tuple[int, ...]:
    c = job.counts
    return (c.rows_read, c.rows_imported, c.rows_created, c.rows_updated, c.rows_unchanged, c.rows_rejected, c.warnings)


async def snapshot_count(database: Database) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(influencer_snapshots)) or 0)


async def test_the_child_process_imports_what_the_worker_would(databases: DatabaseFactory) -> None:
    content, grown = export(300), export(300, growth=1.5)
    piped = Database(await databases.new("discovery_piped"))
    alone = Database(await databases.new("discovery_alone"))
    try:
        for database in (piped, alone):
            await upgrade_to_head(database, "discovery:migrations")
        assert ImportWorker(piped, pipeline_min_bytes=0).pipelines(content) is not piped.is_sqlite
        for file, expected in ((content, "created"), (content, "unchanged"), (grown, "updated")):
            first, first_rejected = await run(piped, file, pipeline_min_bytes=0)
            second, second_rejected = await run(alone, file, pipeline_min_bytes=None)
            assert counts(first) == counts(second)
            assert getattr(first.counts, f"rows_{expected}") == first.counts.rows_imported > 250
            assert first_rejected == second_rejected
            assert await profiles(piped) == await profiles(alone)
        assert await snapshot_count(piped) == await snapshot_count(alone) > 0
        assert [reason for _, reason in first_rejected[:2]] == [
            "followers: '12x' has an unknown suffix 'x'",
            "handle: 'piped.0001' repeats line 3 of this file",
        ]
        assert first.counts.warnings == second.counts.warnings > 0
        async with piped.sessionmaker() as session:
            warned = await ImportJobRepository(session, ADMIN.tenant_id).warnings(first.id, limit=2)
        assert [(w.line, w.column, w.field, w.reason) for w in warned] == [
            (line, "country", "country", "'Atlantis' is not a known country") for line in (9, 50)
        ]
    finally:
        await piped.dispose()
        await alone.dispose()


async def test_a_broken_pipeline_leaves_the_job_to_go_on_in_process(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[int] = []
    commit = ImportWorker._commit_planned

    async def failing_third(self: ImportWorker, job: ImportJob, chunk: Any) -> None:
        written.append(chunk.records_done)
        if len(written) == 3:
            raise StaleProfiles()
        await commit(self, job, chunk)

    monkeypatch.setattr(import_worker.ImportWorker, "_commit_planned", failing_third)
    job, _ = await run(database, export(300), pipeline_min_bytes=0)
    assert job.counts.rows_read == 300
    assert job.counts.rows_imported == job.counts.rows_created == 300 - job.counts.rows_rejected
    assert len(await profiles(database)) == job.counts.rows_created
    if not database.is_sqlite:
        assert len(written) == 3  # the third chunk failed; the rest went in-process


async def test_an_update_planned_on_a_profile_changed_since_is_not_written(database: Database) -> None:
    await run(database, export(3))
    parser = RowParser(resolve_mapping(COLUMNS, {}, platform_given=False), platform=None, currency="USD")
    row: ParsedRow = parser.parse(next(csv.DictReader(io.StringIO(export(3, growth=2).decode()))))
    assert row.facts.platform is Platform.INSTAGRAM
    async with database.session() as session:
        plan = await imports.plan_chunk(
            InfluencerRepository(session, ADMIN.tenant_id), SHARED_CATALOGUE, [(2, row)], datetime.now(UTC)
        )
    assert len(plan.changes.updated) == 1
    async with database.session() as session:
        await session.execute(
            update(influencers)
            .where(influencers.c.id == plan.changes.updated[0].before.id)
            .values(updated_at=datetime.now(UTC))
        )
    with pytest.raises(StaleProfiles):
        async with database.session() as session:
            await InfluencerRepository(session, ADMIN.tenant_id).write_changes(plan.changes)
    assert (await profiles(database))["piped.0000"][0] == 1_000


async def test_a_stored_profile_reads_back_as_the_fingerprint_it_was_stored_under(database: Database) -> None:
    # An import compares a row against these parts: any fact read back differently would make
    # every import of an unchanged profile rewrite it.
    facts = every_fact()
    at = datetime.now(UTC)
    figures = derive(facts, history=[], performance_score=None, at=at)
    profile = profile_from(new_id(), SHARED_CATALOGUE, facts, figures, None, at)
    async with database.session() as session:
        await InfluencerRepository(session, ADMIN.tenant_id).add(profile)
    async with database.session() as session:
        targets = await InfluencerRepository(session, ADMIN.tenant_id).import_targets(
            SHARED_CATALOGUE, [(Platform.TIKTOK, "every.fact")]
        )
    stored = targets[(Platform.TIKTOK, "every.fact")]
    as_hashed = orjson.OPT_SORT_KEYS  # tuples and lists hash alike: compare what is hashed
    assert orjson.loads(orjson.dumps(stored.parts, option=as_hashed)) == orjson.loads(
        orjson.dumps(fingerprint_parts(facts), option=as_hashed)
    )
    assert fingerprint_of(stored.parts) == stored.content_hash == fingerprint(facts)

"""The import worker's posts jobs: each chunk planned against the catalogue and written in one
transaction with the job's counters and checkpoint (as profiles are); then what the posts give
their profiles, worked out once per job; and the job's summary event told with its end."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from contracts.events.discovery import InfluencerPostsImported, InfluencerUpdated
from discovery.adapters.dialect import writes_by_copy
from discovery.adapters.file_formats import read_posts_file
from discovery.adapters.import_pipeline import collection_paused
from discovery.adapters.import_repository import LostLease
from discovery.adapters.influencer_repository import InfluencerRepository
from discovery.adapters.post_repository import PostRepository, post_records, written_of_record
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application.content import WrittenPosts, refresh_from_posts
from discovery.application.post_imports import plan_chunk
from discovery.domain.content_quality import WINDOW
from discovery.domain.imports import CellWarning, Chunk, ImportCounts, ImportJob, ImportState, Rejection
from discovery.domain.post_import import PostOwner, PostPlan, read_post_chunks
from discovery.domain.posts import Post, WrittenPost
from discovery.domain.profiles import SHARED_CATALOGUE, ProfileKey

if TYPE_CHECKING:  # the worker calls in here
    from discovery.adapters.import_worker import ImportWorker, Progress


# Profiles worked out per transaction: one `influencer.updated` each.
REFRESH_PROFILES = InfluencerUpdated.MAX_PROFILES
_T = TypeVar("_T")


@dataclass(frozen=True)
class PlannedPosts:
    """A chunk of posts worked out by the import's child process, as the worker writes it."""

    replaced: list[UUID]  # updated posts, deleted before their new rows are copied in
    records: list[tuple[Any, ...]]
    counts: ImportCounts
    rejections: list[Rejection]
    warnings: list[CellWarning]
    records_done: int


async def process_posts(worker: "ImportWorker", job: ImportJob, content: bytes, progress: "Progress | None") -> None:
    # The posts written, held for content quality: reading them back cost as much as the rest of
    # the import's work in this process. A job resumed half-way has not got its earlier ones.
    written = WrittenPosts(datetime.now(UTC) - WINDOW)
    if job.records_done:
        written.give_up()

    async def commit(job: ImportJob, chunk: PlannedPosts) -> None:
        await _commit_planned(worker, job, chunk)
        written.add(map(written_of_record, chunk.records))

    try:
        # Large files on PostgreSQL: parsing, detection and planning in a child process while
        # this one writes; the rest (or all, if the pipeline breaks) in-process.
        if not (
            worker.pipelines(content)
            and await worker.process_pipelined(job, content, progress, plan_posts_chunks, commit)
        ):
            owners: dict[ProfileKey, PostOwner] = {}
            for chunk in read_post_chunks(job, read_posts_file(content, job.format), worker.chunk_rows):

                async def write(_: bool, chunk: Chunk = chunk) -> tuple[ImportCounts, list[Post]]:
                    async with worker.database.session() as session:
                        return await _write_chunk(worker, session, job, chunk, owners)

                counts, posts = await worker.in_attempts(job, write)
                written.add(map(WrittenPost.of, posts))
                job.records_done = chunk.records_done
                job.counts.add(counts)
                if progress is not None:
                    progress(chunk.records_done, job.counts)
    except LostLease:  # the heir works them out
        raise
    except Exception:
        # The chunks that landed before the failure still count for their profiles.
        await refresh_profiles(worker, job)
        raise
    await refresh_profiles(worker, job, written)


async def plan_posts_chunks(
    sessions: async_sessionmaker[AsyncSession], job: ImportJob, content: bytes, chunk_rows: int
) -> AsyncIterator[PlannedPosts]:
    """The pipeline's planner (in the child process): reads, never writes."""
    owners: dict[ProfileKey, PostOwner] = {}
    for chunk in read_post_chunks(job, read_posts_file(content, job.format), chunk_rows):
        async with sessions() as session:
            plan = await _plan(session, job, chunk, owners)
            await session.rollback()
        counts, rejections = _counted(chunk, plan)
        yield PlannedPosts(
            [p.id for p in plan.updated],
            post_records(plan, job.id),
            counts,
            rejections,
            chunk.warnings,
            chunk.records_done,
        )


async def _commit_planned(worker: "ImportWorker", job: ImportJob, chunk: PlannedPosts) -> None:
    async with worker.database.session() as session:
        await PostRepository(session, job.tenant_id).write_records(chunk.replaced, chunk.records)
        await worker.record(session, job, chunk.counts, chunk.rejections, chunk.warnings, chunk.records_done)
    job.records_done = chunk.records_done
    job.counts.add(chunk.counts)


async def refresh_profiles(worker: "ImportWorker", job: ImportJob, written: WrittenPosts | None = None) -> None:
    """Works out content quality and ranking words once for every profile whose posts the job
    wrote, from all of their posts. Per chunk, a profile whose posts are spread over the file
    would be read again with every chunk (quadratic in the file). A job resumed after its worker
    died does it again, whole: it stores figures, it adds nothing. The profiles whose posts are
    all the job's, and `written` holds (each post the job wrote), are not read back."""
    async with worker.database.sessionmaker() as session:
        posts = PostRepository(session, job.tenant_id)
        touched = await posts.profiles_written_by(job.id)
        whole: set[UUID] = set()
        if written is not None and written.whole and written.added == job.counts.rows_created + job.counts.rows_updated:
            whole = set(touched) - await posts.with_posts_besides(job.id, job.catalogue_id, touched)

    async def refresh(batch: list[UUID]) -> None:
        async with worker.database.session() as session:
            uow = SqlUnitOfWork(session, worker.outbox, job.tenant_id)
            known = {i: written.of(i) for i in batch if i in whole} if written is not None else None
            await refresh_from_posts(uow, batch, datetime.now(UTC), catalogue_id=job.catalogue_id, known=known)
            # Keeps the lease (and finds out when it was lost), adding nothing to the counts.
            await worker.record(session, job, ImportCounts(), [], [], job.records_done)

    batches = [touched[start : start + REFRESH_PROFILES] for start in range(0, len(touched), REFRESH_PROFILES)]
    # On PostgreSQL two transactions at once: one batch worked out here while the database stores
    # the other (SQLite has one writer at a time). Each batch's rows (a dict per profile a statement
    # writes) outlive a young collection; the full ones they set off scanned the posts held in
    # `written`, about as long as working the batch out.
    with collection_paused():
        await _at_most(2 if writes_by_copy(worker.database) else 1, refresh, batches)


async def _at_most(running: int, work: Callable[[_T], Awaitable[None]], items: Sequence[_T]) -> None:
    """`work` on each item, at most `running` at a time; the first failure stops the others."""
    slots = asyncio.Semaphore(running)

    async def one(item: _T) -> None:
        async with slots:
            await work(item)

    tasks = [asyncio.create_task(one(item)) for item in items]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _write_chunk(
    worker: "ImportWorker", session: AsyncSession, job: ImportJob, chunk: Chunk, owners: dict[ProfileKey, PostOwner]
) -> tuple[ImportCounts, list[Post]]:
    plan = await _plan(session, job, chunk, owners)
    await PostRepository(session, job.tenant_id).write(plan, job.id)
    counts, rejections = _counted(chunk, plan)
    await worker.record(session, job, counts, rejections, chunk.warnings, chunk.records_done)
    return counts, [*plan.created, *plan.updated]


async def _plan(
    session: AsyncSession, job: ImportJob, chunk: Chunk, owners: dict[ProfileKey, PostOwner] | None = None
) -> PostPlan:
    influencers, posts = InfluencerRepository(session, job.tenant_id), PostRepository(session, job.tenant_id)
    return await plan_chunk(influencers, posts, job.catalogue_id, chunk.rows, datetime.now(UTC), known_owners=owners)


def _counted(chunk: Chunk, plan: PostPlan) -> tuple[ImportCounts, list[Rejection]]:
    counts = ImportCounts(rows_read=chunk.read, rows_rejected=len(chunk.rejections), warnings=len(chunk.warnings))
    counts.add(plan.counts)
    return counts, sorted([*chunk.rejections, *plan.rejections], key=lambda r: r.line)


async def tell_imported(worker: "ImportWorker", session: AsyncSession, job: ImportJob, state: ImportState) -> None:
    """The job's summary event, in the transaction that ends it."""
    touched, ids = await PostRepository(session, job.tenant_id).touched_by(
        job.id, limit=InfluencerPostsImported.MAX_INFLUENCERS
    )
    org = None if job.catalogue_id == SHARED_CATALOGUE else job.catalogue_id
    counts = job.counts
    event = InfluencerPostsImported(
        job_id=job.id,
        org_id=org,
        state=state.value,
        posts_read=counts.rows_read,
        posts_created=counts.rows_created,
        posts_updated=counts.rows_updated,
        posts_unchanged=counts.rows_unchanged,
        posts_rejected=counts.rows_rejected,
        profiles_touched=touched,
        influencer_ids=ids,
    )
    await worker.outbox.add(session, event, tenant_id=org, subject=job.id, key=job.catalogue_id)

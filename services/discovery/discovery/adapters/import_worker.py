"""The worker that runs queued import jobs inside the service (and in the CLI).

Each chunk of rows is upserted in one transaction together with the job's counters and its
checkpoint (`records_done`), so a job whose process died resumes after the last committed chunk
once its lease expires; upserts by (platform, handle) make even a repeated chunk change nothing.
On PostgreSQL, a large file's chunks are worked out by a child process while this one writes
(import_pipeline); should that fail, the job goes on here from its last checkpoint.
"""

import asyncio
import contextlib
import logging
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID

import asyncpg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import events_topic
from discovery.adapters import import_repository
from discovery.adapters.dialect import writes_by_copy
from discovery.adapters.file_formats import read_file
from discovery.adapters.import_pipeline import PlannedChunk, Planner, planned_chunks
from discovery.adapters.import_repository import LostLease
from discovery.adapters.import_writes import write_isolating
from discovery.adapters.influencer_repository import InfluencerRepository
from discovery.adapters.post_import_worker import process_posts, tell_imported
from discovery.adapters.profile_notices import OutboxProfileNotices
from discovery.adapters.tables import messaging
from discovery.application.imports import plan_chunk
from discovery.domain.imports import (
    CellWarning,
    Chunk,
    ImportCounts,
    ImportJob,
    ImportKind,
    ImportState,
    Refusal,
    Rejection,
    read_chunks,
    with_refusals,
)
from discovery.domain.profile_notices import notices_of
from servicekit.background import BackgroundLoop
from servicekit.db import Database
from servicekit.outbox import Outbox

log = logging.getLogger(__name__)

# Called after each chunk with the records done and the job's counts so far.
Progress = Callable[[int, ImportCounts], None]
CHUNK_ATTEMPTS = 3
# What a chunk's next attempt can get past: the database's refusals (a deadlock, a handle another
# writer took; raw asyncpg errors from COPY), a pool timeout, a connection lost on the way. Anything
# else is a bug, which would fail every attempt the same way: it fails the job at once.
RETRYABLE = (DBAPIError, PoolTimeout, asyncpg.PostgresError, asyncpg.InterfaceError, OSError)
_T = TypeVar("_T")
MAX_JOB_ATTEMPTS = 5


class ImportStopped(Exception):
    """The job cannot go on, for a reason the client may read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ImportWorker(BackgroundLoop):
    name = "import-worker"

    def __init__(
        self,
        database: Database,
        *,
        chunk_rows: int = 2000,
        lease_s: float = 60.0,
        poll_interval_s: float = 2.0,
        worker_id: str | None = None,
        pipeline_min_bytes: int | None = 1024 * 1024,
        outbox: Outbox | None = None,
    ) -> None:
        super().__init__(poll_interval_s)
        self.database = database
        # Where the profile notices of each chunk go, in the chunk's transaction.
        self.outbox = outbox or Outbox(messaging.outbox, source="discovery", topic=events_topic("discovery"))
        self.chunk_rows = chunk_rows
        # Files from this size on are read by a child process (PostgreSQL only; below it, one
        # costs more than it saves); None: never.
        self.pipeline_min_bytes = pipeline_min_bytes
        self.lease = timedelta(seconds=lease_s)
        self.worker_id = worker_id or f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}"

    async def run_once(self) -> bool:
        """Runs the next job, if any; busy while there was one (another may be waiting)."""
        return await self.run_next() is not None

    async def stop(self, grace_s: float = 0.0) -> None:
        """Stops at once: a job cut short is resumed from its last chunk once its lease expires."""
        await super().stop(grace_s)

    async def claim(self, job_id: UUID | None = None) -> UUID | None:
        at = datetime.now(UTC)
        async with self.database.session() as session:
            await import_repository.give_up_exhausted(
                session, max_attempts=MAX_JOB_ATTEMPTS, stale_before=at - self.lease, at=at
            )
            return await import_repository.claim(
                session, self.worker_id, at=at, stale_before=at - self.lease, job_id=job_id
            )

    async def run_next(self) -> ImportJob | None:
        """Claims and runs one job; None when there was none to run."""
        job_id = await self.claim()
        if job_id is None:
            return None
        return await self.run(job_id)

    async def run(self, job_id: UUID, progress: Progress | None = None) -> ImportJob:
        """Runs a job this worker has claimed, to its end."""
        async with self.database.sessionmaker() as session:
            job, content = await import_repository.load_job(session, job_id)
        try:
            if content is None:
                raise ImportStopped("the uploaded file is gone; upload it again")
            await self._process(job, content, progress)
            state, error = ImportState.SUCCEEDED, None
        except ImportStopped as stopped:
            log.warning("import %s stopped: %s", job_id, stopped.reason)
            state, error = ImportState.FAILED, stopped.reason
        except LostLease:
            log.warning("import %s was taken over by another worker", job_id)
            async with self.database.sessionmaker() as session:
                return (await import_repository.load_job(session, job_id))[0]
        except asyncio.CancelledError:
            raise
        except Exception:
            # The client sees a plain reason; the exception, with its stack, is for the log.
            log.exception("import %s failed", job_id)
            error = (
                f"an internal error stopped the import after {job.records_done} records; it has been logged"
                if job.records_done
                else "an internal error stopped the import before its first record; it has been logged"
            )
            state = ImportState.FAILED
        async with self.database.session() as session:
            await import_repository.finish(
                session, job_id, self.worker_id, state=state, error=error, at=datetime.now(UTC)
            )
            if job.kind is ImportKind.POSTS:
                await tell_imported(self, session, job, state)
        async with self.database.sessionmaker() as session:
            return (await import_repository.load_job(session, job_id))[0]

    async def _process(self, job: ImportJob, content: bytes, progress: Progress | None) -> None:
        if job.kind is ImportKind.POSTS:
            await process_posts(self, job, content, progress)
            return
        if self.pipelines(content) and await self.process_pipelined(job, content, progress):
            return
        for chunk in read_chunks(job, read_file(content, job.format), self.chunk_rows):
            await self._commit_chunk(job, chunk)
            if progress is not None:
                progress(chunk.records_done, job.counts)

    def pipelines(self, content: bytes) -> bool:
        return (
            writes_by_copy(self.database)
            and self.pipeline_min_bytes is not None
            and len(content) >= self.pipeline_min_bytes
        )

    async def process_pipelined(
        self,
        job: ImportJob,
        content: bytes,
        progress: Progress | None,
        planner: Planner | None = None,
        commit: Callable[[ImportJob, Any], Awaitable[None]] | None = None,
    ) -> bool:
        """True if the whole file went through the pipeline; False if it broke off (the job's
        checkpoint says where), for the caller to go on in-process. `planner` works the chunks
        out in the child, `commit` writes each (profiles' unless said)."""
        commit = commit or self._commit_planned
        planned = planned_chunks(self.database.url, job, content, self.chunk_rows, planner)
        async with contextlib.aclosing(planned) as chunks:
            while True:
                try:
                    chunk = await anext(chunks)
                except StopAsyncIteration:
                    return True
                except Exception as exc:
                    log.warning("import %s: going on in-process after %r", job.id, exc)
                    return False
                try:
                    await commit(job, chunk)
                except LostLease:
                    raise
                except Exception as exc:
                    log.warning("import %s: chunk failed (%r); going on in-process", job.id, exc)
                    return False
                if progress is not None:
                    progress(chunk.records_done, job.counts)

    async def _commit_planned(self, job: ImportJob, chunk: PlannedChunk) -> None:
        async with self.database.session() as session:
            store = InfluencerRepository(session, job.tenant_id)
            rows = chunk.rows
            refused = await write_isolating(
                session, rows.ids(), lambda ids: store.write_rows(rows.only(ids)), clash_retry=True
            )
            created = {record[0] for record in rows.created} if refused else set()
            counts, rejections = with_refusals(
                chunk.counts,
                chunk.rejections,
                [Refusal(chunk.lines[key], key in created, *why) for key, why in refused.items()],
            )
            renamed = set(chunk.renamed)
            told = [
                *(r for r in rows.created if r[0] not in refused),
                *(r for r in rows.updated if r[0] in renamed and r[0] not in refused),
            ]
            await OutboxProfileNotices(session, self.outbox).announce_records(job.catalogue_id, told)
            await self.record(session, job, counts, rejections, chunk.warnings, chunk.records_done)
        job.records_done = chunk.records_done
        job.counts.add(counts)

    async def record(
        self,
        session: AsyncSession,
        job: ImportJob,
        counts: ImportCounts,
        rejections: list[Rejection],
        warnings: list[CellWarning],
        done: int,
    ) -> None:
        """A chunk's counts, rejections, warnings and checkpoint, in its transaction."""
        mine = await import_repository.record_chunk(
            session,
            job.id,
            self.worker_id,
            counts=counts,
            rejections=rejections,
            warnings=warnings,
            records_done=done,
            at=datetime.now(UTC),
        )
        if not mine:
            raise LostLease(job.id)

    async def in_attempts(self, job: ImportJob, write: Callable[[bool], Awaitable[_T]]) -> _T:
        """A chunk's transaction, tried again (CHUNK_ATTEMPTS in all) when it fails: a deadlock or a
        dropped connection rolls it back whole, so the next attempt plans and writes it afresh.
        `write` is told whether it is the last attempt."""
        for attempt in range(1, CHUNK_ATTEMPTS):
            try:
                return await write(False)
            except LostLease:
                raise
            except RETRYABLE as exc:
                log.warning("import %s chunk failed (attempt %d): %r; retrying", job.id, attempt, exc)
                await asyncio.sleep(0.2 * attempt)
        return await write(True)

    async def _commit_chunk(self, job: ImportJob, chunk: Chunk) -> None:
        async def write(last_attempt: bool) -> ImportCounts:
            async with self.database.session() as session:
                return await self._write_chunk(session, job, chunk, last_attempt=last_attempt)

        counts = await self.in_attempts(job, write)
        job.records_done = chunk.records_done
        job.counts.add(counts)

    async def _write_chunk(
        self, session: AsyncSession, job: ImportJob, chunk: Chunk, *, last_attempt: bool
    ) -> ImportCounts:
        """Plans the chunk against the catalogue as it is and writes it, with its counts and checkpoint.
        A handle another writer took meanwhile fails the attempt (the next one plans again), but
        on the last attempt its row is rejected like any other the database refuses."""
        store = InfluencerRepository(session, job.tenant_id)
        plan = await plan_chunk(store, job.catalogue_id, chunk.rows, datetime.now(UTC))
        changes = plan.changes
        refused = await write_isolating(
            session, changes.ids(), lambda ids: store.write_changes(changes.only(ids)), clash_retry=not last_attempt
        )
        counts = ImportCounts(rows_read=chunk.read, rows_rejected=len(chunk.rejections), warnings=len(chunk.warnings))
        counts.add(plan.counts)
        created = {i.id for i in changes.created} if refused else set()
        counts, rejections = with_refusals(
            counts,
            [*chunk.rejections, *plan.rejections],
            [Refusal(changes.lines[key], key in created, *why) for key, why in refused.items()],
        )
        await OutboxProfileNotices(session, self.outbox).announce(notices_of(changes, leaving_out=refused))
        await self.record(session, job, counts, rejections, chunk.warnings, chunk.records_done)
        return counts

"""Import jobs in SQL: the upload with its job, progress committed chunk by chunk, leases."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.dialect import dialect_of
from discovery.adapters.tables import import_files, import_jobs, import_rejections, import_warnings
from discovery.domain.imports import CellWarning, ImportCounts, ImportJob, ImportState, Rejection
from servicekit.rows import from_row, row_of

_COUNT_COLUMNS = tuple(ImportCounts.__dataclass_fields__)


def _job(row: Any) -> ImportJob:
    return replace(from_row(ImportJob, row), counts=from_row(ImportCounts, row))


class ImportJobRepository:
    """An org sees the jobs it uploaded."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add(self, job: ImportJob, content: bytes) -> None:
        row = row_of(job, import_jobs, records_done=0, attempts=0, **{name: 0 for name in _COUNT_COLUMNS})
        await self.session.execute(insert(import_jobs).values(row))
        await self.session.execute(insert(import_files).values(job_id=job.id, content=content))

    async def get(self, job_id: UUID) -> ImportJob | None:
        row = (
            await self.session.execute(
                select(import_jobs).where(import_jobs.c.id == job_id, import_jobs.c.tenant_id == self.tenant_id)
            )
        ).first()
        return _job(row) if row else None

    async def rejections(self, job_id: UUID, *, limit: int, after_line: int | None) -> Sequence[Rejection]:
        t = import_rejections
        query = select(t).where(t.c.job_id == job_id)
        if after_line is not None:
            query = query.where(t.c.line > after_line)
        rows = await self.session.execute(query.order_by(t.c.line).limit(limit))
        return [from_row(Rejection, row) for row in rows]

    async def warnings(self, job_id: UUID, *, limit: int) -> Sequence[CellWarning]:
        t = import_warnings
        rows = await self.session.execute(
            select(t).where(t.c.job_id == job_id).order_by(t.c.line, t.c.column).limit(limit)
        )
        return [from_row(CellWarning, row) for row in rows]


class LostLease(Exception):
    """Another worker took the job over (this one was presumed dead)."""


async def load_job(session: AsyncSession, job_id: UUID) -> tuple[ImportJob, bytes | None]:
    row = (await session.execute(select(import_jobs).where(import_jobs.c.id == job_id))).one()
    content = await session.scalar(select(import_files.c.content).where(import_files.c.job_id == job_id))
    return _job(row), content


def _claimable(stale_before: datetime) -> Any:
    return or_(
        import_jobs.c.state == ImportState.QUEUED.value,
        and_(import_jobs.c.state == ImportState.RUNNING.value, import_jobs.c.heartbeat_at < stale_before),
    )


async def claim(
    session: AsyncSession, worker_id: str, *, at: datetime, stale_before: datetime, job_id: UUID | None = None
) -> UUID | None:
    """Takes the oldest queued job, or one whose worker stopped sending heartbeats, unless another
    live job writes the same catalogue (imports of one catalogue run one at a time)."""
    query = select(import_jobs.c.id, import_jobs.c.catalogue_id).where(_claimable(stale_before))
    if job_id is not None:
        query = query.where(import_jobs.c.id == job_id)
    query = dialect_of(session).skip_locked(query.order_by(import_jobs.c.created_at).limit(20))
    for row in (await session.execute(query)).all():
        busy = await session.scalar(
            select(import_jobs.c.id).where(
                import_jobs.c.catalogue_id == row.catalogue_id,
                import_jobs.c.state == ImportState.RUNNING.value,
                import_jobs.c.heartbeat_at >= stale_before,
                import_jobs.c.id != row.id,
            )
        )
        if busy is not None:
            continue
        result = await session.execute(
            update(import_jobs)
            .where(import_jobs.c.id == row.id, _claimable(stale_before))
            .values(
                state=ImportState.RUNNING.value,
                worker_id=worker_id,
                heartbeat_at=at,
                started_at=func.coalesce(import_jobs.c.started_at, at),
                attempts=import_jobs.c.attempts + 1,
            )
        )
        if result.rowcount:
            return UUID(str(row.id))
    return None


async def record_chunk(
    session: AsyncSession,
    job_id: UUID,
    worker_id: str,
    *,
    counts: ImportCounts,
    rejections: Sequence[Rejection],
    records_done: int,
    at: datetime,
    warnings: Sequence[CellWarning] = (),
) -> bool:
    """Adds a chunk's counts and rejections and moves the checkpoint, in the chunk's transaction.
    False if the job is no longer this worker's (its lease was taken over)."""
    result = await session.execute(
        update(import_jobs)
        .where(
            import_jobs.c.id == job_id,
            import_jobs.c.worker_id == worker_id,
            import_jobs.c.state == ImportState.RUNNING.value,
        )
        .values(
            records_done=records_done,
            heartbeat_at=at,
            **{name: import_jobs.c[name] + getattr(counts, name) for name in _COUNT_COLUMNS},
        )
    )
    if not result.rowcount:
        return False
    if rejections:
        await session.execute(
            dialect_of(session).insert(import_rejections).on_conflict_do_nothing(index_elements=["job_id", "line"]),
            [{"job_id": job_id, "line": r.line, "field": r.field[:80], "reason": r.reason} for r in rejections],
        )
    if warnings:
        await session.execute(
            dialect_of(session)
            .insert(import_warnings)
            .on_conflict_do_nothing(index_elements=["job_id", "line", "column"]),
            [
                {"job_id": job_id, "line": w.line, "column": w.column[:255], "field": w.field[:80], "reason": w.reason}
                for w in warnings
            ],
        )
    return True


async def finish(
    session: AsyncSession, job_id: UUID, worker_id: str, *, state: ImportState, error: str | None, at: datetime
) -> None:
    await session.execute(
        update(import_jobs)
        .where(import_jobs.c.id == job_id, import_jobs.c.worker_id == worker_id)
        .values(state=state.value, error=error, finished_at=at, heartbeat_at=at)
    )
    if state is ImportState.SUCCEEDED:
        await session.execute(delete(import_files).where(import_files.c.job_id == job_id))


async def give_up_exhausted(session: AsyncSession, *, max_attempts: int, stale_before: datetime, at: datetime) -> None:
    """A job whose workers keep dying (a file that crashes them) is failed, not retried forever."""
    await session.execute(
        update(import_jobs)
        .where(_claimable(stale_before), import_jobs.c.attempts >= max_attempts)
        .values(state=ImportState.FAILED.value, error=f"gave up after {max_attempts} attempts", finished_at=at)
    )

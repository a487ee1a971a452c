"""Bulk import: an upload becomes a queued job at once; a worker then reads it chunk by chunk."""

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from discovery.application.ports import InfluencerStore, UnitOfWork
from discovery.domain.actors import Actor, catalogue_for
from discovery.domain.column_mapping import ColumnChoice, ColumnMapping, resolve_mapping
from discovery.domain.facts import fingerprint_of, with_facts
from discovery.domain.figures import derive, history_with_baseline, profile_from, snapshots_to_store
from discovery.domain.imports import (
    CellWarning,
    Chunk,
    ImportCounts,
    ImportFile,
    ImportJob,
    ImportState,
    ProfileChanges,
    RecordSource,
    Rejection,
    Update,
    read_chunks,
)
from discovery.domain.profiles import SHARED_CATALOGUE, Influencer, Platform, new_id, new_ids, now
from discovery.domain.row_parser import ParsedRow, merge
from discovery.domain.search import Visibility
from servicekit.errors import NotFound


@dataclass(frozen=True)
class ImportOptions:
    platform: Platform | None
    currency: str
    mapping: Mapping[str, str | None]
    visibility: Visibility | None


def _mapping(upload: ImportFile, options: ImportOptions) -> ColumnMapping:
    return resolve_mapping(
        upload.columns,
        options.mapping,
        platform_given=options.platform is not None,
        samples=upload.samples,
        platform=options.platform,
    )


def _job(actor: Actor, upload: ImportFile, options: ImportOptions, mapping: ColumnMapping) -> ImportJob:
    return ImportJob(
        id=new_id(),
        tenant_id=actor.tenant_id,
        catalogue_id=catalogue_for(actor, options.visibility),
        state=ImportState.QUEUED,
        format=upload.format,
        filename=upload.filename,
        size_bytes=len(upload.content),
        options={
            "platform": options.platform.value if options.platform else None,
            "currency": options.currency.upper(),
            "mapping": dict(options.mapping),
            "checks": dict(mapping.checks),
        },
        created_at=now(),
        created_by=actor.user_id,
        encoding=upload.encoding,
        mapping=mapping.fields,
        unmapped_columns=mapping.unmapped,
    )


async def submit(uow: UnitOfWork, actor: Actor, upload: ImportFile, options: ImportOptions) -> ImportJob:
    """Checks the mapping of the upload's columns (its format, encoding and header were checked on
    reading it) and queues the job."""
    job = _job(actor, upload, options, _mapping(upload, options))
    await uow.imports.add(job, upload.content)
    return job


@dataclass(frozen=True)
class ImportPreview:
    """What an import of the upload would do, worked out without writing anything: the mapping of
    every column, and the rows that would be imported, warned of or rejected."""

    job: ImportJob
    choices: tuple[ColumnChoice, ...]
    checks: dict[str, str]
    counts: ImportCounts
    rejections: list[Rejection]
    warnings: list[CellWarning]


async def preview(
    uow: UnitOfWork,
    actor: Actor,
    upload: ImportFile,
    source: RecordSource,
    options: ImportOptions,
    *,
    chunk_rows: int,
    shown: int,
) -> ImportPreview:
    """The import of `upload` (read as `source`) as the job would run it, chunk by chunk against
    the catalogue as it is, but nothing stored: its mapping, passed back as the mapping of the
    import, imports exactly these rows."""
    mapping = _mapping(upload, options)
    job = _job(actor, upload, options, mapping)

    async def plan(chunk: Chunk) -> ChunkPlan:
        return await plan_chunk(uow.influencers, job.catalogue_id, chunk.rows, now())

    counts, rejected, warned = await previewed(read_chunks(job, source, chunk_rows), plan, shown)
    return ImportPreview(job, mapping.choices, mapping.checks, counts, rejected, warned)


class Planned(Protocol):
    counts: ImportCounts
    rejections: list[Rejection]


async def previewed(
    chunks: Iterable[Chunk], plan: Callable[[Chunk], Awaitable[Planned]], shown: int
) -> tuple[ImportCounts, list[Rejection], list[CellWarning]]:
    """What importing these chunks would count, reject and warn of (the first `shown` of each)."""
    counts = ImportCounts()
    rejected: list[Rejection] = []
    warned: list[CellWarning] = []
    for chunk in chunks:
        planned = await plan(chunk)
        counts.add(
            ImportCounts(rows_read=chunk.read, rows_rejected=len(chunk.rejections), warnings=len(chunk.warnings))
        )
        counts.add(planned.counts)
        in_order = sorted([*chunk.rejections, *planned.rejections], key=lambda r: r.line)
        rejected.extend(in_order[: max(0, shown - len(rejected))])
        warned.extend(chunk.warnings[: max(0, shown - len(warned))])
    return counts, rejected, warned


async def job_of_org(uow: UnitOfWork, job_id: UUID) -> ImportJob:
    """An import job the caller's org uploaded."""
    job = await uow.imports.get(job_id)
    if job is None:
        raise NotFound("import job", job_id)
    return job


async def rejections(uow: UnitOfWork, job: ImportJob, *, limit: int, after_line: int | None) -> Sequence[Rejection]:
    """The rejected rows of a job of the org (job_of_org), in file order."""
    return await uow.imports.rejections(job.id, limit=limit, after_line=after_line)


async def warnings(uow: UnitOfWork, job: ImportJob, *, limit: int) -> Sequence[CellWarning]:
    """The first cells a job of the org read as empty or doubted, in file order."""
    return await uow.imports.warnings(job.id, limit=limit)


@dataclass(frozen=True)
class ChunkPlan:
    changes: ProfileChanges
    counts: ImportCounts
    rejections: list[Rejection]


async def plan_chunk(
    store: InfluencerStore, catalogue_id: UUID, rows: Sequence[tuple[int, ParsedRow]], at: datetime
) -> ChunkPlan:
    """What a chunk of valid rows changes, read from the store but not yet written: new profiles
    are created, changed ones updated (with snapshots when their counts moved), unchanged ones left
    alone, by (platform, handle) in the catalogue. An org's import never touches the shared
    catalogue: a row naming a shared profile is rejected."""
    counts = ImportCounts()
    rejections: list[Rejection] = []
    keys = [(row.facts.platform, row.facts.handle) for _, row in rows]
    existing = await store.import_targets(catalogue_id, keys)
    shared = await store.import_targets(SHARED_CATALOGUE, keys) if catalogue_id != SHARED_CATALOGUE else {}
    changes = ProfileChanges()
    ids = iter(new_ids(len(rows)))
    changed: list[tuple[Influencer, ParsedRow]] = []
    for line, row in rows:
        facts = row.facts
        key = (facts.platform, facts.handle)
        stored = existing.get(key)
        if stored is None:
            if key in shared:
                reason = f"{key[1]!r} is in the shared catalogue ({shared[key].id}); imports do not change it"
                rejections.append(Rejection(line, "handle", reason))
                continue
            figures = derive(facts, history=(), performance_score=None, at=at)
            created = profile_from(next(ids), catalogue_id, facts, figures, None, at)
            changes.created.append(created)
            changes.lines[created.id] = line
        elif fingerprint_of(with_facts(stored.parts, facts, row.stated)) == stored.content_hash:
            counts.rows_unchanged += 1  # the fingerprint of the profile merged with the row's facts
        else:
            changed.append((stored.load(), row))
            changes.lines[stored.id] = line
    histories = await store.histories([current.id for current, _ in changed]) if changed else {}
    for current, row in changed:
        facts = merge(current.facts, row)
        history, baseline = history_with_baseline(current, histories.get(current.id, []))
        figures = derive(facts, history=history, performance_score=current.performance_score, at=at)
        changes.updated.append(Update(current, profile_from(current.id, catalogue_id, facts, figures, current, at)))
        changes.snapshots.extend((current.id, s) for s in snapshots_to_store(history, baseline, figures))
    counts.rows_created = len(changes.created)
    counts.rows_updated = len(changes.updated)
    counts.rows_imported = counts.rows_created + counts.rows_updated + counts.rows_unchanged
    counts.rows_rejected = len(rejections)
    return ChunkPlan(changes=changes, counts=counts, rejections=rejections)

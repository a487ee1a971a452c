"""Bulk import: an upload becomes a queued job at once; a worker then reads it chunk by chunk."""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from discovery.application.ports import InfluencerStore, ProfileKey, UnitOfWork
from discovery.domain.actors import Actor, catalogue_for
from discovery.domain.figures import derive, history_with_baseline, profile_from, snapshots_to_store
from discovery.domain.importing import (
    ColumnMapping,
    ImportFormat,
    decode,
    detect_format,
    parse_platform,
    read_records,
    resolve_mapping,
)
from discovery.domain.imports import ImportCounts, ImportJob, ImportState, ProfileChanges, Rejection, Update
from discovery.domain.limits import NUL
from discovery.domain.profiles import (
    SHARED_CATALOGUE,
    Influencer,
    Platform,
    fingerprint_of,
    new_id,
    new_ids,
    now,
    with_facts,
)
from discovery.domain.row_parser import ParsedRow, RowParser, merge
from discovery.domain.row_values import RowError
from discovery.domain.search import Visibility
from servicekit.errors import InvalidField


@dataclass(frozen=True)
class ImportOptions:
    platform: Platform | None
    currency: str
    mapping: Mapping[str, str | None]
    visibility: Visibility | None


async def submit(
    uow: UnitOfWork,
    actor: Actor,
    content: bytes,
    *,
    filename: str | None,
    content_type: str | None,
    format_name: str | None,
    options: ImportOptions,
) -> ImportJob:
    """Checks what can be checked at once (format, encoding, header, mapping) and queues the job."""
    fmt = detect_format(content_type, filename, format_name)
    text, encoding = decode(content)
    source = read_records(text, fmt)
    if not source.columns:
        raise InvalidField("file", "the file has no header row or records")
    mapping = resolve_mapping(source.columns, options.mapping, platform_given=options.platform is not None)
    job = ImportJob(
        id=new_id(),
        tenant_id=actor.tenant_id,
        catalogue_id=catalogue_for(actor, options.visibility),
        state=ImportState.QUEUED,
        format=fmt.value,
        filename=filename,
        size_bytes=len(content),
        options={
            "platform": options.platform.value if options.platform else None,
            "currency": options.currency.upper(),
            "mapping": dict(options.mapping),
        },
        created_at=now(),
        created_by=actor.user_id,
        encoding=encoding,
        mapping=mapping.fields,
        unmapped_columns=mapping.unmapped,
    )
    await uow.imports.add(job, content)
    return job


@dataclass(frozen=True)
class Chunk:
    """Rows to upsert and rows rejected, and where in the file the chunk ends."""

    rows: list[tuple[int, ParsedRow]]
    rejections: list[Rejection]
    read: int
    records_done: int


def read_chunks(job: ImportJob, content: bytes, chunk_rows: int) -> Iterator[Chunk]:
    """The job's file in chunks, from its checkpoint on. Records before the checkpoint are read
    again only to know their handles: a handle repeated later in the file is still refused."""
    text, _ = decode(content)
    source = read_records(text, ImportFormat(job.format))
    platform = job.options.get("platform")
    parser = RowParser(
        ColumnMapping(fields=dict(job.mapping), unmapped=list(job.unmapped_columns)),
        platform=parse_platform(str(platform)) if platform else None,
        currency=str(job.options.get("currency") or "USD"),
        text_may_hold_nul=NUL in text or "\\u0000" in text,
    )
    seen: dict[ProfileKey, int] = {}
    rows: list[tuple[int, ParsedRow]] = []
    rejections: list[Rejection] = []
    read = 0
    index = 0
    for record in source.records:
        index += 1
        resuming = index <= job.records_done
        if not resuming:
            read += 1
        if record.values is None:
            if not resuming:
                field = (record.problem or "row").partition(": ")[0]
                rejections.append(Rejection(record.line, field, record.problem or "unreadable"))
            continue
        try:
            parsed = parser.parse(record.values)
        except RowError as exc:
            if not resuming:
                rejections.append(Rejection(record.line, exc.field, str(exc)))
            continue
        key = (parsed.facts.platform, parsed.facts.handle)
        if key in seen:
            if not resuming:
                reason = f"handle: {key[1]!r} repeats line {seen[key]} of this file"
                rejections.append(Rejection(record.line, "handle", reason))
            continue
        seen[key] = record.line
        if resuming:
            continue
        rows.append((record.line, parsed))
        if len(rows) + len(rejections) >= chunk_rows:
            yield Chunk(rows, rejections, read, index)
            rows, rejections, read = [], [], 0
    if rows or rejections or read or index > job.records_done:
        yield Chunk(rows, rejections, read, index)


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

"""Import jobs: an upload is queued, then read in chunks by a worker that checkpoints each chunk
with its effect, so a job cut short by a crash resumes where it stopped and changes nothing twice."""

from collections.abc import Callable, Collection, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple
from uuid import UUID

from discovery.domain.column_mapping import ColumnMapping, parse_platform
from discovery.domain.facts import Snapshot
from discovery.domain.profiles import Influencer, ProfileKey
from discovery.domain.row_parser import ParsedRow, RowParser
from discovery.domain.row_values import RowError


class ImportKind(StrEnum):
    """What an import's file holds."""

    PROFILES = "profiles"
    POSTS = "posts"


class ImportState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class SourceRecord(NamedTuple):
    """One record of a file: its line, and its values by column (None if unreadable, with why)."""

    line: int
    values: Mapping[str, Any] | None
    problem: str | None = None


@dataclass(frozen=True)
class RecordSource:
    """A file as the import reads it (adapters/file_formats.py reads each format into it)."""

    columns: list[str]
    records: Iterator[SourceRecord]
    # False when the file holds no NUL character: its rows need no check for one.
    may_hold_nul: bool = True


@dataclass(frozen=True)
class ImportFile:
    """An upload, checked to have a format, a text encoding and a header."""

    content: bytes
    format: str
    encoding: str
    columns: list[str]
    filename: str | None
    # The first records' values: what the column mapping reads besides the headers.
    samples: tuple[Mapping[str, Any], ...] = ()


def unique_columns(header: Sequence[str]) -> list[str]:
    """The header with each repeated name numbered from its second time on (`Followers`,
    `Followers [2]`): exports repeat a header over an abbreviated and an exact figure."""
    seen: dict[str, int] = {}
    columns = []
    for name in header:
        times = seen[name] = seen.get(name, 0) + 1
        columns.append(name if times == 1 else f"{name} [{times}]")
    return columns


@dataclass(frozen=True)
class Rejection:
    line: int
    field: str
    reason: str


@dataclass(frozen=True)
class CellWarning:
    """A cell read as empty (a spreadsheet error, an unreadable optional figure) or doubted (two
    columns of one figure disagreeing): its row is imported all the same."""

    line: int
    column: str
    field: str
    reason: str


@dataclass
class ImportCounts:
    rows_read: int = 0
    rows_imported: int = 0
    rows_created: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    rows_rejected: int = 0
    warnings: int = 0

    def add(self, other: "ImportCounts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ImportJob:
    id: UUID
    tenant_id: UUID
    catalogue_id: UUID
    state: ImportState
    format: str
    filename: str | None
    size_bytes: int
    options: dict[str, object]
    created_at: datetime
    created_by: UUID | None = None
    kind: ImportKind = ImportKind.PROFILES
    encoding: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    unmapped_columns: list[str] = field(default_factory=list)
    counts: ImportCounts = field(default_factory=ImportCounts)
    records_done: int = 0
    attempts: int = 0
    error: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    heartbeat_at: datetime | None = None


@dataclass(frozen=True)
class Update:
    before: Influencer
    after: Influencer


@dataclass
class ProfileChanges:
    """What a chunk of an import writes, decided against the catalogue as it was read: written only
    if none of the updated profiles changed since (else StaleProfiles, and the chunk is read again)."""

    created: list[Influencer] = field(default_factory=list)
    updated: list[Update] = field(default_factory=list)
    snapshots: list[tuple[UUID, Snapshot]] = field(default_factory=list)
    # The line of the file each created or updated profile comes from.
    lines: dict[UUID, int] = field(default_factory=dict)

    def ids(self) -> list[UUID]:
        return [*(i.id for i in self.created), *(u.after.id for u in self.updated)]

    def only(self, ids: Collection[UUID]) -> "ProfileChanges":
        """The changes to these profiles alone."""
        keep = set(ids)
        return ProfileChanges(
            created=[i for i in self.created if i.id in keep],
            updated=[u for u in self.updated if u.after.id in keep],
            snapshots=[(i, s) for i, s in self.snapshots if i in keep],
            lines={i: line for i, line in self.lines.items() if i in keep},
        )


@dataclass(frozen=True)
class Refusal:
    """A planned row the database refused to store."""

    line: int
    created: bool
    field: str
    reason: str


def with_refusals(
    counts: ImportCounts, rejections: list[Rejection], refusals: Collection[Refusal]
) -> tuple[ImportCounts, list[Rejection]]:
    """A chunk's counts and rejections once the rows the database refused are rejected too."""
    if not refusals:
        return counts, rejections
    adjusted = ImportCounts(**{name: getattr(counts, name) for name in ImportCounts.__dataclass_fields__})
    for refusal in refusals:
        adjusted.rows_imported -= 1
        adjusted.rows_rejected += 1
        if refusal.created:
            adjusted.rows_created -= 1
        else:
            adjusted.rows_updated -= 1
    refused = [Rejection(r.line, r.field, f"{r.field}: {r.reason}") for r in refusals]
    return adjusted, [*rejections, *refused]


class StaleProfiles(Exception):
    """A profile an import was about to update changed after the import read it."""


@dataclass(frozen=True)
class Chunk:
    """Rows to upsert and rows rejected, and where in the file the chunk ends."""

    rows: list[tuple[int, Any]]  # ParsedRow of profiles, ParsedPost of posts
    rejections: list[Rejection]
    read: int
    records_done: int
    warnings: list[CellWarning] = field(default_factory=list)


# A record's reader: the row, the key a later record may not repeat, the row's cell warnings
# (column, field, reason); RowError when the record cannot be a row.
RecordParser = Callable[[Mapping[str, Any]], tuple[Any, Hashable, Sequence[tuple[str, str, str]]]]


def read_chunks(job: ImportJob, source: RecordSource, chunk_rows: int) -> Iterator[Chunk]:
    """The job's file in chunks, from its checkpoint on. Records before the checkpoint are read
    again only to know their handles: a handle repeated later in the file is still refused."""
    platform = job.options.get("platform")
    checks = job.options.get("checks")
    parser = RowParser(
        ColumnMapping(
            fields=dict(job.mapping),
            unmapped=list(job.unmapped_columns),
            checks=dict(checks) if isinstance(checks, dict) else {},
        ),
        platform=parse_platform(str(platform)) if platform else None,
        currency=str(job.options.get("currency") or "USD"),
        text_may_hold_nul=source.may_hold_nul,
    )

    def parse(values: Mapping[str, Any]) -> tuple[ParsedRow, ProfileKey, list[tuple[str, str, str]]]:
        parsed = parser.parse(values)
        return parsed, (parsed.facts.platform, parsed.facts.handle), parsed.warnings

    return chunks_of(job, source, chunk_rows, parse, repeated=lambda key: f"handle: {key[1]!r} repeats line")


def chunks_of(
    job: ImportJob,
    source: RecordSource,
    chunk_rows: int,
    parse: RecordParser,
    *,
    repeated: Callable[[Any], str],
) -> Iterator[Chunk]:
    """The file's records read by `parse` in chunks from the job's checkpoint on; a record whose
    key an earlier one had is rejected (`repeated(key)` names it, then the earlier line)."""
    seen: dict[Hashable, int] = {}
    rows: list[tuple[int, Any]] = []
    rejections: list[Rejection] = []
    warnings: list[CellWarning] = []
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
            parsed, key, warned = parse(record.values)
        except RowError as exc:
            if not resuming:
                rejections.append(Rejection(record.line, exc.field, str(exc)))
            continue
        if key in seen:
            if not resuming:
                reason = f"{repeated(key)} {seen[key]} of this file"
                rejections.append(Rejection(record.line, reason.partition(":")[0], reason))
            continue
        seen[key] = record.line
        if resuming:
            continue
        rows.append((record.line, parsed))
        if warned:
            warnings.extend(CellWarning(record.line, *w) for w in warned)
        if len(rows) + len(rejections) >= chunk_rows:
            yield Chunk(rows, rejections, read, index, warnings)
            rows, rejections, warnings, read = [], [], [], 0
    if rows or rejections or read or index > job.records_done:
        yield Chunk(rows, rejections, read, index, warnings)

"""Import jobs: an upload is queued, then read in chunks by a worker that checkpoints each chunk
with its effect, so a job cut short by a crash resumes where it stopped and changes nothing twice."""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from discovery.domain.profiles import Influencer, Snapshot


class ImportState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@dataclass(frozen=True)
class Rejection:
    line: int
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

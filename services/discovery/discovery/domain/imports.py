"""Import jobs: an upload is queued, then read in chunks by a worker that checkpoints each chunk
with its effect, so a job cut short by a crash resumes where it stopped and changes nothing twice."""

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


class StaleProfiles(Exception):
    """A profile an import was about to update changed after the import read it."""

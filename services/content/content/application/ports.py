"""What the use cases need from storage and the outside world (adapters/ implements them)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from content.domain.access import Visibility
from content.domain.amplifications import Amplification
from content.domain.assets import Asset
from content.domain.briefs import Brief
from content.domain.deliverables import Deliverable, DeliverableState
from content.domain.media import Media
from content.domain.posts import LivePost, Post
from content.domain.submissions import Submission
from contracts import EventData
from servicekit.campaigns import KnownCampaign

Cursor = tuple[datetime, UUID]


@dataclass(frozen=True)
class DeliverableFilter:
    campaign_id: UUID | None = None
    partnership_id: UUID | None = None
    state: DeliverableState | None = None
    platform: str | None = None
    due_before: date | None = None
    overdue_on: date | None = None  # only those overdue on this day


@dataclass(frozen=True)
class AssetFilter:
    campaign_id: UUID | None = None
    channel: str | None = None
    usable_at: datetime | None = None  # only assets whose rights are in force then


class Events(Protocol):
    async def record(self, data: EventData, *, subject: UUID | str, key: UUID | str) -> None: ...


class Campaigns(Protocol):
    async def get(self, campaign_id: UUID) -> KnownCampaign | None: ...


class Deliverables(Protocol):
    async def get(self, deliverable_id: UUID, *, for_update: bool = False) -> Deliverable | None: ...
    async def add(self, deliverable: Deliverable) -> bool: ...
    async def save(self, deliverable: Deliverable) -> None: ...
    async def of_partnership(self, partnership_id: UUID, *, for_update: bool = False) -> list[Deliverable]: ...
    async def list(
        self, visibility: Visibility, where: DeliverableFilter, *, limit: int, after: Cursor | None
    ) -> Sequence[Deliverable]: ...
    async def claim_overdue(self, deliverable_id: UUID, now: datetime) -> bool: ...


class Briefs(Protocol):
    async def latest(self, campaign_id: UUID) -> Brief | None: ...
    async def version(self, campaign_id: UUID, version: int) -> Brief | None: ...
    async def get(self, brief_id: UUID) -> Brief | None: ...
    async def add(self, brief: Brief) -> None: ...
    async def versions(self, campaign_id: UUID, *, limit: int, after: Cursor | None) -> Sequence[Brief]: ...


class Submissions(Protocol):
    async def get(self, submission_id: UUID) -> Submission | None: ...
    async def add(self, submission: Submission) -> None: ...
    async def save(self, submission: Submission) -> None: ...
    async def of_deliverable(self, deliverable_id: UUID, *, limit: int, after: int | None) -> Sequence[Submission]: ...


class MediaStore(Protocol):
    async def get(self, media_id: UUID) -> Media | None: ...
    async def add(self, media: Media) -> None: ...


class Posts(Protocol):
    async def get(self, post_id: UUID) -> Post | None: ...
    async def find(self, tenant_id: UUID, platform: str, external_id: str) -> Post | None: ...
    async def add(self, post: Post) -> None: ...


class Amplifications(Protocol):
    async def get(self, amplification_id: UUID, *, for_update: bool = False) -> Amplification | None: ...
    async def add(self, amplification: Amplification) -> None: ...
    async def save(self, amplification: Amplification) -> None: ...
    async def of_deliverable(
        self, deliverable_id: UUID, *, limit: int, after: Cursor | None
    ) -> Sequence[Amplification]: ...


class Assets(Protocol):
    async def get(self, asset_id: UUID) -> Asset | None: ...
    async def add(self, asset: Asset) -> None: ...
    async def save(self, asset: Asset) -> None: ...
    async def list(self, where: AssetFilter, *, limit: int, after: Cursor | None) -> Sequence[Asset]: ...


class UnitOfWork(Protocol):
    """One transaction acting for one org (servicekit.unit_of_work.UnitOfWork and its fake)."""

    tenant_id: UUID
    events: Events
    campaigns: Campaigns
    deliverables: Deliverables
    briefs: Briefs
    submissions: Submissions
    media: MediaStore
    posts: Posts
    amplifications: Amplifications
    assets: Assets

    def scoped_to(self, tenant_id: UUID) -> "UnitOfWork": ...


class BlobStore(Protocol):
    """Where media bytes live: a local directory, or an S3-compatible bucket."""

    async def put(self, key: str, data: bytes, content_type: str) -> None: ...
    async def get(self, key: str) -> bytes: ...
    async def delete(self, key: str) -> None: ...


class PostConnector(Protocol):
    """How a live post is learnt: from the creator's word (the manual connector), or from the
    platform itself (a connector per platform, later)."""

    name: str

    async def observe(self, claimed: LivePost) -> LivePost: ...

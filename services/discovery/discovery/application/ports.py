"""What the use cases need from the outside world: the repositories of the unit of work, as protocols
the adapters implement."""

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from contracts import EventData
from discovery.domain.content_quality import PostsDerived, QualitySubject, StoredContentQuality
from discovery.domain.facts import Snapshot
from discovery.domain.figures import Standing
from discovery.domain.imports import CellWarning, ImportJob, ProfileChanges, Rejection
from discovery.domain.notes import Note
from discovery.domain.performance import PerformanceRecord
from discovery.domain.post_import import PostKey, PostOwner, PostPlan, StoredPost
from discovery.domain.posts import Post, PostMark
from discovery.domain.profile_notices import ProfileNotice
from discovery.domain.profiles import Influencer, ProfileKey, StoredProfile
from discovery.domain.ranking import Candidate, CandidatePool
from discovery.domain.search import SearchFilters, Sort
from discovery.domain.shortlists import ShortlistEntry
from servicekit.campaigns import KnownCampaign


class InfluencerStore(Protocol):
    """Profiles one org may see: the shared catalogue and its own."""

    async def get(self, influencer_id: UUID, *, for_update: bool = False) -> Influencer | None: ...

    async def many(self, influencer_ids: Sequence[UUID]) -> dict[UUID, Influencer]: ...

    async def quality_subjects(self, influencer_ids: Sequence[UUID]) -> dict[UUID, QualitySubject]:
        """Of these profiles, what their content quality reads (not the whole profile)."""
        ...

    async def in_catalogue(self, catalogue_id: UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, Influencer]: ...

    async def post_owners(self, catalogue_id: UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, PostOwner]:
        """The profiles of these keys in a catalogue, as a posts import links posts to them."""
        ...

    async def import_targets(
        self, catalogue_id: UUID, keys: Sequence[ProfileKey]
    ) -> dict[ProfileKey, StoredProfile]: ...

    async def histories(self, influencer_ids: Sequence[UUID]) -> dict[UUID, list[Snapshot]]: ...

    async def add(self, influencer: Influencer) -> None: ...

    async def save(self, influencer: Influencer, snapshots: Sequence[Snapshot]) -> None: ...

    async def write_changes(self, changes: ProfileChanges) -> None:
        """Creates and updates profiles in bulk; raises StaleProfiles (writing nothing more) if an
        updated profile is no longer as it was read."""
        ...

    async def search(
        self, filters: SearchFilters, sort: Sort, *, limit: int, after: list[object] | None
    ) -> Sequence[Influencer]: ...

    async def candidates(
        self, filters: SearchFilters, *, target_countries: Sequence[str], pool: int, with_text: bool = False
    ) -> CandidatePool: ...

    async def lookalike_candidates(self, source: Influencer, *, any_platform: bool, pool: int) -> CandidatePool: ...

    async def candidate(self, influencer_id: UUID) -> Candidate | None: ...

    async def audience_countries(self, influencer_ids: Sequence[UUID]) -> dict[UUID, dict[str, float]]: ...

    async def snapshots(self, influencer_id: UUID, *, limit: int, before: datetime | None) -> Sequence[Snapshot]: ...


class NotesAndTags(Protocol):
    """An org's own notes and tags on any profile it can see."""

    async def tags(self, influencer_ids: Sequence[UUID]) -> dict[UUID, list[str]]: ...

    async def set_tags(self, influencer_id: UUID, tags: Sequence[str]) -> None: ...

    async def add_note(self, influencer_id: UUID, text: str, author_id: UUID | None) -> Note: ...

    async def notes(
        self, influencer_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
    ) -> Sequence[Note]: ...

    async def delete_note(self, influencer_id: UUID, note_id: UUID) -> bool: ...


class ImportJobStore(Protocol):
    async def add(self, job: ImportJob, content: bytes) -> None: ...

    async def get(self, job_id: UUID) -> ImportJob | None: ...

    async def rejections(self, job_id: UUID, *, limit: int, after_line: int | None) -> Sequence[Rejection]: ...

    async def warnings(self, job_id: UUID, *, limit: int) -> Sequence[CellWarning]: ...


class Campaigns(Protocol):
    """Campaigns as partnerships' events told them (servicekit's campaign directory)."""

    async def get(self, campaign_id: UUID) -> KnownCampaign | None: ...


class Shortlists(Protocol):
    async def get(self, campaign_id: UUID, influencer_id: UUID) -> ShortlistEntry | None: ...

    async def add(self, entry: ShortlistEntry) -> None: ...

    async def remove(self, campaign_id: UUID, influencer_id: UUID) -> None: ...

    async def list(
        self, campaign_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
    ) -> Sequence[ShortlistEntry]: ...


class Performance(Protocol):
    """What metrics measured of each influencer (whoever measured it), and the scores it moves."""

    async def keep_newest(self, record: PerformanceRecord) -> None: ...

    async def records(self, influencer_id: UUID) -> Sequence[PerformanceRecord]: ...

    async def standing(self, influencer_id: UUID) -> Standing | None: ...

    async def set_scores(self, influencer_id: UUID, *, performance_score: float | None, prior_score: float) -> None: ...


class ProfileNotices(Protocol):
    """Notices recorded here are told to other services if, and only if, the unit of work commits."""

    async def announce(self, notices: Sequence[ProfileNotice]) -> None: ...


class Posts(Protocol):
    """The posts an org sees (the shared catalogue's and its own) of the profiles it sees; where
    both hold the same post, the org's copy."""

    async def of_profile(
        self,
        influencer_id: UUID,
        *,
        since: datetime | None = None,
        limit: int | None = None,
        after: tuple[datetime, UUID] | None = None,
        sponsored: bool | None = None,
    ) -> list[Post]:
        """A profile's posts posted at or after `since` (all without it), newest first, at most
        `limit`, after the (posted_at, id) of `after`, only sponsored or organic ones if said."""
        ...

    async def of_profiles(
        self, influencer_ids: Sequence[UUID], *, since: datetime | None = None, limit: int | None = None
    ) -> dict[UUID, list[Post]]:
        """Each profile's posts posted at or after `since`, newest first, at most `limit` each."""
        ...

    async def marks_of(self, influencer_id: UUID) -> list[PostMark]:
        """What the sponsored history needs of each of a profile's posts (in no order)."""
        ...

    async def stored(self, catalogue_id: UUID, keys: Sequence[PostKey]) -> dict[PostKey, StoredPost]:
        """The posts of these keys (platform, post id) a catalogue holds, as an import compares them."""
        ...

    async def write(self, plan: PostPlan, job_id: UUID | None) -> None: ...

    async def touched_by(self, job_id: UUID, *, limit: int) -> tuple[int, list[UUID]]:
        """How many profiles the job created or changed posts of, and the first `limit` by id."""
        ...


class ContentQualityStore(Protocol):
    """What profiles' posts give them, kept on the profiles (and told of as influencer.updated)."""

    async def store(self, derived: Sequence[PostsDerived]) -> None: ...

    async def of_profile(self, influencer_id: UUID) -> StoredContentQuality | None: ...


class EventSink(Protocol):
    """Events recorded here are published if, and only if, the unit of work commits."""

    async def record(self, data: EventData, *, subject: UUID, key: UUID) -> None: ...


class UnitOfWork(Protocol):
    tenant_id: UUID

    def scoped_to(self, tenant_id: UUID) -> "UnitOfWork": ...

    influencers: InfluencerStore
    notes_and_tags: NotesAndTags
    imports: ImportJobStore
    campaigns: Campaigns
    shortlists: Shortlists
    performance: Performance
    posts: Posts
    content_quality: ContentQualityStore
    events: EventSink
    profile_notices: ProfileNotices

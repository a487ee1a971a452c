"""An in-memory unit of work for discovery's application tests (on servicekit.testing's): no
I/O, each store as the real one scopes it. It holds what the tests written on it use; a test that
needs another store adds it here."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from discovery.application.content import quality_subject
from discovery.domain.content_quality import PostsDerived, QualitySubject, StoredContentQuality
from discovery.domain.facts import ProfileFacts
from discovery.domain.figures import Standing, derive, profile_from
from discovery.domain.performance import PerformanceRecord
from discovery.domain.posts import Post, PostMark, as_seen_by
from discovery.domain.profile_notices import ProfileNotice
from discovery.domain.profiles import SHARED_CATALOGUE, Influencer, new_id, now
from discovery.domain.shortlists import ShortlistEntry
from servicekit import testing
from servicekit.campaigns import KnownCampaign


@dataclass
class Memory(testing.Memory):
    campaigns: dict[UUID, KnownCampaign] = field(default_factory=dict)
    influencers: dict[UUID, Influencer] = field(default_factory=dict)
    shortlists: dict[tuple[UUID, UUID], ShortlistEntry] = field(default_factory=dict)
    notices: list[ProfileNotice] = field(default_factory=list)
    performance: dict[tuple[UUID, str], PerformanceRecord] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    content_quality: dict[UUID, PostsDerived] = field(default_factory=dict)


def keep_profile(memory: Memory, catalogue_id: UUID, facts: ProfileFacts) -> Influencer:
    """A profile stored as discovery would have stored it, in the shared or an org's catalogue."""
    at = now()
    influencer = profile_from(
        new_id(), catalogue_id, facts, derive(facts, history=[], performance_score=None, at=at), None, at
    )
    memory.influencers[influencer.id] = influencer
    return influencer


class FakeInfluencers:
    """Profiles one org may see: the shared catalogue and its own."""

    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id

    async def get(self, influencer_id: UUID, *, for_update: bool = False) -> Influencer | None:
        found = self.memory.influencers.get(influencer_id)
        return found if found is not None and found.visible_to(self.tenant_id) else None

    async def many(self, influencer_ids: Sequence[UUID]) -> dict[UUID, Influencer]:
        return {i: found for i in influencer_ids if (found := await self.get(i)) is not None}

    async def quality_subjects(self, influencer_ids: Sequence[UUID]) -> dict[UUID, QualitySubject]:
        return {i: quality_subject(p) for i, p in (await self.many(influencer_ids)).items()}


class FakeShortlists:
    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id

    async def get(self, campaign_id: UUID, influencer_id: UUID) -> ShortlistEntry | None:
        found = self.memory.shortlists.get((campaign_id, influencer_id))
        return found if found is not None and found.tenant_id == self.tenant_id else None

    async def add(self, entry: ShortlistEntry) -> None:
        key = (entry.campaign_id, entry.influencer_id)
        assert key not in self.memory.shortlists, "an influencer is on a shortlist once (the primary key)"
        self.memory.shortlists[key] = entry

    async def remove(self, campaign_id: UUID, influencer_id: UUID) -> None:
        if await self.get(campaign_id, influencer_id) is not None:
            del self.memory.shortlists[(campaign_id, influencer_id)]

    async def list(
        self, campaign_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
    ) -> Sequence[ShortlistEntry]:
        mine = [e for (c, _), e in self.memory.shortlists.items() if c == campaign_id and e.tenant_id == self.tenant_id]
        return sorted(mine, key=lambda e: (e.added_at, e.influencer_id), reverse=True)[:limit]


class FakePerformance:
    """What metrics measured, per influencer and scope (whoever measured it), and the scores."""

    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def keep_newest(self, record: PerformanceRecord) -> None:
        key = (record.influencer_id, record.scope)
        kept = self.memory.performance.get(key)
        if kept is None or kept.measured_at <= record.measured_at:
            self.memory.performance[key] = record

    async def records(self, influencer_id: UUID) -> Sequence[PerformanceRecord]:
        found = [r for (i, _), r in self.memory.performance.items() if i == influencer_id]
        return sorted(found, key=lambda r: r.scope)

    async def standing(self, influencer_id: UUID) -> Standing | None:
        found = self.memory.influencers.get(influencer_id)
        if found is None:
            return None
        return Standing(found.facts.platform, found.tier, found.engagement_rate, found.authenticity_score)

    async def set_scores(self, influencer_id: UUID, *, performance_score: float | None, prior_score: float) -> None:
        found = self.memory.influencers[influencer_id]
        found.performance_score, found.prior_score = performance_score, prior_score


class FakePosts:
    """The posts of the shared catalogue and the org's own (Memory.posts: append Posts to it)."""

    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id

    async def of_profile(
        self,
        influencer_id: UUID,
        *,
        since: datetime | None = None,
        limit: int | None = None,
        after: tuple[datetime, UUID] | None = None,
        sponsored: bool | None = None,
    ) -> list[Post]:
        found = (await self.of_profiles([influencer_id], since=since)).get(influencer_id, [])
        found = [p for p in found if (after is None or (p.posted_at, p.id) < after)]
        found = [p for p in found if sponsored is None or p.sponsored is sponsored]
        return found if limit is None else found[:limit]

    async def of_profiles(
        self, influencer_ids: Sequence[UUID], *, since: datetime | None = None, limit: int | None = None
    ) -> dict[UUID, list[Post]]:
        found: dict[UUID, list[Post]] = {}
        for post in self.memory.posts:
            if post.influencer_id not in influencer_ids or post.catalogue_id not in (SHARED_CATALOGUE, self.tenant_id):
                continue
            if since is None or post.posted_at >= since:
                found.setdefault(post.influencer_id, []).append(post)
        return {i: as_seen_by(self.tenant_id, posts, limit=limit) for i, posts in found.items()}

    async def marks_of(self, influencer_id: UUID) -> list[PostMark]:
        return [PostMark(p.posted_at, p.sponsored, p.brands) for p in await self.of_profile(influencer_id)]


class FakeContentQuality:
    """What posts give profiles (Memory.content_quality), and the influencer.updated it tells."""

    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def store(self, derived: Sequence[PostsDerived]) -> None:
        for d in derived:
            before = self.memory.content_quality.get(d.influencer_id)
            if before is None or (before.quality, before.document.text) != (d.quality, d.document.text):
                self.memory.content_quality[d.influencer_id] = d  # else its time stays that of the last change

    async def of_profile(self, influencer_id: UUID) -> StoredContentQuality | None:
        found = self.memory.content_quality.get(influencer_id)
        return None if found is None else StoredContentQuality(found.quality, found.assessed_at)


class FakeProfileNotices:
    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    async def announce(self, notices: Sequence[ProfileNotice]) -> None:
        self.memory.notices.extend(notices)


class FakeUnitOfWork(testing.FakeUnitOfWork[Memory]):
    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        super().__init__(memory, tenant_id)
        self.campaigns = testing.FakeCampaignDirectory(memory.campaigns, tenant_id)
        self.influencers = FakeInfluencers(memory, tenant_id)
        self.shortlists = FakeShortlists(memory, tenant_id)
        self.profile_notices = FakeProfileNotices(memory)
        self.performance = FakePerformance(memory)
        self.posts = FakePosts(memory, tenant_id)
        self.content_quality = FakeContentQuality(memory)

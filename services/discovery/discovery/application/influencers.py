"""What users do with profiles: add, change, read, judge, find lookalikes, annotate."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from discovery.application.ports import UnitOfWork
from discovery.domain.actors import Actor, catalogue_for, check_can_write
from discovery.domain.authenticity import AuthenticityReport
from discovery.domain.content_quality import StoredContentQuality
from discovery.domain.facts import ProfileFacts, Snapshot, fingerprint
from discovery.domain.figures import (
    FollowerGrowth,
    derive,
    follower_growth,
    history_with_baseline,
    led_by_the_present,
    profile_from,
    snapshots_to_store,
)
from discovery.domain.lookalikes import Lookalike, nearest
from discovery.domain.notes import Note, normalize_tags
from discovery.domain.performance import PerformanceSummary, summarize
from discovery.domain.posts import Post
from discovery.domain.profile_notices import notices_for_change
from discovery.domain.profiles import SHARED_CATALOGUE, Influencer, new_id, normalize_handle, now
from discovery.domain.ranking import RankedHit, RankingRequest, rank
from discovery.domain.search import SearchFilters, Sort, Visibility
from discovery.domain.sponsored_history import (
    RECENT_POSTS,
    CompetitorWork,
    SponsoredHistory,
    competitor_work,
    sponsored_history,
)
from discovery.domain.text import TextSimilarity
from servicekit.errors import Conflict, NotFound


async def _refuse_taken_handle(uow: UnitOfWork, catalogue_id: UUID, facts: ProfileFacts, own_id: UUID | None) -> None:
    key = (facts.platform, facts.handle)
    taken = (await uow.influencers.in_catalogue(catalogue_id, [key])).get(key)
    if taken is not None and taken.id != own_id:
        raise Conflict(
            f"{facts.platform.value} handle {facts.handle!r} is already in this catalogue", influencer_id=str(taken.id)
        )
    if catalogue_id != SHARED_CATALOGUE:
        shared = (await uow.influencers.in_catalogue(SHARED_CATALOGUE, [key])).get(key)
        if shared is not None:
            raise Conflict(
                f"{facts.platform.value} handle {facts.handle!r} is in the shared catalogue: "
                "annotate it with notes and tags instead of copying it",
                influencer_id=str(shared.id),
            )


async def create_influencer(
    uow: UnitOfWork, actor: Actor, facts: ProfileFacts, visibility: Visibility | None
) -> Influencer:
    catalogue_id = catalogue_for(actor, visibility)
    await _refuse_taken_handle(uow, catalogue_id, facts, None)
    at = now()
    figures = derive(facts, history=[], performance_score=None, at=at)
    influencer = profile_from(new_id(), catalogue_id, facts, figures, None, at)
    influencer.created_by = actor.user_id
    await uow.influencers.add(influencer)
    await uow.profile_notices.announce(notices_for_change(None, influencer))
    return influencer


async def get_influencer(uow: UnitOfWork, influencer_id: UUID) -> Influencer:
    influencer = await uow.influencers.get(influencer_id)
    if influencer is None:
        raise NotFound("influencer", influencer_id)
    return influencer


@dataclass(frozen=True)
class ProfileDetail:
    """A profile as one org sees it: with its tags, growth and past performance."""

    influencer: Influencer
    tags: list[str]
    growth: FollowerGrowth
    performance: PerformanceSummary
    recent_posts: list[Post]
    sponsored_history: SponsoredHistory
    competitors: list[CompetitorWork] | None
    content_quality: StoredContentQuality | None = None


async def detail(uow: UnitOfWork, influencer: Influencer, competitors: Sequence[str] | None = None) -> ProfileDetail:
    """With its recent posts and sponsored history (of the posts the org sees), and, when it names
    competitors, whether the profile worked with each."""
    tags = await uow.notes_and_tags.tags([influencer.id])
    snapshots = await uow.influencers.snapshots(influencer.id, limit=400, before=None)
    performance = summarize(await uow.performance.records(influencer.id), influencer.facts.platform)
    # The newest posts a page, the history from every post's date, sponsorship and brands.
    posts = await uow.posts.of_profile(influencer.id, limit=RECENT_POSTS)
    history = sponsored_history(await uow.posts.marks_of(influencer.id))
    return ProfileDetail(
        influencer,
        tags.get(influencer.id, []),
        follower_growth(influencer, snapshots),
        performance,
        recent_posts=posts,
        sponsored_history=history,
        competitors=None if competitors is None else competitor_work(history, competitors),
        content_quality=await uow.content_quality.of_profile(influencer.id),
    )


async def search(
    uow: UnitOfWork, filters: SearchFilters, sort: Sort, *, limit: int, after: list[object] | None
) -> tuple[list[Influencer], dict[UUID, list[str]]]:
    """A page of filtered search, with the org's tags on each profile; ValueError for a cursor
    that does not fit the sort."""
    found = list(await uow.influencers.search(filters, sort, limit=limit, after=after))
    return found, await uow.notes_and_tags.tags([i.id for i in found])


async def snapshots(uow: UnitOfWork, influencer_id: UUID, *, limit: int, before: datetime | None) -> list[Snapshot]:
    """Snapshots newest first; the first page starts with the profile as it is now."""
    influencer = await get_influencer(uow, influencer_id)
    stored = list(await uow.influencers.snapshots(influencer_id, limit=limit, before=before))
    return led_by_the_present(influencer, stored) if before is None else stored


async def posts(
    uow: UnitOfWork,
    influencer_id: UUID,
    *,
    limit: int,
    after: tuple[datetime, UUID] | None,
    sponsored: bool | None = None,
) -> list[Post]:
    """A page of the profile's posts, newest first, after the (posted_at, id) of the last one seen."""
    await get_influencer(uow, influencer_id)
    return await uow.posts.of_profile(influencer_id, limit=limit, after=after, sponsored=sponsored)


async def tags(uow: UnitOfWork, influencer_id: UUID) -> list[str]:
    await get_influencer(uow, influencer_id)
    return (await uow.notes_and_tags.tags([influencer_id])).get(influencer_id, [])


async def update_influencer(
    uow: UnitOfWork, actor: Actor, influencer_id: UUID, changes: Mapping[str, Any]
) -> Influencer:
    current = await uow.influencers.get(influencer_id, for_update=True)
    if current is None:
        raise NotFound("influencer", influencer_id)
    check_can_write(actor, current)
    changes = dict(changes)
    if "handle" in changes:
        changes["handle"] = normalize_handle(changes["handle"])
    facts = current.facts.with_changes(**changes)
    if fingerprint(facts) == fingerprint(current.facts):
        return current
    if (facts.platform, facts.handle) != (current.facts.platform, current.facts.handle):
        await _refuse_taken_handle(uow, current.catalogue_id, facts, current.id)
    stored = (await uow.influencers.histories([current.id])).get(current.id, [])
    history, baseline = history_with_baseline(current, stored)
    at = now()  # one time: the snapshot this stores is then the current state, not a second observation
    figures = derive(facts, history=history, performance_score=current.performance_score, at=at)
    updated = profile_from(current.id, current.catalogue_id, facts, figures, current, at)
    await uow.influencers.save(updated, snapshots_to_store(history, baseline, figures))
    await uow.profile_notices.announce(notices_for_change(current, updated))
    return updated


async def authenticity(uow: UnitOfWork, influencer_id: UUID) -> tuple[Influencer, AuthenticityReport]:
    influencer = await get_influencer(uow, influencer_id)
    history = (await uow.influencers.histories([influencer.id])).get(influencer.id, [])
    figures = derive(
        influencer.facts, history=history, performance_score=influencer.performance_score, at=influencer.updated_at
    )
    return influencer, figures.authenticity


@dataclass(frozen=True)
class RankedPage:
    hits: list[RankedHit]
    profiles: dict[UUID, Influencer]
    candidates: int


async def ranked_search(
    uow: UnitOfWork,
    request: RankingRequest,
    filters: SearchFilters,
    similarity: TextSimilarity,
    *,
    pool: int,
    offset: int,
    limit: int,
) -> RankedPage:
    """Retrieve a bounded pool of candidates that pass the filters (see the repository), then score
    and rank them here."""
    weights = request.target.countries
    countries = sorted(weights, key=lambda code: -weights[code])  # the heaviest first: they get retrieval queries
    candidates = await uow.influencers.candidates(
        filters, target_countries=countries, pool=pool, with_text=similarity.reads_text
    )
    hits, total = rank(candidates, request, similarity, offset=offset, limit=limit)
    profiles = await uow.influencers.many([hit.candidate.id for hit in hits])
    return RankedPage(hits=hits, profiles=profiles, candidates=total)


async def lookalikes(
    uow: UnitOfWork,
    influencer_id: UUID,
    similarity: TextSimilarity,
    *,
    any_platform: bool,
    text_weight: float,
    audience_weight: float,
    pool: int,
    limit: int,
) -> tuple[list[Lookalike], dict[UUID, Influencer]]:
    source = await get_influencer(uow, influencer_id)
    me = await uow.influencers.candidate(source.id)
    assert me is not None
    found_pool = await uow.influencers.lookalike_candidates(source, any_platform=any_platform, pool=pool)
    pool_candidates = [found_pool.candidate(i) for i in range(len(found_pool))]
    countries = await uow.influencers.audience_countries([source.id, *(c.id for c in pool_candidates)])
    found = nearest(
        me,
        countries.get(source.id, {}),
        pool_candidates,
        dict(countries),
        similarity,
        text_weight=text_weight,
        audience_weight=audience_weight,
        limit=limit,
    )
    profiles = await uow.influencers.many([hit.candidate.id for hit in found])
    return found, profiles


async def set_tags(uow: UnitOfWork, influencer_id: UUID, tags: Sequence[str]) -> list[str]:
    await get_influencer(uow, influencer_id)
    cleaned = normalize_tags(list(tags))
    await uow.notes_and_tags.set_tags(influencer_id, cleaned)
    return cleaned


async def notes(
    uow: UnitOfWork, influencer_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
) -> Sequence[Note]:
    await get_influencer(uow, influencer_id)
    return await uow.notes_and_tags.notes(influencer_id, limit=limit, after=after)


async def add_note(uow: UnitOfWork, actor: Actor, influencer_id: UUID, text: str) -> Note:
    await get_influencer(uow, influencer_id)
    return await uow.notes_and_tags.add_note(influencer_id, text, actor.user_id)


async def delete_note(uow: UnitOfWork, influencer_id: UUID, note_id: UUID) -> None:
    await get_influencer(uow, influencer_id)
    if not await uow.notes_and_tags.delete_note(influencer_id, note_id):
        raise NotFound("note", note_id)

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from discovery.api import presenters
from discovery.api.content_schemas import VoiceMatchIn, VoiceMatchPublic
from discovery.api.dependencies import ActorDep, CanRead, CanWrite, SettingsDep, SimilarityDep, UnitOfWorkDep
from discovery.api.schemas import (
    MAX_WEIGHT,
    AuthenticityPublic,
    InfluencerCreate,
    InfluencerDetail,
    InfluencerPostPublic,
    InfluencerPublic,
    InfluencerUpdate,
    NoteCreate,
    NotePublic,
    SnapshotPublic,
    TagsIn,
    TagsPublic,
)
from discovery.api.search_schemas import FilterQuery, LookalikesResponse, SortQuery, bad_query
from discovery.application import content, influencers
from discovery.domain.lookalikes import DEFAULT_AUDIENCE_WEIGHT, DEFAULT_TEXT_WEIGHT
from discovery.domain.profiles import (
    Influencer,
)
from discovery.domain.search import Sort
from servicekit.pagination import (
    Page,
    Pagination,
    bad_cursor,
    created_key,
    cursor_time,
    encode_cursor,
    page_by_created,
)
from servicekit.schemas import SINGLE_LINE

router = APIRouter(prefix="/api/v1/influencers", tags=["influencers"])


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[CanWrite])
async def create_influencer(
    body: InfluencerCreate, uow: UnitOfWorkDep, actor: ActorDep, response: Response
) -> InfluencerDetail:
    """Add a profile: to the org's own profiles, or (platform admins) to the shared catalogue."""
    influencer = await influencers.create_influencer(uow, actor, body.facts(), body.visibility)
    response.headers["Location"] = f"/api/v1/influencers/{influencer.id}"
    return presenters.detail(await influencers.detail(uow, influencer))


def _sort_value(influencer: Influencer, sort: Sort) -> object:
    if sort in (Sort.FOLLOWERS, Sort.FOLLOWERS_DESC):
        return influencer.facts.followers
    if sort in (Sort.ENGAGEMENT, Sort.ENGAGEMENT_DESC):
        return -1.0 if influencer.engagement_rate is None else influencer.engagement_rate
    return influencer.created_at.isoformat()


@router.get("", dependencies=[CanRead])
async def list_influencers(
    uow: UnitOfWorkDep, page: Pagination, filters: FilterQuery, sort: SortQuery = Sort.FOLLOWERS_DESC
) -> Page[InfluencerPublic]:
    """Filtered search over the shared catalogue and the org's own profiles."""
    after = None
    if page.after is not None:
        if len(page.after) != 3 or page.after[0] != sort.value:
            raise bad_cursor(detail="cursor is not one this API issued for this sort")
        after = page.after[1:]
    try:
        found, tags = await influencers.search(uow, filters, sort, limit=page.limit + 1, after=after)
    except ValueError:
        raise bad_cursor() from None
    shown = found[: page.limit]
    next_cursor = None
    if len(found) > page.limit:
        last = shown[-1]
        next_cursor = encode_cursor([sort.value, _sort_value(last, sort), str(last.id)])
    return Page(items=[presenters.public(i, tags.get(i.id, [])) for i in shown], next_cursor=next_cursor)


@router.get("/{influencer_id}", dependencies=[CanRead])
async def get_influencer(
    influencer_id: UUID,
    uow: UnitOfWorkDep,
    competitors: Annotated[
        str | None,
        Query(
            max_length=1000,
            pattern=SINGLE_LINE,
            description="Brands, comma-separated: whether the profile's sponsored posts named each",
        ),
    ] = None,
) -> InfluencerDetail:
    """One profile with its growth, past performance, the org's tags, its recent posts and
    sponsored history (brands, count, last date)."""
    named = None if competitors is None else [c.strip() for c in competitors.split(",") if c.strip()][:20]
    profile = await influencers.get_influencer(uow, influencer_id)
    return presenters.detail(await influencers.detail(uow, profile, named))


@router.patch("/{influencer_id}", dependencies=[CanWrite])
async def update_influencer(
    influencer_id: UUID, body: InfluencerUpdate, uow: UnitOfWorkDep, actor: ActorDep
) -> InfluencerDetail:
    """Change a profile (shared ones: platform admins only); a change of counts adds a snapshot."""
    influencer = await influencers.update_influencer(uow, actor, influencer_id, body.changes())
    return presenters.detail(await influencers.detail(uow, influencer))


@router.get("/{influencer_id}/snapshots", dependencies=[CanRead])
async def list_snapshots(influencer_id: UUID, uow: UnitOfWorkDep, page: Pagination) -> Page[SnapshotPublic]:
    """Follower and engagement snapshots, newest first, to read growth from. One is stored each time
    the counts change; the first page starts with the profile as it is now."""
    before = cursor_time(page.after[0]) if page.after else None
    found = await influencers.snapshots(uow, influencer_id, limit=page.limit + 1, before=before)
    shown = found[: page.limit]
    next_cursor = encode_cursor([shown[-1].taken_at.isoformat()]) if len(found) > page.limit else None
    return Page(items=[presenters.snapshot(s) for s in shown], next_cursor=next_cursor)


@router.get("/{influencer_id}/posts", dependencies=[CanRead])
async def list_posts(
    influencer_id: UUID,
    uow: UnitOfWorkDep,
    page: Pagination,
    sponsored: Annotated[bool | None, Query(description="Only sponsored (true) or organic (false) posts")] = None,
) -> Page[InfluencerPostPublic]:
    """The profile's imported posts the org sees, newest first, each with whether it was sponsored
    and why; the org's own copy of a post where the shared catalogue holds one too."""
    found = await influencers.posts(
        uow, influencer_id, limit=page.limit + 1, after=created_key(page), sponsored=sponsored
    )
    shown, next_cursor = page_by_created(found, page, lambda p: (p.posted_at, p.id))
    return Page(items=[presenters.post(p) for p in shown], next_cursor=next_cursor)


@router.get("/{influencer_id}/authenticity", dependencies=[CanRead])
async def get_authenticity(influencer_id: UUID, uow: UnitOfWorkDep) -> AuthenticityPublic:
    """Audience quality 0-100, each reason that lowered it and which signals were assessed."""
    influencer, report = await influencers.authenticity(uow, influencer_id)
    return presenters.authenticity(influencer, report)


@router.get("/{influencer_id}/lookalikes", dependencies=[CanRead])
async def get_lookalikes(
    influencer_id: UUID,
    uow: UnitOfWorkDep,
    similarity: SimilarityDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    any_platform: Annotated[bool, Query(description="Look on every platform, not only the profile's")] = False,
    text_weight: Annotated[float, Query(ge=0, le=MAX_WEIGHT, allow_inf_nan=False)] = DEFAULT_TEXT_WEIGHT,
    audience_weight: Annotated[float, Query(ge=0, le=MAX_WEIGHT, allow_inf_nan=False)] = DEFAULT_AUDIENCE_WEIGHT,
) -> LookalikesResponse:
    """The nearest profiles by text similarity and audience, the profile itself excluded."""
    if text_weight + audience_weight <= 0:
        raise bad_query([("text_weight", "text_weight and audience_weight cannot both be 0")])
    found, profiles = await influencers.lookalikes(
        uow,
        influencer_id,
        similarity,
        any_platform=any_platform,
        text_weight=text_weight,
        audience_weight=audience_weight,
        pool=settings.ranking_pool,
        limit=limit,
    )
    return LookalikesResponse(
        items=[presenters.lookalike(hit, profiles[hit.candidate.id]) for hit in found if hit.candidate.id in profiles]
    )


@router.post("/{influencer_id}/voice-match", dependencies=[CanRead])
async def voice_match(
    influencer_id: UUID, body: VoiceMatchIn, uow: UnitOfWorkDep, similarity: SimilarityDep
) -> VoiceMatchPublic:
    """How close a draft caption is to the creator's own organic captions, with the nearest ones
    and a verdict (`not_assessed` when there are none to compare)."""
    influencer, match = await content.match_voice(uow, influencer_id, body.caption, similarity)
    return presenters.voice_match(influencer, match)


@router.get("/{influencer_id}/tags", dependencies=[CanRead])
async def get_tags(influencer_id: UUID, uow: UnitOfWorkDep) -> TagsPublic:
    """The org's own tags on a profile."""
    return TagsPublic(influencer_id=influencer_id, tags=await influencers.tags(uow, influencer_id))


@router.put("/{influencer_id}/tags", dependencies=[CanWrite])
async def put_tags(influencer_id: UUID, body: TagsIn, uow: UnitOfWorkDep) -> TagsPublic:
    """Replace the org's tags on a profile (other orgs never see them)."""
    tags = await influencers.set_tags(uow, influencer_id, body.tags)
    return TagsPublic(influencer_id=influencer_id, tags=tags)


@router.post("/{influencer_id}/notes", status_code=status.HTTP_201_CREATED, dependencies=[CanWrite])
async def add_note(influencer_id: UUID, body: NoteCreate, uow: UnitOfWorkDep, actor: ActorDep) -> NotePublic:
    """Add an org-private note to a profile."""
    return presenters.note(await influencers.add_note(uow, actor, influencer_id, body.text))


@router.get("/{influencer_id}/notes", dependencies=[CanRead])
async def list_notes(influencer_id: UUID, uow: UnitOfWorkDep, page: Pagination) -> Page[NotePublic]:
    """The org's notes on a profile, newest first."""
    notes = await influencers.notes(uow, influencer_id, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(notes, page, lambda n: (n.created_at, n.id))
    return Page(items=[presenters.note(n) for n in shown], next_cursor=next_cursor)


@router.delete("/{influencer_id}/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[CanWrite])
async def delete_note(influencer_id: UUID, note_id: UUID, uow: UnitOfWorkDep) -> Response:
    """Delete one of the org's notes."""
    await influencers.delete_note(uow, influencer_id, note_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from discovery.api import presenters
from discovery.api.dependencies import ActorDep, CanRead, CanWrite, SettingsDep, SimilarityDep, UnitOfWorkDep
from discovery.api.schemas import (
    MAX_WEIGHT,
    AudienceIn,
    AuthenticityPublic,
    ContactIn,
    InfluencerCreate,
    InfluencerDetail,
    InfluencerPublic,
    InfluencerUpdate,
    NoteCreate,
    NotePublic,
    SnapshotPublic,
    TagsIn,
    TagsPublic,
)
from discovery.api.search_schemas import FilterQuery, LookalikePublic, LookalikesResponse, SortQuery, bad_query
from discovery.application import influencers
from discovery.domain.facts import FACTS, Kind, ProfileFacts
from discovery.domain.figures import current_snapshot
from discovery.domain.lookalikes import DEFAULT_AUDIENCE_WEIGHT, DEFAULT_TEXT_WEIGHT
from discovery.domain.performance import summarize
from discovery.domain.profiles import (
    Audience,
    Contact,
    Deliverable,
    Influencer,
    RateCard,
    normalize_categories,
    normalize_handle,
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

router = APIRouter(prefix="/api/v1/influencers", tags=["influencers"])


def audience_of(body: AudienceIn | None) -> Audience:
    if body is None:
        return Audience()
    return Audience(ages=dict(body.ages), genders=dict(body.genders), countries=dict(body.countries))


def rate_card_of(card: dict[Deliverable, Any] | None) -> RateCard | None:
    if not card:
        return None
    currency = next(iter(card.values())).currency  # one: the schema checks it
    return RateCard(currency=currency, prices={d.value: money.amount_minor for d, money in card.items()})


def contact_of(body: ContactIn | None) -> Contact:
    return Contact(**body.model_dump()) if body else Contact()


# How an API field becomes the fact it sets (domain/facts.py), by the fact's kind; the others as they are.
_AS_FACT: dict[Kind, Callable[[Any], Any]] = {
    Kind.HANDLE: normalize_handle,
    Kind.CATEGORIES: lambda categories: normalize_categories(categories or []),
    Kind.LIST: lambda texts: tuple(text.strip() for text in texts or []),
    Kind.AUDIENCE: audience_of,
    Kind.RATE_CARD: rate_card_of,
    Kind.CONTACT: contact_of,
}
_FACT_CALLED = {f.called: f for f in FACTS}


def _converted(name: str, value: Any) -> tuple[str, Any]:
    """An API field as the profile fact it sets."""
    fact = _FACT_CALLED[name]
    convert = _AS_FACT.get(fact.kind)
    return fact.name, value if convert is None else convert(value)


def facts_of(body: InfluencerCreate) -> ProfileFacts:
    given = body.model_dump(exclude={"visibility", "platform", "handle", "followers"})
    converted = dict(_converted(name, getattr(body, name)) for name in given)
    return ProfileFacts(
        platform=body.platform, handle=normalize_handle(body.handle), followers=body.followers, **converted
    )


def changes_of(body: InfluencerUpdate) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in body.model_fields_set:
        key, converted = _converted(name, getattr(body, name))
        changes[key] = converted
    return changes


async def _with_tags(uow: UnitOfWorkDep, profiles: list[Influencer]) -> list[InfluencerPublic]:
    tags = await uow.notes_and_tags.tags([i.id for i in profiles])
    return [presenters.public(i, tags.get(i.id, [])) for i in profiles]


async def _detail(uow: UnitOfWorkDep, influencer: Influencer) -> InfluencerDetail:
    tags = await uow.notes_and_tags.tags([influencer.id])
    snapshots = await uow.influencers.snapshots(influencer.id, limit=400, before=None)
    performance = summarize(await uow.performance.records(influencer.id), influencer.facts.platform)
    return presenters.detail(influencer, tags.get(influencer.id, []), snapshots, performance)


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[CanWrite])
async def create_influencer(
    body: InfluencerCreate, uow: UnitOfWorkDep, actor: ActorDep, response: Response
) -> InfluencerDetail:
    """Add a profile: to the org's own profiles, or (platform admins) to the shared catalogue."""
    influencer = await influencers.create_influencer(uow, actor, facts_of(body), body.visibility)
    response.headers["Location"] = f"/api/v1/influencers/{influencer.id}"
    return await _detail(uow, influencer)


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
        found = list(await uow.influencers.search(filters, sort, limit=page.limit + 1, after=after))
    except ValueError:
        raise bad_cursor() from None
    shown = found[: page.limit]
    next_cursor = None
    if len(found) > page.limit:
        last = shown[-1]
        next_cursor = encode_cursor([sort.value, _sort_value(last, sort), str(last.id)])
    return Page(items=await _with_tags(uow, shown), next_cursor=next_cursor)


@router.get("/{influencer_id}", dependencies=[CanRead])
async def get_influencer(influencer_id: UUID, uow: UnitOfWorkDep) -> InfluencerDetail:
    """One profile with its growth, past performance and the org's tags."""
    return await _detail(uow, await influencers.get_influencer(uow, influencer_id))


@router.patch("/{influencer_id}", dependencies=[CanWrite])
async def update_influencer(
    influencer_id: UUID, body: InfluencerUpdate, uow: UnitOfWorkDep, actor: ActorDep
) -> InfluencerDetail:
    """Change a profile (shared ones: platform admins only); a change of counts adds a snapshot."""
    influencer = await influencers.update_influencer(uow, actor, influencer_id, changes_of(body))
    return await _detail(uow, influencer)


@router.get("/{influencer_id}/snapshots", dependencies=[CanRead])
async def list_snapshots(influencer_id: UUID, uow: UnitOfWorkDep, page: Pagination) -> Page[SnapshotPublic]:
    """Follower and engagement snapshots, newest first, to read growth from. One is stored each time
    the counts change; the first page starts with the profile as it is now."""
    influencer = await influencers.get_influencer(uow, influencer_id)
    before = None
    if page.after:
        before = cursor_time(page.after[0])
    found = list(await uow.influencers.snapshots(influencer_id, limit=page.limit + 1, before=before))
    if before is None:
        current = current_snapshot(influencer)
        if not found or not found[0].same_counts(current):
            found.insert(0, current)
    shown = found[: page.limit]
    next_cursor = encode_cursor([shown[-1].taken_at.isoformat()]) if len(found) > page.limit else None
    return Page(items=[presenters.snapshot(s) for s in shown], next_cursor=next_cursor)


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
        items=[
            LookalikePublic(
                influencer=presenters.summary(profiles[hit.candidate.id]),
                similarity=round(hit.similarity, 6),
                text_similarity=round(hit.text, 6),
                audience_similarity=None if hit.audience is None else round(hit.audience, 6),
            )
            for hit in found
            if hit.candidate.id in profiles
        ]
    )


@router.get("/{influencer_id}/tags", dependencies=[CanRead])
async def get_tags(influencer_id: UUID, uow: UnitOfWorkDep) -> TagsPublic:
    """The org's own tags on a profile."""
    await influencers.get_influencer(uow, influencer_id)
    tags = await uow.notes_and_tags.tags([influencer_id])
    return TagsPublic(influencer_id=influencer_id, tags=tags.get(influencer_id, []))


@router.put("/{influencer_id}/tags", dependencies=[CanWrite])
async def put_tags(influencer_id: UUID, body: TagsIn, uow: UnitOfWorkDep) -> TagsPublic:
    """Replace the org's tags on a profile (other orgs never see them)."""
    tags = await influencers.set_tags(uow, influencer_id, body.tags)
    return TagsPublic(influencer_id=influencer_id, tags=tags)


def _note(note: Any) -> NotePublic:
    return NotePublic(
        id=note.id,
        influencer_id=note.influencer_id,
        text=note.text,
        author_id=note.author_id,
        created_at=note.created_at,
    )


@router.post("/{influencer_id}/notes", status_code=status.HTTP_201_CREATED, dependencies=[CanWrite])
async def add_note(influencer_id: UUID, body: NoteCreate, uow: UnitOfWorkDep, actor: ActorDep) -> NotePublic:
    """Add an org-private note to a profile."""
    return _note(await influencers.add_note(uow, actor, influencer_id, body.text))


@router.get("/{influencer_id}/notes", dependencies=[CanRead])
async def list_notes(influencer_id: UUID, uow: UnitOfWorkDep, page: Pagination) -> Page[NotePublic]:
    """The org's notes on a profile, newest first."""
    await influencers.get_influencer(uow, influencer_id)
    notes = await uow.notes_and_tags.notes(influencer_id, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(notes, page, lambda n: (n.created_at, n.id))
    return Page(items=[_note(n) for n in shown], next_cursor=next_cursor)


@router.delete("/{influencer_id}/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[CanWrite])
async def delete_note(influencer_id: UUID, note_id: UUID, uow: UnitOfWorkDep) -> Response:
    """Delete one of the org's notes."""
    await influencers.delete_note(uow, influencer_id, note_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

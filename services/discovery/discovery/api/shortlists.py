from uuid import UUID

from fastapi import APIRouter, Response, status

from discovery.api import presenters
from discovery.api.dependencies import ActorDep, CanRead, CanWrite, UnitOfWorkDep
from discovery.api.schemas import ShortlistAdd, ShortlistEntryPublic
from discovery.application import shortlists
from discovery.domain.shortlists import ShortlistEntry
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}/shortlist", tags=["shortlists"])


async def _shown(uow: UnitOfWorkDep, entries: list[ShortlistEntry]) -> list[ShortlistEntryPublic]:
    return [presenters.shortlist_entry(e, profile) for e, profile in await shortlists.with_profiles(uow, entries)]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[CanWrite])
async def add_to_shortlist(
    campaign_id: UUID, body: ShortlistAdd, uow: UnitOfWorkDep, actor: ActorDep, response: Response
) -> ShortlistEntryPublic:
    """Shortlist an influencer for one of the org's campaigns (201; 200 if it already was)."""
    entry, created = await shortlists.add(uow, actor, campaign_id, body.influencer_id, body.note)
    if not created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/api/v1/campaigns/{campaign_id}/shortlist/{body.influencer_id}"
    return (await _shown(uow, [entry]))[0]


@router.get("", dependencies=[CanRead])
async def list_shortlist(campaign_id: UUID, uow: UnitOfWorkDep, page: Pagination) -> Page[ShortlistEntryPublic]:
    """The campaign's shortlist, most recently added first."""
    entries = await shortlists.entries(uow, campaign_id, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(entries, page, lambda e: (e.added_at, e.influencer_id))
    return Page(items=await _shown(uow, shown), next_cursor=next_cursor)


@router.delete("/{influencer_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[CanWrite])
async def remove_from_shortlist(
    campaign_id: UUID, influencer_id: UUID, uow: UnitOfWorkDep, actor: ActorDep
) -> Response:
    """Take an influencer off the campaign's shortlist."""
    await shortlists.remove(uow, actor, campaign_id, influencer_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

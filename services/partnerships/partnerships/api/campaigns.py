from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from partnerships.adapters.unit_of_work import UnitOfWorkDep
from partnerships.api.schemas import CampaignCreate, CampaignPublic, TargetAudience
from partnerships.domain import campaign_actions
from partnerships.domain.campaigns import Campaign, CampaignState
from servicekit.context import require_roles
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])

CanManage = require_roles("owner", "manager")


def _public(campaign: Campaign) -> CampaignPublic:
    return CampaignPublic(
        id=campaign.id,
        name=campaign.name,
        objective=campaign.objective,
        state=campaign.state,
        budget=campaign.budget,
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
        target_audience=TargetAudience.model_validate(campaign.target_audience),
        kpis=campaign.kpis,
        created_at=campaign.created_at,
        updated_at=campaign.updated_at,
    )


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[CanManage])
async def create_campaign(body: CampaignCreate, uow: UnitOfWorkDep, response: Response) -> CampaignPublic:
    """Create a draft campaign."""
    campaign = await campaign_actions.create_campaign(
        uow,
        name=body.name,
        objective=body.objective,
        budget=body.budget,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        target_audience=body.target_audience.model_dump() if body.target_audience else None,
        kpis=dict(body.kpis),
    )
    response.headers["Location"] = f"/api/v1/campaigns/{campaign.id}"
    return _public(campaign)


@router.get("")
async def list_campaigns(
    uow: UnitOfWorkDep,
    page: Pagination,
    state: Annotated[CampaignState | None, Query(description="Only campaigns in this state")] = None,
) -> Page[CampaignPublic]:
    """List the org's campaigns, newest first."""
    campaigns = await uow.campaigns.list(limit=page.limit + 1, after=created_key(page), state=state)
    shown, next_cursor = page_by_created(campaigns, page, lambda c: (c.created_at, c.id))
    return Page(items=[_public(c) for c in shown], next_cursor=next_cursor)


@router.get("/{campaign_id}")
async def get_campaign(campaign_id: UUID, uow: UnitOfWorkDep) -> CampaignPublic:
    """One campaign."""
    return _public(await campaign_actions.get_campaign(uow, campaign_id))

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from partnerships.api.dependencies import CallerDep, CanManage, CanRead, UnitOfWorkDep
from partnerships.api.partnership_schemas import PartnershipCreate, PartnershipPublic
from partnerships.api.presenters import budget_public, campaign_public, partnership_public
from partnerships.api.schemas import BudgetPublic, CampaignCancel, CampaignCreate, CampaignPublic, CampaignUpdate
from partnerships.application import campaigns, negotiation
from partnerships.domain.campaigns import CampaignState
from partnerships.domain.negotiation import PartnershipState, Party
from partnerships.domain.partnerships import InfluencerProfile, Partnership
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[CanManage])
async def create_campaign(body: CampaignCreate, uow: UnitOfWorkDep, response: Response) -> CampaignPublic:
    """Create a draft campaign."""
    campaign = await campaigns.create_campaign(
        uow,
        name=body.name,
        objective=body.objective,
        budget=body.budget.money() if body.budget else None,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        target_audience=body.target_audience.model_dump() if body.target_audience else None,
        kpis=dict(body.kpis),
    )
    response.headers["Location"] = f"/api/v1/campaigns/{campaign.id}"
    return campaign_public(campaign)


@router.get("")
async def list_campaigns(
    uow: UnitOfWorkDep,
    page: Pagination,
    state: Annotated[CampaignState | None, Query(description="Only campaigns in this state")] = None,
) -> Page[CampaignPublic]:
    """List the org's campaigns, newest first."""
    found = await campaigns.list_campaigns(uow, limit=page.limit + 1, after=created_key(page), state=state)
    shown, next_cursor = page_by_created(found, page, lambda c: (c.created_at, c.id))
    return Page(items=[campaign_public(c) for c in shown], next_cursor=next_cursor)


@router.get("/{campaign_id}")
async def get_campaign(campaign_id: UUID, uow: UnitOfWorkDep) -> CampaignPublic:
    """One campaign."""
    return campaign_public(await campaigns.get_campaign(uow, campaign_id))


@router.patch("/{campaign_id}", dependencies=[CanManage])
async def update_campaign(campaign_id: UUID, body: CampaignUpdate, uow: UnitOfWorkDep) -> CampaignPublic:
    """Change a campaign's fields; a budget cannot go below what is reserved, committed and paid."""
    changes = body.model_dump(exclude_unset=True)
    if "budget" in body.model_fields_set:
        changes["budget"] = body.budget.money() if body.budget else None
    return campaign_public(await campaigns.update_campaign(uow, campaign_id, changes))


@router.post("/{campaign_id}/launch", dependencies=[CanManage])
async def launch_campaign(campaign_id: UUID, uow: UnitOfWorkDep) -> CampaignPublic:
    """Draft to active (needs a budget and dates); signed contracts start running."""
    return campaign_public(await campaigns.launch_campaign(uow, campaign_id))


@router.post("/{campaign_id}/complete", dependencies=[CanManage])
async def complete_campaign(campaign_id: UUID, uow: UnitOfWorkDep) -> CampaignPublic:
    """Active to completed: running contracts complete (paid what they are owed), negotiations are cancelled."""
    return campaign_public(await campaigns.complete_campaign(uow, campaign_id))


@router.post("/{campaign_id}/cancel", dependencies=[CanManage])
async def cancel_campaign(campaign_id: UUID, uow: UnitOfWorkDep, body: CampaignCancel | None = None) -> CampaignPublic:
    """Cancel a draft or active campaign and every open partnership; unpaid money is released."""
    reason = body.reason if body else None
    return campaign_public(await campaigns.cancel_campaign(uow, campaign_id, reason=reason))


@router.get("/{campaign_id}/budget", dependencies=[CanRead])
async def get_campaign_budget(campaign_id: UUID, uow: UnitOfWorkDep) -> BudgetPublic:
    """Budget, reserved, committed (amplification's share named), paid and remaining, checked against the ledger."""
    report = await campaigns.budget_report(uow, campaign_id)
    currency = report.view.currency
    amplification = await uow.amplifications.committed(campaign_id, currency) if currency else 0
    return budget_public(report, amplification)


@router.post("/{campaign_id}/partnerships", status_code=status.HTTP_201_CREATED, dependencies=[CanManage])
async def create_partnership(
    campaign_id: UUID, body: PartnershipCreate, uow: UnitOfWorkDep, caller: CallerDep, response: Response
) -> PartnershipPublic:
    """Propose a partnership to an influencer (its fee is reserved from the budget), or keep a draft."""
    influencer = body.influencer
    partnership = await negotiation.create_partnership(
        uow,
        caller,
        campaign_id,
        influencer_id=body.influencer_id,
        influencer=InfluencerProfile(
            platform=influencer.platform if influencer else None,
            handle=influencer.handle if influencer else None,
            display_name=influencer.display_name if influencer else None,
        ),
        terms=body.terms.terms() if body.terms else None,
        propose=body.propose,
    )
    response.headers["Location"] = f"/api/v1/partnerships/{partnership.id}"
    return partnership_public(partnership, Party.BRAND)


@router.get("/{campaign_id}/partnerships", dependencies=[CanRead])
async def list_campaign_partnerships(
    campaign_id: UUID,
    uow: UnitOfWorkDep,
    caller: CallerDep,
    page: Pagination,
    state: Annotated[PartnershipState | None, Query(description="Only partnerships in this state")] = None,
) -> Page[PartnershipPublic]:
    """The campaign's partnerships, newest first."""
    found = await negotiation.list_partnerships(
        uow, caller, limit=page.limit + 1, after=created_key(page), campaign_id=campaign_id, state=state
    )
    shown, next_cursor = page_by_created(found, page, _created)
    return Page(items=[partnership_public(p, Party.BRAND) for p in shown], next_cursor=next_cursor)


def _created(partnership: Partnership) -> tuple[datetime, UUID]:
    return partnership.created_at, partnership.id

from dataclasses import asdict
from datetime import datetime
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from metrics.api.dependencies import UnitOfWorkDep
from metrics.domain.kpis import Totals, compute_kpis
from servicekit.errors import NotFound

router = APIRouter(prefix="/api/v1/campaigns", tags=["metrics"])


class TotalsPublic(BaseModel):
    impressions: int
    reach: int
    engagements: int
    clicks: int
    conversions: int
    revenue_minor: int
    cost_minor: int


class KpisPublic(BaseModel):
    engagement_rate: float | None
    ctr: float | None
    cpm: float | None
    cpe: float | None
    cpc: float | None
    cpa: float | None
    roi: float | None
    roas: float | None


class CampaignMetrics(BaseModel):
    campaign_id: UUID
    campaign_state: str
    currency: str | None
    totals: TotalsPublic
    kpis: KpisPublic
    updated_at: datetime


@router.get("/{campaign_id}/metrics")
async def get_campaign_metrics(campaign_id: UUID, uow: UnitOfWorkDep) -> CampaignMetrics:
    """A campaign's totals and KPIs (ratios are null until their denominator is measured)."""
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    totals = Totals()
    return CampaignMetrics(
        campaign_id=campaign.id,
        campaign_state=campaign.state.value,
        currency=campaign.budget.currency if campaign.budget is not None else None,
        totals=TotalsPublic(**asdict(totals)),
        kpis=KpisPublic(**asdict(compute_kpis(totals))),
        updated_at=campaign.updated_at,
    )

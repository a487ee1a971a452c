from dataclasses import asdict
from datetime import datetime
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import select

from metrics.adapters.tables import campaigns
from metrics.domain.kpis import Totals, compute_kpis
from servicekit.app import DbSession
from servicekit.context import TenantContext
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
async def get_campaign_metrics(campaign_id: UUID, session: DbSession, context: TenantContext) -> CampaignMetrics:
    """A campaign's totals and KPIs (ratios are null until their denominator is measured)."""
    row = (
        await session.execute(
            select(campaigns).where(campaigns.c.id == campaign_id, campaigns.c.tenant_id == context.tenant_id)
        )
    ).first()
    if row is None:
        raise NotFound("campaign", campaign_id)
    totals = Totals()
    return CampaignMetrics(
        campaign_id=row.id,
        campaign_state=row.state,
        currency=row.currency,
        totals=TotalsPublic(**asdict(totals)),
        kpis=KpisPublic(**asdict(compute_kpis(totals))),
        updated_at=row.updated_at,
    )

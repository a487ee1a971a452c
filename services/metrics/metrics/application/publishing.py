"""What metrics tells others of the figures: each changed partnership's performance (discovery
ranks influencers by it) and each campaign KPI target reached (once)."""

from datetime import datetime
from uuid import UUID

from contracts import Money
from contracts.events.metrics import KpiReached, PerformanceUpdated
from metrics.application.measurements import campaign_measurement, partnership_measurement
from metrics.application.ports import UnitOfWork
from metrics.domain.pacing import is_reached
from servicekit.errors import NotFound


async def tell_performance(uow: UnitOfWork, partnership_id: UUID, *, now: datetime) -> UUID | None:
    """Records the partnership's current totals; returns its campaign (None: not known)."""
    try:
        partnership, measured, currency = await partnership_measurement(uow, partnership_id, now=now)
    except NotFound:
        return None
    t = measured.totals
    revenue = Money(amount_minor=max(t.revenue_minor, 0), currency=currency) if currency and t.revenue_known else None
    cost = Money(amount_minor=t.cost_minor, currency=currency) if currency and t.cost_known else None
    await uow.events.record(
        PerformanceUpdated(
            influencer_id=partnership.influencer_id,
            campaign_id=partnership.campaign_id,
            partnership_id=partnership.id,
            posts=t.posts,
            impressions=t.impressions,
            engagements=t.engagements,
            clicks=t.clicks,
            conversions=t.conversions,
            revenue=revenue,
            cost=cost,
            engagement_rate=measured.kpis.engagement_rate,
            roi=measured.kpis.roi,
        ),
        subject=partnership.influencer_id,
        key=partnership.influencer_id,
    )
    return partnership.campaign_id


async def tell_reached_targets(uow: UnitOfWork, campaign_id: UUID, *, now: datetime) -> list[str]:
    targets = await uow.targets.get(campaign_id)
    if not targets:
        return []
    told = await uow.changes.reached(campaign_id)
    if set(targets) <= told:
        return []
    try:
        measured = await campaign_measurement(uow, campaign_id, now=now)
    except NotFound:
        return []
    reached = []
    for pace in measured.pacing.targets if measured.pacing else ():
        if pace.kpi in told or not is_reached(pace.kpi, pace.actual, pace.target):
            continue
        if await uow.changes.mark_reached(campaign_id, pace.kpi, now):
            assert pace.actual is not None
            await uow.events.record(
                KpiReached(
                    campaign_id=campaign_id, kpi=pace.kpi, target=pace.target, actual=pace.actual, reached_at=now
                ),
                subject=campaign_id,
                key=campaign_id,
            )
            reached.append(pace.kpi)
    return reached

"""What discovery does with other services' events: learns whose each campaign is (so shortlists
accept only the caller's campaigns) and folds measured performance into the ranking."""

from contracts.events.metrics import PerformanceUpdated
from discovery.adapters.tables import campaigns
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application import performance
from discovery.domain.performance import PerformanceRecord, scope_of
from servicekit.campaign_directory import follow_campaigns
from servicekit.handlers import EventHandlers, Received

handlers = EventHandlers(SqlUnitOfWork)
follow_campaigns(handlers, campaigns)


@handlers.on(PerformanceUpdated, tenant_optional=True)
async def performance_updated(uow: SqlUnitOfWork, event: Received[PerformanceUpdated]) -> None:
    data = event.data
    measured = PerformanceRecord(
        influencer_id=data.influencer_id,
        scope=scope_of(data.partnership_id, data.campaign_id),
        tenant_id=event.tenant_id,
        posts=data.posts,
        impressions=data.impressions,
        engagements=data.engagements,
        clicks=data.clicks,
        conversions=data.conversions,
        engagement_rate=data.engagement_rate,
        roi=data.roi,
        measured_at=event.time,
    )
    await performance.record_measurement(uow, measured)

"""What discovery does with other services' events: learns whose each campaign is (so shortlists
accept only the caller's campaigns) and folds measured performance into the ranking."""

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events.metrics import PerformanceUpdated
from discovery.adapters.influencer_repository import performance_records_of
from discovery.adapters.tables import campaigns, influencers, performance_records
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.domain.engagement import engagement_quality
from discovery.domain.performance import scope_of, summarize
from discovery.domain.profiles import Platform, Tier
from discovery.domain.ranking import prior_score
from servicekit.campaign_directory import follow_campaigns
from servicekit.handlers import EventHandlers, Received

handlers = EventHandlers(SqlUnitOfWork)
follow_campaigns(handlers, campaigns)


def _dialect(session: AsyncSession):  # type: ignore[no-untyped-def]
    return postgresql if session.bind.dialect.name == "postgresql" else sqlite


@handlers.on(PerformanceUpdated, tenant_optional=True)
async def performance_updated(uow: SqlUnitOfWork, event: Received[PerformanceUpdated]) -> None:
    """The newest totals of a scope replace older ones (an older event arriving late changes
    nothing); the influencer's performance and prior scores follow."""
    session, data = uow.session, event.data
    t = performance_records
    row = {
        "influencer_id": data.influencer_id,
        "scope": scope_of(data.partnership_id, data.campaign_id),
        "tenant_id": event.tenant_id,
        "posts": data.posts,
        "impressions": data.impressions,
        "engagements": data.engagements,
        "clicks": data.clicks,
        "conversions": data.conversions,
        "engagement_rate": data.engagement_rate,
        "roi": data.roi,
        "measured_at": event.time,
    }
    statement = _dialect(session).insert(t).values(row)
    statement = statement.on_conflict_do_update(
        index_elements=["influencer_id", "scope"],
        set_={k: statement.excluded[k] for k in row if k not in ("influencer_id", "scope")},
        where=t.c.measured_at <= statement.excluded.measured_at,
    )
    await session.execute(statement)
    profile = (
        await session.execute(
            select(
                influencers.c.platform,
                influencers.c.tier,
                influencers.c.engagement_rate,
                influencers.c.authenticity_score,
            ).where(influencers.c.id == data.influencer_id)
        )
    ).first()
    if profile is None:
        return  # kept until discovery hears of this influencer; nothing to rank yet
    platform = Platform(profile.platform)
    summary = summarize(await performance_records_of(session, data.influencer_id), platform)
    quality = engagement_quality(profile.engagement_rate, platform, Tier(profile.tier))
    await session.execute(
        update(influencers)
        .where(influencers.c.id == data.influencer_id)
        .values(
            performance_score=summary.score,
            prior_score=prior_score(quality, profile.authenticity_score, summary.score),
        )
    )

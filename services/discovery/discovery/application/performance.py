"""What metrics measured of an influencer's sponsored posts, folded into its scores."""

from discovery.application.ports import UnitOfWork
from discovery.domain.figures import rescored
from discovery.domain.performance import PerformanceRecord


async def record_measurement(uow: UnitOfWork, record: PerformanceRecord) -> None:
    """The newest totals of a scope replace older ones (an older one arriving late changes
    nothing); the influencer's performance and prior scores follow."""
    await uow.performance.keep_newest(record)
    standing = await uow.performance.standing(record.influencer_id)
    if standing is None:
        return  # kept until discovery hears of this influencer; nothing to rank yet
    performance, prior = rescored(standing, await uow.performance.records(record.influencer_id))
    await uow.performance.set_scores(record.influencer_id, performance_score=performance, prior_score=prior)

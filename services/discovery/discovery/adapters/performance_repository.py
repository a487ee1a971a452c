"""Measured performance in SQL: the newest totals of each scope, and the scores they move."""

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.dialect import dialect_of
from discovery.adapters.tables import influencers, performance_records
from discovery.domain.figures import Standing
from discovery.domain.performance import PerformanceRecord
from discovery.domain.profiles import PLATFORMS, TIERS
from servicekit.rows import from_row, row_of


class PerformanceRepository:
    """Performance belongs to the influencer, whoever measured it: no query is scoped to an org."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def keep_newest(self, record: PerformanceRecord) -> None:
        """Stores the totals of the record's scope unless newer ones are stored already."""
        t = performance_records
        row = row_of(record, t)
        statement = dialect_of(self.session).insert(t).values(row)
        statement = statement.on_conflict_do_update(
            index_elements=["influencer_id", "scope"],
            set_={k: statement.excluded[k] for k in row if k not in ("influencer_id", "scope")},
            where=t.c.measured_at <= statement.excluded.measured_at,
        )
        await self.session.execute(statement)

    async def records(self, influencer_id: UUID) -> Sequence[PerformanceRecord]:
        t = performance_records
        rows = await self.session.execute(select(t).where(t.c.influencer_id == influencer_id).order_by(t.c.scope))
        return [from_row(PerformanceRecord, row) for row in rows]

    async def standing(self, influencer_id: UUID) -> Standing | None:
        c = influencers.c
        row = (
            await self.session.execute(
                select(c.platform, c.tier, c.engagement_rate, c.authenticity_score).where(c.id == influencer_id)
            )
        ).first()
        if row is None:
            return None
        return Standing(PLATFORMS[row.platform], TIERS[row.tier], row.engagement_rate, row.authenticity_score)

    async def set_scores(self, influencer_id: UUID, *, performance_score: float | None, prior_score: float) -> None:
        await self.session.execute(
            update(influencers)
            .where(influencers.c.id == influencer_id)
            .values(performance_score=performance_score, prior_score=prior_score)
        )

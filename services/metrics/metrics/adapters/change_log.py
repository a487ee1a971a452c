"""Which partnerships changed since their performance was last told, and which KPI targets were
told reached."""

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.sql import insert_for
from metrics.adapters.tables import changed_partnerships, kpi_reached


class ChangeLog:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def partnership_changed(self, partnership_id: UUID, at: datetime) -> None:
        statement = insert_for(self.session, changed_partnerships).values(
            partnership_id=partnership_id, tenant_id=self.tenant_id, changed_at=at
        )
        await self.session.execute(statement.on_conflict_do_nothing(index_elements=["partnership_id"]))

    async def reached(self, campaign_id: UUID) -> set[str]:
        k = kpi_reached.c
        rows = await self.session.execute(
            select(k.kpi).where(k.campaign_id == campaign_id, k.tenant_id == self.tenant_id)
        )
        return set(rows.scalars())

    async def mark_reached(self, campaign_id: UUID, kpi: str, at: datetime) -> bool:
        statement = insert_for(self.session, kpi_reached).values(
            campaign_id=campaign_id, kpi=kpi, tenant_id=self.tenant_id, reached_at=at
        )
        statement = statement.on_conflict_do_nothing(index_elements=["campaign_id", "kpi"])
        return bool((await self.session.execute(statement)).rowcount)


async def take_changed(session: AsyncSession, limit: int) -> Sequence[tuple[UUID, UUID]]:
    """Up to `limit` changed partnerships of any org, (partnership, tenant), taken off the log in
    this transaction (another replica skips the rows this one holds)."""
    c = changed_partnerships.c
    query = select(c.partnership_id, c.tenant_id).order_by(c.changed_at).limit(limit)
    if session.bind.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = [(row.partnership_id, row.tenant_id) for row in await session.execute(query)]
    if rows:
        await session.execute(delete(changed_partnerships).where(c.partnership_id.in_([p for p, _ in rows])))
    return rows

from datetime import datetime
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from partnerships.adapters.tables import commission_entries


class CommissionRepository:
    """The attributed sales entries of commission contracts."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def net_sales(self, partnership_id: UUID) -> int:
        e = commission_entries.c
        total = await self.session.scalar(
            select(func.coalesce(func.sum(e.net_change_minor), 0)).where(e.partnership_id == partnership_id)
        )
        return int(total or 0)

    async def add(
        self, entry_id: UUID, partnership_id: UUID, net_change_minor: int, commission_change_minor: int, at: datetime
    ) -> bool:
        """False when this entry was taken before."""
        dialect = postgresql if self.session.bind.dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(commission_entries)
            .values(
                entry_id=entry_id,
                tenant_id=self.tenant_id,
                partnership_id=partnership_id,
                net_change_minor=net_change_minor,
                commission_change_minor=commission_change_minor,
                created_at=at,
            )
            .on_conflict_do_nothing(index_elements=["entry_id"])
        )
        return bool((await self.session.execute(statement)).rowcount)

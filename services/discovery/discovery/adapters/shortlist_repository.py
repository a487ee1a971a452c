from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.tables import shortlist_entries
from discovery.domain.shortlists import ShortlistEntry
from servicekit.rows import from_row, row_of


class ShortlistRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    def _mine(self, campaign_id: UUID) -> Any:
        return and_(shortlist_entries.c.campaign_id == campaign_id, shortlist_entries.c.tenant_id == self.tenant_id)

    async def get(self, campaign_id: UUID, influencer_id: UUID) -> ShortlistEntry | None:
        row = (
            await self.session.execute(
                select(shortlist_entries).where(
                    self._mine(campaign_id), shortlist_entries.c.influencer_id == influencer_id
                )
            )
        ).first()
        return from_row(ShortlistEntry, row) if row else None

    async def add(self, entry: ShortlistEntry) -> None:
        await self.session.execute(insert(shortlist_entries).values(row_of(entry, shortlist_entries)))

    async def remove(self, campaign_id: UUID, influencer_id: UUID) -> None:
        await self.session.execute(
            delete(shortlist_entries).where(self._mine(campaign_id), shortlist_entries.c.influencer_id == influencer_id)
        )

    async def list(
        self, campaign_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
    ) -> Sequence[ShortlistEntry]:
        """Newest first, keyset-paginated on (added_at, influencer id)."""
        t = shortlist_entries
        query = select(t).where(self._mine(campaign_id))
        if after is not None:
            added_at, last_id = after
            query = query.where(
                or_(t.c.added_at < added_at, and_(t.c.added_at == added_at, t.c.influencer_id < last_id))
            )
        rows = await self.session.execute(query.order_by(t.c.added_at.desc(), t.c.influencer_id.desc()).limit(limit))
        return [from_row(ShortlistEntry, row) for row in rows]

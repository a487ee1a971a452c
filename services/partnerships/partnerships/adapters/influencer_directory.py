"""Discovery's influencers in SQL: one row each, the newest version its events told."""

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from partnerships.adapters.tables import influencer_profiles
from partnerships.domain.influencers import KnownInfluencer
from servicekit.db import insert_on_conflict

_CHANGEABLE = ("org_id", "platform", "handle", "display_name", "version")


class InfluencerDirectoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, influencer_id: UUID) -> KnownInfluencer | None:
        t = influencer_profiles
        row = (await self.session.execute(select(t).where(t.c.influencer_id == influencer_id))).first()
        if row is None:
            return None
        return KnownInfluencer(row.influencer_id, row.org_id, row.platform, row.handle, row.display_name, row.version)

    async def record(self, influencers: Sequence[KnownInfluencer]) -> None:
        newest: dict[UUID, KnownInfluencer] = {}
        for influencer in influencers:
            kept = newest.get(influencer.id)
            if kept is None or influencer.version > kept.version:
                newest[influencer.id] = influencer
        if not newest:
            return
        t = influencer_profiles
        statement = insert_on_conflict(self.session, t)
        statement = statement.on_conflict_do_update(
            index_elements=[t.c.influencer_id],
            set_={name: statement.excluded[name] for name in _CHANGEABLE},
            where=t.c.version < statement.excluded.version,
        )
        await self.session.execute(
            statement,
            [
                {
                    "influencer_id": i.id,
                    "org_id": i.org_id,
                    "platform": i.platform,
                    "handle": i.handle,
                    "display_name": i.display_name,
                    "version": i.version,
                }
                for i in newest.values()
            ],
        )

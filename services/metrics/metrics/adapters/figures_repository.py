"""What a scope's measurement reads: its posts with their latest insights and snapshots, and the
paid spend on them."""

import json
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.tables import amplifications, post_snapshots, post_totals, posts
from metrics.adapters.told_repository import _post
from metrics.domain.insights import METRICS
from metrics.domain.records import Amplification, Post


class FiguresRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def posts(
        self,
        *,
        campaign_id: UUID | None = None,
        partnership_ids: Sequence[UUID] | None = None,
        post_id: UUID | None = None,
    ) -> list[tuple[Post, dict[str, int]]]:
        """The scope's posts by publication, each with its metrics' latest values."""
        query = (
            select(posts, *(post_totals.c[m] for m in METRICS))
            .outerjoin(post_totals, post_totals.c.post_id == posts.c.id)
            .where(posts.c.tenant_id == self.tenant_id)
        )
        if campaign_id is not None:
            query = query.where(posts.c.campaign_id == campaign_id)
        if partnership_ids is not None:
            query = query.where(posts.c.partnership_id.in_(partnership_ids))
        if post_id is not None:
            query = query.where(posts.c.id == post_id)
        rows = await self.session.execute(query.order_by(posts.c.published_at, posts.c.id))
        found = []
        for row in rows:
            values = {m: getattr(row, m) for m in METRICS if getattr(row, m) is not None}
            found.append((_post(row), values))
        return found

    async def snapshots(self, post_ids: Sequence[UUID]) -> list[tuple[UUID, datetime, dict[str, int]]]:
        if not post_ids:
            return []
        s = post_snapshots.c
        rows = await self.session.execute(
            select(s.post_id, s.observed_at, s.metrics).where(s.post_id.in_(post_ids)).order_by(s.observed_at)
        )
        return [(post_id, at, json.loads(metrics)) for post_id, at, metrics in rows]

    async def snapshot_page(
        self, post_id: UUID, *, limit: int, before: datetime | None
    ) -> list[tuple[datetime, datetime, dict[str, int]]]:
        """(observed_at, received_at, metrics), newest observation first."""
        s = post_snapshots.c
        query = select(s.observed_at, s.received_at, s.metrics).where(s.post_id == post_id)
        if before is not None:
            query = query.where(s.observed_at < before)
        rows = await self.session.execute(query.order_by(s.observed_at.desc()).limit(limit))
        return [(observed, received, json.loads(metrics)) for observed, received, metrics in rows]

    async def snapshot_at(self, post_id: UUID, observed_at: list[datetime]) -> dict[datetime, dict[str, int]]:
        if not observed_at:
            return {}
        s = post_snapshots.c
        rows = await self.session.execute(
            select(s.observed_at, s.metrics).where(s.post_id == post_id, s.observed_at.in_(observed_at))
        )
        return {at: json.loads(metrics) for at, metrics in rows}

    async def amplifications(
        self,
        *,
        campaign_id: UUID | None = None,
        partnership_ids: Sequence[UUID] | None = None,
        post_id: UUID | None = None,
    ) -> list[Amplification]:
        a = amplifications.c
        query = select(amplifications).where(a.tenant_id == self.tenant_id)
        if campaign_id is not None:
            query = query.where(a.campaign_id == campaign_id)
        if partnership_ids is not None:
            query = query.where(a.partnership_id.in_(partnership_ids))
        if post_id is not None:
            query = query.where(a.post_id == post_id)
        rows = await self.session.execute(query)
        return [
            Amplification(
                row.id,
                row.tenant_id,
                row.campaign_id,
                row.partnership_id,
                row.deliverable_id,
                row.post_id,
                row.kind,
                row.spend_minor,
                row.currency,
                row.told_at,
            )
            for row in rows
        ]

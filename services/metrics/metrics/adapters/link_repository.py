"""Tracking links and promo codes."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from metrics.adapters.tables import click_buckets, link_clicks, promo_codes, tracking_links
from metrics.domain.links import TrackingLink
from metrics.domain.records import PromoCode


def link_of(row: Row[Any]) -> TrackingLink:
    return TrackingLink(
        id=row.id,
        tenant_id=row.tenant_id,
        code=row.code,
        campaign_id=row.campaign_id,
        partnership_id=row.partnership_id,
        influencer_id=row.influencer_id,
        deliverable_id=row.deliverable_id,
        destination_url=row.destination_url,
        target_url=row.target_url,
        active=row.active,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _promo(row: Row[Any]) -> PromoCode:
    return PromoCode(
        id=row.id,
        tenant_id=row.tenant_id,
        code=row.code,
        campaign_id=row.campaign_id,
        partnership_id=row.partnership_id,
        influencer_id=row.influencer_id,
        created_at=row.created_at,
    )


class LinkRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def code_taken(self, code: str) -> bool:
        """By any org: codes are one public namespace."""
        return bool(await self.session.scalar(select(exists().where(tracking_links.c.code == code))))

    async def add(self, link: TrackingLink) -> None:
        await self.session.execute(
            tracking_links.insert().values(
                id=link.id,
                tenant_id=link.tenant_id,
                code=link.code,
                campaign_id=link.campaign_id,
                partnership_id=link.partnership_id,
                influencer_id=link.influencer_id,
                deliverable_id=link.deliverable_id,
                destination_url=link.destination_url,
                target_url=link.target_url,
                active=link.active,
                created_at=link.created_at,
                updated_at=link.updated_at,
            )
        )

    async def get(self, link_id: UUID) -> TrackingLink | None:
        t = tracking_links
        row = (await self.session.execute(select(t).where(t.c.id == link_id, t.c.tenant_id == self.tenant_id))).first()
        return link_of(row) if row is not None else None

    async def page(
        self,
        *,
        limit: int,
        after: tuple[datetime, UUID] | None,
        campaign_id: UUID | None = None,
        partnership_id: UUID | None = None,
    ) -> Sequence[TrackingLink]:
        """Newest first."""
        t = tracking_links
        query = select(t).where(t.c.tenant_id == self.tenant_id)
        if campaign_id is not None:
            query = query.where(t.c.campaign_id == campaign_id)
        if partnership_id is not None:
            query = query.where(t.c.partnership_id == partnership_id)
        if after is not None:
            created_at, last_id = after
            query = query.where(or_(t.c.created_at < created_at, (t.c.created_at == created_at) & (t.c.id < last_id)))
        rows = await self.session.execute(query.order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit))
        return [link_of(row) for row in rows]

    async def deactivate(self, link_id: UUID, at: datetime) -> None:
        await self.session.execute(
            update(tracking_links)
            .where(tracking_links.c.id == link_id, tracking_links.c.tenant_id == self.tenant_id)
            .values(active=False, updated_at=at)
        )

    async def clicks(self, link_ids: Sequence[UUID]) -> dict[UUID, tuple[int, int, int]]:
        """(counted, bots, repeats) of each link."""
        if not link_ids:
            return {}
        c = link_clicks.c
        rows = await self.session.execute(
            select(c.link_id, c.counted, c.bots, c.repeats).where(c.link_id.in_(link_ids))
        )
        return {row.link_id: (row.counted, row.bots, row.repeats) for row in rows}

    async def click_buckets(self, link_ids: Sequence[UUID]) -> Sequence[tuple[UUID, datetime, int]]:
        if not link_ids:
            return []
        b = click_buckets.c
        rows = await self.session.execute(
            select(b.link_id, b.bucket_start, b.counted).where(b.link_id.in_(link_ids), b.counted > 0)
        )
        return [(row.link_id, row.bucket_start, row.counted) for row in rows]

    async def of_scope(
        self, *, campaign_id: UUID | None = None, partnership_ids: Sequence[UUID] | None = None
    ) -> Sequence[TrackingLink]:
        t = tracking_links
        query = select(t).where(t.c.tenant_id == self.tenant_id)
        if campaign_id is not None:
            query = query.where(t.c.campaign_id == campaign_id)
        if partnership_ids is not None:
            query = query.where(t.c.partnership_id.in_(partnership_ids))
        return [link_of(row) for row in await self.session.execute(query)]


class PromoCodeRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add(self, promo: PromoCode) -> None:
        await self.session.execute(
            promo_codes.insert().values(
                id=promo.id,
                tenant_id=promo.tenant_id,
                code=promo.code,
                campaign_id=promo.campaign_id,
                partnership_id=promo.partnership_id,
                influencer_id=promo.influencer_id,
                created_at=promo.created_at,
            )
        )

    async def find(self, code: str) -> PromoCode | None:
        t = promo_codes
        row = (await self.session.execute(select(t).where(t.c.tenant_id == self.tenant_id, t.c.code == code))).first()
        return _promo(row) if row is not None else None

    async def find_many(self, codes: Sequence[str]) -> dict[str, PromoCode]:
        if not codes:
            return {}
        t = promo_codes
        rows = await self.session.execute(select(t).where(t.c.tenant_id == self.tenant_id, t.c.code.in_(codes)))
        return {row.code: _promo(row) for row in rows}

    async def get(self, promo_id: UUID) -> PromoCode | None:
        t = promo_codes
        row = (await self.session.execute(select(t).where(t.c.id == promo_id, t.c.tenant_id == self.tenant_id))).first()
        return _promo(row) if row is not None else None

    async def page(
        self, *, limit: int, after: tuple[datetime, UUID] | None, partnership_id: UUID | None = None
    ) -> Sequence[PromoCode]:
        t = promo_codes
        query = select(t).where(t.c.tenant_id == self.tenant_id)
        if partnership_id is not None:
            query = query.where(t.c.partnership_id == partnership_id)
        if after is not None:
            created_at, last_id = after
            query = query.where(or_(t.c.created_at < created_at, (t.c.created_at == created_at) & (t.c.id < last_id)))
        rows = await self.session.execute(query.order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit))
        return [_promo(row) for row in rows]

    async def remove(self, promo_id: UUID) -> None:
        t = promo_codes
        await self.session.execute(delete(t).where(t.c.id == promo_id, t.c.tenant_id == self.tenant_id))


async def links_changed_since(connection: AsyncConnection, since: datetime | None) -> Sequence[TrackingLink]:
    """Every org's links changed after `since` (all of them without it): what the redirect's
    in-memory directory loads and keeps current."""
    t = tracking_links
    query = select(t)
    if since is not None:
        query = query.where(t.c.updated_at > since)
    return [link_of(row) for row in await connection.execute(query)]


async def latest_change(connection: AsyncConnection) -> datetime | None:
    return await connection.scalar(select(func.max(tracking_links.c.updated_at)))

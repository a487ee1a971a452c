"""Amplifications and assets in SQL."""

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Row, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from content.adapters.submission_repository import media_documents, media_refs
from content.adapters.tables import amplifications, assets
from content.application.ports import AssetFilter, Cursor
from content.domain.amplifications import Amplification, Decision
from content.domain.assets import Asset
from content.domain.deliverables import UsageRights
from contracts import AmplificationKind, Money


def _amplification(row: Row[Any]) -> Amplification:
    return Amplification(
        id=row.id,
        tenant_id=row.tenant_id,
        deliverable_id=row.deliverable_id,
        campaign_id=row.campaign_id,
        partnership_id=row.partnership_id,
        influencer_id=row.influencer_id,
        post_id=row.post_id,
        kind=AmplificationKind(row.kind),
        platform=row.platform,
        spend=Money(amount_minor=row.spend_minor, currency=row.currency),
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        requested_at=row.requested_at,
        requested_by=row.requested_by,
        decision=Decision(row.decision),
        decided_at=row.decided_at,
        refusal_reason=row.refusal_reason,
    )


class AmplificationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, amplification_id: UUID, *, for_update: bool = False) -> Amplification | None:
        query = select(amplifications).where(amplifications.c.id == amplification_id)
        if for_update:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        return _amplification(row) if row is not None else None

    async def add(self, a: Amplification) -> None:
        await self.session.execute(
            insert(amplifications).values(
                id=a.id,
                tenant_id=a.tenant_id,
                deliverable_id=a.deliverable_id,
                campaign_id=a.campaign_id,
                partnership_id=a.partnership_id,
                influencer_id=a.influencer_id,
                post_id=a.post_id,
                kind=a.kind.value,
                platform=a.platform,
                spend_minor=a.spend.amount_minor,
                currency=a.spend.currency,
                starts_on=a.starts_on,
                ends_on=a.ends_on,
                decision=a.decision.value,
                requested_at=a.requested_at,
                requested_by=a.requested_by,
                decided_at=a.decided_at,
                refusal_reason=a.refusal_reason,
            )
        )

    async def save(self, a: Amplification) -> None:
        await self.session.execute(
            update(amplifications)
            .where(amplifications.c.id == a.id)
            .values(decision=a.decision.value, decided_at=a.decided_at, refusal_reason=a.refusal_reason)
        )

    async def of_deliverable(
        self, deliverable_id: UUID, *, limit: int, after: Cursor | None
    ) -> Sequence[Amplification]:
        t = amplifications
        query = select(t).where(t.c.deliverable_id == deliverable_id)
        if after is not None:
            at, last_id = after
            query = query.where(or_(t.c.requested_at < at, and_(t.c.requested_at == at, t.c.id < last_id)))
        rows = await self.session.execute(query.order_by(t.c.requested_at.desc(), t.c.id.desc()).limit(limit))
        return [_amplification(row) for row in rows]


def _asset(row: Row[Any]) -> Asset:
    rights = row.usage_rights
    return Asset(
        id=row.id,
        tenant_id=row.tenant_id,
        deliverable_id=row.deliverable_id,
        campaign_id=row.campaign_id,
        partnership_id=row.partnership_id,
        influencer_id=row.influencer_id,
        submission_id=row.submission_id,
        caption=row.caption,
        platform=row.platform,
        format=row.format,
        media=media_refs(row.media),
        usage_rights=UsageRights(tuple(rights["channels"]), int(rights["duration_days"])) if rights else None,
        approved_at=row.approved_at,
        rights_from=row.rights_from,
        post_url=row.post_url,
    )


def _rights_columns(a: Asset) -> dict[str, Any]:
    return {"rights_from": a.rights_from, "expires_at": a.expires_at, "post_url": a.post_url}


class AssetRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def get(self, asset_id: UUID) -> Asset | None:
        row = (await self.session.execute(select(assets).where(assets.c.id == asset_id))).first()
        return _asset(row) if row is not None else None

    async def add(self, a: Asset) -> None:
        rights = a.usage_rights
        await self.session.execute(
            insert(assets).values(
                id=a.id,
                tenant_id=a.tenant_id,
                deliverable_id=a.deliverable_id,
                campaign_id=a.campaign_id,
                partnership_id=a.partnership_id,
                influencer_id=a.influencer_id,
                submission_id=a.submission_id,
                caption=a.caption,
                platform=a.platform,
                format=a.format,
                media=media_documents(a.media),
                usage_rights=(
                    {"channels": list(rights.channels), "duration_days": rights.duration_days} if rights else None
                ),
                channels=" " + " ".join(rights.channels if rights else ()) + " ",
                approved_at=a.approved_at,
                **_rights_columns(a),
            )
        )

    async def save(self, a: Asset) -> None:
        await self.session.execute(update(assets).where(assets.c.id == a.id).values(**_rights_columns(a)))

    async def list(self, where: AssetFilter, *, limit: int, after: Cursor | None) -> Sequence[Asset]:
        t = assets
        query = select(t).where(t.c.tenant_id == self.tenant_id)
        if where.campaign_id is not None:
            query = query.where(t.c.campaign_id == where.campaign_id)
        if where.channel is not None:
            query = query.where(t.c.channels.contains(f" {where.channel} "))
        if where.usable_at is not None:
            query = query.where(t.c.expires_at > where.usable_at, t.c.channels != "  ")
        if after is not None:
            at, last_id = after
            query = query.where(or_(t.c.approved_at < at, and_(t.c.approved_at == at, t.c.id < last_id)))
        rows = await self.session.execute(query.order_by(t.c.approved_at.desc(), t.c.id.desc()).limit(limit))
        return [_asset(row) for row in rows]

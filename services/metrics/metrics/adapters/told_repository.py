"""What other services told metrics: partnerships and their payments, posts, amplifications, and
the KPI targets of campaigns. Each write keeps the newest news (events may come late or twice)."""

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import FeeKind
from metrics.adapters.sql import insert_for
from metrics.adapters.tables import amplifications, campaign_targets, partnerships, payments, posts
from metrics.domain.records import Amplification, KnownPartnership, Post

# A partnership's states in the order they can follow one another; a later one is never undone.
_STAGES = {
    "drafted": 0,
    "proposed": 1,
    "countered": 1,
    "accepted": 2,
    "signed": 3,
    "active": 4,
    "completed": 5,
    "cancelled": 5,
    "declined": 5,
    "withdrawn": 5,
}


def _partnership(row: Row[Any]) -> KnownPartnership:
    return KnownPartnership(
        id=row.id,
        tenant_id=row.tenant_id,
        campaign_id=row.campaign_id,
        influencer_id=row.influencer_id,
        state=row.state,
        state_at=row.state_at,
        fee_kind=FeeKind(row.fee_kind) if row.fee_kind else None,
        fee_minor=row.fee_minor,
        fee_currency=row.fee_currency,
        commission_rate_bps=row.commission_rate_bps,
        signed_at=row.signed_at,
        commission_minor=row.commission_minor,
        commission_at=row.commission_at,
    )


def _post(row: Row[Any]) -> Post:
    return Post(
        id=row.id,
        tenant_id=row.tenant_id,
        campaign_id=row.campaign_id,
        partnership_id=row.partnership_id,
        influencer_id=row.influencer_id,
        deliverable_id=row.deliverable_id,
        platform=row.platform,
        url=row.url,
        external_id=row.external_id,
        published_at=row.published_at,
    )


class PartnershipRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def get(self, partnership_id: UUID) -> KnownPartnership | None:
        t = partnerships
        row = (
            await self.session.execute(select(t).where(t.c.id == partnership_id, t.c.tenant_id == self.tenant_id))
        ).first()
        return _partnership(row) if row is not None else None

    async def of_campaign(self, campaign_id: UUID) -> Sequence[KnownPartnership]:
        t = partnerships
        rows = await self.session.execute(
            select(t).where(t.c.tenant_id == self.tenant_id, t.c.campaign_id == campaign_id).order_by(t.c.id)
        )
        return [_partnership(row) for row in rows]

    async def of_influencer(self, influencer_id: UUID) -> Sequence[KnownPartnership]:
        t = partnerships
        rows = await self.session.execute(
            select(t).where(t.c.tenant_id == self.tenant_id, t.c.influencer_id == influencer_id).order_by(t.c.id)
        )
        return [_partnership(row) for row in rows]

    async def record_state(
        self, partnership_id: UUID, campaign_id: UUID, influencer_id: UUID, state: str, at: datetime
    ) -> None:
        """A partnership's news: known from its first event, its state only ever moving forward."""
        t = partnerships
        row = (await self.session.execute(select(t).where(t.c.id == partnership_id).with_for_update())).first()
        if row is None:
            await self.session.execute(
                insert_for(self.session, t).values(
                    id=partnership_id,
                    tenant_id=self.tenant_id,
                    campaign_id=campaign_id,
                    influencer_id=influencer_id,
                    state=state,
                    state_at=at,
                    commission_minor=0,
                )
            )
            return
        if row.tenant_id != self.tenant_id:
            return
        if _STAGES.get(state, 0) > _STAGES.get(row.state, 0) or (
            _STAGES.get(state, 0) == _STAGES.get(row.state, 0) and at > row.state_at
        ):
            await self.session.execute(update(t).where(t.c.id == partnership_id).values(state=state, state_at=at))

    async def record_contract(
        self, partnership_id: UUID, fee_kind: FeeKind | None, fee_minor: int | None, currency: str | None,
        rate_bps: int | None, signed_at: datetime,
    ) -> None:  # fmt: skip
        t = partnerships
        await self.session.execute(
            update(t)
            .where(t.c.id == partnership_id, t.c.tenant_id == self.tenant_id)
            .values(
                fee_kind=fee_kind.value if fee_kind else None,
                fee_minor=fee_minor,
                fee_currency=currency,
                commission_rate_bps=rate_bps,
                signed_at=signed_at,
            )
        )

    async def record_commission(self, partnership_id: UUID, accrued_minor: int, at: datetime) -> None:
        """What partnerships accrued in commission so far (the newest figure wins)."""
        t = partnerships
        await self.session.execute(
            update(t)
            .where(
                t.c.id == partnership_id,
                t.c.tenant_id == self.tenant_id,
                (t.c.commission_at.is_(None)) | (t.c.commission_at < at),
            )
            .values(commission_minor=accrued_minor, commission_at=at)
        )

    async def record_payment(
        self, payment_id: UUID, partnership_id: UUID, amount_minor: int, currency: str, paid_at: datetime
    ) -> None:
        statement = insert_for(self.session, payments).values(
            id=payment_id,
            tenant_id=self.tenant_id,
            partnership_id=partnership_id,
            amount_minor=amount_minor,
            currency=currency,
            paid_at=paid_at,
        )
        await self.session.execute(statement.on_conflict_do_nothing(index_elements=["id"]))

    async def paid(self, partnership_ids: Sequence[UUID]) -> dict[UUID, int]:
        if not partnership_ids:
            return {}
        rows = await self.session.execute(
            select(payments.c.partnership_id, payments.c.amount_minor).where(
                payments.c.tenant_id == self.tenant_id, payments.c.partnership_id.in_(partnership_ids)
            )
        )
        paid: dict[UUID, int] = {}
        for partnership_id, amount in rows:
            paid[partnership_id] = paid.get(partnership_id, 0) + amount
        return paid


class PostRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add(self, post: Post) -> bool:
        """False when the post was known already (content told it again)."""
        row = {
            "id": post.id,
            "tenant_id": post.tenant_id,
            "campaign_id": post.campaign_id,
            "partnership_id": post.partnership_id,
            "influencer_id": post.influencer_id,
            "deliverable_id": post.deliverable_id,
            "platform": post.platform,
            "url": post.url,
            "external_id": post.external_id,
            "published_at": post.published_at,
        }
        statement = insert_for(self.session, posts).values(row).on_conflict_do_nothing(index_elements=["id"])
        result = await self.session.execute(statement)
        return bool(result.rowcount)

    async def get(self, post_id: UUID) -> Post | None:
        row = (
            await self.session.execute(select(posts).where(posts.c.id == post_id, posts.c.tenant_id == self.tenant_id))
        ).first()
        return _post(row) if row is not None else None

    async def with_deliverable(self, deliverable_id: UUID) -> Post | None:
        row = (
            await self.session.execute(
                select(posts).where(posts.c.deliverable_id == deliverable_id, posts.c.tenant_id == self.tenant_id)
            )
        ).first()
        return _post(row) if row is not None else None

    async def add_amplification(self, amplification: Amplification) -> None:
        """The newest spend told of an amplification wins."""
        t = amplifications
        values = {
            "id": amplification.id,
            "tenant_id": amplification.tenant_id,
            "campaign_id": amplification.campaign_id,
            "partnership_id": amplification.partnership_id,
            "deliverable_id": amplification.deliverable_id,
            "post_id": amplification.post_id,
            "kind": amplification.kind,
            "spend_minor": amplification.spend_minor,
            "currency": amplification.currency,
            "told_at": amplification.told_at,
        }
        statement = insert_for(self.session, t).values(values)
        statement = statement.on_conflict_do_update(
            index_elements=["id"],
            set_={k: statement.excluded[k] for k in ("post_id", "kind", "spend_minor", "currency", "told_at")},
            where=(t.c.told_at < statement.excluded.told_at) & (t.c.tenant_id == statement.excluded.tenant_id),
        )
        await self.session.execute(statement)


class TargetRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def record(self, campaign_id: UUID, kpis: dict[str, float], at: datetime) -> None:
        t = campaign_targets
        statement = insert_for(self.session, t).values(
            campaign_id=campaign_id, tenant_id=self.tenant_id, kpis=json.dumps(kpis, sort_keys=True), told_at=at
        )
        statement = statement.on_conflict_do_update(
            index_elements=["campaign_id"],
            set_={"kpis": statement.excluded.kpis, "told_at": statement.excluded.told_at},
            where=(t.c.told_at < statement.excluded.told_at) & (t.c.tenant_id == statement.excluded.tenant_id),
        )
        await self.session.execute(statement)

    async def get(self, campaign_id: UUID) -> dict[str, float]:
        t = campaign_targets
        found = await self.session.scalar(
            select(t.c.kpis).where(t.c.campaign_id == campaign_id, t.c.tenant_id == self.tenant_id)
        )
        return json.loads(found) if found else {}

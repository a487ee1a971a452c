"""Partnerships' answers to content's amplification requests, one row per amplification."""

from datetime import datetime
from uuid import UUID

from sqlalchemy import BigInteger, Column, Index, String, Table, Uuid, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Money
from partnerships.adapters.tables import metadata
from servicekit.db import UtcDateTime

amplification_funding = Table(
    "amplification_funding",
    metadata,
    Column("amplification_id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("campaign_id", Uuid, nullable=False),
    Column("deliverable_id", Uuid, nullable=False),
    Column("partnership_id", Uuid, nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("decision", String(16), nullable=False),
    Column("reason", String(1000), nullable=True),
    Column("decided_at", UtcDateTime(), nullable=False),
    Index("ix_amplification_funding_campaign", "campaign_id", "decision"),
)


class AmplificationFundingRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def decided(self, amplification_id: UUID) -> bool:
        t = amplification_funding
        found = await self.session.scalar(select(t.c.decision).where(t.c.amplification_id == amplification_id))
        return found is not None

    async def record(
        self,
        *,
        amplification_id: UUID,
        campaign_id: UUID,
        deliverable_id: UUID,
        partnership_id: UUID,
        spend: Money,
        funded: bool,
        reason: str | None,
        at: datetime,
    ) -> None:
        await self.session.execute(
            insert(amplification_funding).values(
                amplification_id=amplification_id,
                tenant_id=self.tenant_id,
                campaign_id=campaign_id,
                deliverable_id=deliverable_id,
                partnership_id=partnership_id,
                amount_minor=spend.amount_minor,
                currency=spend.currency,
                decision="funded" if funded else "refused",
                reason=reason,
                decided_at=at,
            )
        )

    async def committed(self, campaign_id: UUID, currency: str) -> int:
        """What the campaign's funded amplifications took, in its currency."""
        t = amplification_funding
        total = await self.session.scalar(
            select(func.sum(t.c.amount_minor)).where(
                t.c.campaign_id == campaign_id,
                t.c.tenant_id == self.tenant_id,
                t.c.decision == "funded",
                t.c.currency == currency,
            )
        )
        return int(total or 0)

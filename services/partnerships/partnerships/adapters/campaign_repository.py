from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Money
from partnerships.adapters.tables import campaigns, partnerships
from partnerships.domain.budget import Allocation
from partnerships.domain.campaigns import Campaign, CampaignState, Objective


# By hand, unlike servicekit.rows' field-per-column records: the budget is two columns, the allocation three.
def _to_row(campaign: Campaign) -> dict[str, Any]:
    return {
        "id": campaign.id,
        "tenant_id": campaign.tenant_id,
        "name": campaign.name,
        "objective": campaign.objective.value,
        "state": campaign.state.value,
        "budget_amount_minor": campaign.budget.amount_minor if campaign.budget else None,
        "budget_currency": campaign.budget.currency if campaign.budget else None,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
        "target_audience": campaign.target_audience,
        "kpis": campaign.kpis,
        "reserved_minor": campaign.allocation.reserved,
        "committed_minor": campaign.allocation.committed,
        "paid_minor": campaign.allocation.paid,
        "created_at": campaign.created_at,
        "updated_at": campaign.updated_at,
    }


def _from_row(row: Row[Any]) -> Campaign:
    budget = None
    if row.budget_amount_minor is not None:
        budget = Money(amount_minor=row.budget_amount_minor, currency=row.budget_currency)
    return Campaign(
        id=row.id,
        tenant_id=row.tenant_id,
        name=row.name,
        objective=Objective(row.objective),
        state=CampaignState(row.state),
        budget=budget,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        target_audience=row.target_audience,
        kpis=row.kpis,
        allocation=Allocation(reserved=row.reserved_minor, committed=row.committed_minor, paid=row.paid_minor),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class CampaignRepository:
    """Every query is scoped to one tenant: another tenant's campaign is simply not found."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add(self, campaign: Campaign) -> None:
        await self.session.execute(insert(campaigns).values(_to_row(campaign)))

    async def get(self, campaign_id: UUID, *, for_update: bool = False) -> Campaign | None:
        query = select(campaigns).where(campaigns.c.id == campaign_id, campaigns.c.tenant_id == self.tenant_id)
        if for_update:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        return _from_row(row) if row else None

    async def lock_of_partnership(self, partnership_id: UUID) -> Campaign | None:
        """The partnership's campaign, locked, in any tenant (one statement: the caller need not
        know the campaign). Whoever asks must check access to the partnership next."""
        owner = select(partnerships.c.campaign_id).where(partnerships.c.id == partnership_id).scalar_subquery()
        row = (await self.session.execute(select(campaigns).where(campaigns.c.id == owner).with_for_update())).first()
        return _from_row(row) if row else None

    async def save(self, campaign: Campaign) -> None:
        await self.session.execute(
            update(campaigns)
            .where(campaigns.c.id == campaign.id, campaigns.c.tenant_id == self.tenant_id)
            .values(_to_row(campaign))
        )

    async def list(
        self, *, limit: int, after: tuple[datetime, UUID] | None = None, state: CampaignState | None = None
    ) -> Sequence[Campaign]:
        """Newest first, keyset-paginated on (created_at, id)."""
        query = select(campaigns).where(campaigns.c.tenant_id == self.tenant_id)
        if state is not None:
            query = query.where(campaigns.c.state == state.value)
        if after is not None:
            created_at, last_id = after
            query = query.where(
                or_(
                    campaigns.c.created_at < created_at,
                    and_(campaigns.c.created_at == created_at, campaigns.c.id < last_id),
                )
            )
        query = query.order_by(campaigns.c.created_at.desc(), campaigns.c.id.desc()).limit(limit)
        return [_from_row(row) for row in (await self.session.execute(query)).all()]

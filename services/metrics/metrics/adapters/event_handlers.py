"""What metrics does with other services' events."""

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Envelope, EventData
from contracts.events.partnerships import CampaignCancelled, CampaignCompleted, CampaignCreated, CampaignLaunched
from metrics.adapters.tables import campaigns
from servicekit.consumer import EventHandlers

handlers = EventHandlers()


@handlers.on(CampaignCreated.event_type)
async def campaign_created(session: AsyncSession, envelope: Envelope, data: EventData) -> None:
    assert isinstance(data, CampaignCreated)
    await session.execute(
        insert(campaigns).values(
            id=data.campaign_id,
            tenant_id=envelope.tenant_id,
            name=data.name,
            objective=data.objective,
            state="draft",
            currency=data.budget.currency if data.budget else None,
            budget_minor=data.budget.amount_minor if data.budget else None,
            created_at=envelope.time,
            updated_at=envelope.time,
        )
    )


_STATE_AFTER = {
    CampaignLaunched.event_type: "active",
    CampaignCompleted.event_type: "completed",
    CampaignCancelled.event_type: "cancelled",
}


@handlers.on(*_STATE_AFTER)
async def campaign_state_changed(session: AsyncSession, envelope: Envelope, data: EventData) -> None:
    assert isinstance(data, CampaignLaunched | CampaignCompleted | CampaignCancelled)
    await session.execute(
        update(campaigns)
        .where(campaigns.c.id == data.campaign_id)
        .values(state=_STATE_AFTER[envelope.type], updated_at=envelope.time)
    )

"""What metrics does with other services' events."""

from sqlalchemy import insert, update

from contracts import CampaignState
from contracts.events.partnerships import CampaignCancelled, CampaignCompleted, CampaignCreated, CampaignLaunched
from metrics.adapters.tables import campaigns
from servicekit.handlers import EventHandlers, Received
from servicekit.unit_of_work import UnitOfWork

handlers = EventHandlers(UnitOfWork)


@handlers.on(CampaignCreated)
async def campaign_created(uow: UnitOfWork, event: Received[CampaignCreated]) -> None:
    data = event.data
    await uow.session.execute(
        insert(campaigns).values(
            id=data.campaign_id,
            tenant_id=uow.tenant_id,
            name=data.name,
            objective=data.objective.value,
            state=CampaignState.DRAFT.value,
            currency=data.budget.currency if data.budget else None,
            budget_minor=data.budget.amount_minor if data.budget else None,
            created_at=event.time,
            updated_at=event.time,
        )
    )


async def _state_changed(
    uow: UnitOfWork, event: Received[CampaignLaunched | CampaignCompleted | CampaignCancelled], state: CampaignState
) -> None:
    await uow.session.execute(
        update(campaigns)
        .where(campaigns.c.id == event.data.campaign_id)
        .values(state=state.value, updated_at=event.time)
    )


@handlers.on(CampaignLaunched)
async def campaign_launched(uow: UnitOfWork, event: Received[CampaignLaunched]) -> None:
    await _state_changed(uow, event, CampaignState.ACTIVE)


@handlers.on(CampaignCompleted)
async def campaign_completed(uow: UnitOfWork, event: Received[CampaignCompleted]) -> None:
    await _state_changed(uow, event, CampaignState.COMPLETED)


@handlers.on(CampaignCancelled)
async def campaign_cancelled(uow: UnitOfWork, event: Received[CampaignCancelled]) -> None:
    await _state_changed(uow, event, CampaignState.CANCELLED)

"""What a brand does with its campaigns, and the events each action tells."""

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from contracts import Money
from contracts.events.partnerships import (
    CampaignCancelled,
    CampaignCompleted,
    CampaignCreated,
    CampaignLaunched,
    CampaignUpdated,
)
from partnerships.application import lifecycle
from partnerships.application.ports import Cursor, UnitOfWork
from partnerships.domain.budget import Account, BudgetReport, funding_change
from partnerships.domain.campaigns import Campaign, CampaignAction, CampaignState, Objective
from servicekit.errors import NotFound


async def create_campaign(
    uow: UnitOfWork,
    *,
    name: str,
    objective: Objective,
    budget: Money | None,
    starts_on: date | None,
    ends_on: date | None,
    target_audience: dict[str, object] | None,
    kpis: dict[str, float] | None,
) -> Campaign:
    campaign = Campaign.draft(
        tenant_id=uow.tenant_id,
        name=name,
        objective=objective,
        budget=budget,
        starts_on=starts_on,
        ends_on=ends_on,
        target_audience=target_audience,
        kpis=kpis,
    )
    await uow.campaigns.add(campaign)
    await uow.ledger.record(campaign.id, funding_change(None, budget), campaign.created_at)
    await uow.events.record(
        CampaignCreated(
            campaign_id=campaign.id,
            name=campaign.name,
            objective=campaign.objective.value,
            budget=campaign.budget,
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
            kpis=dict(campaign.kpis),
        ),
        subject=campaign.id,
        key=campaign.id,
    )
    return campaign


async def get_campaign(uow: UnitOfWork, campaign_id: UUID, *, for_update: bool = False) -> Campaign:
    campaign = await uow.campaigns.get(campaign_id, for_update=for_update)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    return campaign


async def list_campaigns(
    uow: UnitOfWork, *, limit: int, after: Cursor | None, state: CampaignState | None = None
) -> Sequence[Campaign]:
    """The org's campaigns, newest first."""
    return await uow.campaigns.list(limit=limit, after=after, state=state)


async def update_campaign(uow: UnitOfWork, campaign_id: UUID, changes: Mapping[str, Any]) -> Campaign:
    """A partial update; a budget change is a ledger posting like any other movement of money."""
    campaign = await get_campaign(uow, campaign_id, for_update=True)
    now = datetime.now(UTC)
    postings = campaign.revise(changes, now=now)
    await uow.ledger.record(campaign.id, postings, now)
    await uow.campaigns.save(campaign)
    await uow.events.record(
        CampaignUpdated(
            campaign_id=campaign.id,
            name=campaign.name,
            objective=campaign.objective.value,
            state=campaign.state.value,
            budget=campaign.budget,
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
            kpis=dict(campaign.kpis),
            changed=sorted(changes),
        ),
        subject=campaign.id,
        key=campaign.id,
    )
    return campaign


async def launch_campaign(uow: UnitOfWork, campaign_id: UUID) -> Campaign:
    """Draft to active (it needs a budget and dates); its signed contracts start running."""
    campaign = await get_campaign(uow, campaign_id, for_update=True)
    now = datetime.now(UTC)
    campaign.transition(CampaignAction.LAUNCH, today=now.date(), now=now)
    await uow.campaigns.save(campaign)
    assert campaign.budget is not None
    assert campaign.starts_on is not None
    assert campaign.ends_on is not None
    await uow.events.record(
        CampaignLaunched(
            campaign_id=campaign.id, budget=campaign.budget, starts_on=campaign.starts_on, ends_on=campaign.ends_on
        ),
        subject=campaign.id,
        key=campaign.id,
    )
    await lifecycle.activate_signed(uow, campaign, now)
    return campaign


async def complete_campaign(uow: UnitOfWork, campaign_id: UUID) -> Campaign:
    """Active to completed: running contracts complete with it, negotiations are cancelled."""
    campaign = await get_campaign(uow, campaign_id, for_update=True)
    now = datetime.now(UTC)
    campaign.transition(CampaignAction.COMPLETE, today=now.date(), now=now)
    await lifecycle.close_all(uow, campaign, now, completed=True)
    await uow.campaigns.save(campaign)
    await uow.events.record(CampaignCompleted(campaign_id=campaign.id), subject=campaign.id, key=campaign.id)
    return campaign


async def cancel_campaign(uow: UnitOfWork, campaign_id: UUID, *, reason: str | None) -> Campaign:
    """Draft or active to cancelled: every open partnership is cancelled, unpaid money released."""
    campaign = await get_campaign(uow, campaign_id, for_update=True)
    now = datetime.now(UTC)
    campaign.transition(CampaignAction.CANCEL, today=now.date(), now=now)
    await lifecycle.close_all(uow, campaign, now, completed=False)
    await uow.campaigns.save(campaign)
    await uow.events.record(
        CampaignCancelled(campaign_id=campaign.id, reason=reason), subject=campaign.id, key=campaign.id
    )
    return campaign


async def budget_report(uow: UnitOfWork, campaign_id: UUID) -> BudgetReport:
    campaign = await get_campaign(uow, campaign_id)
    view = campaign.budget_view()
    ledger = await uow.ledger.balances(campaign.id, view.currency) if view.currency else dict.fromkeys(Account, 0)
    return BudgetReport(campaign.id, view, ledger)

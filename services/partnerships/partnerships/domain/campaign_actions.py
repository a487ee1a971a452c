"""What a brand does with its campaigns, and the events each action tells."""

from datetime import date
from uuid import UUID

from contracts import Money
from contracts.events.partnerships import CampaignCreated
from partnerships.domain.campaigns import Campaign, Objective
from partnerships.domain.ports import UnitOfWork
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
    await uow.events.record(
        CampaignCreated(
            campaign_id=campaign.id,
            name=campaign.name,
            objective=campaign.objective.value,
            budget=campaign.budget,
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
        ),
        subject=campaign.id,
        key=campaign.id,
    )
    return campaign


async def get_campaign(uow: UnitOfWork, campaign_id: UUID) -> Campaign:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    return campaign

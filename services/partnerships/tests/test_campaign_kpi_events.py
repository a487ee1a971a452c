"""Campaign events carry the KPI targets set on the campaign: metrics paces against them and tells
when one is reached."""

import uuid

from contracts import Money
from contracts.events.partnerships import CampaignCreated, CampaignUpdated
from partnerships.application import campaigns
from partnerships.domain.campaigns import Objective
from servicekit.testing import run

from .fakes import FakeUnitOfWork, Memory


def test_created_and_updated_campaigns_tell_their_kpi_targets() -> None:
    memory = Memory()
    uow = FakeUnitOfWork(memory, uuid.uuid4())
    campaign = run(
        campaigns.create_campaign(
            uow,
            name="Summer",
            objective=Objective.CONVERSIONS,
            budget=Money(amount_minor=100_000, currency="EUR"),
            starts_on=None,
            ends_on=None,
            target_audience=None,
            kpis={"clicks": 1_000.0, "cpa": 2_500.0},
        )
    )
    run(campaigns.update_campaign(uow, campaign.id, {"kpis": {"conversions": 40.0}}))

    assert [e.kpis for e in memory.told(CampaignCreated)] == [{"clicks": 1_000.0, "cpa": 2_500.0}]
    assert [e.kpis for e in memory.told(CampaignUpdated)] == [{"conversions": 40.0}]

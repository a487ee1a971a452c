"""Metrics knows each campaign from partnerships' events, in whatever order they arrive, and
serves its KPIs to the org it belongs to only."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from contracts import Money
from contracts.events.partnerships import (
    CampaignCancelled,
    CampaignCreated,
    CampaignLaunched,
    CampaignUpdated,
)
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import service_headers
from servicekit.testing import deliver

from .conftest import metrics_service

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
BUDGET = Money(amount_minor=500_000, currency="EUR")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(databases, messaging_settings, "metrics_campaigns") as client:
        yield client


async def tell(service: httpx.AsyncClient, data: object, org: uuid.UUID, minutes: int) -> None:
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    await deliver(runtime, data, tenant_id=org, time=T0 + timedelta(minutes=minutes))  # type: ignore[arg-type]


async def kpis(service: httpx.AsyncClient, campaign_id: uuid.UUID, org: uuid.UUID, secret: str) -> httpx.Response:
    return await service.get(f"/api/v1/campaigns/{campaign_id}/metrics", headers=service_headers(secret, org))


async def test_a_created_campaign_has_empty_kpis_for_its_org_only(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org, campaign_id = uuid.uuid4(), uuid.uuid4()
    await tell(
        service, CampaignCreated(campaign_id=campaign_id, name="Spring", objective="awareness", budget=BUDGET), org, 0
    )

    mine = await kpis(service, campaign_id, org, internal_secret)
    assert mine.status_code == 200, mine.text
    body = mine.json()
    assert (body["campaign_state"], body["currency"], body["totals"]["impressions"]) == ("draft", "EUR", 0)
    assert body["updated_at"] == "2026-03-01T09:00:00Z"
    assert (await kpis(service, campaign_id, uuid.uuid4(), internal_secret)).status_code == 404


async def test_a_launch_told_before_the_campaign_was_created_is_not_lost(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org, campaign_id = uuid.uuid4(), uuid.uuid4()
    await tell(
        service,
        CampaignLaunched(campaign_id=campaign_id, budget=BUDGET, starts_on=T0.date(), ends_on=T0.date()),
        org,
        5,
    )
    await tell(
        service, CampaignCreated(campaign_id=campaign_id, name="Spring", objective="awareness", budget=BUDGET), org, 0
    )

    body = (await kpis(service, campaign_id, org, internal_secret)).json()
    assert (body["campaign_state"], body["currency"]) == ("active", "EUR")
    assert body["updated_at"] == "2026-03-01T09:05:00Z"


async def test_an_older_update_arriving_late_changes_nothing(service: httpx.AsyncClient, internal_secret: str) -> None:
    org, campaign_id = uuid.uuid4(), uuid.uuid4()
    usd = Money(amount_minor=700_000, currency="USD")
    await tell(
        service, CampaignCreated(campaign_id=campaign_id, name="Spring", objective="awareness", budget=BUDGET), org, 0
    )
    await tell(
        service,
        CampaignUpdated(campaign_id=campaign_id, name="Spring", objective="awareness", state="draft", budget=usd),
        org,
        2,
    )
    await tell(service, CampaignCancelled(campaign_id=campaign_id), org, 3)
    await tell(
        service,
        CampaignUpdated(campaign_id=campaign_id, name="Spring", objective="awareness", state="draft", budget=BUDGET),
        org,
        1,
    )

    body = (await kpis(service, campaign_id, org, internal_secret)).json()
    assert (body["campaign_state"], body["currency"]) == ("cancelled", "USD")


async def test_another_orgs_event_for_the_campaign_changes_nothing(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org, campaign_id = uuid.uuid4(), uuid.uuid4()
    await tell(service, CampaignCreated(campaign_id=campaign_id, name="Spring", objective="awareness"), org, 0)
    await tell(service, CampaignCancelled(campaign_id=campaign_id), uuid.uuid4(), 1)

    assert (await kpis(service, campaign_id, org, internal_secret)).json()["campaign_state"] == "draft"

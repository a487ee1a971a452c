"""Content asks for amplification spend; partnerships commits it from the campaign budget or
refuses it (events both ways), and the budget shows what amplification took."""

import uuid
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from contracts import Money, decode
from contracts.events.content import ContentAmplificationRequested
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from partnerships.adapters.tables import messaging
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings
from servicekit.testing import deliver


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    settings = PartnershipsSettings(
        database_url=await databases.new("partnerships_amplification"), consumer_enabled=False, **messaging_settings
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


async def told(service: httpx.AsyncClient, event_type: str) -> list[dict[str, Any]]:
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    outbox = messaging.outbox
    async with runtime.database.session(read_only=True) as session:
        rows = await session.execute(select(outbox.c.payload).where(outbox.c.event_type == event_type))
        return [decode(row.payload).data for row in rows]


def request(campaign_id: str, amount: int, currency: str = "EUR") -> ContentAmplificationRequested:
    return ContentAmplificationRequested(
        deliverable_id=uuid.uuid4(),
        partnership_id=uuid.uuid4(),
        campaign_id=uuid.UUID(campaign_id),
        influencer_id=uuid.uuid4(),
        amplification_id=uuid.uuid4(),
        kind="paid_boost",
        platform="instagram",
        spend=Money(amount_minor=amount, currency=currency),
        starts_on=date(2027, 6, 1),
        ends_on=date(2027, 6, 7),
    )


async def test_spend_within_the_budget_is_committed_and_beyond_it_refused(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org = uuid.uuid4()
    brand = service_headers(internal_secret, org, roles="owner")
    campaign = (
        await service.post(
            "/api/v1/campaigns",
            json={"name": "Boosted", "objective": "awareness", "budget": {"amount_minor": 100_000, "currency": "EUR"}},
            headers=brand,
        )
    ).json()
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    funded = request(campaign["id"], 60_000)
    await deliver(runtime, funded, tenant_id=org)
    await deliver(runtime, funded, tenant_id=org)  # the same request again: funded once
    too_much = request(campaign["id"], 50_000)
    await deliver(runtime, too_much, tenant_id=org)
    wrong_currency = request(campaign["id"], 10, "USD")
    await deliver(runtime, wrong_currency, tenant_id=org)
    another_org = request(campaign["id"], 10)
    await deliver(runtime, another_org, tenant_id=uuid.uuid4())  # not this org's campaign: nothing

    ours = {str(r.amplification_id) for r in (funded, too_much, wrong_currency, another_org)}
    yes = [e for e in await told(service, "amplification.funded") if e["amplification_id"] in ours]
    assert [(e["amplification_id"], e["spend"]["amount_minor"]) for e in yes] == [
        (str(funded.amplification_id), 60_000)
    ]
    no = {
        e["amplification_id"]: e for e in await told(service, "amplification.refused") if e["amplification_id"] in ours
    }
    assert set(no) == {str(too_much.amplification_id), str(wrong_currency.amplification_id)}
    assert no[str(too_much.amplification_id)]["remaining"] == {"amount_minor": 40_000, "currency": "EUR"}
    assert "EUR" in no[str(wrong_currency.amplification_id)]["reason"]

    budget = (await service.get(f"/api/v1/campaigns/{campaign['id']}/budget", headers=brand)).json()
    assert budget["amplification"] == {"amount_minor": 60_000, "currency": "EUR"}
    assert budget["committed"]["amount_minor"] == 60_000
    assert budget["remaining"]["amount_minor"] == 40_000
    assert budget["reconciled"] is True

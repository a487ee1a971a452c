"""Writes sent again under their Idempotency-Key (the gateway died before it kept the answer) take
effect once: one campaign, and a launch retried answers its first answer, not "already active"."""

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings
from servicekit.testing import with_idempotency_key

from .test_partnerships_api import Parties


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    settings = PartnershipsSettings(
        database_url=await databases.new("partnerships_idempotent"), **{**messaging_settings, "consumer_enabled": False}
    )
    async with serve_in_process(create_app(settings)) as client:
        yield client


async def test_a_campaign_and_its_launch_sent_twice_take_effect_once(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    parties = Parties(internal_secret)
    body = {
        "name": "Once",
        "objective": "conversions",
        "starts_on": "2027-06-01",
        "ends_on": "2099-06-30",
        "budget": {"amount_minor": 400_000, "currency": "EUR"},
    }
    headers = with_idempotency_key(parties.brand, "campaign-1")

    first = await service.post("/api/v1/campaigns", json=body, headers=headers)
    again = await service.post("/api/v1/campaigns", json=body, headers=headers)

    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    listed = await service.get("/api/v1/campaigns", headers=parties.brand)
    assert [c["id"] for c in listed.json()["items"]] == [first.json()["id"]]

    launch = f"/api/v1/campaigns/{first.json()['id']}/launch"
    launch_headers = with_idempotency_key(parties.brand, "launch-1")
    launched = await service.post(launch, headers=launch_headers)
    relaunched = await service.post(launch, headers=launch_headers)
    assert launched.status_code == relaunched.status_code == 200, relaunched.text
    assert relaunched.json() == launched.json()

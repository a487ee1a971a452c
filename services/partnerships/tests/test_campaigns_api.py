"""The campaigns API in-process, on real migrations and a real broker."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select

from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from partnerships.adapters.tables import messaging
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    # No events come in here; a consumer stopped mid-join would hold up the Kafka test's group.
    settings = PartnershipsSettings(
        database_url=await databases.new("partnerships_api"), consumer_enabled=False, **messaging_settings
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


@pytest.fixture
def brand(internal_secret: str) -> dict[str, str]:
    return service_headers(internal_secret, uuid.uuid4(), roles="owner")


async def test_create_then_read(service: httpx.AsyncClient, brand: dict[str, str]) -> None:
    created = await service.post(
        "/api/v1/campaigns",
        json={
            "name": "Summer",
            "objective": "conversions",
            "budget": {"amount_minor": 1_000_000, "currency": "USD"},
            "starts_on": "2027-06-01",
            "ends_on": "2027-08-31",
            "target_audience": {"countries": ["US", "CA"], "age_buckets": ["18-24", "25-34"]},
            "kpis": {"roas": 3.0, "conversions": 500},
        },
        headers=brand,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    fetched = await service.get(f"/api/v1/campaigns/{body['id']}", headers=brand)
    assert fetched.json() == body
    assert body["target_audience"]["countries"] == ["US", "CA"]
    assert body["kpis"] == {"roas": 3.0, "conversions": 500.0}
    assert body["created_at"].endswith("Z")


async def test_creation_writes_its_event_in_the_outbox(service: httpx.AsyncClient, brand: dict[str, str]) -> None:
    created = await service.post("/api/v1/campaigns", json={"name": "Evented", "objective": "awareness"}, headers=brand)
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.database.sessionmaker() as session:
        row = (
            await session.execute(select(messaging.outbox).where(messaging.outbox.c.key == created.json()["id"]))
        ).one()
    assert row.event_type == "campaign.created"
    assert row.topic == "partnerships.events"


async def test_end_before_start_is_refused_naming_the_field(service: httpx.AsyncClient, brand: dict[str, str]) -> None:
    response = await service.post(
        "/api/v1/campaigns",
        json={"name": "Backwards", "objective": "awareness", "starts_on": "2027-02-01", "ends_on": "2027-01-01"},
        headers=brand,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.ends_on"


async def test_unknown_fields_and_kpis_are_refused(service: httpx.AsyncClient, brand: dict[str, str]) -> None:
    response = await service.post(
        "/api/v1/campaigns",
        json={"name": "x", "objective": "awareness", "kpis": {"vibes": 1}, "colour": "red"},
        headers=brand,
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert "body.colour" in fields
    assert any(f.startswith("body.kpis") for f in fields)


async def test_analysts_read_but_cannot_create(service: httpx.AsyncClient, internal_secret: str) -> None:
    analyst = service_headers(internal_secret, uuid.uuid4(), roles="analyst")
    refused = await service.post("/api/v1/campaigns", json={"name": "x", "objective": "awareness"}, headers=analyst)
    assert refused.status_code == 403
    assert (await service.get("/api/v1/campaigns", headers=analyst)).status_code == 200


async def test_list_pages_newest_first_without_gaps(service: httpx.AsyncClient, internal_secret: str) -> None:
    tenant = service_headers(internal_secret, uuid.uuid4())
    made = []
    for i in range(5):
        response = await service.post(
            "/api/v1/campaigns", json={"name": f"c{i}", "objective": "awareness"}, headers=tenant
        )
        made.append(response.json()["id"])
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await service.get("/api/v1/campaigns", params=params, headers=tenant)).json()
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(made))


async def test_limit_bounds_are_enforced(service: httpx.AsyncClient, brand: dict[str, str]) -> None:
    response = await service.get("/api/v1/campaigns", params={"limit": 500}, headers=brand)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.limit"
    bad_cursor = await service.get("/api/v1/campaigns", params={"cursor": "garbage"}, headers=brand)
    assert bad_cursor.status_code == 400


async def test_other_tenants_campaign_is_not_found(
    service: httpx.AsyncClient, brand: dict[str, str], internal_secret: str
) -> None:
    created = await service.post("/api/v1/campaigns", json={"name": "Mine", "objective": "awareness"}, headers=brand)
    stranger = service_headers(internal_secret, uuid.uuid4())
    response = await service.get(f"/api/v1/campaigns/{created.json()['id']}", headers=stranger)
    assert response.status_code == 404

"""Who may do what, through the real gateway in front of the real services."""

import asyncio

import httpx
import pytest

from devstack.mailbox import Mailbox
from gateway.adapters.openapi_merge import INTERNAL_PATHS
from gateway.domain.routing import OPERATIONS

from .conftest import Org, join


async def api_key(gateway: httpx.AsyncClient, owner: Org, *scopes: str) -> dict[str, str]:
    created = await gateway.post(
        "/api/v1/api-keys", json={"name": "integration", "scopes": list(scopes)}, headers=owner.auth
    )
    assert created.status_code == 201, created.text
    return {"x-api-key": created.json()["key"]}


@pytest.mark.parametrize(("role", "may_create"), [("owner", True), ("manager", True), ("analyst", False)])
async def test_roles_on_campaigns(
    gateway: httpx.AsyncClient, mailbox: Mailbox, org: Org, role: str, may_create: bool
) -> None:
    caller = org if role == "owner" else await join(gateway, mailbox, org, role)
    created = await gateway.post(
        "/api/v1/campaigns", json={"name": f"by {role}", "objective": "awareness"}, headers=caller.auth
    )
    assert created.status_code == (201 if may_create else 403)
    listed = await gateway.get("/api/v1/campaigns", headers=caller.auth)
    assert listed.status_code == 200


async def test_api_keys_act_within_their_scopes(gateway: httpx.AsyncClient, org: Org) -> None:
    reader = await api_key(gateway, org, "campaigns:read")
    writer = await api_key(gateway, org, "campaigns:write", "campaigns:read")
    assert (
        await gateway.post("/api/v1/campaigns", json={"name": "k", "objective": "awareness"}, headers=reader)
    ).status_code == 403
    made = await gateway.post("/api/v1/campaigns", json={"name": "k", "objective": "awareness"}, headers=writer)
    assert made.status_code == 201, made.text
    fetched = await gateway.get(f"/api/v1/campaigns/{made.json()['id']}", headers=reader)
    assert fetched.status_code == 200


async def test_overview_through_the_real_services(gateway: httpx.AsyncClient, org: Org) -> None:
    campaign = (
        await gateway.post("/api/v1/campaigns", json={"name": "Seen", "objective": "awareness"}, headers=org.auth)
    ).json()
    response = await gateway.get(f"/api/v1/campaigns/{campaign['id']}/overview", headers=org.auth)
    assert response.status_code == 200
    body = response.json()
    assert body["campaign"]["id"] == campaign["id"]
    assert "missing" in body


async def test_the_route_table_is_the_api_the_gateway_serves(gateway: httpx.AsyncClient) -> None:
    # Every operation of /openapi.json has its entry in gateway/domain/routing.py, and no other.
    table = {(operation.method, operation.path) for operation in OPERATIONS}
    for _ in range(100):  # the gateway fetches the services' documents after start-up
        doc = (await gateway.get("/openapi.json")).json()
        served = {
            (method.upper(), path)
            for path, operations in doc["paths"].items()
            if path not in INTERNAL_PATHS
            for method in operations
        }
        if served >= table:
            break
        await asyncio.sleep(0.2)
    assert sorted(served - table) == [], "operations without an entry in the route table"
    assert sorted(table - served) == [], "entries of the route table without an operation"


async def test_merged_openapi_lists_every_service(gateway: httpx.AsyncClient) -> None:
    # The gateway fetches the services' documents in the background after start-up.
    for _ in range(100):
        doc = (await gateway.get("/openapi.json")).json()
        if "/api/v1/campaigns/{campaign_id}/metrics" in doc["paths"]:
            break
        await asyncio.sleep(0.2)
    assert "/api/v1/campaigns" in doc["paths"]
    assert "/api/v1/campaigns/{campaign_id}/metrics" in doc["paths"]
    assert "/api/v1/auth/token" in doc["paths"]

"""No answer of the gateway reveals where a service listens (issue 10, item 4), through the real
gateway in front of the real services."""

import asyncio

import httpx
import pytest

from .conftest import Org, revealed_addresses

SLASHED = [
    ("GET", "/api/v1/campaigns/"),
    ("POST", "/api/v1/campaigns/"),
    ("GET", "/api/v1/campaigns/6b8e1f1e-0000-4000-8000-000000000001/"),
    ("GET", "/api/v1/influencers/"),
    ("GET", "/api/v1/campaigns/6b8e1f1e-0000-4000-8000-000000000001/shortlist/"),
    ("GET", "/api/v1/partnerships/"),
    ("GET", "/api/v1/deliverables/"),
    ("GET", "/api/v1/api-keys/"),
    ("GET", "/api/v1/me/"),
    ("GET", "/api/v1//campaigns"),
]


@pytest.mark.parametrize(("method", "path"), SLASHED)
async def test_a_trailing_slash_is_a_404_problem_without_a_location(
    gateway: httpx.AsyncClient, org: Org, internal_addresses: tuple[str, ...], method: str, path: str
) -> None:
    body = {"name": "x", "objective": "awareness"} if method == "POST" else None
    response = await gateway.request(method, path, headers=org.auth, json=body)
    assert response.status_code == 404, (response.status_code, response.headers.get("location"))
    assert response.headers["content-type"] == "application/problem+json"
    assert "location" not in response.headers
    assert revealed_addresses(response, internal_addresses) == []


async def test_created_answers_locate_within_the_public_api(
    gateway: httpx.AsyncClient, org: Org, internal_addresses: tuple[str, ...]
) -> None:
    created = await gateway.post(
        "/api/v1/campaigns", json={"name": "Located", "objective": "awareness"}, headers=org.auth
    )
    assert created.status_code == 201
    assert created.headers["location"].startswith("/api/v1/campaigns/")
    assert revealed_addresses(created, internal_addresses) == []


async def test_the_openapi_document_and_readiness_name_no_service_address(
    gateway: httpx.AsyncClient, internal_addresses: tuple[str, ...]
) -> None:
    for _ in range(100):  # the gateway fetches the services' documents after start-up
        doc = await gateway.get("/openapi.json")
        if "/api/v1/campaigns/{campaign_id}/metrics" in doc.json()["paths"]:
            break
        await asyncio.sleep(0.2)
    assert "servers" not in doc.json()
    assert revealed_addresses(doc, internal_addresses) == []
    assert revealed_addresses(await gateway.get("/readyz"), internal_addresses) == []

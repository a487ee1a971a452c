"""The campaign overview composite and the merged OpenAPI document."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import Request

from .conftest import GatewayFactory, Upstream, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway(overview_part_timeout_s=0.5) as client:
        yield client


def services_answering(request: Request) -> tuple[int, object, float]:
    path = request.url.path
    if path.endswith("/partnerships"):
        return 200, {"items": [{"id": "p1"}, {"id": "p2"}], "next_cursor": None}, 0.0
    if path.endswith("/deliverables"):
        # The campaign's deliverables, two pages: the overview follows the cursor.
        assert request.query_params["campaign_id"] == path_campaign(request)
        if request.query_params.get("cursor") != "page-2":
            items = [
                {"partnership_id": "p1", "state": "approved", "overdue": False},
                {"partnership_id": "p1", "state": "published", "overdue": False},
            ]
            return 200, {"items": items, "next_cursor": "page-2"}, 0.0
        return 200, {"items": [{"partnership_id": "p2", "state": "draft", "overdue": True}], "next_cursor": None}, 0.0
    if path.endswith("/metrics"):
        return 200, {"kpis": {"ctr": 0.02}}, 0.0
    return 200, {"id": "c1", "name": "Spring"}, 0.0


CAMPAIGN = "6b8e1f1e-0000-4000-8000-000000000001"


def path_campaign(request: Request) -> str:
    return CAMPAIGN


async def test_overview_composes_every_part(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    account = await sign_up(gateway)
    upstream.behaviour = services_answering
    response = await gateway.get(
        "/api/v1/campaigns/6b8e1f1e-0000-4000-8000-000000000001/overview", headers=account.auth
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["complete"] is True
    assert body["missing"] == []
    assert body["campaign"]["name"] == "Spring"
    assert [p["id"] for p in body["partnerships"]] == ["p1", "p2"]
    assert body["content"] == {
        "deliverables": 3,
        "by_state": {"approved": 1, "published": 1, "draft": 1},
        "overdue": 1,
        "partnerships": [
            {"partnership_id": "p1", "deliverables": 2, "by_state": {"approved": 1, "published": 1}, "overdue": 0},
            {"partnership_id": "p2", "deliverables": 1, "by_state": {"draft": 1}, "overdue": 1},
        ],
    }
    assert body["kpis"]["kpis"]["ctr"] == 0.02
    # Each part was asked with the caller's context.
    assert all(r["headers"]["x-tenant-id"] == account.org_id for r in upstream.requests)


async def test_a_slow_or_failing_part_is_reported_missing(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    account = await sign_up(gateway)

    def metrics_slow_content_failing(request: Request) -> tuple[int, object, float]:
        if request.url.path.endswith("/metrics"):
            return 200, {}, 2.0
        if request.url.path.endswith("/deliverables"):
            return 500, {"title": "boom"}, 0.0
        return services_answering(request)

    upstream.behaviour = metrics_slow_content_failing
    response = await gateway.get(
        "/api/v1/campaigns/6b8e1f1e-0000-4000-8000-000000000001/overview", headers=account.auth
    )
    assert response.status_code == 200
    body = response.json()
    assert body["complete"] is False
    assert {m["part"] for m in body["missing"]} == {"kpis", "content"}
    assert body["kpis"] is None
    assert body["campaign"]["name"] == "Spring"


async def test_an_api_key_sees_only_the_parts_its_scopes_cover(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    # The overview needs campaigns:read; its partnerships part carries terms and fees
    # (partnerships:read) and its KPIs are metrics (metrics:read).
    account = await sign_up(gateway)
    created = await gateway.post(
        "/api/v1/api-keys", json={"name": "reporting", "scopes": ["campaigns:read"]}, headers=account.auth
    )
    assert created.status_code == 201, created.text
    upstream.behaviour = services_answering
    response = await gateway.get(
        "/api/v1/campaigns/6b8e1f1e-0000-4000-8000-000000000001/overview",
        headers={"x-api-key": created.json()["key"]},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["campaign"]["name"] == "Spring"
    assert body["partnerships"] is None
    assert body["kpis"] is None
    reasons = {m["part"]: m["reason"] for m in body["missing"]}
    assert "partnerships:read" in reasons["partnerships"]
    assert "metrics:read" in reasons["kpis"]
    assert not [r for r in upstream.requests if r["path"].endswith(("/partnerships", "/metrics"))]


async def test_overview_of_an_unknown_campaign_is_404(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    account = await sign_up(gateway)
    upstream.behaviour = lambda request: (404, {"title": "Not found"}, 0.0)
    response = await gateway.get(
        "/api/v1/campaigns/6b8e1f1e-0000-4000-8000-0000000000ff/overview", headers=account.auth
    )
    assert response.status_code == 404


async def test_openapi_merges_the_services_under_their_public_paths(gateway: httpx.AsyncClient) -> None:
    doc = (await gateway.get("/openapi.json")).json()
    assert "/api/v1/campaigns" in doc["paths"]  # from the upstream
    assert "/api/v1/auth/token" in doc["paths"]  # the gateway's own
    assert "/healthz" not in doc["paths"] or "get" in doc["paths"]["/healthz"]
    assert set(doc["components"]["securitySchemes"]) == {"oauth2", "apiKey"}
    listed = doc["paths"]["/api/v1/campaigns"]["get"]
    assert {"oauth2": []} in listed["security"]
    assert "security" not in doc["paths"]["/api/v1/orgs"]["post"]
    assert "Thing" in doc["components"]["schemas"]
    docs = await gateway.get("/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()


async def test_readyz_reports_each_upstream(gateway: httpx.AsyncClient) -> None:
    body = (await gateway.get("/readyz")).json()
    assert set(body["checks"]) == {"database", "discovery", "partnerships", "content", "metrics"}

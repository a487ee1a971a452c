"""The spine end to end, through the gateway: a campaign created in partnerships reaches metrics
over Kafka, and its (empty) KPIs are served back through the gateway."""

import asyncio

import httpx

from devstack.stack import Stack

from .conftest import Org


async def poll(gateway: httpx.AsyncClient, path: str, headers: dict[str, str], timeout_s: float = 15) -> httpx.Response:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        response = await gateway.get(path, headers=headers)
        if response.status_code != 404 or asyncio.get_running_loop().time() > deadline:
            return response
        await asyncio.sleep(0.05)


async def test_created_campaign_has_metrics_through_the_gateway(gateway: httpx.AsyncClient, org: Org) -> None:
    created = await gateway.post(
        "/api/v1/campaigns",
        json={
            "name": "Spring launch",
            "objective": "awareness",
            "budget": {"amount_minor": 500_000, "currency": "EUR"},
        },
        headers=org.auth,
    )
    assert created.status_code == 201, created.text
    campaign = created.json()
    assert campaign["state"] == "draft"
    assert created.headers["location"] == f"/api/v1/campaigns/{campaign['id']}"

    metrics = await poll(gateway, f"/api/v1/campaigns/{campaign['id']}/metrics", org.auth)

    assert metrics.status_code == 200, metrics.text
    body = metrics.json()
    assert body["campaign_id"] == campaign["id"]
    assert body["currency"] == "EUR"
    assert body["totals"]["impressions"] == 0
    assert body["kpis"]["ctr"] is None


async def test_another_org_cannot_see_the_campaign_or_its_metrics(
    gateway: httpx.AsyncClient, org: Org, other_org: Org
) -> None:
    created = await gateway.post(
        "/api/v1/campaigns", json={"name": "Secret", "objective": "conversions"}, headers=org.auth
    )
    campaign_id = created.json()["id"]
    assert (await poll(gateway, f"/api/v1/campaigns/{campaign_id}/metrics", org.auth)).status_code == 200

    for path in (f"/api/v1/campaigns/{campaign_id}", f"/api/v1/campaigns/{campaign_id}/metrics"):
        response = await gateway.get(path, headers=other_org.auth)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
    listed = await gateway.get("/api/v1/campaigns", headers=other_org.auth)
    assert campaign_id not in {c["id"] for c in listed.json()["items"]}


async def test_bad_input_through_the_gateway_names_the_field(gateway: httpx.AsyncClient, org: Org) -> None:
    response = await gateway.post(
        "/api/v1/campaigns",
        json={"name": "x", "objective": "awareness", "budget": {"amount_minor": 10, "currency": "euro"}},
        headers=org.auth,
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.budget.currency"]


async def test_calls_without_a_token_are_refused(gateway: httpx.AsyncClient) -> None:
    response = await gateway.get("/api/v1/campaigns")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_callers_cannot_forge_the_context_headers(gateway: httpx.AsyncClient, org: Org, other_org: Org) -> None:
    created = await gateway.post("/api/v1/campaigns", json={"name": "Mine", "objective": "awareness"}, headers=org.auth)
    forged = {**other_org.auth, "x-tenant-id": org.id, "x-roles": "admin", "x-internal-token": "guess"}
    response = await gateway.get(f"/api/v1/campaigns/{created.json()['id']}", headers=forged)
    assert response.status_code == 404


async def test_request_id_is_echoed(gateway: httpx.AsyncClient, org: Org) -> None:
    response = await gateway.get("/api/v1/campaigns", headers={**org.auth, "x-request-id": "trace-me-42"})
    assert response.headers["x-request-id"] == "trace-me-42"


async def test_a_stopped_service_is_a_503_problem_and_readyz_says_which(
    gateway: httpx.AsyncClient, org: Org, platform_stack: Stack
) -> None:
    platform_stack.stop_one("metrics")
    try:
        response = await gateway.get("/api/v1/campaigns/00000000-0000-0000-0000-000000000000/metrics", headers=org.auth)
        assert response.status_code == 503
        assert response.json()["upstream"] == "metrics"
        ready = await gateway.get("/readyz")
        # The gateway still serves everything else: it reports the upstream, stays in rotation.
        assert ready.status_code == 200
        assert ready.json()["status"] == "degraded"
        assert ready.json()["checks"]["metrics"].startswith("unavailable")
        assert ready.json()["checks"]["partnerships"] == "ok"
    finally:
        platform_stack.start_one("metrics")
        platform_stack.wait_ready(timeout_s=60, names=("metrics",))

"""No answer of the gateway reveals where a service listens: not in a Location the service built
from the address it was called at, not in a problem quoting a service's failure, not in /readyz."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response

from devstack.pytest_plugin import serve_over_http

from .conftest import GatewayFactory, sign_up


def revealing_service() -> FastAPI:
    app = FastAPI(openapi_url=None)

    @app.get("/readyz")
    async def readyz() -> Response:
        report = '{"status": "unavailable", "checks": {"broker": "unavailable: no broker at 10.9.8.7:9092"}}'
        return Response(report, status_code=503, media_type="application/json")

    @app.post("/api/v1/campaigns")
    async def create(request: Request) -> Response:
        # What a service answers when it builds a URL from its request (request.url_for): its own
        # host and port, as the gateway called it.
        return Response(
            "{}",
            status_code=201,
            headers={
                "location": str(request.url_for("campaign", campaign_id="c1")) + "?view=full",
                "content-location": str(request.base_url) + "api/v1/campaigns/c1",
            },
            media_type="application/json",
        )

    @app.get("/api/v1/campaigns/{campaign_id}", name="campaign")
    async def campaign(campaign_id: str, request: Request) -> Response:
        if campaign_id == "broken":
            detail = f"could not reach {request.url.netloc} nor 10.20.30.40:5432"
            return Response(f'{{"detail": "{detail}"}}', status_code=500, media_type="application/json")
        return Response("{}", status_code=302, headers={"location": "https://shop.example/spring?utm=x"})

    return app


@pytest.fixture(scope="module")
async def service_url() -> AsyncIterator[str]:
    async with serve_over_http(revealing_service()) as url:
        yield url


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory, service_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway(partnerships_url=service_url, discovery_url="http://127.0.0.1:9") as client:
        yield client


def authority(url: str) -> str:
    return httpx.URL(url).netloc.decode()


async def test_a_location_at_the_service_is_made_relative_to_the_api(
    gateway: httpx.AsyncClient, service_url: str
) -> None:
    account = await sign_up(gateway)
    response = await gateway.post("/api/v1/campaigns", json={}, headers=account.auth)
    assert response.status_code == 201
    assert response.headers["location"] == "/api/v1/campaigns/c1?view=full"
    assert response.headers["content-location"] == "/api/v1/campaigns/c1"


async def test_a_location_elsewhere_is_passed_on(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    response = await gateway.get("/api/v1/campaigns/c1", headers=account.auth)
    assert response.status_code == 302
    assert response.headers["location"] == "https://shop.example/spring?utm=x"


async def test_a_service_failure_is_not_quoted(gateway: httpx.AsyncClient, service_url: str) -> None:
    account = await sign_up(gateway)
    response = await gateway.get("/api/v1/campaigns/broken", headers=account.auth)
    assert response.status_code == 502
    body: dict[str, Any] = response.json()
    assert body["upstream"] == "partnerships"
    assert authority(service_url) not in response.text
    assert "10.20.30.40" not in response.text


async def test_readiness_names_no_upstream_address(gateway: httpx.AsyncClient, service_url: str) -> None:
    response = await gateway.get("/readyz")
    checks = response.json()["checks"]
    assert checks["partnerships"].startswith("unavailable")
    assert checks["discovery"].startswith("unavailable")
    assert checks["metrics"] == "ok"
    assert "127.0.0.1" not in response.text
    assert "10.9.8.7" not in response.text


async def test_a_service_out_of_reach_is_named_not_located(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    response = await gateway.get("/api/v1/influencers", headers=account.auth)
    assert response.status_code == 503
    assert response.json()["upstream"] == "discovery"
    assert "127.0.0.1" not in response.text

"""The circuit breaker through the proxy: it counts faults of a service, not a caller's mistakes,
and one caller can never close a service to the others; a dead service still opens it."""

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response

from devstack.ports import free_port
from devstack.pytest_plugin import serve_over_http

from .conftest import Account, GatewayFactory, sign_up

PROBLEM = {"type": "about:blank", "title": "Internal error", "status": 500, "detail": "a bug met one request"}
Answer = Callable[[Request], Response]


class Service:
    """A service whose answer each test sets, per request (it may look at who is calling)."""

    def __init__(self) -> None:
        self.answer: Answer = lambda request: Response('{"ok": true}', media_type="application/json")
        self.seen: list[str] = []  # x-user-id of each request that reached it
        app = FastAPI(openapi_url=None)

        @app.api_route("/{path:path}", methods=["GET", "POST"])
        async def anything(request: Request, path: str) -> Response:
            self.seen.append(request.headers.get("x-user-id", ""))
            return self.answer(request)

        self.app = app


@pytest.fixture(scope="module")
async def service() -> AsyncIterator[tuple[Service, str]]:
    state = Service()
    async with serve_over_http(state.app) as url:
        yield state, url


def answered(status: int, body: Any, media_type: str = "application/json") -> Response:
    return Response(json.dumps(body), status_code=status, media_type=media_type)


def for_caller(account: Account, answer: Response) -> Answer:
    """`answer` to `account`'s requests, 200 to everyone else's."""
    return lambda request: answer if request.headers.get("x-user-id") == account.user_id else answered(200, {})


async def influencers(gateway: httpx.AsyncClient, account: Account) -> httpx.Response:
    return await gateway.get("/api/v1/influencers?min_followers=9223372036854775808", headers=account.auth)


@pytest.mark.parametrize(
    "fault",
    [
        answered(500, PROBLEM, "application/problem+json"),  # a bug one request met in a live service
        answered(500, "Internal Server Error", "text/plain"),  # the service crashed on this request
        answered(503, {"title": "overloaded"}),
    ],
)
async def test_one_caller_making_the_service_fail_never_opens_the_circuit_for_another(
    make_gateway: GatewayFactory, service: tuple[Service, str], fault: Response
) -> None:
    upstream, url = service
    async with make_gateway(discovery_url=url, breaker_threshold=5, breaker_cooldown_s=10) as gateway:
        careless, other = await sign_up(gateway, "Careless"), await sign_up(gateway, "Other")
        upstream.answer = for_caller(careless, fault)
        passed_on = 503 if fault.status_code == 503 else 502  # a service's 503 stays one, to retry
        for _ in range(20):
            assert (await influencers(gateway, careless)).status_code == passed_on
        upstream.seen.clear()
        response = await gateway.get("/api/v1/influencers", headers=other.auth)
        assert response.status_code == 200, response.text
        assert upstream.seen == [other.user_id]
        assert (await influencers(gateway, careless)).status_code == passed_on  # still reaches the service


async def test_faults_met_by_several_callers_open_it(
    make_gateway: GatewayFactory, service: tuple[Service, str]
) -> None:
    upstream, url = service
    async with make_gateway(
        discovery_url=url, breaker_threshold=4, breaker_cooldown_s=10, upstream_retries=0
    ) as gateway:
        first, second = await sign_up(gateway, "First"), await sign_up(gateway, "Second")
        upstream.answer = lambda request: answered(503, {"title": "down for everyone"})
        for account in (first, second, first, second):
            failed = await gateway.get("/api/v1/influencers", headers=account.auth)
            assert (failed.status_code, failed.json()["detail"]) == (
                503,
                "the discovery service cannot answer for a moment (HTTP 503)",
            )
        upstream.seen.clear()
        paused = await gateway.get("/api/v1/influencers", headers=first.auth)
        assert paused.status_code == 503
        assert "paused" in paused.json()["detail"]
        assert int(paused.headers["retry-after"]) >= 1
        assert upstream.seen == [], "an open circuit must not call the service"


async def test_errors_a_live_service_answers_to_several_callers_do_not_open_it(
    make_gateway: GatewayFactory, service: tuple[Service, str]
) -> None:
    upstream, url = service
    async with make_gateway(discovery_url=url, breaker_threshold=3, upstream_retries=0) as gateway:
        accounts = [await sign_up(gateway, f"Org{i}") for i in range(3)]
        upstream.answer = lambda request: answered(500, PROBLEM, "application/problem+json")
        for _ in range(5):
            for account in accounts:
                assert (await gateway.get("/api/v1/influencers", headers=account.auth)).status_code == 502
        upstream.answer = lambda request: answered(422, {"title": "Invalid input"}, "application/problem+json")
        for account in accounts * 3:
            assert (await gateway.get("/api/v1/influencers", headers=account.auth)).status_code == 422
        upstream.seen.clear()
        assert (await gateway.get("/api/v1/influencers", headers=accounts[0].auth)).status_code == 422
        assert len(upstream.seen) == 1


async def test_a_dead_service_opens_it_for_a_single_caller(make_gateway: GatewayFactory) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"  # nothing listens: connections are refused
    async with make_gateway(discovery_url=nowhere, breaker_threshold=5, breaker_cooldown_s=10) as gateway:
        only = await sign_up(gateway, "Alone")
        first = await gateway.get("/api/v1/influencers", headers=only.auth)
        assert first.status_code == 503
        assert "unavailable" in first.json()["detail"]
        for _ in range(3):
            await gateway.get("/api/v1/influencers", headers=only.auth)
        paused = await gateway.get("/api/v1/influencers", headers=only.auth)
        assert paused.status_code == 503
        assert "paused" in paused.json()["detail"]
        assert paused.json()["upstream"] == "discovery"

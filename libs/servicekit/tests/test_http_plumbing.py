"""Problem bodies, the internal credential, request ids and route-template metrics, on a bare app."""

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY
from pydantic import BaseModel

from servicekit.context import RequestContextMiddleware, TenantContext, require_roles
from servicekit.errors import Conflict, InvalidField
from servicekit.problems import install_problem_handlers
from servicekit.prometheus import PrometheusMiddleware

SECRET = "test-secret-0123456789"


class Thing(BaseModel):
    name: str
    size: int


def build_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/things/{thing_id}", dependencies=[require_roles("owner")])
    async def make(thing_id: int, body: Thing, context: TenantContext) -> dict[str, str]:
        if body.name == "taken":
            raise Conflict("thing exists", current_state="made")
        if body.name == "bad":
            raise InvalidField("name", "may not be bad")
        if body.name == "crash":
            raise RuntimeError("boom")
        return {"tenant": str(context.tenant_id)}

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.add_middleware(RequestContextMiddleware, internal_secret=SECRET)
    app.add_middleware(PrometheusMiddleware, service="plumbing-test")
    return app


@pytest.fixture
async def client() -> httpx.AsyncClient:
    transport = httpx.ASGITransport(build_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


TENANT = "6f1c1f0e-8a43-4d1e-9c7a-8f0a1b2c3d4e"
CALLER = {"x-internal-token": SECRET, "x-tenant-id": TENANT, "x-roles": "owner"}


async def test_calls_without_the_internal_credential_get_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/things/1", json={"name": "a", "size": 1})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    wrong = await client.post("/things/1", json={"name": "a", "size": 1}, headers={**CALLER, "x-internal-token": "x"})
    assert wrong.status_code == 401
    assert (await client.get("/healthz")).status_code == 200


async def test_invalid_body_names_each_field(client: httpx.AsyncClient) -> None:
    response = await client.post("/things/abc", json={"size": "big"}, headers=CALLER)
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422
    assert body["title"] == "Invalid input"
    assert {e["field"] for e in body["errors"]} == {"path.thing_id", "body.name", "body.size"}


async def test_a_body_that_is_not_json_is_named_with_where_it_breaks(client: httpx.AsyncClient) -> None:
    headers = {**CALLER, "content-type": "application/json"}
    response = await client.post("/things/1", content=b'{"name": "a",}', headers=headers)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "body"
    assert error["message"] == "not valid JSON at character 13: Expecting property name enclosed in double quotes"
    assert response.json()["detail"] == "Invalid fields: body"


async def test_domain_errors_map_to_problems(client: httpx.AsyncClient) -> None:
    conflict = await client.post("/things/1", json={"name": "taken", "size": 1}, headers=CALLER)
    assert conflict.status_code == 409
    assert conflict.json()["current_state"] == "made"
    invalid = await client.post("/things/1", json={"name": "bad", "size": 1}, headers=CALLER)
    assert invalid.status_code == 422
    assert invalid.json()["errors"][0]["field"] == "name"


async def test_unexpected_error_is_a_problem_not_a_bare_500(client: httpx.AsyncClient) -> None:
    response = await client.post("/things/1", json={"name": "crash", "size": 1}, headers=CALLER)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "boom" not in response.text


async def test_roles_are_checked(client: httpx.AsyncClient) -> None:
    response = await client.post("/things/1", json={"name": "a", "size": 1}, headers={**CALLER, "x-roles": "analyst"})
    assert response.status_code == 403
    admin = await client.post("/things/1", json={"name": "a", "size": 1}, headers={**CALLER, "x-roles": "admin"})
    assert admin.status_code == 200
    assert admin.json() == {"tenant": TENANT}


async def test_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    echoed = await client.get("/healthz", headers={"x-request-id": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    made = await client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32


async def test_metrics_are_labelled_by_route_template_and_skip_probes(client: httpx.AsyncClient) -> None:
    def count(route: str, status: str) -> float:
        value = REGISTRY.get_sample_value(
            "http_requests_total",
            {"service": "plumbing-test", "method": "POST", "route": route, "status": status},
        )
        return value or 0.0

    before = count("/things/{thing_id}", "200")
    for thing_id in (1, 2, 3):
        await client.post(f"/things/{thing_id}", json={"name": "a", "size": 1}, headers=CALLER)
    assert count("/things/{thing_id}", "200") == before + 3
    assert count("/things/1", "200") == 0
    await client.get("/healthz")
    assert (
        REGISTRY.get_sample_value(
            "http_requests_total", {"service": "plumbing-test", "method": "GET", "route": "/healthz", "status": "200"}
        )
        is None
    )


async def test_a_database_out_of_reach_is_a_503_to_retry_not_a_500() -> None:
    """PostgreSQL restarting: the request may be sent again in a moment, and the answer says so."""
    from sqlalchemy.exc import OperationalError

    app = build_app()

    @app.get("/down")
    async def down() -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError(111, "Connect call failed"))

    transport = httpx.ASGITransport(app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/down", headers=CALLER)
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) >= 1
    assert "Connect call" not in response.text

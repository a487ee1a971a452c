"""The API as the OpenAPI describes it: problems documented, HEAD, 405's Allow, 413 for streamed
bodies, and /docs that needs no internet."""

import asyncio
import re
from collections.abc import AsyncIterator

import httpx
import pytest

from gateway.adapters.openapi_merge import INTERNAL_PATHS
from servicekit.api_docs import CONTENT_SECURITY_POLICY
from servicekit.problems import PROBLEM_JSON

from .conftest import GatewayFactory, Upstream, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway() as client:
        yield client


def _operations(doc: dict) -> list[tuple[str, str, dict]]:  # type: ignore[type-arg]
    return [
        (path, method, operation)
        for path, item in doc["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete") and path not in INTERNAL_PATHS
    ]


async def test_every_error_is_documented_as_a_problem(gateway: httpx.AsyncClient) -> None:
    doc = (await gateway.get("/openapi.json")).json()
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    assert "Problem" in doc["components"]["schemas"]
    for path, method, operation in _operations(doc):
        errors = {code: response for code, response in operation["responses"].items() if int(code) >= 400}
        for code, response in errors.items():
            assert list(response["content"]) == [PROBLEM_JSON], (method, path, code)
        codes = set(errors)
        assert "429" in codes, (method, path)
        if "security" in operation:
            assert {"401", "403"} <= codes, (method, path)
        if "{" in path:
            assert "404" in codes, (method, path)
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in codes, (method, path)
        if method == "post":
            assert {"400", "409", "413"} <= codes, (method, path)


async def test_proxied_operations_document_upstream_failures(gateway: httpx.AsyncClient) -> None:
    doc = (await gateway.get("/openapi.json")).json()
    for _ in range(100):  # the services' documents are fetched in the background at start-up
        if "/api/v1/campaigns" in doc["paths"]:
            break
        await asyncio.sleep(0.05)
        doc = (await gateway.get("/openapi.json")).json()
    listed = doc["paths"]["/api/v1/campaigns"]["get"]["responses"]
    assert {"502", "503", "504"} <= set(listed)
    assert "502" not in doc["paths"]["/api/v1/api-keys"]["get"]["responses"]  # the gateway's own


async def test_docs_load_nothing_from_elsewhere(gateway: httpx.AsyncClient) -> None:
    page = await gateway.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "http://" not in page.text
    assert "https://" not in page.text
    assert "<script>" not in page.text  # no inline script: the CSP forbids it
    for source in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        asset = await gateway.get(source)
        assert asset.status_code == 200, source
        assert len(asset.content) > 0
    init = await gateway.get("/docs/assets/init.js")
    assert '"url": "/openapi.json"' in init.text
    bundle = await gateway.get("/docs/assets/swagger-ui-bundle.js")
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert len(bundle.content) > 500_000
    missing = await gateway.get("/docs/assets/nothing.js")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM_JSON


async def test_head_answers_as_get_without_a_body(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    account = await sign_up(gateway)
    upstream.behaviour = lambda request: (200, {"items": [], "next_cursor": None}, 0.0)
    got = await gateway.get("/api/v1/campaigns", headers=account.auth)
    head = await gateway.head("/api/v1/campaigns", headers=account.auth)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert upstream.requests[-1]["method"] == "GET"
    own = await gateway.head("/api/v1/api-keys", headers=account.auth)
    assert own.status_code == 200
    assert own.content == b""


async def test_405_allows_every_method_of_the_path(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    answer = await gateway.put("/api/v1/webhooks/6b8e1f1e-0000-4000-8000-000000000001", headers=account.auth)
    assert answer.status_code == 405
    assert answer.headers["content-type"] == PROBLEM_JSON
    assert set(answer.headers["allow"].split(", ")) == {"GET", "HEAD", "DELETE"}


async def test_a_streamed_body_over_the_limit_is_413(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(11):
            yield b" " * (1024 * 1024)

    answer = await gateway.post(
        "/api/v1/webhooks", content=chunks(), headers={**account.auth, "content-type": "application/json"}
    )
    assert answer.status_code == 413
    assert answer.headers["content-type"] == PROBLEM_JSON


async def test_a_method_a_service_path_lacks_is_405_from_the_gateway(
    gateway: httpx.AsyncClient, upstream: Upstream
) -> None:
    for method in ("PUT", "TRACE", "OPTIONS"):
        answer = await gateway.request(method, "/api/v1/campaigns")
        assert answer.status_code == 405, method
        assert set(answer.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}
    answer = await gateway.delete("/api/v1/campaigns/6b8e1f1e-0000-4000-8000-000000000001/launch")
    assert answer.headers["allow"] == "POST"
    assert upstream.requests == []


async def test_a_body_that_is_not_utf8_names_the_body(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    answer = await gateway.post(
        "/api/v1/webhooks", content=b'{"url": "\xff"}', headers={**account.auth, "content-type": "application/json"}
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "body"

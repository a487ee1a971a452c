"""A path with a trailing slash is a 404 problem from every app, never a redirect: Starlette's
redirect_slashes builds the Location from the request's Host, which for a service called by the
gateway is the service's own internal host and port."""

import importlib
import uuid

import httpx
import pytest

from servicekit.context import RequestContext

SLASHED = [
    ("discovery.main", "/api/v1/influencers/"),
    ("partnerships.main", "/api/v1/campaigns/"),
    ("metrics.main", "/api/v1/campaigns/6b8e1f1e-0000-4000-8000-000000000001/metrics/"),
    ("content.main", "/healthz/"),
    ("gateway.main", "/api/v1/api-keys/"),
    ("gateway.main", "/api/v1/me/"),
]


@pytest.mark.parametrize(("module", "path"), SLASHED)
async def test_a_trailing_slash_is_not_found_not_redirected(module: str, path: str) -> None:
    app = importlib.import_module(module).create_app()
    secret = getattr(app, "app", app).state.runtime.settings.internal_secret
    headers = RequestContext(tenant_id=uuid.uuid4(), user_id=uuid.uuid4(), roles=frozenset({"owner"})).headers(secret)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://10.0.0.7:8002") as client:
        response = await client.get(path, headers=headers)
    assert response.status_code == 404, (response.status_code, response.headers.get("location"))
    assert response.headers["content-type"] == "application/problem+json"
    assert "location" not in response.headers
    assert "10.0.0.7" not in response.text

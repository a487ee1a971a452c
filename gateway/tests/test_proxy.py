"""The gateway's door: who gets through, what the service receives, and how failures look."""

import asyncio
import base64
import json
import time
import uuid
from collections.abc import AsyncIterator

import httpx
import jwt
import pytest

from .conftest import Account, GatewayFactory, Upstream, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway(upstream_retries=2, breaker_threshold=4, breaker_cooldown_s=0.5) as client:
        yield client


@pytest.fixture
async def account(gateway: httpx.AsyncClient) -> Account:
    return await sign_up(gateway)


async def test_the_service_receives_the_callers_context_not_forged_headers(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream
) -> None:
    forged = {
        **account.auth,
        "x-tenant-id": str(uuid.uuid4()),
        "x-roles": "admin",
        "x-internal-token": "guess",
        "x-user-id": str(uuid.uuid4()),
        "x-request-id": "trace-7",
        "expect": "100-continue",  # the gateway has the body already; the service must not answer 100
    }
    response = await gateway.get("/api/v1/campaigns?state=draft", headers=forged)
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "trace-7"
    seen = upstream.received("/api/v1/campaigns")[-1]
    assert seen["headers"]["x-tenant-id"] == account.org_id
    assert seen["headers"]["x-user-id"] == account.user_id
    assert seen["headers"]["x-roles"] == "owner"
    assert seen["headers"]["x-internal-token"] == gateway.app.state.settings.internal_secret  # type: ignore[attr-defined]
    assert seen["headers"]["x-request-id"] == "trace-7"
    assert "authorization" not in seen["headers"]
    assert "expect" not in seen["headers"]


async def test_path_and_query_reach_the_service_as_sent(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream
) -> None:
    response = await gateway.get("/api/v1/influencers?q=caf%C3%A9%20bar&tag=a&tag=b", headers=account.auth)
    assert response.status_code == 200
    seen = upstream.received("/api/v1/influencers")[-1]
    assert seen["query"] == "q=caf%C3%A9%20bar&tag=a&tag=b"


def _b64(part: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(part).encode()).decode().rstrip("=")


async def test_token_attacks_are_401(gateway: httpx.AsyncClient, account: Account) -> None:
    settings = gateway.app.state.settings  # type: ignore[attr-defined]
    claims = jwt.decode(account.token, options={"verify_signature": False})
    key = settings.jwt_keys["t1"]
    now = int(time.time())
    attacks = {
        "alg none": f"{_b64({'alg': 'none', 'typ': 'JWT', 'kid': 't1'})}.{_b64(claims)}.",
        "expired": jwt.encode(
            {**claims, "exp": now - 5, "iat": now - 100}, key, algorithm="HS256", headers={"kid": "t1"}
        ),
        "wrong audience": jwt.encode({**claims, "aud": "elsewhere"}, key, algorithm="HS256", headers={"kid": "t1"}),
        "wrong key": jwt.encode(claims, "k" * 48, algorithm="HS256", headers={"kid": "t1"}),
        "tampered": ".".join(
            [account.token.split(".")[0], _b64({**claims, "roles": ["admin"]}), account.token.split(".")[2]]
        ),
        "garbage": "not-a-token",
    }
    for name, token in attacks.items():
        response = await gateway.get("/api/v1/campaigns", headers={"authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.headers["content-type"] == "application/problem+json", name
    assert (await gateway.get("/api/v1/campaigns")).status_code == 401


async def test_api_keys_authenticate_within_their_scopes_until_revoked(
    gateway: httpx.AsyncClient, account: Account
) -> None:
    created = await gateway.post(
        "/api/v1/api-keys",
        json={"name": "shop", "scopes": ["conversions:write", "campaigns:read"]},
        headers=account.auth,
    )
    assert created.status_code == 201, created.text
    key = created.json()["key"]
    assert "key" not in (await gateway.get("/api/v1/api-keys", headers=account.auth)).json()[0]
    assert (await gateway.get("/api/v1/campaigns/c1", headers={"x-api-key": key})).status_code == 200
    assert (await gateway.get("/api/v1/campaigns", headers={"authorization": f"Bearer {key}"})).status_code == 200
    refused = await gateway.post("/api/v1/campaigns", json={}, headers={"x-api-key": key})
    assert refused.status_code == 403
    assert "campaigns:write" in refused.json()["detail"]
    token = await gateway.post("/api/v1/auth/token", data={"grant_type": "client_credentials", "client_secret": key})
    assert token.status_code == 200
    assert token.json()["scope"] == "campaigns:read conversions:write"
    bearer = {"authorization": f"Bearer {token.json()['access_token']}"}
    assert (await gateway.get("/api/v1/campaigns", headers=bearer)).status_code == 200

    revoked = await gateway.delete(f"/api/v1/api-keys/{created.json()['id']}", headers=account.auth)
    assert revoked.status_code == 204
    assert (await gateway.get("/api/v1/campaigns", headers={"x-api-key": key})).status_code == 401
    assert (await gateway.get("/api/v1/campaigns", headers={"x-api-key": key + "x"})).status_code == 401


async def test_bad_api_key_requests_name_the_field(gateway: httpx.AsyncClient, account: Account) -> None:
    response = await gateway.post(
        "/api/v1/api-keys",
        json={"name": "", "scopes": ["everything:write"], "expires_at": "2001-01-01T00:00:00Z"},
        headers=account.auth,
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"body.name", "body.scopes"}
    past = await gateway.post(
        "/api/v1/api-keys",
        json={"name": "old", "scopes": ["campaigns:read"], "expires_at": "2001-01-01T00:00:00Z"},
        headers=account.auth,
    )
    assert past.status_code == 422
    assert past.json()["errors"][0]["field"] == "body.expires_at"


async def test_oversized_body_is_413_before_the_service_sees_it(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream
) -> None:
    limit = gateway.app.state.settings.max_request_bytes  # type: ignore[attr-defined]
    response = await gateway.post("/api/v1/campaigns", content=b"x" * (limit + 1), headers=account.auth)
    assert response.status_code == 413
    assert upstream.received("/api/v1/campaigns") == []


async def test_an_oversized_body_with_an_idempotency_key_is_413_too_streamed_or_not(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream
) -> None:
    limit = gateway.app.state.settings.max_request_bytes  # type: ignore[attr-defined]

    async def streamed() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    for content in (b"x" * (limit + 1), streamed()):
        headers = {**account.auth, "idempotency-key": "too-big-1"}
        response = await gateway.post("/api/v1/campaigns", content=content, headers=headers)
        assert response.status_code == 413, response.text
        assert response.headers["content-type"] == "application/problem+json"
    assert upstream.received("/api/v1/campaigns") == []
    # Nothing was stored for the key: a proper request with it goes through.
    response = await gateway.post(
        "/api/v1/campaigns", json={"name": "Fits"}, headers={**account.auth, "idempotency-key": "too-big-1"}
    )
    assert response.status_code < 300


async def test_idempotent_methods_are_retried_and_posts_are_not(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream
) -> None:
    upstream.behaviour = lambda request: (503, {"title": "busy"}, 0.0)
    upstream.headers["retry-after"] = "3"
    try:
        response = await gateway.get("/api/v1/influencers/i1", headers=account.auth)
    finally:
        del upstream.headers["retry-after"]
    # A service that cannot answer for a moment (its database restarting) is a 503 to retry, as it said.
    assert response.status_code == 503
    assert response.headers["retry-after"] == "3"
    assert response.json()["upstream"] == "discovery"
    assert len(upstream.received("/api/v1/influencers/i1")) == 3
    await gateway.post("/api/v1/influencers/i1/notes", json={}, headers=account.auth)
    assert len(upstream.received("/i1/notes")) == 1


async def test_circuit_opens_after_repeated_failures_then_recovers(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream
) -> None:
    upstream.behaviour = lambda request: (500, {"title": "boom"}, 0.0)  # not a problem answer: a crash
    other = await sign_up(gateway)  # one caller alone never opens it
    for caller in (account, other, account, other):
        await gateway.post("/api/v1/deliverables/d1/schedule", json={}, headers=caller.auth)
    hits = len(upstream.requests)
    paused = await gateway.get("/api/v1/deliverables/d1", headers=account.auth)
    assert paused.status_code == 503
    assert int(paused.headers["retry-after"]) >= 1
    assert "paused" in paused.json()["detail"]
    assert len(upstream.requests) == hits, "an open circuit must not call the service"

    upstream.behaviour = lambda request: (200, {"ok": True}, 0.0)
    await _sleep(0.6)
    assert (await gateway.get("/api/v1/deliverables/d1", headers=account.auth)).status_code == 200
    assert (await gateway.get("/api/v1/deliverables/d1", headers=account.auth)).status_code == 200


async def test_a_slow_service_is_a_504(gateway: httpx.AsyncClient, account: Account, upstream: Upstream) -> None:
    upstream.behaviour = lambda request: (200, {}, 1.5)
    response = await gateway.post("/api/v1/tracking-links", json={}, headers=account.auth)
    assert response.status_code == 504
    assert response.json()["upstream"] == "metrics"


async def test_unknown_api_paths_are_a_404_problem(gateway: httpx.AsyncClient, account: Account) -> None:
    response = await gateway.get("/api/v1/nowhere", headers=account.auth)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_the_tracking_redirect_needs_no_caller(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    target = "https://shop.example/spring?click_id=c1"
    upstream.behaviour = lambda request: (200, {"items": [{"status": 302, "location": target}]}, 0.0)
    response = await gateway.get("/r/abc123", headers={"user-agent": "Mozilla/5.0", "x-forwarded-for": "6.6.6.6"})
    assert response.status_code == 302
    assert response.headers["location"] == target
    (sent,) = upstream.received("/internal/redirects")
    assert "x-tenant-id" not in sent["headers"]
    (visit,) = json.loads(sent["body"])["items"]
    assert visit["address"] == "127.0.0.1"  # the gateway's view, not the caller's claim
    assert visit["user_agent"] == "Mozilla/5.0"
    assert visit["code"] == "abc123"


async def _sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)

"""Rate limits per caller and route class; Idempotency-Key replays and conflicts."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select

from gateway.adapters.tables import idempotency_keys

from .conftest import LIMIT_CLASSES, PASSWORD, GatewayFactory, Upstream, sign_up

GENEROUS = {"per_minute": 100_000, "burst": 10_000}


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    limits = {name: GENEROUS for name in LIMIT_CLASSES}
    limits["read"] = {"per_minute": 60, "burst": 3}
    async with make_gateway(rate_limits=limits) as client:
        yield client


async def test_reads_beyond_the_burst_get_429_with_the_headers_clients_need(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    answers = [await gateway.get("/api/v1/campaigns", headers=ann.auth) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[0].headers["ratelimit-limit"] == "3"
    assert answers[0].headers["ratelimit-remaining"] == "2"
    limited = answers[3]
    assert limited.headers["content-type"] == "application/problem+json"
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.headers["ratelimit-remaining"] == "0"
    # Another caller has its own bucket; another route class too.
    assert (await gateway.get("/api/v1/campaigns", headers=bob.auth)).status_code == 200
    assert (await gateway.post("/api/v1/campaigns", json={}, headers=ann.auth)).status_code == 200


async def test_same_key_and_body_replays_the_first_answer(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    account = await sign_up(gateway)
    counter = iter(range(100))
    upstream.behaviour = lambda request: (201, {"id": next(counter)}, 0.0)
    headers = {**account.auth, "idempotency-key": "order-1"}
    first = await gateway.post("/api/v1/campaigns", json={"name": "a"}, headers=headers)
    again = await gateway.post("/api/v1/campaigns", json={"name": "a"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() == {"id": 0}
    assert again.headers["idempotent-replayed"] == "true"
    assert len(upstream.received("/api/v1/campaigns")) == 1

    conflict = await gateway.post("/api/v1/campaigns", json={"name": "b"}, headers=headers)
    assert conflict.status_code == 409
    assert "different request body" in conflict.json()["detail"]

    other = await sign_up(gateway, "Other")
    theirs = await gateway.post(
        "/api/v1/campaigns", json={"name": "a"}, headers={**other.auth, "idempotency-key": "order-1"}
    )
    assert theirs.json() == {"id": 1}, "keys belong to their caller"


async def test_failed_requests_can_be_retried_with_the_same_key(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    account = await sign_up(gateway)
    headers = {**account.auth, "idempotency-key": "retry-me"}
    upstream.behaviour = lambda request: (500, {"title": "boom"}, 0.0)
    assert (await gateway.post("/api/v1/tracking-links", json={"u": 1}, headers=headers)).status_code == 502
    upstream.behaviour = lambda request: (201, {"id": "link"}, 0.0)
    retried = await gateway.post("/api/v1/tracking-links", json={"u": 1}, headers=headers)
    assert retried.status_code == 201
    assert "idempotent-replayed" not in retried.headers


async def test_an_answer_that_says_retry_later_is_not_kept_for_the_key(
    gateway: httpx.AsyncClient, upstream: Upstream
) -> None:
    # E.g. partnerships' 422 for an influencer discovery has not told it of yet: replaying it
    # under the key would refuse the retry the answer asked for.
    account = await sign_up(gateway)
    headers = {**account.auth, "idempotency-key": "not-yet"}
    upstream.behaviour = lambda request: (422, {"retryable": True}, 0.0)
    upstream.headers = {"retry-after": "5"}
    body = {"influencer_id": "a"}
    assert (await gateway.post("/api/v1/campaigns/c/partnerships", json=body, headers=headers)).status_code == 422
    upstream.behaviour = lambda request: (201, {"id": "made"}, 0.0)
    upstream.headers = {}
    retried = await gateway.post("/api/v1/campaigns/c/partnerships", json=body, headers=headers)
    assert (retried.status_code, retried.json()) == (201, {"id": "made"})
    assert "idempotent-replayed" not in retried.headers


async def test_gateway_own_creations_honour_the_key_too(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    headers = {**account.auth, "idempotency-key": "key-1"}
    body = {"name": "ci", "scopes": ["campaigns:read"]}
    first = await gateway.post("/api/v1/api-keys", json=body, headers=headers)
    again = await gateway.post("/api/v1/api-keys", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (
        201,
        409,
    )  # its secret is not kept (test_idempotency_kept_answers)
    assert first.json()["id"] == again.json()["id"]
    assert len((await gateway.get("/api/v1/api-keys", headers=account.auth)).json()) == 1


async def test_invalid_idempotency_key_is_400(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    # Too long; not visible ASCII (as the OpenAPI's pattern says); spaces around it (the header's own).
    for key in (b"k" * 300, "caf\xe9".encode("latin-1"), b"\x7fkey"):
        response = await gateway.post("/api/v1/campaigns", json={}, headers={**account.auth, "idempotency-key": key})
        assert response.status_code == 400, key
        assert response.json()["errors"][0]["field"] == "header.idempotency-key"
    inner_space = await gateway.post("/api/v1/campaigns", json={}, headers={**account.auth, "idempotency-key": "a b"})
    assert inner_space.status_code == 200, inner_space.text


async def test_anonymous_callers_keys_are_each_client_s_and_keep_no_address(make_gateway: GatewayFactory) -> None:
    """Without a caller, a key belongs to the client's address as the rate limits see it (behind a
    trusted proxy, the forwarded one): two clients sending the same key do not meet. The address
    is kept only as a keyed digest."""
    async with make_gateway(trust_forwarded_for=True) as gateway:
        answers = []
        for n, client in enumerate(["203.0.113.5", "198.51.100.23"]):
            owner = {"email": f"{uuid.uuid4().hex[:8]}@anon{n}.test", "password": PASSWORD}
            body = {"name": f"Anon {n}", "kind": "brand", "owner": owner}
            headers = {"idempotency-key": "sign-up-1", "x-forwarded-for": client}
            answers.append(await gateway.post("/api/v1/orgs", json=body, headers=headers))
        assert [a.status_code for a in answers] == [202, 202], answers[1].text
        assert "idempotent-replayed" not in answers[1].headers
        database = gateway.app.state.runtime.database  # type: ignore[attr-defined]
        async with database.session(read_only=True) as session:
            principals = list(await session.scalars(select(idempotency_keys.c.principal)))
    assert len(set(principals)) == 2
    assert not [p for p in principals if "203.0.113.5" in p or "198.51.100.23" in p or "127.0.0.1" in p]

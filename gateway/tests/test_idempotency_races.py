"""Idempotency-Key under races: a repeat sent the moment the first answer arrives replays it (on
this replica or another), a key released after a failure is free at once, a key left behind by
a replica that died is taken over after its lease, and the answer is kept whatever the client
does. The gateway listens on a real socket: a client sees each answer as soon as it is sent."""

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from devstack.databases import DatabaseFactory
from gateway.adapters.idempotency_store import IdempotencyStore
from gateway.adapters.tables import idempotency_keys
from gateway.domain.idempotency import fingerprint, stored_key

from .conftest import GatewayFactory, Upstream, sign_up

BODY = b'{"name":"spring"}'
JSON = {"content-type": "application/json"}


def slowed(monkeypatch: pytest.MonkeyPatch, store: IdempotencyStore, method: str, delay_s: float = 0.3) -> None:
    """Widens the moment between the first answer and its key being settled: a race that
    otherwise loses a few times in a hundred loses every time if the answer goes out first."""
    original = getattr(store, method)

    async def slow(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(delay_s)
        return await original(*args, **kwargs)

    monkeypatch.setattr(store, method, slow)


def store_of(client: httpx.AsyncClient) -> IdempotencyStore:
    return client.app.state.idempotency  # type: ignore[attr-defined, no-any-return]


@pytest.fixture(scope="module")
async def gateway(make_gateway_over_http: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway_over_http(upstream_retries=0) as client:
        yield client


def counting(upstream: Upstream, status: int = 201) -> None:
    counter = iter(range(1000))
    upstream.behaviour = lambda request: (status, {"id": next(counter)}, 0.0)


async def test_a_repeat_sent_as_the_first_answer_arrives_replays_it(
    gateway: httpx.AsyncClient, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(gateway)
    counting(upstream)
    slowed(monkeypatch, store_of(gateway), "complete")
    for round_ in range(3):
        headers = {**account.auth, **JSON, "idempotency-key": f"arrives-{round_}"}
        first = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
        again = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
        assert first.status_code == 201
        assert again.status_code == 201, again.text
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
    assert len(upstream.received("/api/v1/campaigns")) == 3


async def test_a_repeat_to_another_replica_replays_the_first_answer(
    make_gateway_over_http: GatewayFactory,
    databases: DatabaseFactory,
    upstream: Upstream,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = {"database_url": await databases.new("gateway"), "jwt_keys": {"t1": secrets.token_urlsafe(48)}}
    async with make_gateway_over_http(**shared) as one, make_gateway_over_http(**shared) as other:
        account = await sign_up(one)
        counting(upstream)
        slowed(monkeypatch, store_of(one), "complete")
        headers = {**account.auth, **JSON, "idempotency-key": "across-replicas"}
        first = await one.post("/api/v1/campaigns", content=BODY, headers=headers)
        again = await other.post("/api/v1/campaigns", content=BODY, headers=headers)
    assert first.status_code == 201
    assert again.status_code == 201, again.text
    assert again.json() == first.json()
    assert len(upstream.received("/api/v1/campaigns")) == 1


@pytest.mark.parametrize("status", [500, 429, 401])
async def test_a_key_released_after_a_failure_is_free_for_the_retry_at_once(
    gateway: httpx.AsyncClient, upstream: Upstream, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    account = await sign_up(gateway)
    slowed(monkeypatch, store_of(gateway), "release")
    headers = {**account.auth, **JSON, "idempotency-key": f"released-{status}"}
    upstream.behaviour = lambda request: (status, {"title": "no"}, 0.0)
    failed = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
    assert failed.status_code == (502 if status == 500 else status)
    counting(upstream)
    retried = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
    assert retried.status_code == 201, retried.text
    assert "idempotent-replayed" not in retried.headers


async def test_a_key_left_by_a_replica_that_died_is_taken_over_after_its_lease(
    gateway: httpx.AsyncClient, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    account = await sign_up(gateway)
    store = store_of(gateway)
    principal, key = f"user:{account.user_id}", "orphaned-key-7f3a"
    # What a replica that died mid-request leaves: the key taken, no answer stored.
    await store.begin(principal, key, fingerprint("POST", "/api/v1/campaigns", "", BODY))
    headers = {**account.auth, **JSON, "idempotency-key": key}
    counting(upstream)
    meanwhile = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
    assert meanwhile.status_code == 409, "within its lease the first request may still answer"
    assert meanwhile.headers["retry-after"] == "1"

    lease = timedelta(seconds=gateway.app.state.settings.idempotency_lease_s)  # type: ignore[attr-defined]
    async with store.database.session() as session:
        await session.execute(
            update(idempotency_keys)
            .where(idempotency_keys.c.key == stored_key(principal, key))
            .values(created_at=datetime.now(UTC) - lease - timedelta(seconds=1))
        )
    retried = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
    assert retried.status_code == 201, retried.text
    again = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == retried.json()
    assert len(upstream.received("/api/v1/campaigns")) == 1
    # The take-over is logged by the key as kept (its hash), never the client's key.
    [taken] = [r.getMessage() for r in caplog.records if "taking it over" in r.getMessage()]
    assert stored_key(principal, key)[:16] in taken
    assert not [r for r in caplog.records if key in r.getMessage()]


async def test_the_answer_is_kept_when_the_client_goes_away_before_it(
    gateway: httpx.AsyncClient, upstream: Upstream
) -> None:
    account = await sign_up(gateway)
    upstream.behaviour = lambda request: (201, {"id": "slow"}, 0.5)
    headers = {**account.auth, **JSON, "idempotency-key": "impatient"}
    with pytest.raises(httpx.ReadTimeout):
        await gateway.post("/api/v1/campaigns", content=BODY, headers=headers, timeout=0.1)
    counting(upstream)
    retried = await _until_not_in_progress(lambda: gateway.post("/api/v1/campaigns", content=BODY, headers=headers))
    assert retried.status_code == 201
    assert retried.json() == {"id": "slow"}
    assert retried.headers["idempotent-replayed"] == "true"
    assert len(upstream.received("/api/v1/campaigns")) == 1


async def test_an_answer_that_cannot_be_stored_still_reaches_the_client(
    gateway: httpx.AsyncClient, upstream: Upstream, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(gateway)

    async def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("database went away")

    monkeypatch.setattr(store_of(gateway), "complete", broken)
    counting(upstream)
    headers = {**account.auth, **JSON, "idempotency-key": "unstored", "x-request-id": "unstored-1"}
    response = await gateway.post("/api/v1/campaigns", content=BODY, headers=headers)
    assert response.status_code == 201
    [error] = [r for r in caplog.records if r.levelno >= logging.ERROR and r.request_id == "unstored-1"]
    assert error.exc_info is not None
    assert "database went away" in str(error.exc_info[1])


async def _until_not_in_progress(call: Callable[[], Awaitable[httpx.Response]]) -> httpx.Response:
    for _ in range(50):
        response = await call()
        if response.status_code != 409:
            return response
        await asyncio.sleep(0.1)
    raise AssertionError("the first request never settled")

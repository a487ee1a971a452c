"""What survives the gateway dying mid-request: the Idempotency-Key goes to the service that does
the write (scoped to the org and caller; a client cannot send it itself), and the gateway's own
endpoints record it with their writes, so a retry after the gateway's own record is gone replays."""

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import delete, select

from gateway.adapters.tables import idempotency_keys
from gateway.settings import GatewaySettings
from servicekit.context import IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_TTL_HEADER
from servicekit.db import new_metadata
from servicekit.idempotency import MAX_KEY_TTL, idempotency_table

from .conftest import GatewayFactory, Upstream, sign_up

requests = idempotency_table(new_metadata())


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway() as client:
        yield client


async def test_the_service_is_given_the_key_scoped_to_org_and_caller(
    gateway: httpx.AsyncClient, upstream: Upstream
) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    forged = {IDEMPOTENCY_KEY_HEADER: "someone-elses", IDEMPOTENCY_FINGERPRINT_HEADER: "f" * 64}
    for account in (ann, bob):
        headers = {**account.auth, **forged, "idempotency-key": "order-1"}
        assert (await gateway.post("/api/v1/campaigns", json={"name": "a"}, headers=headers)).status_code == 200
    assert (await gateway.post("/api/v1/campaigns", json={"name": "a"}, headers={**ann.auth, **forged})).is_success

    keyed, plain = upstream.received("/api/v1/campaigns")[:2], upstream.received("/api/v1/campaigns")[2]
    keys = [r["headers"][IDEMPOTENCY_KEY_HEADER] for r in keyed]
    assert len(set(keys)) == 2  # one per org
    assert "someone-elses" not in keys  # never the client's own
    assert all(len(r["headers"][IDEMPOTENCY_FINGERPRINT_HEADER]) == 64 for r in keyed)
    assert IDEMPOTENCY_KEY_HEADER not in plain["headers"]  # no Idempotency-Key: none forwarded


async def test_an_own_endpoint_retried_after_the_gateways_record_is_lost_replays(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway, "Kim")
    headers = {**account.auth, "idempotency-key": "key-1"}
    body = {"name": "shop", "scopes": ["campaigns:read"]}
    first = await gateway.post("/api/v1/api-keys", json=body, headers=headers)
    assert first.status_code == 201, first.text
    # As if the gateway died before it kept the answer and the key's lease ran out.
    database = gateway.app.state.runtime.database  # type: ignore[attr-defined]
    async with database.session() as session:
        await session.execute(delete(idempotency_keys))

    again = await gateway.post("/api/v1/api-keys", json=body, headers=headers)

    # The key's secret is shown once, so what was recorded is the stand-in naming the key made.
    assert again.status_code == 409, again.text
    assert (again.json()["not_kept"], again.json()["id"]) == ("secret", first.json()["id"])
    assert again.headers["location"] == first.headers["location"]
    assert first.json()["key"] not in again.text
    listed = await gateway.get("/api/v1/api-keys", headers=account.auth)
    assert [k["id"] for k in listed.json()] == [first.json()["id"]]


async def test_keys_are_recorded_for_as_long_as_the_gateway_keeps_them(
    make_gateway: GatewayFactory, upstream: Upstream
) -> None:
    async with make_gateway(idempotency_ttl_s=600) as gateway:
        account = await sign_up(gateway, "Ivy")
        headers = {**account.auth, "idempotency-key": "ttl-1", IDEMPOTENCY_TTL_HEADER: "999999"}
        assert (await gateway.post("/api/v1/campaigns", json={"name": "a"}, headers=headers)).is_success
        hook = {"url": "http://127.0.0.1:9/hook", "event_types": ["*"]}
        headers["idempotency-key"] = "ttl-2"
        assert (await gateway.post("/api/v1/webhooks", json=hook, headers=headers)).status_code == 201
        database = gateway.app.state.runtime.database  # type: ignore[attr-defined]
        async with database.session(read_only=True) as session:
            recorded = (await session.execute(select(requests.c.created_at, requests.c.expires_at))).one()
    # To the service; the client's own header is dropped.
    assert upstream.received("/api/v1/campaigns")[0]["headers"][IDEMPOTENCY_TTL_HEADER] == "600"
    assert recorded.expires_at - recorded.created_at == timedelta(seconds=600)  # the gateway's own endpoint


def test_a_ttl_the_services_would_not_follow_is_refused_at_start() -> None:
    with pytest.raises(ValidationError, match="idempotency_ttl_s"):
        GatewaySettings(idempotency_ttl_s=int(MAX_KEY_TTL.total_seconds()) + 1)
    with pytest.raises(ValidationError, match="idempotency_ttl_s"):
        GatewaySettings(idempotency_ttl_s=0)

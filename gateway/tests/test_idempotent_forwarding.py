"""What survives the gateway dying mid-request: the Idempotency-Key goes to the service that does
the write (scoped to the org and caller; a client cannot send it itself), and the gateway's own
endpoints record it with their writes, so a retry after the gateway's own record is gone replays."""

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import delete

from gateway.adapters.tables import idempotency_keys
from servicekit.context import IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_KEY_HEADER

from .conftest import GatewayFactory, Upstream, sign_up


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

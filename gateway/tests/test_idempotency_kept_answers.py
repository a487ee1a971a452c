"""What the idempotency stores keep of an answer: never a secret shown once (API keys, webhook
secrets, invitation and share tokens, OAuth tokens), never a huge body whole. A retry still takes
effect once, and answers a problem that says what happened and where the object is."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from gateway.adapters.tables import idempotency_keys
from gateway.api.dependencies import SHOWS_SECRET_ONCE
from servicekit.db import new_metadata
from servicekit.idempotency import MAX_KEPT_ANSWER_BYTES, idempotency_table

from .conftest import PASSWORD, Account, GatewayFactory, Upstream, sign_up

idempotent_requests = idempotency_table(new_metadata())


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway() as client:
        yield client


async def stored_text(gateway: httpx.AsyncClient) -> str:
    """Every row of both stores (the gateway's keys and the write-side record), as one text."""
    database = gateway.app.state.runtime.database  # type: ignore[attr-defined]
    rows: list[Any] = []
    async with database.session(read_only=True) as session:
        for table in (idempotency_keys, idempotent_requests):
            rows += (await session.execute(select(table))).all()
    assert rows, "nothing stored: the test would prove nothing"
    return "\n".join(
        repr(value.decode("latin-1") if isinstance(value, bytes) else value) for row in rows for value in row
    )


def assert_secret_not_kept(again: httpx.Response, first: httpx.Response) -> None:
    assert again.status_code == 409, again.text
    assert again.headers["content-type"] == "application/problem+json"
    assert again.headers["idempotent-replayed"] == "true"
    problem = again.json()
    assert problem["not_kept"] == "secret"
    assert problem["first_status"] == first.status_code
    if "id" in first.json():
        assert problem["id"] == first.json()["id"]
    if "location" in first.headers:
        assert again.headers["location"] == problem["location"] == first.headers["location"]


async def test_an_api_key_made_under_a_key_is_stored_nowhere_and_made_once(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway, "Kim")
    headers = {**account.auth, "idempotency-key": f"key-{uuid.uuid4()}"}
    body = {"name": "shop", "scopes": ["campaigns:read"]}

    first = await gateway.post("/api/v1/api-keys", json=body, headers=headers)
    assert first.status_code == 201, first.text
    assert first.headers["cache-control"] == "no-store"
    secret = first.json()["key"]
    assert secret not in await stored_text(gateway)

    again = await gateway.post("/api/v1/api-keys", json=body, headers=headers)
    assert_secret_not_kept(again, first)
    assert secret not in again.text
    listed = await gateway.get("/api/v1/api-keys", headers=account.auth)
    assert [k["id"] for k in listed.json()] == [first.json()["id"]]


async def test_a_client_s_idempotency_key_is_kept_only_as_a_hash(
    gateway: httpx.AsyncClient, upstream: Upstream
) -> None:
    """A database reader learns no client's key (which would let them try it, or tell whose it is);
    the key still replays its answer and conflicts with another body."""
    account = await sign_up(gateway, "Ola")
    upstream.behaviour = lambda request: (201, {"id": "c-7"}, 0.0)
    key = f"order-{uuid.uuid4()}"
    headers = {**account.auth, "idempotency-key": key}

    first = await gateway.post("/api/v1/campaigns", json={"name": "a"}, headers=headers)
    assert first.status_code == 201, first.text
    assert key not in await stored_text(gateway)
    again = await gateway.post("/api/v1/campaigns", json={"name": "a"}, headers=headers)
    assert (again.status_code, again.json(), again.headers["idempotent-replayed"]) == (201, {"id": "c-7"}, "true")
    other = await gateway.post("/api/v1/campaigns", json={"name": "b"}, headers=headers)
    assert other.status_code == 409, other.text
    assert len(upstream.received("/api/v1/campaigns")) == 1


async def secret_answers(gateway: httpx.AsyncClient, account: Account) -> list[tuple[str, dict[str, Any], list[str]]]:
    """(path, JSON body, the answer's secret fields) of each route that shows a secret once."""
    return [
        ("/api/v1/webhooks", {"url": "http://127.0.0.1:9/hook", "event_types": ["*"]}, ["secret"]),
        (f"/api/v1/orgs/{account.org_id}/members", {"email": "eve@guest.test", "role": "analyst"}, ["token"]),
        (f"/api/v1/campaigns/{uuid.uuid4()}/report-shares", {}, ["token", "url"]),
    ]


async def test_no_secret_shown_once_is_kept_by_any_route(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway, "Lea")
    for path, body, fields in await secret_answers(gateway, account):
        headers = {**account.auth, "idempotency-key": f"key-{uuid.uuid4()}"}
        first = await gateway.post(path, json=body, headers=headers)
        assert first.status_code == 201, (path, first.text)
        assert first.headers["cache-control"] == "no-store", path
        stored = await stored_text(gateway)
        for field in fields:
            assert first.json()[field] not in stored, (path, field)
        assert_secret_not_kept(await gateway.post(path, json=body, headers=headers), first)


async def test_tokens_issued_under_a_key_are_not_kept(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway, "Max")
    form = {"grant_type": "password", "username": account.email, "password": PASSWORD, "org_id": account.org_id}
    headers = {"idempotency-key": f"key-{uuid.uuid4()}"}
    first = await gateway.post("/api/v1/auth/token", data=form, headers=headers)
    assert first.status_code == 200, first.text
    assert first.headers["cache-control"] == "no-store"  # RFC 6749 5.1
    stored = await stored_text(gateway)
    assert first.json()["access_token"] not in stored
    assert first.json()["refresh_token"] not in stored
    assert_secret_not_kept(await gateway.post("/api/v1/auth/token", data=form, headers=headers), first)


async def test_a_huge_answer_is_not_kept_whole(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    account = await sign_up(gateway, "Ned")
    huge = {"items": ["x" * 1000] * (MAX_KEPT_ANSWER_BYTES // 1000 + 10)}
    upstream.behaviour = lambda request: (201, huge, 0.0)
    upstream.headers = {"location": "/api/v1/campaigns/c-1"}
    headers = {**account.auth, "idempotency-key": f"key-{uuid.uuid4()}"}

    first = await gateway.post("/api/v1/campaigns", json={"name": "big"}, headers=headers)
    assert first.status_code == 201
    assert first.json() == huge  # the client gets it whole, once
    database = gateway.app.state.runtime.database  # type: ignore[attr-defined]
    async with database.session(read_only=True) as session:
        kept = (await session.execute(select(idempotency_keys.c.response_body))).scalars().all()
    assert max(len(body or b"") for body in kept) < 4096

    again = await gateway.post("/api/v1/campaigns", json={"name": "big"}, headers=headers)
    assert again.status_code == 409, again.text
    problem = again.json()
    assert problem["not_kept"] == "size"
    assert problem["first_status"] == 201
    assert again.headers["location"] == problem["location"] == "/api/v1/campaigns/c-1"
    assert len(upstream.received("/api/v1/campaigns")) == 1  # not run again


SECRET_FIELDS = {"key", "secret", "token", "access_token", "refresh_token"}


def routes_of(routes: list[Any]) -> list[Any]:
    found = []
    for route in routes:
        included = getattr(route, "original_router", None)
        found += routes_of(included.routes) if included is not None else [route]
    return found


def test_every_route_answering_a_secret_marks_it_shown_once(gateway: httpx.AsyncClient) -> None:
    """A new route that answers a secret and forgets SHOWS_SECRET_ONCE would have it kept 24 h."""
    answering = []
    for route in routes_of(gateway.app.app.routes):  # type: ignore[attr-defined]
        model = getattr(route, "response_model", None)
        if SECRET_FIELDS & set(getattr(model, "model_fields", {})):
            answering.append(route.path)
            assert SHOWS_SECRET_ONCE in route.dependencies, route.path
    assert len(answering) == 5, answering  # api keys, webhooks, invitations, report shares, tokens

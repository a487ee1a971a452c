"""Sign-up, log-in, refresh rotation, members and roles, creators."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from .conftest import PASSWORD, GatewayFactory, Upstream, log_in, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway() as client:
        yield client


async def test_sign_up_refuses_bad_input_naming_each_field(gateway: httpx.AsyncClient) -> None:
    response = await gateway.post(
        "/api/v1/orgs", json={"name": "", "kind": "cartel", "owner": {"email": "x@y.test", "password": "pw"}}
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"body.name", "body.kind"}
    weak = await gateway.post(
        "/api/v1/orgs", json={"name": "A", "kind": "brand", "owner": {"email": "a@b.test", "password": "short"}}
    )
    assert weak.status_code == 422
    assert weak.json()["errors"][0]["field"] == "password"
    not_email = await gateway.post(
        "/api/v1/orgs", json={"name": "A", "kind": "brand", "owner": {"email": "nobody", "password": PASSWORD}}
    )
    assert not_email.json()["errors"][0]["field"] == "email"


async def test_an_email_signs_up_once(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    again = await gateway.post(
        "/api/v1/orgs",
        json={"name": "Again", "kind": "agency", "owner": {"email": account.email.upper(), "password": PASSWORD}},
    )
    assert again.status_code == 409


async def test_wrong_password_and_unknown_grant(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    wrong = await gateway.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": account.email, "password": "nope nope nope"}
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_grant"
    unknown = await gateway.post("/api/v1/auth/token", data={"grant_type": "implicit"})
    assert unknown.status_code == 400
    assert unknown.json()["error"] == "unsupported_grant_type"


async def test_refresh_tokens_rotate_and_a_reused_one_revokes_the_login(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    first = await gateway.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": account.refresh_token}
    )
    assert first.status_code == 200
    rotated = first.json()["refresh_token"]
    assert rotated != account.refresh_token
    assert (
        await gateway.get("/api/v1/me", headers={"authorization": f"Bearer {first.json()['access_token']}"})
    ).status_code == 200

    reuse = await gateway.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": account.refresh_token}
    )
    assert reuse.status_code == 401
    # The thief's reuse also killed the legitimate newer token of the same login.
    after = await gateway.post("/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": rotated})
    assert after.status_code == 401


async def test_members_and_their_roles(gateway: httpx.AsyncClient) -> None:
    owner = await sign_up(gateway)
    members_path = f"/api/v1/orgs/{owner.org_id}/members"
    email = f"analyst-{uuid.uuid4().hex[:6]}@acme.test"
    added = await gateway.post(
        members_path, json={"email": email, "role": "analyst", "password": PASSWORD}, headers=owner.auth
    )
    assert added.status_code == 201, added.text
    analyst = await log_in(gateway, email, owner.org_id)
    me = (await gateway.get("/api/v1/me", headers=analyst.auth)).json()
    assert me["roles"] == ["analyst"]
    assert me["org"]["id"] == owner.org_id

    # An analyst reads but neither writes nor manages members.
    assert (await gateway.get(members_path, headers=analyst.auth)).status_code == 200
    assert (await gateway.post("/api/v1/campaigns", json={}, headers=analyst.auth)).status_code == 403
    refused = await gateway.post(
        members_path, json={"email": "x@acme.test", "role": "owner", "password": PASSWORD}, headers=analyst.auth
    )
    assert refused.status_code == 403

    duplicate = await gateway.post(members_path, json={"email": email, "role": "manager"}, headers=owner.auth)
    assert duplicate.status_code == 409
    no_password = await gateway.post(
        members_path, json={"email": "new@acme.test", "role": "manager"}, headers=owner.auth
    )
    assert no_password.json()["errors"][0]["field"] == "body.password"

    last_owner = await gateway.delete(f"{members_path}/{owner.user_id}", headers=owner.auth)
    assert last_owner.status_code == 409
    removed = await gateway.delete(f"{members_path}/{analyst.user_id}", headers=owner.auth)
    assert removed.status_code == 204
    assert len((await gateway.get(members_path, headers=owner.auth)).json()) == 1


async def test_another_orgs_members_are_not_found(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    assert (await gateway.get(f"/api/v1/orgs/{ann.org_id}/members", headers=bob.auth)).status_code == 404
    sneaky = await gateway.post(
        f"/api/v1/orgs/{ann.org_id}/members",
        json={"email": "bob2@bob.test", "role": "owner", "password": PASSWORD},
        headers=bob.auth,
    )
    assert sneaky.status_code == 404


async def test_a_creator_claims_a_profile_once_and_acts_as_creator(
    gateway: httpx.AsyncClient, upstream: Upstream
) -> None:
    known = str(uuid.uuid4())
    upstream.behaviour = lambda request: (200, {"id": known}, 0.0) if known in request.url.path else (404, {}, 0.0)
    email = f"creator-{uuid.uuid4().hex[:6]}@gram.test"
    body = {"email": email, "password": PASSWORD, "display_name": "Gram", "influencer_id": known}
    created = await gateway.post("/api/v1/creators", json=body)
    assert created.status_code == 201, created.text
    creator = await log_in(gateway, email, created.json()["org"]["id"])
    me = (await gateway.get("/api/v1/me", headers=creator.auth)).json()
    assert me["roles"] == ["creator"]
    assert me["influencer_id"] == known

    upstream.requests.clear()
    upstream.behaviour = lambda request: (200, {"ok": True}, 0.0)
    assert (await gateway.post("/api/v1/partnerships/p/accept", json={}, headers=creator.auth)).status_code == 200
    assert upstream.requests[-1]["headers"]["x-influencer-id"] == known
    assert (await gateway.post("/api/v1/campaigns", json={}, headers=creator.auth)).status_code == 403

    upstream.behaviour = lambda request: (200, {"id": known}, 0.0) if known in request.url.path else (404, {}, 0.0)
    twice = await gateway.post("/api/v1/creators", json={**body, "email": "other@gram.test"})
    assert twice.status_code == 409
    unknown = await gateway.post(
        "/api/v1/creators", json={**body, "email": "x@gram.test", "influencer_id": str(uuid.uuid4())}
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "influencer_id"

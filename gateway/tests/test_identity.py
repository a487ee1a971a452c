"""Sign-up, log-in, refresh rotation, members and roles, creators."""

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator
from typing import get_args

import httpx
import pytest
from sqlalchemy import select

from devstack import mailbox
from gateway.adapters.tables import signups
from gateway.api.schemas import MemberRoleName
from gateway.domain.administration import MEMBER_ROLES
from gateway.domain.onboarding import MAILS_PER_ADDRESS, MAILS_PER_ADDRESS_FROM_ONE_CLIENT

from .conftest import PASSWORD, GatewayFactory, Upstream, join_org, log_in, mailbox_of, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway() as client:
        yield client


async def test_sign_up_refuses_bad_input_naming_each_field(gateway: httpx.AsyncClient) -> None:
    response = await gateway.post(
        "/api/v1/orgs", json={"name": "", "kind": "cartel", "owner": {"email": "x@y.test", "password": "pw"}}
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"body.name", "body.kind", "body.owner.password"}
    creator_org = await gateway.post(
        "/api/v1/orgs", json={"name": "A", "kind": "creator", "owner": {"email": "a@b.test", "password": PASSWORD}}
    )
    assert [e["field"] for e in creator_org.json()["errors"]] == ["body.kind"]
    assert "/api/v1/creators" in creator_org.json()["errors"][0]["message"]
    spaces = await gateway.post(
        "/api/v1/creators",
        json={"email": "a@@b", "password": f" {PASSWORD} ", "influencer_id": "nope", "extra": 1},
    )
    assert {e["field"] for e in spaces.json()["errors"]} == {
        "body.email",
        "body.password",
        "body.influencer_id",
        "body.extra",
    }


async def test_a_sign_up_exists_once_its_mailed_link_is_confirmed(gateway: httpx.AsyncClient) -> None:
    email = f"{uuid.uuid4().hex[:8]}@acme.test"
    body = {"name": "Acme", "kind": "brand", "owner": {"email": email, "password": PASSWORD}}
    pending = await gateway.post("/api/v1/orgs", json=body)
    assert pending.status_code == 202
    assert pending.json()["email"] == email
    signing_in = {"grant_type": "password", "username": email, "password": PASSWORD}
    assert (await gateway.post("/api/v1/auth/token", data=signing_in)).status_code == 401

    token = await mailbox_of(gateway).token(email)
    confirmed = await gateway.post("/api/v1/signups/confirm", json={"token": token})
    assert confirmed.status_code == 201, confirmed.text
    assert confirmed.json()["role"] == "owner"
    assert confirmed.json()["existing_account"] is False
    assert confirmed.headers["location"] == f"/api/v1/orgs/{confirmed.json()['org']['id']}"
    assert (await gateway.post("/api/v1/auth/token", data=signing_in)).status_code == 200

    again = await gateway.post("/api/v1/signups/confirm", json={"token": token})
    assert again.status_code == 422
    assert again.json()["errors"][0]["field"] == "body.token"


async def test_a_registered_email_signing_up_again_gets_the_org_on_its_account(gateway: httpx.AsyncClient) -> None:
    """Sign-up answers every email alike; the confirmation, which only the email's owner reads,
    adds the new org to the account the email has, and the password stays the account's own."""
    account = await sign_up(gateway)
    body = {
        "name": "Second",
        "kind": "agency",
        "owner": {"email": account.email.upper(), "password": "another password"},
    }
    confirmed = await mailbox.sign_up(gateway, mailbox_of(gateway), body)
    assert confirmed["existing_account"] is True
    assert confirmed["user"]["id"] == account.user_id
    second = await log_in(gateway, account.email, confirmed["org"]["id"])
    me = (await gateway.get("/api/v1/me", headers=second.auth)).json()
    assert (me["org"]["name"], me["roles"]) == ("Second", ["owner"])
    wrong = await gateway.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": account.email, "password": "another password"},
    )
    assert wrong.status_code == 401


async def test_wrong_password_and_unknown_user_answer_alike(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    answers = [
        await gateway.post(
            "/api/v1/auth/token", data={"grant_type": "password", "username": username, "password": "nope nope nope"}
        )
        for username in (account.email, f"{uuid.uuid4().hex[:8]}@nobody.test")
    ]
    assert [a.status_code for a in answers] == [401, 401]
    assert answers[0].json() == answers[1].json()
    assert answers[0].json()["error"] == "invalid_grant"
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
    analyst = await join_org(gateway, owner, "analyst")
    me = (await gateway.get("/api/v1/me", headers=analyst.auth)).json()
    assert me["roles"] == ["analyst"]
    assert me["org"]["id"] == owner.org_id

    # An analyst reads but neither writes nor manages members; a manager does not manage them either.
    manager = await join_org(gateway, owner, "manager")
    assert (await gateway.get(members_path, headers=analyst.auth)).status_code == 200
    assert (await gateway.post("/api/v1/campaigns", json={}, headers=analyst.auth)).status_code == 403
    for member in (analyst, manager):
        refused = await gateway.post(members_path, json={"email": "x@acme.test", "role": "owner"}, headers=member.auth)
        assert refused.status_code == 403
        role_change = await gateway.patch(
            f"{members_path}/{owner.user_id}", json={"role": "analyst"}, headers=member.auth
        )
        assert role_change.status_code == 403

    duplicate = await gateway.post(members_path, json={"email": analyst.email, "role": "manager"}, headers=owner.auth)
    assert duplicate.status_code == 409
    with_password = await gateway.post(
        members_path, json={"email": "new@acme.test", "role": "admin", "password": PASSWORD}, headers=owner.auth
    )
    assert {e["field"] for e in with_password.json()["errors"]} == {"body.role", "body.password"}

    last_owner = await gateway.delete(f"{members_path}/{owner.user_id}", headers=owner.auth)
    assert last_owner.status_code == 409
    promoted = await gateway.patch(f"{members_path}/{manager.user_id}", json={"role": "owner"}, headers=owner.auth)
    assert promoted.json()["role"] == "owner"
    stepped_down = await gateway.patch(f"{members_path}/{owner.user_id}", json={"role": "manager"}, headers=owner.auth)
    assert stepped_down.status_code == 200  # another owner is left
    # Their own token carried the owner role: it ended with it.
    assert (await gateway.get(members_path, headers=owner.auth)).status_code == 401
    new_owner = await log_in(gateway, manager.email, owner.org_id)
    removed = await gateway.delete(f"{members_path}/{analyst.user_id}", headers=new_owner.auth)
    assert removed.status_code == 204
    remaining = (await gateway.get(members_path, headers=new_owner.auth)).json()
    assert sorted((m["user"]["email"], m["role"]) for m in remaining) == sorted(
        [(owner.email, "manager"), (manager.email, "owner")]
    )


async def test_another_orgs_members_are_not_found(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    assert (await gateway.get(f"/api/v1/orgs/{ann.org_id}/members", headers=bob.auth)).status_code == 404
    sneaky = await gateway.post(
        f"/api/v1/orgs/{ann.org_id}/members", json={"email": "bob2@bob.test", "role": "owner"}, headers=bob.auth
    )
    assert sneaky.status_code == 404
    demote = await gateway.patch(
        f"/api/v1/orgs/{ann.org_id}/members/{ann.user_id}", json={"role": "analyst"}, headers=bob.auth
    )
    assert demote.status_code == 404


async def test_a_creator_claims_a_profile_once_and_acts_as_creator(
    gateway: httpx.AsyncClient, upstream: Upstream
) -> None:
    known = str(uuid.uuid4())
    upstream.behaviour = lambda request: (200, {"id": known}, 0.0) if known in request.url.path else (404, {}, 0.0)
    email = f"creator-{uuid.uuid4().hex[:6]}@gram.test"
    body = {"email": email, "password": PASSWORD, "display_name": "Gram", "influencer_id": known}
    created = await mailbox.sign_up(gateway, mailbox_of(gateway), body, "/api/v1/creators")
    assert (created["role"], created["influencer_id"]) == ("creator", known)
    creator = await log_in(gateway, email, created["org"]["id"])
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
    assert unknown.json()["errors"][0]["field"] == "body.influencer_id"


async def test_two_pending_claims_of_one_profile_confirm_once(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    known = str(uuid.uuid4())
    upstream.behaviour = lambda request: (200, {"id": known}, 0.0)
    emails = [f"c{i}-{uuid.uuid4().hex[:6]}@gram.test" for i in range(2)]
    for email in emails:
        body = {"email": email, "password": PASSWORD, "influencer_id": known}
        assert (await gateway.post("/api/v1/creators", json=body)).status_code == 202
    tokens = [await mailbox_of(gateway).token(email) for email in emails]
    first = await gateway.post("/api/v1/signups/confirm", json={"token": tokens[0]})
    assert first.status_code == 201
    second = await gateway.post("/api/v1/signups/confirm", json={"token": tokens[1]})
    assert second.status_code == 409


def test_the_member_roles_a_request_takes_are_the_roles_a_member_may_hold() -> None:
    assert set(get_args(MemberRoleName)) == {role.value for role in MEMBER_ROLES}


async def test_sign_ups_mail_one_address_at_most_a_few_times_an_hour(gateway: httpx.AsyncClient) -> None:
    """Sign-up mails whatever address it is given: repeated, it would flood a stranger's inbox.
    Past the limit the answer is the same (it never tells), and nothing more is mailed or kept."""
    email = f"{uuid.uuid4().hex[:8]}@victim.test"
    body = {"name": "Spam", "kind": "brand", "owner": {"email": email, "password": PASSWORD}}
    answers = [await gateway.post("/api/v1/orgs", json=body) for _ in range(MAILS_PER_ADDRESS_FROM_ONE_CLIENT + 2)]
    assert {a.status_code for a in answers} == {202}
    assert {tuple(sorted(a.json())) for a in answers} == {tuple(sorted(answers[0].json()))}
    assert (
        await mails_once_settled(gateway, email, MAILS_PER_ADDRESS_FROM_ONE_CLIENT) == MAILS_PER_ADDRESS_FROM_ONE_CLIENT
    )
    other = f"{uuid.uuid4().hex[:8]}@victim.test"
    await gateway.post("/api/v1/orgs", json={**body, "owner": {"email": other, "password": PASSWORD}})
    assert await mailbox_of(gateway).token(other)  # another address is not held back


async def test_a_client_using_up_an_address_s_mails_does_not_hold_back_its_owner(make_gateway: GatewayFactory) -> None:
    """Each client has its own few mails an hour to an address, so that a stranger who signs up
    with someone's email again and again cannot stop its owner signing up for an hour; all
    clients together still mail one address at most MAILS_PER_ADDRESS times an hour."""
    async with make_gateway(trust_forwarded_for=True) as gateway:
        email = f"{uuid.uuid4().hex[:8]}@victim.test"
        body = {"name": "Mine", "kind": "brand", "owner": {"email": email, "password": PASSWORD}}

        async def sign_up_from(client: str) -> None:
            answer = await gateway.post("/api/v1/orgs", json=body, headers={"x-forwarded-for": client})
            assert answer.status_code == 202

        for _ in range(MAILS_PER_ADDRESS_FROM_ONE_CLIENT + 2):
            await sign_up_from("203.0.113.9")
        assert (
            await mails_once_settled(gateway, email, MAILS_PER_ADDRESS_FROM_ONE_CLIENT)
            == MAILS_PER_ADDRESS_FROM_ONE_CLIENT
        )
        await sign_up_from("198.51.100.7")  # the owner
        assert (
            await mails_once_settled(gateway, email, MAILS_PER_ADDRESS_FROM_ONE_CLIENT + 1)
            == MAILS_PER_ADDRESS_FROM_ONE_CLIENT + 1
        )
        for i in range(MAILS_PER_ADDRESS):
            await sign_up_from(f"192.0.2.{i + 1}")
        assert await mails_once_settled(gateway, email, MAILS_PER_ADDRESS) == MAILS_PER_ADDRESS

        # who asked is kept as a keyed digest: a plain one is reversed by hashing every IPv4 address
        database = gateway.app.state.runtime.database  # type: ignore[attr-defined]
        async with database.session(read_only=True) as session:
            kept = set(await session.scalars(select(signups.c.requested_by).where(signups.c.email == email)))
        # one per client that was mailed: the first, the owner, and those mailed until the address's limit
        assert len(kept) == 2 + MAILS_PER_ADDRESS - (MAILS_PER_ADDRESS_FROM_ONE_CLIENT + 1)
        addresses = ["203.0.113.9", "198.51.100.7"] + [f"192.0.2.{i + 1}" for i in range(MAILS_PER_ADDRESS)]
        assert not kept & {hashlib.sha256(address.encode()).hexdigest() for address in addresses}
        assert not any(address in value for value in kept for address in addresses)


async def mails_once_settled(gateway: httpx.AsyncClient, email: str, expected: int) -> int:
    """Mail goes out after the commit, in the background: the mails to `email` once the expected
    number arrived (or 10 s passed), and a little longer for any that should not have been sent."""
    for _ in range(200):
        if len(mailbox_of(gateway).messages_to(email)) >= expected:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    return len(mailbox_of(gateway).messages_to(email))

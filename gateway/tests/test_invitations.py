"""Members join by consent: an owner's invitation waits for the invited person, who accepts
signed in as the invited email, or joins with the invitation's token and a mailed confirmation.
The answers are the same whether or not the email has an account."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from devstack import mailbox
from devstack.mailbox import INVITATION
from gateway.domain.onboarding import InvitationState, check_answerable, invitation_is_open
from servicekit.errors import Conflict, NotFound

from .conftest import PASSWORD, Account, GatewayFactory, Upstream, join_org, log_in, mailbox_of, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway() as client:
        yield client


async def invite(gateway: httpx.AsyncClient, owner: Account, email: str, role: str = "manager") -> dict[str, str]:
    invited = await gateway.post(
        f"/api/v1/orgs/{owner.org_id}/members", json={"email": email, "role": role}, headers=owner.auth
    )
    assert invited.status_code == 201, invited.text
    return invited.json()


async def test_a_user_of_another_org_accepts_and_only_then_is_a_member(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    invitation = await invite(gateway, ann, bob.email)
    assert (invitation["state"], invitation["invited_by"]["email"]) == ("pending", ann.email)
    assert invitation["token"].startswith("inv_")

    mine = (await gateway.get("/api/v1/me/invitations", headers=bob.auth)).json()
    assert [(i["id"], i["org"]["name"], i["role"]) for i in mine] == [(invitation["id"], "Ann", "manager")]
    # Nobody else may answer it: to them it does not exist.
    carol = await sign_up(gateway, "Carol")
    stranger = await gateway.post(f"/api/v1/invitations/{invitation['id']}/accept", headers=carol.auth)
    assert stranger.status_code == 404

    accepted = await gateway.post(f"/api/v1/invitations/{invitation['id']}/accept", headers=bob.auth)
    assert accepted.status_code == 200, accepted.text
    assert (accepted.json()["org"]["id"], accepted.json()["role"]) == (ann.org_id, "manager")
    members = (await gateway.get(f"/api/v1/orgs/{ann.org_id}/members", headers=ann.auth)).json()
    assert (bob.email, "manager") in [(m["user"]["email"], m["role"]) for m in members]
    in_ann = await log_in(gateway, bob.email, ann.org_id)
    assert (await gateway.get("/api/v1/me", headers=in_ann.auth)).json()["roles"] == ["manager"]
    assert (await gateway.get("/api/v1/me/invitations", headers=bob.auth)).json() == []
    again = await gateway.post(f"/api/v1/invitations/{invitation['id']}/accept", headers=bob.auth)
    assert again.status_code == 409


async def test_a_declined_invitation_cannot_be_accepted(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    invitation = await invite(gateway, ann, bob.email)
    assert (await gateway.post(f"/api/v1/invitations/{invitation['id']}/decline", headers=bob.auth)).status_code == 204
    assert (await gateway.post(f"/api/v1/invitations/{invitation['id']}/accept", headers=bob.auth)).status_code == 409
    assert (await gateway.get(f"/api/v1/orgs/{ann.org_id}/invitations", headers=ann.auth)).json() == []


async def test_an_analyst_may_accept_an_invitation_to_another_org(gateway: httpx.AsyncClient) -> None:
    """Answering an invitation concerns one's own account: it is no write of the org one is in."""
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    analyst = await join_org(gateway, bob, "analyst")
    invitation = await invite(gateway, ann, analyst.email, "analyst")
    accepted = await gateway.post(f"/api/v1/invitations/{invitation['id']}/accept", headers=analyst.auth)
    assert accepted.status_code == 200, accepted.text


async def test_the_owner_lists_and_revokes_pending_invitations(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    for_bob = await invite(gateway, ann, bob.email, "analyst")
    newcomer = f"{uuid.uuid4().hex[:8]}@new.test"
    for_newcomer = await invite(gateway, ann, newcomer)
    listed = (await gateway.get(f"/api/v1/orgs/{ann.org_id}/invitations", headers=ann.auth)).json()
    assert {i["id"] for i in listed} == {for_bob["id"], for_newcomer["id"]}
    assert "token" not in listed[0]

    for invitation in (for_bob, for_newcomer):
        path = f"/api/v1/orgs/{ann.org_id}/invitations/{invitation['id']}"
        assert (await gateway.delete(path, headers=ann.auth)).status_code == 204
    assert (await gateway.get(f"/api/v1/orgs/{ann.org_id}/invitations", headers=ann.auth)).json() == []
    assert (await gateway.post(f"/api/v1/invitations/{for_bob['id']}/accept", headers=bob.auth)).status_code == 409
    joining = await gateway.post(
        "/api/v1/invitations/join", json={"token": for_newcomer["token"], "password": PASSWORD}
    )
    assert joining.status_code == 422
    assert joining.json()["errors"][0]["field"] == "body.token"
    # Another org's owner neither sees nor revokes them.
    path = f"/api/v1/orgs/{ann.org_id}/invitations/{for_bob['id']}"
    assert (await gateway.delete(path, headers=bob.auth)).status_code == 404


async def test_joining_by_token_answers_alike_and_keeps_an_existing_accounts_password(
    gateway: httpx.AsyncClient,
) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    newcomer = f"{uuid.uuid4().hex[:8]}@new.test"
    invitations = {email: await invite(gateway, ann, email) for email in (bob.email, newcomer)}
    # Both invited addresses were mailed their token.
    for email, invitation in invitations.items():
        assert await mailbox_of(gateway).token(email, INVITATION) == invitation["token"]

    answers = {}
    for email, invitation in invitations.items():
        answers[email] = await gateway.post(
            "/api/v1/invitations/join", json={"token": invitation["token"], "password": "chosen by the holder"}
        )
    assert [a.status_code for a in answers.values()] == [202, 202]
    assert {tuple(sorted(a.json())) for a in answers.values()} == {("detail", "email", "expires_at")}

    confirmed = {}
    for email in invitations:
        token = await mailbox_of(gateway).token(email)
        confirmed[email] = (await gateway.post("/api/v1/signups/confirm", json={"token": token})).json()
    assert confirmed[bob.email]["existing_account"] is True
    assert confirmed[newcomer]["existing_account"] is False
    assert {c["org"]["id"] for c in confirmed.values()} == {ann.org_id}
    # The existing account kept its password; the new one has the password chosen.
    await log_in(gateway, bob.email, ann.org_id)
    await log_in(gateway, newcomer, ann.org_id, password="chosen by the holder")
    stolen = await gateway.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": bob.email, "password": "chosen by the holder"},
    )
    assert stolen.status_code == 401


async def test_who_may_invite_and_make_api_keys(gateway: httpx.AsyncClient) -> None:
    owner = await sign_up(gateway)
    analyst, manager = await join_org(gateway, owner, "analyst"), await join_org(gateway, owner, "manager")
    key = await gateway.post("/api/v1/api-keys", json={"name": "k", "scopes": ["campaigns:read"]}, headers=manager.auth)
    assert key.status_code == 201
    as_key = {"x-api-key": key.json()["key"]}
    for caller in (analyst.auth, manager.auth, as_key):
        invited = await gateway.post(
            f"/api/v1/orgs/{owner.org_id}/members", json={"email": "x@y.test", "role": "analyst"}, headers=caller
        )
        assert invited.status_code == 403, invited.text
    for caller in (analyst.auth, as_key):
        made = await gateway.post("/api/v1/api-keys", json={"name": "k", "scopes": ["campaigns:read"]}, headers=caller)
        assert made.status_code == 403
    assert (await gateway.get("/api/v1/me/invitations", headers=as_key)).status_code == 403


async def test_a_creator_may_neither_invite_nor_make_api_keys(gateway: httpx.AsyncClient, upstream: Upstream) -> None:
    known = str(uuid.uuid4())
    upstream.behaviour = lambda request: (200, {"id": known}, 0.0)
    email = f"creator-{uuid.uuid4().hex[:6]}@gram.test"
    created = await mailbox.sign_up(
        gateway, mailbox_of(gateway), {"email": email, "password": PASSWORD, "influencer_id": known}, "/api/v1/creators"
    )
    creator = await log_in(gateway, email, created["org"]["id"])
    invited = await gateway.post(
        f"/api/v1/orgs/{creator.org_id}/members", json={"email": "x@y.test", "role": "analyst"}, headers=creator.auth
    )
    assert invited.status_code == 403
    made = await gateway.post(
        "/api/v1/api-keys", json={"name": "k", "scopes": ["campaigns:read"]}, headers=creator.auth
    )
    assert made.status_code == 403


def test_only_the_invited_email_answers_an_open_invitation() -> None:
    now = datetime.now(UTC)
    later, earlier = now + timedelta(days=1), now - timedelta(seconds=1)
    invitation_id = uuid.uuid4()
    check_answerable(invitation_id, "a@x.test", InvitationState.PENDING, later, "a@x.test", now)
    with pytest.raises(NotFound):
        check_answerable(invitation_id, "a@x.test", InvitationState.PENDING, later, "b@x.test", now)
    with pytest.raises(Conflict, match="expired"):
        check_answerable(invitation_id, "a@x.test", InvitationState.PENDING, earlier, "a@x.test", now)
    with pytest.raises(Conflict, match="revoked"):
        check_answerable(invitation_id, "a@x.test", InvitationState.REVOKED, later, "a@x.test", now)
    assert not invitation_is_open(InvitationState.ACCEPTED, later, now)

"""Nobody is made a member without consent, and the answers do not tell whether an email is
registered (issue 10, item 2). Plain HTTP, so that they run against any version of the gateway."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from .conftest import PASSWORD, GatewayFactory, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway() as client:
        yield client


def shape(body: object) -> object:
    """The keys of an answer, recursively: what a caller can tell answers apart by, values aside."""
    if isinstance(body, dict):
        return {key: shape(value) for key, value in body.items()}
    if isinstance(body, list):
        return [shape(value) for value in body]
    return type(body).__name__


async def test_adding_another_orgs_user_does_not_make_them_a_member(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    added = await gateway.post(
        f"/api/v1/orgs/{ann.org_id}/members", json={"email": bob.email, "role": "manager"}, headers=ann.auth
    )
    assert added.status_code < 300, added.text
    members = (await gateway.get(f"/api/v1/orgs/{ann.org_id}/members", headers=ann.auth)).json()
    assert bob.email not in [m["user"]["email"] for m in members]
    into_ann = await gateway.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": bob.email, "password": PASSWORD, "org_id": ann.org_id},
    )
    assert into_ann.status_code == 403


async def test_adding_a_member_answers_alike_for_known_and_unknown_emails(gateway: httpx.AsyncClient) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    path = f"/api/v1/orgs/{ann.org_id}/members"
    known = await gateway.post(path, json={"email": bob.email, "role": "analyst"}, headers=ann.auth)
    unknown = await gateway.post(
        path, json={"email": f"{uuid.uuid4().hex[:8]}@nowhere.test", "role": "analyst"}, headers=ann.auth
    )
    assert known.status_code == unknown.status_code
    assert known.status_code < 300, known.text
    assert shape(known.json()) == shape(unknown.json())


async def test_sign_up_answers_alike_for_known_and_unknown_emails(gateway: httpx.AsyncClient) -> None:
    registered = await sign_up(gateway, "Ann")
    answers = [
        await gateway.post(
            "/api/v1/orgs", json={"name": "Again", "kind": "agency", "owner": {"email": email, "password": PASSWORD}}
        )
        for email in (registered.email.upper(), f"{uuid.uuid4().hex[:8]}@fresh.test")
    ]
    assert answers[0].status_code == answers[1].status_code, [a.text for a in answers]
    assert answers[0].status_code < 300
    assert shape(answers[0].json()) == shape(answers[1].json())


async def test_sign_up_names_every_bad_field_at_once(gateway: httpx.AsyncClient) -> None:
    response = await gateway.post(
        "/api/v1/orgs", json={"name": "", "kind": "cartel", "owner": {"email": "nobody", "password": "short"}}
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"body.name", "body.kind", "body.owner.email", "body.owner.password"}

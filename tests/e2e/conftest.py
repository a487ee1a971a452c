import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from devstack import mailbox as devstack_mailbox
from devstack.mailbox import Mailbox
from devstack.stack import SERVICES, Stack
from devstack.walk import Org

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
async def gateway(platform_stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=platform_stack.url("gateway"), timeout=15) as client:
        yield client


@pytest.fixture(scope="session")
def mailbox(platform_stack: Stack) -> Mailbox:
    return Mailbox(platform_stack.service_env["gateway"]["GATEWAY_MAIL_DIR"])


async def sign_up(gateway: httpx.AsyncClient, mailbox: Mailbox, name: str = "Acme", kind: str = "brand") -> Org:
    email = f"owner-{uuid.uuid4().hex[:8]}@{name.lower()}.test"
    owner = {"email": email, "password": PASSWORD}
    confirmed = await devstack_mailbox.sign_up(gateway, mailbox, {"name": name, "kind": kind, "owner": owner})
    return await log_in(gateway, email, confirmed["org"]["id"])


async def log_in(gateway: httpx.AsyncClient, email: str, org_id: str) -> Org:
    token = await gateway.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": PASSWORD, "org_id": org_id},
    )
    assert token.status_code == 200, token.text
    return Org(id=org_id, token=token.json()["access_token"], email=email)


async def join(gateway: httpx.AsyncClient, mailbox: Mailbox, owner: Org, role: str) -> Org:
    """A new person joins the owner's org by invitation: its token, a password, the mailed link."""
    email = f"{role}-{uuid.uuid4().hex[:6]}@{owner.email.partition('@')[2] or 'members.test'}"
    invited = await gateway.post(
        f"/api/v1/orgs/{owner.id}/members", json={"email": email, "role": role}, headers=owner.auth
    )
    assert invited.status_code == 201, invited.text
    seen = mailbox.latest_token(email)
    joining = await gateway.post(
        "/api/v1/invitations/join", json={"token": invited.json()["token"], "password": PASSWORD}
    )
    assert joining.status_code == 202, joining.text
    confirmed = await gateway.post("/api/v1/signups/confirm", json={"token": await mailbox.token(email, seen=seen)})
    assert confirmed.status_code == 201, confirmed.text
    return await log_in(gateway, email, owner.id)


@pytest.fixture
async def org(gateway: httpx.AsyncClient, mailbox: Mailbox) -> Org:
    return await sign_up(gateway, mailbox, "Acme")


@pytest.fixture
async def other_org(gateway: httpx.AsyncClient, mailbox: Mailbox) -> Org:
    return await sign_up(gateway, mailbox, "Globex")


@pytest.fixture(scope="session")
def internal_addresses(platform_stack: Stack) -> tuple[str, ...]:
    """Where the services listen: no answer of the gateway may name one."""
    return tuple(f"{host}:{platform_stack.ports[name]}" for name in SERVICES for host in ("127.0.0.1", "localhost"))


def revealed_addresses(response: httpx.Response, addresses: tuple[str, ...]) -> list[str]:
    text = response.text + "".join(f"{name}: {value}" for name, value in response.headers.items())
    return [address for address in addresses if address in text]

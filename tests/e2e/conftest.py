import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from devstack.stack import SERVICES, Stack


@dataclass
class Org:
    id: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}


@pytest.fixture(scope="session")
async def gateway(platform_stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=platform_stack.url("gateway"), timeout=15) as client:
        yield client


async def sign_up(gateway: httpx.AsyncClient, name: str = "Acme") -> Org:
    email = f"owner-{uuid.uuid4().hex[:8]}@{name.lower()}.test"
    password = "correct horse battery staple"
    response = await gateway.post(
        "/api/v1/orgs", json={"name": name, "kind": "brand", "owner": {"email": email, "password": password}}
    )
    assert response.status_code == 201, response.text
    token = await gateway.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": email, "password": password}
    )
    assert token.status_code == 200, token.text
    return Org(id=response.json()["org"]["id"], token=token.json()["access_token"])


@pytest.fixture
async def org(gateway: httpx.AsyncClient) -> Org:
    return await sign_up(gateway, "Acme")


@pytest.fixture
async def other_org(gateway: httpx.AsyncClient) -> Org:
    return await sign_up(gateway, "Globex")


@pytest.fixture(scope="session")
def internal_addresses(platform_stack: Stack) -> tuple[str, ...]:
    """Where the services listen: no answer of the gateway may name one."""
    return tuple(f"{host}:{platform_stack.ports[name]}" for name in SERVICES for host in ("127.0.0.1", "localhost"))


def revealed_addresses(response: httpx.Response, addresses: tuple[str, ...]) -> list[str]:
    text = response.text + "".join(f"{name}: {value}" for name, value in response.headers.items())
    return [address for address in addresses if address in text]

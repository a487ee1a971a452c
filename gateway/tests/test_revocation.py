"""Access ends when it is taken away, on every gateway replica within seconds: two gateways share
one database; the one that takes access away refuses at once, the other within its sync round."""

import asyncio
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest

from devstack.databases import DatabaseFactory
from gateway.adapters.credentials import ApiKeyCache
from gateway.cli import set_admin
from gateway.domain.identity import Principal

from .conftest import Account, GatewayFactory, join_org, log_in, sign_up

CAMPAIGN = {"name": "Spring"}


@pytest.fixture(scope="module")
async def replicas(
    make_gateway: GatewayFactory, databases: DatabaseFactory
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    shared = {"database_url": await databases.new("gateway"), "jwt_keys": {"t1": secrets.token_urlsafe(48)}}
    async with make_gateway(**shared) as first, make_gateway(**shared) as second:
        yield first, second


async def refused_within(call: Callable[[], Awaitable[httpx.Response]], timeout_s: float = 5.0) -> httpx.Response:
    """The first 401 `call` answers; fails when it keeps being let in for `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        response = await call()
        if response.status_code == 401:
            return response
        assert response.status_code < 400, response.text
        assert time.monotonic() < deadline, f"still admitted after {timeout_s} s: {response.status_code}"
        await asyncio.sleep(0.1)


async def make_key(client: httpx.AsyncClient, account: Account, scopes: list[str]) -> dict[str, str]:
    created = await client.post("/api/v1/api-keys", json={"name": "shop", "scopes": scopes}, headers=account.auth)
    assert created.status_code == 201, created.text
    return created.json()


async def key_token(client: httpx.AsyncClient, key: str) -> dict[str, str]:
    token = await client.post("/api/v1/auth/token", data={"grant_type": "client_credentials", "client_secret": key})
    assert token.status_code == 200, token.text
    return {"authorization": f"Bearer {token.json()['access_token']}"}


async def test_a_removed_member_loses_every_access_on_every_replica(
    replicas: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    first, second = replicas
    owner = await sign_up(first)
    manager = await join_org(first, owner, "manager")
    key = (await make_key(second, manager, ["campaigns:write", "campaigns:read"]))["key"]
    key_header = {"x-api-key": key}
    client_token = await key_token(second, key)
    for client in replicas:  # every way in works, and is cached, on both replicas
        assert (await client.post("/api/v1/campaigns", json=CAMPAIGN, headers=manager.auth)).status_code == 200
        assert (await client.post("/api/v1/campaigns", json=CAMPAIGN, headers=key_header)).status_code == 200
        assert (await client.get("/api/v1/campaigns", headers=client_token)).status_code == 200

    removed = await first.delete(f"/api/v1/orgs/{owner.org_id}/members/{manager.user_id}", headers=owner.auth)
    assert removed.status_code == 204

    # The replica that removed them refuses at once.
    assert (await first.post("/api/v1/campaigns", json=CAMPAIGN, headers=manager.auth)).status_code == 401
    assert (await first.post("/api/v1/campaigns", json=CAMPAIGN, headers=key_header)).status_code == 401
    assert (await first.get("/api/v1/campaigns", headers=client_token)).status_code == 401
    # The other within seconds, its caches notwithstanding.
    await refused_within(lambda: second.post("/api/v1/campaigns", json=CAMPAIGN, headers=manager.auth))
    await refused_within(lambda: second.post("/api/v1/campaigns", json=CAMPAIGN, headers=key_header))
    await refused_within(lambda: second.get("/api/v1/campaigns", headers=client_token))
    making_keys = await second.post(
        "/api/v1/api-keys", json={"name": "x", "scopes": ["campaigns:read"]}, headers=manager.auth
    )
    assert making_keys.status_code == 401
    refreshed = await second.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": manager.refresh_token}
    )
    assert refreshed.status_code == 401
    # The owner, in the same org, is untouched.
    assert (await second.post("/api/v1/campaigns", json=CAMPAIGN, headers=owner.auth)).status_code == 200


async def test_a_role_change_ends_tokens_carrying_the_old_role(
    replicas: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    first, second = replicas
    owner = await sign_up(first)
    manager = await join_org(first, owner, "manager")
    key = (await make_key(first, manager, ["campaigns:write"]))["key"]
    assert (await second.post("/api/v1/campaigns", json=CAMPAIGN, headers=manager.auth)).status_code == 200

    changed = await first.patch(
        f"/api/v1/orgs/{owner.org_id}/members/{manager.user_id}", json={"role": "analyst"}, headers=owner.auth
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["role"] == "analyst"

    assert (await first.get("/api/v1/me", headers=manager.auth)).status_code == 401
    await refused_within(lambda: second.post("/api/v1/campaigns", json=CAMPAIGN, headers=manager.auth))
    # An analyst holds no key that writes: the ones they made end with their old role.
    await refused_within(lambda: second.post("/api/v1/campaigns", json=CAMPAIGN, headers={"x-api-key": key}))
    # Signing in again (or refreshing) gives the new role.
    refreshed = await second.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": manager.refresh_token}
    )
    assert refreshed.status_code == 200, refreshed.text
    analyst = {"authorization": f"Bearer {refreshed.json()['access_token']}"}
    assert (await second.get("/api/v1/me", headers=analyst)).json()["roles"] == ["analyst"]
    assert (await second.post("/api/v1/campaigns", json=CAMPAIGN, headers=analyst)).status_code == 403


async def test_the_last_owner_cannot_demote_themselves(replicas: tuple[httpx.AsyncClient, httpx.AsyncClient]) -> None:
    first, _ = replicas
    owner = await sign_up(first)
    demoted = await first.patch(
        f"/api/v1/orgs/{owner.org_id}/members/{owner.user_id}", json={"role": "manager"}, headers=owner.auth
    )
    assert demoted.status_code == 409
    assert (await first.post("/api/v1/campaigns", json=CAMPAIGN, headers=owner.auth)).status_code == 200


async def test_a_revoked_api_key_and_its_tokens_end_on_every_replica(
    replicas: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    first, second = replicas
    owner = await sign_up(first)
    created = await make_key(first, owner, ["campaigns:read"])
    key_header = {"x-api-key": created["key"]}
    client_token = await key_token(first, created["key"])
    for client in replicas:
        assert (await client.get("/api/v1/campaigns", headers=key_header)).status_code == 200
        assert (await client.get("/api/v1/campaigns", headers=client_token)).status_code == 200

    revoked = await first.delete(f"/api/v1/api-keys/{created['id']}", headers=owner.auth)
    assert revoked.status_code == 204
    assert (await first.get("/api/v1/campaigns", headers=client_token)).status_code == 401
    await refused_within(lambda: second.get("/api/v1/campaigns", headers=key_header))
    await refused_within(lambda: second.get("/api/v1/campaigns", headers=client_token))


async def test_a_reused_refresh_token_ends_the_logins_access_tokens(
    replicas: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    first, second = replicas
    owner = await sign_up(first)
    other_login = await log_in(second, owner.email, owner.org_id)
    rotated = await first.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": owner.refresh_token}
    )
    assert rotated.status_code == 200
    newer = {"authorization": f"Bearer {rotated.json()['access_token']}"}
    assert (await second.get("/api/v1/me", headers=newer)).status_code == 200

    # Someone replays the spent refresh token: the whole login ends, its access tokens included.
    reuse = await first.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": owner.refresh_token}
    )
    assert reuse.status_code == 401
    assert (await first.get("/api/v1/me", headers=newer)).status_code == 401
    assert (await first.get("/api/v1/me", headers=owner.auth)).status_code == 401
    await refused_within(lambda: second.get("/api/v1/me", headers=newer))
    # Another login of the same user is not that login.
    assert (await second.get("/api/v1/me", headers=other_login.auth)).status_code == 200


async def test_the_owner_sees_who_created_each_api_key(replicas: tuple[httpx.AsyncClient, httpx.AsyncClient]) -> None:
    first, _ = replicas
    owner = await sign_up(first)
    manager = await join_org(first, owner, "manager")
    await make_key(first, manager, ["campaigns:read"])
    listed = await first.get("/api/v1/api-keys", headers=owner.auth)
    assert listed.status_code == 200
    [key] = listed.json()
    assert key["created_by"] == {"id": manager.user_id, "email": manager.email}


async def test_a_platform_admin_role_taken_back_by_the_operator_ends_their_tokens(
    replicas: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    first, second = replicas
    staff = await sign_up(first, "Platform")
    settings = first.app.state.settings  # type: ignore[attr-defined]
    assert await set_admin(staff.email, True, settings)
    admin = await log_in(second, staff.email, staff.org_id)
    assert "admin" in (await second.get("/api/v1/me", headers=admin.auth)).json()["roles"]

    assert await set_admin(staff.email, False, settings)  # the CLI, outside any gateway process
    for client in replicas:
        await refused_within(lambda client=client: client.get("/api/v1/me", headers=admin.auth))
    again = await log_in(first, staff.email, staff.org_id)
    assert (await first.get("/api/v1/me", headers=again.auth)).json()["roles"] == ["owner"]


async def test_a_token_from_an_api_key_ends_when_the_key_expires(
    replicas: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    first, _ = replicas
    owner = await sign_up(first)
    soon = datetime.now(UTC) + timedelta(seconds=90)
    created = await first.post(
        "/api/v1/api-keys",
        json={"name": "short", "scopes": ["campaigns:read"], "expires_at": soon.isoformat()},
        headers=owner.auth,
    )
    assert created.status_code == 201, created.text
    token = await first.post(
        "/api/v1/auth/token", data={"grant_type": "client_credentials", "client_secret": created.json()["key"]}
    )
    assert token.status_code == 200, token.text
    assert token.json()["expires_in"] <= 90
    claims = jwt.decode(token.json()["access_token"], options={"verify_signature": False})
    assert claims["exp"] <= soon.timestamp()


def test_a_cached_api_key_is_refused_once_it_expires() -> None:
    cache = ApiKeyCache(ttl_s=30)
    ends = datetime.now(UTC) + timedelta(milliseconds=50)
    principal = Principal(uuid.uuid4(), uuid.uuid4(), frozenset(), is_api_key=True, expires_at=ends)
    cache.put("k", principal)
    assert cache.get("k") == (True, principal)
    time.sleep(0.06)
    assert cache.get("k") == (True, None)

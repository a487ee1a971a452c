"""A gateway in-process in front of a real HTTP upstream whose behaviour each test sets."""

import asyncio
import json
import secrets
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI, Request, Response

from devstack import mailbox
from devstack.databases import DatabaseFactory
from devstack.mailbox import Mailbox
from devstack.pytest_plugin import serve_in_process, serve_over_http
from gateway.main import create_app
from gateway.settings import GatewaySettings


@dataclass
class Upstream:
    """Records what reached it; `behaviour` (status, body, delay) decides what it answers."""

    url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    behaviour: Callable[[Request], tuple[int, Any, float]] = lambda request: (200, {"ok": True}, 0.0)
    # Sent with every answer.
    headers: dict[str, str] = field(default_factory=dict)

    def received(self, path_suffix: str = "") -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"].endswith(path_suffix)]


def upstream_app(upstream: Upstream) -> FastAPI:
    app = FastAPI(openapi_url=None)  # it serves a document of its own below

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ready"}

    @app.get("/openapi.json")
    async def openapi() -> dict[str, Any]:
        return {
            "openapi": "3.1.0",
            "info": {"title": "upstream", "version": "1"},
            "paths": {
                "/api/v1/campaigns": {
                    "get": {"operationId": "list_campaigns", "responses": {"200": {"description": "ok"}}}
                }
            },
            "components": {"schemas": {"Thing": {"type": "object", "properties": {"a": {"type": "string"}}}}},
        }

    @app.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
    async def anything(request: Request, path: str) -> Response:
        body = await request.body()
        upstream.requests.append(
            {
                "method": request.method,
                "path": "/" + path,
                "query": request.url.query,
                "headers": dict(request.headers),
                "body": body,
            }
        )
        status, payload, delay = upstream.behaviour(request)
        if delay:
            await asyncio.sleep(delay)
        return Response(
            json.dumps(payload), status_code=status, media_type="application/json", headers=upstream.headers
        )

    return app


@pytest.fixture(scope="module")
async def upstream() -> AsyncIterator[Upstream]:
    state = Upstream(url="")
    async with serve_over_http(upstream_app(state)) as url:
        state.url = url
        yield state


@pytest.fixture(autouse=True)
def reset_upstream(request: pytest.FixtureRequest) -> None:
    if "upstream" in request.fixturenames:
        state: Upstream = request.getfixturevalue("upstream")
        state.requests.clear()
        state.behaviour = lambda request: (200, {"ok": True}, 0.0)
        state.headers = {}


GatewayFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


LIMIT_CLASSES = ("read", "brand_write", "creator_write", "partner_write", "public", "auth", "personal")


@pytest.fixture(scope="module")
def gateway_settings(
    databases: DatabaseFactory,
    messaging_settings: dict[str, object],
    upstream: Upstream,
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., Awaitable[GatewaySettings]]:
    """Settings of a gateway in front of `upstream`, on a new database unless one is given."""

    async def settings(**overrides: object) -> GatewaySettings:
        options: dict[str, object] = {
            **messaging_settings,
            "mail_dir": str(tmp_path_factory.mktemp("mail")),
            "discovery_url": upstream.url,
            "partnerships_url": upstream.url,
            "content_url": upstream.url,
            "metrics_url": upstream.url,
            "jwt_keys": {"t1": secrets.token_urlsafe(48)},
            "jwt_active_kid": "t1",
            "password_time_cost": 1,
            "password_memory_kib": 8192,
            "consumer_enabled": False,
            "upstream_timeout_s": 1.0,
            # Tests sign up many users from one address; the rate-limit tests set their own.
            "rate_limits": {name: {"per_minute": 100_000, "burst": 10_000} for name in LIMIT_CLASSES},
        }
        options.update(overrides)
        if "database_url" not in options:
            options["database_url"] = await databases.new("gateway")
        return GatewaySettings(**options)

    return settings


@pytest.fixture(scope="module")
def make_gateway(gateway_settings: Callable[..., Awaitable[GatewaySettings]]) -> GatewayFactory:
    @asynccontextmanager
    async def make(**overrides: object) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(await gateway_settings(**overrides))
        async with serve_in_process(app) as client:  # type: ignore[arg-type]
            client.app = app  # type: ignore[attr-defined]
            yield client

    return make


@pytest.fixture(scope="module")
def make_gateway_over_http(gateway_settings: Callable[..., Awaitable[GatewaySettings]]) -> GatewayFactory:
    """A gateway on a real socket: its client sees an answer the moment it is sent, as a
    client of a deployed gateway does (in-process, httpx waits until the app returns)."""

    @asynccontextmanager
    async def make(**overrides: object) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(await gateway_settings(**overrides))
        async with serve_over_http(app) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            client.app = app  # type: ignore[attr-defined]
            yield client

    return make


@dataclass
class Account:
    org_id: str
    user_id: str
    email: str
    token: str
    refresh_token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}


PASSWORD = "correct horse battery staple"


def mailbox_of(client: httpx.AsyncClient) -> Mailbox:
    """Where the gateway behind `client` writes its mail."""
    return Mailbox(client.app.state.settings.mail_dir)  # type: ignore[attr-defined]


async def sign_up(client: httpx.AsyncClient, name: str = "Acme") -> Account:
    email = f"{uuid.uuid4().hex[:10]}@{name.lower()}.test"
    body = {"name": name, "kind": "brand", "owner": {"email": email, "password": PASSWORD}}
    confirmed = await mailbox.sign_up(client, mailbox_of(client), body)
    return await log_in(client, email, org_id=confirmed["org"]["id"])


async def log_in(client: httpx.AsyncClient, email: str, org_id: str, password: str = PASSWORD) -> Account:
    token = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password, "org_id": org_id},
    )
    assert token.status_code == 200, token.text
    body = token.json()
    user_id = jwt.decode(body["access_token"], options={"verify_signature": False})["sub"]
    return Account(org_id, user_id, email, body["access_token"], body["refresh_token"])


async def join_org(client: httpx.AsyncClient, owner: Account, role: str) -> Account:
    """A new person joins the owner's org by invitation (token, password, mailed confirmation)."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@members.test"
    invited = await client.post(
        f"/api/v1/orgs/{owner.org_id}/members", json={"email": email, "role": role}, headers=owner.auth
    )
    assert invited.status_code == 201, invited.text
    joining = await client.post(
        "/api/v1/invitations/join", json={"token": invited.json()["token"], "password": PASSWORD}
    )
    assert joining.status_code == 202, joining.text
    token = await mailbox_of(client).token(email)
    confirmed = await client.post("/api/v1/signups/confirm", json={"token": token})
    assert confirmed.status_code == 201, confirmed.text
    return await log_in(client, email, owner.org_id)

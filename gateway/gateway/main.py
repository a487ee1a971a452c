"""The gateway: `uvicorn gateway.main:create_app --factory`."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from gateway.adapters.passwords import Passwords
from gateway.adapters.tables import messaging, metadata
from gateway.adapters.tokens import TokenSigner
from gateway.adapters.upstreams import Upstreams
from gateway.api import identity, proxy
from gateway.settings import GatewaySettings
from servicekit.app import create_service_app
from servicekit.health import Check
from servicekit.runtime import ServiceRuntime


def _upstream_check(upstreams: Upstreams, service: str) -> Check:
    async def check() -> None:
        response = await upstreams.client(service).get("/readyz")
        if response.status_code != 200:
            raise RuntimeError(f"{service} answered {response.status_code}: {response.text[:200]}")

    return check


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    runtime = ServiceRuntime(
        settings, metadata=metadata, messaging=messaging, migrations="gateway:migrations", publishes_events=False
    )
    upstreams = Upstreams(
        settings.upstream_urls(),
        timeout_s=settings.upstream_timeout_s,
        connect_timeout_s=settings.upstream_connect_timeout_s,
    )

    @asynccontextmanager
    async def upstream_clients(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await upstreams.aclose()

    checks: dict[str, Check] = {"database": runtime.database.ping}
    checks.update({name: _upstream_check(upstreams, name) for name in settings.upstream_urls()})
    app = create_service_app(
        runtime,
        [identity.router, proxy.router],
        title="Influencer campaign platform API",
        description="The one REST API of the platform: identity, discovery, partnerships, content and metrics.",
        readiness_checks=checks,
        require_internal_credential=False,
        extra_lifespan=upstream_clients,
    )
    app.state.settings = settings
    app.state.upstreams = upstreams
    app.state.signer = TokenSigner(
        settings.jwt_keys,
        settings.jwt_active_kid,
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        ttl_s=settings.access_token_ttl_s,
    )
    app.state.passwords = Passwords(time_cost=settings.password_time_cost, memory_kib=settings.password_memory_kib)
    return app

"""The gateway: `uvicorn gateway.main:create_app --factory`."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from gateway.adapters.credentials import ApiKeyCache, KeyedDigest
from gateway.adapters.event_handlers import webhook_handlers
from gateway.adapters.idempotency_store import IdempotencyMiddleware, IdempotencyPurge, IdempotencyStore
from gateway.adapters.mail import FileMailer, Mailer, MailQueue, SmtpMailer
from gateway.adapters.middleware import RateLimitHeaders, RequestSizeLimit
from gateway.adapters.openapi_merge import ServiceDocs, merge
from gateway.adapters.passwords import Passwords
from gateway.adapters.rate_limit_sharing import RateLimitSharing
from gateway.adapters.redirects import RedirectResolver
from gateway.adapters.revocations import Revocations, RevocationSync
from gateway.adapters.security import Authenticator
from gateway.adapters.tables import messaging, metadata
from gateway.adapters.tokens import TokenSigner
from gateway.adapters.upstreams import Upstreams
from gateway.adapters.webhook_dispatcher import WebhookDispatcher
from gateway.api import api_keys, auth, identity, invitations, overview, report_shares, signup, webhooks
from gateway.api.proxy import ServiceProxy
from gateway.domain.circuit_breaker import CircuitBreaker
from gateway.domain.rate_limit import RateLimiter
from gateway.domain.revocation import RevocationList
from gateway.settings import GatewaySettings
from servicekit.app import create_service_app
from servicekit.health import Check, Unready
from servicekit.runtime import ServiceRuntime

log = logging.getLogger(__name__)

# A path, not "gateway:migrations": pytest names the repo's gateway/ folder "gateway" too.
MIGRATIONS = str(Path(__file__).with_name("migrations"))


def _upstream_check(upstreams: Upstreams, service: str) -> Check:
    async def check() -> None:
        response = await upstreams[service].http.get("/readyz", timeout=2)
        if response.status_code != 200:
            raise Unready(f"it answered {response.status_code}")

    return check


def _mailer(settings: GatewaySettings) -> Mailer:
    if settings.smtp_address is not None:
        host, port = settings.smtp_address
        return SmtpMailer(
            host,
            port,
            settings.mail_from,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password=settings.smtp_password,
        )
    if settings.environment in ("staging", "production"):
        log.warning("GATEWAY_SMTP_SERVER is not set: sign-up and invitation mails go to %s", settings.mail_dir)
    return FileMailer(Path(settings.mail_dir), settings.mail_from)


def create_app(settings: GatewaySettings | None = None) -> ServiceProxy:
    """The ASGI app: ServiceProxy in front of the FastAPI app (ServiceProxy.app)."""
    settings = settings or GatewaySettings()
    dispatcher_box: dict[str, WebhookDispatcher] = {}
    runtime = ServiceRuntime(
        settings,
        metadata=metadata,
        messaging=messaging,
        migrations=MIGRATIONS,
        handlers=webhook_handlers(lambda: dispatcher_box["dispatcher"].wake()),
        publishes_events=False,
    )
    upstreams = Upstreams(
        settings.upstream_urls(),
        timeout_s=settings.upstream_timeout_s,
        connect_timeout_s=settings.upstream_connect_timeout_s,
        idle_timeout_s=settings.upstream_idle_timeout_s,
        breaker=lambda: CircuitBreaker(
            threshold=settings.breaker_threshold,
            cooldown_s=settings.breaker_cooldown_s,
            min_callers=settings.breaker_min_callers,
            window_s=settings.breaker_window_s,
        ),
    )
    dispatcher = dispatcher_box["dispatcher"] = WebhookDispatcher(
        runtime.database,
        max_attempts=settings.webhook_max_attempts,
        timeout_s=settings.webhook_timeout_s,
        retry_base_s=settings.webhook_retry_base_s,
        allow_private_targets=settings.allow_private_webhook_targets,
    )
    idempotency = IdempotencyStore(
        runtime.database,
        ttl=timedelta(seconds=settings.idempotency_ttl_s),
        lease=timedelta(seconds=settings.idempotency_lease_s),
    )
    purge = IdempotencyPurge(idempotency)
    rate_limiter = RateLimiter(settings.limits())
    sharing = (
        RateLimitSharing(runtime.database, rate_limiter, interval_s=settings.rate_limit_share_interval_s)
        if settings.rate_limit_share_interval_s > 0
        else None
    )
    service_docs = ServiceDocs(upstreams)
    mail = MailQueue(_mailer(settings))
    revocations = Revocations(
        RevocationList(),
        ApiKeyCache(settings.api_key_cache_ttl_s),
        timedelta(seconds=settings.access_token_ttl_s),
    )
    revocation_sync = RevocationSync(runtime.database, revocations, interval_s=settings.revocation_sync_interval_s)

    @asynccontextmanager
    async def gateway_parts(_app: FastAPI) -> AsyncIterator[None]:
        # Every revocation still in force before the first request is let in.
        await revocation_sync.run_once()
        revocation_sync.start()
        dispatcher.start()
        service_docs.start()
        if sharing is not None:
            sharing.start()
        purge.start()
        try:
            yield
        finally:
            await purge.stop(grace_s=0)
            await service_docs.stop(grace_s=0)
            if sharing is not None:
                await sharing.stop()
            await dispatcher.stop()
            await revocation_sync.stop(grace_s=0)
            await mail.drain()
            await upstreams.close()

    checks: dict[str, Check] = {"database": runtime.database.ping}
    checks.update({name: _upstream_check(upstreams, name) for name in settings.upstream_urls()})
    middleware: list[tuple[type, dict[str, Any]]] = [
        (IdempotencyMiddleware, {}),
        (RateLimitHeaders, {}),
    ]
    if settings.cors_origins:
        middleware.append(
            (
                CORSMiddleware,
                {
                    "allow_origins": settings.cors_origins,
                    "allow_methods": ["GET", "POST", "PATCH", "PUT", "DELETE"],
                    "allow_headers": ["authorization", "content-type", "idempotency-key", "x-api-key", "x-request-id"],
                    "expose_headers": [
                        "location",
                        "x-request-id",
                        "retry-after",
                        "ratelimit-limit",
                        "ratelimit-remaining",
                        "ratelimit-reset",
                    ],
                },
            )
        )
    middleware.append(
        (
            RequestSizeLimit,
            {"limit_for": settings.body_limit},
        )
    )
    app = create_service_app(
        runtime,
        # Paths of the services are answered by ServiceProxy before this app sees them.
        [
            signup.router,
            identity.router,
            invitations.router,
            auth.router,
            api_keys.router,
            webhooks.router,
            overview.router,
            report_shares.router,
        ],
        title="Influencer campaign platform API",
        description=(
            "The one REST API of the platform: identity, discovery, partnerships, content and metrics. "
            "Authenticate with a bearer token from POST /api/v1/auth/token or an API key (X-API-Key)."
        ),
        readiness_checks=checks,
        # One service down must not take the whole API out of rotation: upstreams are reported.
        critical_checks=frozenset({"database"}),
        require_internal_credential=False,
        extra_lifespan=gateway_parts,
        middleware=middleware,
        trust_forwarded_for=settings.trust_forwarded_for,
    )
    signer = TokenSigner(
        settings.jwt_keys,
        settings.jwt_active_kid,
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        ttl_s=settings.access_token_ttl_s,
    )
    app.state.settings = settings
    app.state.upstreams = upstreams
    app.state.redirects = RedirectResolver(
        upstreams["metrics"],
        settings.internal_secret,
        retries=settings.upstream_retries,
        max_items=settings.redirect_batch_max,
        max_wait_s=settings.redirect_batch_wait_ms / 1000,
    )
    app.state.signer = signer
    # Client addresses as the database keeps them (who asked for sign-up mails, an anonymous
    # caller's Idempotency-Keys): under the active signing key (rotating it starts the sign-up
    # mail counts afresh), never as a plain hash.
    app.state.client_digest = KeyedDigest(settings.jwt_keys[settings.jwt_active_kid], "client address")
    app.state.passwords = Passwords(time_cost=settings.password_time_cost, memory_kib=settings.password_memory_kib)
    app.state.authenticator = Authenticator(signer, runtime.database, revocations.key_cache, revocations.revoked)
    app.state.revocations = revocations
    app.state.mail = mail
    app.state.rate_limiter = rate_limiter
    app.state.idempotency = idempotency
    app.state.webhook_dispatcher = dispatcher
    _serve_merged_openapi(app, service_docs)
    return ServiceProxy(app)


def _serve_merged_openapi(app: FastAPI, service_docs: ServiceDocs) -> None:
    own_openapi = app.openapi
    cache: dict[str, Any] = {}

    def merged_openapi() -> dict[str, Any]:
        if cache.get("version") != service_docs.version or "doc" not in cache:
            app.openapi_schema = None
            cache["doc"] = merge(own_openapi(), service_docs.docs, app.state.settings.idempotency_ttl_s)
            cache["version"] = service_docs.version
        return cache["doc"]

    app.openapi = merged_openapi  # type: ignore[method-assign]

"""What the gateway's own endpoints are given: the admitted caller (authenticated, allowed by the
route table, within its rate limit) as Annotated aliases that say who may call, the per-address
limit of anonymous routes, the unit of work, and the tools the use cases need."""

from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request, Response

from gateway.adapters.mail import MailQueue
from gateway.adapters.passwords import Passwords
from gateway.adapters.profile_directory import DiscoveryProfiles
from gateway.adapters.revocations import Revocations
from gateway.adapters.security import admit, client_address_of, take_rate_limit
from gateway.adapters.tokens import TokenSigner
from gateway.adapters.unit_of_work import SqlUnitOfWork
from gateway.adapters.webhook_targets import WebhookTargets
from gateway.application.ports import Onboarding
from gateway.domain.administration import require_key_admin, require_webhook_admin
from gateway.domain.identity import Principal
from gateway.domain.messages import Links
from gateway.domain.routing import resolve
from gateway.settings import GatewaySettings
from servicekit.app import DbSession


def settings_of(request: Request) -> GatewaySettings:
    settings: GatewaySettings = request.app.state.settings
    return settings


def client_address(request: Request) -> str:
    client = (request.client.host, request.client.port) if request.client else None
    return client_address_of(request.headers, client, settings_of(request).trust_forwarded_for)


async def authorized_caller(request: Request) -> Principal:
    """The admitted caller of one of the gateway's own routes."""
    method, path = request.method, request.url.path
    principal, limit_headers = await admit(request.app.state, request.headers, method, path, resolve(method, path))
    if limit_headers:
        request.state.rate_limit_headers = limit_headers
    request.state.principal = principal
    request.state.caller = principal.rate_limit_identity  # named in the access line
    return principal


async def signed_in_person(request: Request) -> Principal:
    """A person acting on their own account (answering an invitation to another org): the route
    class `personal` admits every role, whatever they hold in their current org, and no API key (it
    has no account of its own)."""
    return await authorized_caller(request)


Caller = Annotated[Principal, Depends(authorized_caller)]
Person = Annotated[Principal, Depends(signed_in_person)]


async def _key_admin(caller: Caller) -> Principal:
    require_key_admin(caller)
    return caller


async def _webhook_admin(caller: Caller) -> Principal:
    require_webhook_admin(caller)
    return caller


KeyAdmin = Annotated[Principal, Depends(_key_admin)]
WebhookAdmin = Annotated[Principal, Depends(_webhook_admin)]


def limit_anonymous(limit_class: str):  # type: ignore[no-untyped-def]
    """Dependency for routes without a caller (sign-up, token): limited per client address."""

    async def check(request: Request) -> None:
        headers = take_rate_limit(request.app.state.rate_limiter, f"ip:{client_address(request)}", limit_class)
        if headers:
            request.state.rate_limit_headers = headers

    return Depends(check)


async def _unit_of_work(session: DbSession, request: Request) -> SqlUnitOfWork:
    revocations: Revocations = request.app.state.revocations
    mail: MailQueue = request.app.state.mail
    return SqlUnitOfWork(session, revocations, mail, request.app.state.client_digest)


UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(_unit_of_work)]


async def _onboarding(request: Request) -> Onboarding:
    settings = settings_of(request)
    return Onboarding(
        passwords=request.app.state.passwords,
        profiles=DiscoveryProfiles(request.app.state.upstreams, settings.internal_secret, settings.upstream_timeout_s),
        links=Links(api_url=settings.public_url.rstrip("/"), frontend_url=settings.frontend_url),
        signup_ttl=timedelta(seconds=settings.signup_ttl_s),
        invitation_ttl=timedelta(seconds=settings.invitation_ttl_s),
    )


async def _passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


async def _signer(request: Request) -> TokenSigner:
    signer: TokenSigner = request.app.state.signer
    return signer


async def _webhook_targets(request: Request) -> WebhookTargets:
    return WebhookTargets(allow_private=settings_of(request).allow_private_webhook_targets)


OnboardingDep = Annotated[Onboarding, Depends(_onboarding)]


async def _client_address(request: Request) -> str:
    return client_address(request)  # async: a plain def dependency would wait for the thread pool


ClientAddressDep = Annotated[str, Depends(_client_address)]
PasswordsDep = Annotated[Passwords, Depends(_passwords)]
SignerDep = Annotated[TokenSigner, Depends(_signer)]
WebhookTargetsDep = Annotated[WebhookTargets, Depends(_webhook_targets)]


async def _secret_shown_once(response: Response) -> None:
    # What stores and caches must not keep: the Idempotency-Key stores keep a stand-in instead.
    response.headers["Cache-Control"] = "no-store"


# A route whose answer carries a secret shown once (a key, signing secret or token).
SHOWS_SECRET_ONCE = Depends(_secret_shown_once)

"""Who is calling and may they: the bearer token or API key of a request, the route-class check
and the rate limit, turned into the principal the gateway acts for (the proxy calls `admit` for
every request; api/dependencies.py makes it the FastAPI dependency of the gateway's own routes)."""

import time
from collections.abc import Mapping
from datetime import UTC, datetime

from starlette.datastructures import State

from gateway.adapters.credentials import API_KEY_PREFIX, ApiKeyCache, ApiKeyRepository
from gateway.adapters.tokens import InvalidToken, TokenSigner
from gateway.domain.access import class_of, decide, roles_for_services
from gateway.domain.identity import Principal
from gateway.domain.rate_limit import RateLimiter, Verdict
from gateway.domain.revocation import RevocationList
from gateway.domain.routing import Action, Route
from servicekit.context import RequestContext
from servicekit.db import Database
from servicekit.logs import correlation_id_var, request_id_var
from servicekit.problems import Problem

BEARER_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="influencer-platform"'}


REVOKED = "this access was revoked (a role changed, a member or key was removed, or the login ended); sign in again"


class Authenticator:
    def __init__(
        self, signer: TokenSigner, database: Database, key_cache: ApiKeyCache, revoked: RevocationList | None = None
    ) -> None:
        self.signer = signer
        self.database = database
        self.key_cache = key_cache
        # Checked on every request, cached tokens and keys included (adapters/revocations fills it).
        self.revoked = revoked if revoked is not None else RevocationList()
        # Verified tokens until they expire: a client sends the same token many times, and
        # verifying it is a fifth of a proxied request. Keyed by the whole token, signature
        # included, so a changed token is verified afresh.
        self._verified: dict[str, tuple[float, Principal]] = {}

    def _verify_token(self, token: str) -> Principal:
        now = time.time()
        cached = self._verified.get(token)
        if cached is not None and cached[0] > now:
            return cached[1]
        principal, expires_at = self.signer.verify_with_expiry(token)
        if len(self._verified) >= 10_000:
            self._verified.clear()
        self._verified[token] = (expires_at, principal)
        return principal

    async def principal(self, headers: Mapping[str, str]) -> Principal:
        """The caller, or a 401 problem."""
        api_key = headers.get("x-api-key")
        scheme, _, token = headers.get("authorization", "").partition(" ")
        token = token.strip()
        if api_key is None and scheme.lower() == "bearer" and token.startswith(API_KEY_PREFIX):
            api_key = token
        if api_key is not None:
            return await self._api_key_principal(api_key.strip())
        if scheme.lower() != "bearer" or not token:
            raise Problem(401, "send a bearer token (POST /api/v1/auth/token) or an API key", headers=BEARER_CHALLENGE)
        try:
            principal = self._verify_token(token)
        except InvalidToken as exc:
            raise Problem(
                401,
                f"the bearer token is not valid: {exc}",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            ) from None
        if self.revoked.refuses(principal):
            raise Problem(401, REVOKED, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return principal

    async def _api_key_principal(self, full_key: str) -> Principal:
        cached, principal = self.key_cache.get(full_key)
        if not cached:
            async with self.database.sessionmaker() as session:
                principal = await ApiKeyRepository(session).principal(full_key, datetime.now(UTC))
            self.key_cache.put(full_key, principal)
        if principal is None or self.revoked.refuses(principal):
            raise Problem(401, "the API key is unknown, revoked or expired", headers=BEARER_CHALLENGE)
        return principal


def client_address_of(headers: Mapping[str, str], client: tuple[str, int] | None, trust_forwarded_for: bool) -> str:
    if trust_forwarded_for:
        forwarded = headers.get("x-forwarded-for")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return client[0] if client else "unknown"


def rate_limit_headers(verdict: Verdict) -> dict[str, str]:
    headers = {
        "RateLimit-Limit": str(verdict.limit),
        "RateLimit-Remaining": str(verdict.remaining),
        "RateLimit-Reset": str(verdict.reset_s),
    }
    if not verdict.allowed:
        headers["Retry-After"] = str(max(1, verdict.retry_after_s))
    return headers


def take_rate_limit(limiter: RateLimiter, identity: str, limit_class: str) -> dict[str, str] | None:
    """The RateLimit-* headers for the answer, or a 429 problem."""
    verdict = limiter.check(identity, limit_class, time.monotonic())
    if verdict is None:
        return None
    headers = rate_limit_headers(verdict)
    if not verdict.allowed:
        raise Problem(
            429,
            f"rate limit of {limit_class} requests exceeded; retry after {max(1, verdict.retry_after_s)} s",
            headers=headers,
        )
    return headers


async def admit(
    state: State, headers: Mapping[str, str], method: str, path: str, route: Route | None
) -> tuple[Principal, dict[str, str] | None]:
    """Authenticates, checks the route class and scope of `route` (the request's entry in the
    route table), and takes a rate-limit token."""
    authenticator: Authenticator = state.authenticator
    principal = await authenticator.principal(headers)
    decision = decide(principal, route, method, path)
    if not decision.allowed:
        raise Problem(403, decision.reason)
    limit_class = class_of(route, method).value
    limit_headers = take_rate_limit(state.rate_limiter, principal.rate_limit_identity, limit_class)
    return principal, limit_headers


def service_context(principal: Principal, action: Action) -> RequestContext:
    """What a service is told of the caller of an operation with this action."""
    return RequestContext(
        tenant_id=principal.org_id,
        user_id=principal.user_id,
        roles=roles_for_services(principal, action),
        scopes=principal.scopes,
        influencer_id=principal.influencer_id,
        request_id=request_id_var.get(),
        correlation_id=correlation_id_var.get(),
    )

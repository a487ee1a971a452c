"""What the gateway tells a service about the caller, and the check that only the gateway may call."""

import hmac
import logging
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.logs import correlation_id_var, log_access, request_id_var
from servicekit.problems import Problem, problem_response, unexpected_problem
from servicekit.prometheus import UNMEASURED_PATHS as PROBE_PATHS

INTERNAL_TOKEN_HEADER = "x-internal-token"
TENANT_HEADER = "x-tenant-id"
USER_HEADER = "x-user-id"
ROLES_HEADER = "x-roles"
SCOPES_HEADER = "x-scopes"
INFLUENCER_HEADER = "x-influencer-id"
REQUEST_ID_HEADER = "x-request-id"
CORRELATION_ID_HEADER = "x-correlation-id"
# A client's Idempotency-Key as the gateway forwards it (scoped to org and caller), and the request's
# fingerprint: servicekit.idempotency records them with the writes they guard.
IDEMPOTENCY_KEY_HEADER = "x-idempotency-key"
IDEMPOTENCY_FINGERPRINT_HEADER = "x-idempotency-fingerprint"
# How long the gateway keeps the key (seconds): the service keeps its record as long.
IDEMPOTENCY_TTL_HEADER = "x-idempotency-ttl"

# Headers only the gateway may set; it strips them from what callers send.
CONTEXT_HEADERS = (
    INTERNAL_TOKEN_HEADER,
    TENANT_HEADER,
    USER_HEADER,
    ROLES_HEADER,
    SCOPES_HEADER,
    INFLUENCER_HEADER,
    IDEMPOTENCY_KEY_HEADER,
    IDEMPOTENCY_FINGERPRINT_HEADER,
    IDEMPOTENCY_TTL_HEADER,
)

OPEN_PATHS = frozenset({"/healthz", "/readyz", "/metrics", "/docs", "/openapi.json"})
OPEN_PREFIXES = ("/docs/assets/",)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RequestContext:
    tenant_id: UUID | None
    user_id: UUID | None
    roles: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    influencer_id: UUID | None = None
    request_id: str | None = None
    correlation_id: str | None = None

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    @property
    def is_creator(self) -> bool:
        return "creator" in self.roles

    def headers(self, internal_secret: str) -> dict[str, str]:
        """The headers that carry this context to a service."""
        headers = {INTERNAL_TOKEN_HEADER: internal_secret}
        if self.tenant_id:
            headers[TENANT_HEADER] = str(self.tenant_id)
        if self.user_id:
            headers[USER_HEADER] = str(self.user_id)
        if self.roles:
            headers[ROLES_HEADER] = ",".join(sorted(self.roles))
        if self.scopes:
            headers[SCOPES_HEADER] = " ".join(sorted(self.scopes))
        if self.influencer_id:
            headers[INFLUENCER_HEADER] = str(self.influencer_id)
        if self.request_id:
            headers[REQUEST_ID_HEADER] = self.request_id
        if self.correlation_id:
            headers[CORRELATION_ID_HEADER] = self.correlation_id
        return headers


def _uuid_header(request: Request, name: str) -> UUID | None:
    raw = request.headers.get(name)
    if not raw:
        return None
    try:
        return UUID(raw)
    except ValueError:
        raise Problem(400, f"header {name} is not a UUID") from None


def _split(raw: str | None) -> frozenset[str]:
    if not raw:
        return frozenset()
    return frozenset(part for part in raw.replace(",", " ").split() if part)


def context_of(request: Request) -> RequestContext:
    """The context the gateway sent with the request."""
    return RequestContext(
        tenant_id=_uuid_header(request, TENANT_HEADER),
        user_id=_uuid_header(request, USER_HEADER),
        roles=_split(request.headers.get(ROLES_HEADER)),
        scopes=_split(request.headers.get(SCOPES_HEADER)),
        influencer_id=_uuid_header(request, INFLUENCER_HEADER),
        request_id=request_id_var.get(),
        correlation_id=correlation_id_var.get(),
    )


# Dependencies are coroutines: a plain `def` one would cost a thread hop per request.
async def read_context(request: Request) -> RequestContext:
    return context_of(request)


async def tenant_context(request: Request) -> RequestContext:
    """A caller acting for an org; services scope every query to its tenant."""
    context = context_of(request)
    if context.tenant_id is None:
        raise Problem(401, "no tenant in the request context")
    return context


Context = Annotated[RequestContext, Depends(read_context)]
TenantContext = Annotated[RequestContext, Depends(tenant_context)]


def require_roles(*roles: str) -> object:
    """Dependency: the caller holds one of `roles` (or is a platform admin)."""

    async def check(context: TenantContext) -> RequestContext:
        if not context.has_role(*roles, "admin"):
            raise Problem(403, f"this action needs one of the roles: {', '.join(roles)}")
        return context

    return Depends(check)


# A request id the caller sent is kept if it cannot spoil a log line: visible ASCII, no spaces.
_USABLE_ID = re.compile(r"[\x21-\x7e]{1,128}")


def _usable(value: str | None) -> str | None:
    return value if value and _USABLE_ID.fullmatch(value) else None


def request_ids(headers: Mapping[str, str]) -> tuple[str, str]:
    """The request id the caller sent (or a new one) and the correlation id (or the request id)."""
    request_id = _usable(headers.get(REQUEST_ID_HEADER)) or os.urandom(16).hex()
    return request_id, _usable(headers.get(CORRELATION_ID_HEADER)) or request_id


class RequestContextMiddleware:
    """Tags logs with the request and correlation ids, echoes X-Request-ID, writes the request's
    access line, answers an unhandled error with a 500 problem (logged once, with its stack, here
    where the request id is known), and, given the internal secret, refuses callers without it
    (401): a service answers only the gateway.

    The access line names the caller: `state["caller"]` when the app set one (the gateway), else
    the user the gateway sent; and the client: the address the gateway forwarded, when the
    internal credential vouches for it (or `trust_forwarded_for`), else the peer."""

    def __init__(self, app: ASGIApp, internal_secret: str | None, trust_forwarded_for: bool = False) -> None:
        self.app = app
        self.secret = internal_secret.encode() if internal_secret is not None else None
        self.trust_forwarded_for = trust_forwarded_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        request_id, correlation_id = request_ids(headers)
        request_token = request_id_var.set(request_id)
        correlation_token = correlation_id_var.set(correlation_id)
        status, size, responded = 500, 0, False

        async def send_with_id(message: Message) -> None:
            nonlocal status, size, responded
            if message["type"] == "http.response.start":
                status, responded = message["status"], True
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode("latin-1"))]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        token = headers.get(INTERNAL_TOKEN_HEADER, "").encode("latin-1")
        vouched = self.secret is not None and hmac.compare_digest(token, self.secret)
        try:
            if (
                self.secret is not None
                and not vouched
                and scope["path"] not in OPEN_PATHS
                and not scope["path"].startswith(OPEN_PREFIXES)
            ):
                response = problem_response(
                    Problem(401, "services answer only the gateway (missing or wrong internal credential)"),
                    scope["path"],
                )
                await response(scope, receive, send_with_id)
                return
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            problem = unexpected_problem(scope["method"], scope["path"], exc)
            if not responded:
                await problem_response(problem, scope["path"])(scope, receive, send_with_id)
            # Else the answer is cut short: the server closes the connection.
        finally:
            if scope["path"] not in PROBE_PATHS or status >= 500:  # probes only when they fail
                peer = scope.get("client")
                forwarded = headers.get("x-forwarded-for") if vouched or self.trust_forwarded_for else None
                client = forwarded.split(",")[0].strip() if forwarded else None
                log_access(
                    scope["method"],
                    scope["path"],
                    getattr(scope.get("route"), "path", None) or "unmatched",
                    status,
                    time.perf_counter() - started,
                    client or (peer[0] if peer else None),
                    scope.get("state", {}).get("caller") or (headers.get(USER_HEADER) if vouched else None),
                    size,
                )
            request_id_var.reset(request_token)
            correlation_id_var.reset(correlation_token)

"""Routes /api/v1/... to the service that owns the path, with the caller's context attached, and
the public tracking redirect /r/{code} to metrics.

This is the platform's hot path, so it is the gateway's outermost ASGI app rather than a FastAPI
route: a proxied request passes no middleware stack, router or dependency solving (together
about two thirds of its cost when it did). It does itself what those layers would: request id,
size limit, authentication, route-class check, rate limit, metrics by route pattern, problem
bodies. Everything else (the gateway's own routes, POSTs carrying an Idempotency-Key) goes to
the FastAPI app and its middleware.
"""

import functools
import logging
import time
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

from fastapi import FastAPI
from starlette.datastructures import State
from starlette.types import Message, Receive, Scope, Send

from gateway.adapters.idempotency_store import IdempotencyMiddleware
from gateway.adapters.middleware import read_body
from gateway.adapters.security import admit, client_address_of, service_context, take_rate_limit
from gateway.adapters.upstreams import failure_problem
from gateway.api.redirect import is_redirect, redirect_answer
from gateway.domain.access import action_of
from gateway.domain.identity import Principal
from gateway.domain.routing import Action, Operation, Route, methods_of, resolve
from servicekit.context import (
    CONTEXT_HEADERS,
    CORRELATION_ID_HEADER,
    IDEMPOTENCY_FINGERPRINT_HEADER,
    IDEMPOTENCY_KEY_HEADER,
    IDEMPOTENCY_TTL_HEADER,
    INTERNAL_TOKEN_HEADER,
    REQUEST_ID_HEADER,
    request_ids,
)
from servicekit.idempotency import STATE_KEY, IdempotentWrite
from servicekit.logs import correlation_id_var, log_access, request_id_var
from servicekit.problems import Problem, log_server_problem, problem_response
from servicekit.prometheus import observe_request

log = logging.getLogger(__name__)

HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
    }
)
# Never forwarded: the gateway alone speaks for the caller.
DROPPED_REQUEST_HEADERS = (
    HOP_BY_HOP
    | set(CONTEXT_HEADERS)
    | {"authorization", "cookie", "x-api-key", "x-forwarded-for", REQUEST_ID_HEADER}
    # The gateway has the whole body before it calls the service: nothing to wait for.
    | {"expect"}
)
DROPPED_REQUEST_HEADERS_RAW = frozenset(name.encode() for name in DROPPED_REQUEST_HEADERS)
DROPPED_RESPONSE_HEADERS = frozenset(name.encode() for name in HOP_BY_HOP | {"x-request-id", "server", "date"})
LOCATION_HEADERS = frozenset({b"location", b"content-location"})
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
GATEWAY = "gateway"  # the service of the gateway's own operations: its FastAPI app answers them


@functools.lru_cache(maxsize=8192)
def _context_headers(principal: Principal, action: Action, secret: str) -> tuple[tuple[str, str], ...]:
    """A caller's context headers, the same on each of its requests but for the request ids."""
    return tuple(service_context(principal, action).headers(secret).items())


async def forward(
    state: State,
    scope: Scope,
    headers: Mapping[str, str],
    service: str,
    caller: Principal | None,
    action: Action,
    body: bytes,
    client_address: str,
) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """The upstream's status, headers (raw, filtered) and body; a problem for its failures."""
    settings = state.settings
    sent = {name: value for name, value in headers.items() if name not in DROPPED_REQUEST_HEADERS}
    if caller is None:
        sent[INTERNAL_TOKEN_HEADER] = settings.internal_secret
    else:
        sent.update(_context_headers(caller, action, settings.internal_secret))
    sent[REQUEST_ID_HEADER] = request_id_var.get() or ""
    sent[CORRELATION_ID_HEADER] = correlation_id_var.get() or ""
    sent["x-forwarded-for"] = client_address
    write: IdempotentWrite | None = scope.get(STATE_KEY)
    if write is not None:  # the service records the key with the writes it guards
        sent[IDEMPOTENCY_KEY_HEADER] = write.key
        sent[IDEMPOTENCY_FINGERPRINT_HEADER] = write.fingerprint
        sent[IDEMPOTENCY_TTL_HEADER] = str(int(write.ttl.total_seconds()))
    target = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
    if query := scope.get("query_string"):
        target += "?" + query.decode("latin-1")
    # A HEAD is the GET without its body: services are asked the GET (proxy drops the body).
    method = "GET" if scope["method"] == "HEAD" else scope["method"]
    who = f"ip:{client_address}" if caller is None else caller.rate_limit_identity
    upstream = await state.upstreams[service].forward(
        method, target, sent, body, retries=settings.upstream_retries, caller=who
    )
    if (failure := failure_problem(service, upstream)) is not None:
        raise failure
    raw_headers = [
        (name, _public_location(value, state.upstream_authorities) if name in LOCATION_HEADERS else value)
        for name, value in upstream.headers
        if name not in DROPPED_RESPONSE_HEADERS
    ]
    return upstream.status, raw_headers, upstream.body


def _public_location(value: bytes, upstream_authorities: frozenset[str]) -> bytes:
    """A URL at a service (one it built from the address the gateway called it at) as a path of
    the public API; any other URL (the tracking redirect's landing page) as it is."""
    url = urlsplit(value.decode("latin-1"))
    if not url.netloc or url.netloc.lower() not in upstream_authorities:
        return value
    return urlunsplit(("", "", url.path or "/", url.query, url.fragment)).encode("latin-1")


def upstream_authorities(urls: Iterable[str]) -> frozenset[str]:
    """`host:port` of each service, as written in a URL built from the Host header it was sent."""
    found = set()
    for url in urls:
        parts = urlsplit(url)
        default_port = 443 if parts.scheme == "https" else 80
        host = (parts.hostname or "").lower()
        found |= {parts.netloc.lower(), f"{host}:{parts.port or default_port}"}
        if parts.port in (None, default_port):
            found.add(host)
    return frozenset(found)


class ServiceProxy:
    """The gateway's ASGI entry point: proxies service paths, passes the rest to `app`."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.state = app.state
        self.state.upstream_authorities = upstream_authorities(self.state.settings.upstream_urls().values())
        # POSTs with an Idempotency-Key go through the idempotency store first.
        self._idempotent = IdempotencyMiddleware(self._proxy_held)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = resolve(_table_method(scope["method"]), scope["path"]) if scope["type"] == "http" else None
        if route is None or route.service == GATEWAY:
            await self.app(scope, receive, send)
            return
        if not isinstance(route, Operation) and not _cors_preflight(scope):
            allowed = methods_of(scope["path"])
            if allowed:  # a path of the API, not with this method: no service need be asked
                await _method_not_allowed(scope, receive, send, allowed)
                return
        if scope["method"] not in METHODS:
            await self.app(scope, receive, send)
            return
        scope["app"] = self.app
        if scope["method"] == "POST" and any(name == b"idempotency-key" for name, _ in scope["headers"]):
            await self._proxy_idempotent(scope, receive, send, route)
            return
        await self._proxy(scope, receive, send, route)

    async def _proxy(self, scope: Scope, receive: Receive, send: Send, route: Route) -> None:
        started = time.perf_counter()
        # ASGI servers give header names lowercased; one dict serves every lookup below.
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        request_id, correlation_id = request_ids(headers)
        request_token = request_id_var.set(request_id)
        correlation_token = correlation_id_var.set(correlation_id)
        address = client_address_of(headers, scope.get("client"), self.state.settings.trust_forwarded_for)
        status, content, caller = 500, b"", None
        try:
            status, response_headers, content, caller = await self._exchange(scope, receive, route, headers, address)
            response_headers.append((b"x-request-id", request_id.encode("latin-1")))
            await send({"type": "http.response.start", "status": status, "headers": response_headers})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else content})
        finally:
            self._record(scope, route, status, started, address, caller, len(content))
            request_id_var.reset(request_token)
            correlation_id_var.reset(correlation_token)

    async def _proxy_idempotent(self, scope: Scope, receive: Receive, send: Send, route: Route) -> None:
        """The request's ids, access line and metrics around the idempotency store, which may
        answer by itself (a replay, a conflict)."""
        started = time.perf_counter()
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        request_id, correlation_id = request_ids(headers)
        request_token = request_id_var.set(request_id)
        correlation_token = correlation_id_var.set(correlation_id)
        address = client_address_of(headers, scope.get("client"), self.state.settings.trust_forwarded_for)
        status, size, responded = 500, 0, False

        async def send_with_id(message: Message) -> None:
            nonlocal status, size, responded
            if message["type"] == "http.response.start":
                status, responded = message["status"], True
                if not any(name == b"x-request-id" for name, _ in message.get("headers", [])):
                    message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self._idempotent(scope, receive, send_with_id)
        except Exception:
            log.exception("proxying %s %s failed", scope["method"], scope["path"])
            if not responded:
                problem = Problem(500, "An unexpected error occurred; it has been logged.")
                await problem_response(problem, scope["path"])(scope, receive, send_with_id)
        finally:
            self._record(scope, route, status, started, address, scope.get("state", {}).get("caller"), size)
            request_id_var.reset(request_token)
            correlation_id_var.reset(correlation_token)

    async def _proxy_held(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Behind the idempotency store, which holds the answer until its key is settled."""
        route = resolve(_table_method(scope["method"]), scope["path"])
        assert route is not None
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        address = client_address_of(headers, scope.get("client"), self.state.settings.trust_forwarded_for)
        status, response_headers, content, _ = await self._exchange(scope, receive, route, headers, address)
        response_headers.append((b"x-request-id", (request_id_var.get() or "").encode()))
        await send({"type": "http.response.start", "status": status, "headers": response_headers})
        await send({"type": "http.response.body", "body": content})

    async def _exchange(
        self, scope: Scope, receive: Receive, route: Route, headers: dict[str, str], address: str
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes, str | None]:
        """The answer to a proxied request: status, headers, body, and the caller's identity."""
        state = self.state
        settings = state.settings
        caller: Principal | None = None
        limit_headers: dict[str, str] | None = None
        try:
            if route.public:
                limit_headers = take_rate_limit(state.rate_limiter, f"ip:{address}", "public")
            else:
                caller, limit_headers = await admit(state, headers, scope["method"], scope["path"], route)
            body = await read_body(receive, headers, settings.body_limit(scope["path"]))
            if is_redirect(route.path, scope["method"], scope["path"]):
                status, response_headers, content = await redirect_answer(
                    state.redirects, scope["path"], scope["method"], headers, address
                )
            else:
                action = action_of(route, scope["method"])
                status, response_headers, content = await forward(
                    state, scope, headers, route.service, caller, action, body, address
                )
            response_headers.append((b"content-length", str(len(content)).encode()))
        except Problem as problem:
            if problem.status >= 500:
                log_server_problem(scope["method"], scope["path"], problem)
            status, response_headers, content = _problem_parts(problem, scope["path"])
        except Exception:
            log.exception("proxying %s %s failed", scope["method"], scope["path"])
            problem = Problem(500, "An unexpected error occurred; it has been logged.")
            status, response_headers, content = _problem_parts(problem, scope["path"])
        if limit_headers and status != 429:
            response_headers += [(k.lower().encode(), v.encode()) for k, v in limit_headers.items()]
        return status, response_headers, content, caller.rate_limit_identity if caller else None

    def _record(
        self,
        scope: Scope,
        route: Route,
        status: int,
        started: float,
        address: str,
        caller: str | None,
        size: int,
    ) -> None:
        elapsed = time.perf_counter() - started
        observe_request(self.state.settings.service_name, scope["method"], route.path, status, elapsed)
        log_access(scope["method"], scope["path"], route.path, status, elapsed, address, caller, size)


def _table_method(method: str) -> str:
    """The table lists GETs; a HEAD is the GET without its body."""
    return "GET" if method == "HEAD" else method


def _cors_preflight(scope: Scope) -> bool:
    """An OPTIONS the CORS middleware of the gateway's app answers."""
    return scope["method"] == "OPTIONS" and any(
        name == b"access-control-request-method" for name, _ in scope["headers"]
    )


async def _method_not_allowed(scope: Scope, receive: Receive, send: Send, allowed: frozenset[str]) -> None:
    problem = Problem(405, f"{scope['method']} is not allowed here", headers={"Allow": ", ".join(sorted(allowed))})
    await problem_response(problem, scope["path"])(scope, receive, send)


def _problem_parts(problem: Problem, path: str) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    response = problem_response(problem, path)
    return response.status_code, list(response.raw_headers), bytes(response.body)

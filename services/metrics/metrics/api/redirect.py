"""GET /r/{code}: the public tracking redirect, metrics' hot path.

The code is resolved from memory (the link directory), the click appended to the click topic
(adapters.click_log: no database transaction per click) and a 302 sent to the link's target with
the click's id. An unknown or stopped code is a 404 and records nothing. The route runs as an
ASGI app in front of the service's middleware and routing (which cost more than the redirect);
the FastAPI route documents it and answers the same when the fast path is not mounted."""

import hmac
import os
import time
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Request, Response
from starlette.types import Receive, Scope, Send

from metrics.adapters.ingestion import Ingestion
from metrics.api import visits
from metrics.api.click import record_click
from servicekit.asgi import read_body
from servicekit.context import INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER
from servicekit.logs import log_access, request_id_var
from servicekit.problems import Problem, problem_response
from servicekit.prometheus import observe_request

router = APIRouter(tags=["tracking"])
ROUTE = "/r/{code}"
# The only request headers the redirect reads (the others are not decoded).
_READ_HEADERS = frozenset(
    name.encode()
    for name in ("user-agent", "x-forwarded-for", "referer", "content-length", INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER)
)
_NOT_FOUND = problem_response(Problem(404, "no such tracking link"))
_NO_CREDENTIAL = problem_response(
    Problem(401, "services answer only the gateway (missing or wrong internal credential)")
)


async def click(
    ingestion: Ingestion, code: str, method: str, headers: dict[str, str], peer: str | None
) -> tuple[int, bytes | None]:
    """(status, location): a 302 to where the click goes, or a 404 recording nothing."""
    forwarded = headers.get("x-forwarded-for")
    address = forwarded.split(",", 1)[0].strip() if forwarded else (peer or "")
    recorded = record_click(ingestion, code, method, headers.get("user-agent", ""), address, headers.get("referer"))
    if recorded is None:
        return 404, None
    await recorded[0]
    return 302, recorded[1].encode()


@router.get(ROUTE, status_code=302, responses={302: {"description": "To the link's target"}, 404: {}})
async def redirect(
    code: Annotated[str, Path(max_length=64, pattern=r"^[0-9A-Za-z_-]+$")], request: Request
) -> Response:
    """Follow a tracking link: the click is recorded (bots and repeats recorded, not counted)."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    peer = request.client.host if request.client else None
    status, location = await click(request.app.state.ingestion, code, request.method, headers, peer)
    if location is None:
        raise Problem(404, "no such tracking link")
    return Response(status_code=status, headers={"location": location.decode(), "cache-control": "no-store"})


class RedirectFastPath:
    """The service's outermost ASGI app: answers GET and HEAD /r/{code} before any middleware
    (FastAPI's own included); passes everything else to the FastAPI app, whose attributes it
    shows as its own (`state`, `openapi`, `routes`)."""

    def __init__(self, app: FastAPI, ingestion: Ingestion, internal_secret: str, service: str) -> None:
        self.app = app
        self.ingestion = ingestion
        self.secret = internal_secret.encode()
        self.service = service

    def __getattr__(self, name: str) -> Any:
        return getattr(self.app, name)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        method = scope.get("method")
        if scope["type"] == "http" and path == visits.PATH and method == "POST":
            route, answer = visits.PATH, self._visits
        elif scope["type"] == "http" and path.startswith("/r/") and method in ("GET", "HEAD") and _one_code(path):
            route, answer = ROUTE, self._redirect
        else:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"] if k in _READ_HEADERS}
        token = request_id_var.set(headers.get(REQUEST_ID_HEADER) or os.urandom(16).hex())
        status = 500
        try:
            if not hmac.compare_digest(headers.get(INTERNAL_TOKEN_HEADER, "").encode("latin-1"), self.secret):
                status = 401
                await _NO_CREDENTIAL(scope, receive, send)
                return
            status = await answer(scope, receive, send, headers)
        finally:
            elapsed = time.perf_counter() - started
            observe_request(self.service, method, route, status, elapsed)
            # A redirect's line is the gateway's, under the same request id: only refusals are logged.
            if status >= 400:
                log_access(method, path, route, status, elapsed, headers.get("x-forwarded-for"), None, 0)
            request_id_var.reset(token)

    async def _redirect(self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]) -> int:
        peer = scope.get("client")
        code = scope["path"][3:]
        status, location = await click(self.ingestion, code, scope["method"], headers, peer[0] if peer else None)
        if location is None:
            await _NOT_FOUND(scope, receive, send)
            return status
        await _respond(send, 302, [(b"location", location), (b"cache-control", b"no-store")], b"")
        return status

    async def _visits(self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]) -> int:
        """The gateway's batch of visits (api.visits)."""
        try:
            body = await read_body(receive, headers, visits.MAX_BODY_BYTES)
            answers = await visits.answer(self.ingestion, body)
        except Problem as problem:
            await problem_response(problem)(scope, receive, send)
            return problem.status
        await _respond(send, 200, [(b"content-type", b"application/json")], answers)
        return 200


def _one_code(path: str) -> bool:
    code = path[3:]
    return bool(code) and "/" not in code


async def _respond(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    headers.append((b"content-length", b"%d" % len(body)))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

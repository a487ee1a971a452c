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
from servicekit.context import INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER
from servicekit.logs import log_access, request_id_var
from servicekit.problems import Problem, problem_response
from servicekit.prometheus import observe_request

router = APIRouter(tags=["tracking"])
ROUTE = "/r/{code}"
# The only request headers the redirect reads (the others are not decoded).
_READ_HEADERS = frozenset(
    name.encode() for name in ("user-agent", "x-forwarded-for", "referer", INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER)
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
        if path == visits.PATH and scope["type"] == "http" and scope["method"] == "POST":
            await self._visits(scope, receive, send)
            return
        if scope["type"] != "http" or not path.startswith("/r/") or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        code = path[3:]
        if not code or "/" in code:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"] if k in _READ_HEADERS}
        token = request_id_var.set(headers.get(REQUEST_ID_HEADER) or os.urandom(16).hex())
        status = 500
        try:
            if not self._authentic(headers):
                status = 401
                await _NO_CREDENTIAL(scope, receive, send)
                return
            peer = scope.get("client")
            status, location = await click(self.ingestion, code, scope["method"], headers, peer[0] if peer else None)
            if location is None:
                await _NOT_FOUND(scope, receive, send)
                return
            await send(
                {
                    "type": "http.response.start",
                    "status": 302,
                    "headers": [(b"location", location), (b"cache-control", b"no-store"), (b"content-length", b"0")],
                }
            )
            await send({"type": "http.response.body", "body": b""})
        finally:
            elapsed = time.perf_counter() - started
            observe_request(self.service, scope["method"], ROUTE, status, elapsed)
            if status != 302:  # a redirect's line is the gateway's, under the same request id
                log_access(scope["method"], path, ROUTE, status, elapsed, headers.get("x-forwarded-for"), None, 0)
            request_id_var.reset(token)

    def _authentic(self, headers: dict[str, str]) -> bool:
        return hmac.compare_digest(headers.get(INTERNAL_TOKEN_HEADER, "").encode("latin-1"), self.secret)

    async def _visits(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The gateway's batch of visits (api.visits); its access line only when it is refused."""
        started = time.perf_counter()
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"] if k in _READ_HEADERS}
        token = request_id_var.set(headers.get(REQUEST_ID_HEADER) or os.urandom(16).hex())
        status = 500
        try:
            if not self._authentic(headers):
                status = 401
                await _NO_CREDENTIAL(scope, receive, send)
                return
            try:
                body = await _body(receive, visits.MAX_BODY_BYTES)
                answers = await visits.answer(self.ingestion, body)
            except Problem as problem:
                status = problem.status
                await problem_response(problem)(scope, receive, send)
                return
            status = 200
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(answers))],
                }
            )
            await send({"type": "http.response.body", "body": answers})
        finally:
            elapsed = time.perf_counter() - started
            observe_request(self.service, "POST", visits.PATH, status, elapsed)
            if status != 200:
                log_access("POST", visits.PATH, visits.PATH, status, elapsed, None, None, 0)
            request_id_var.reset(token)


async def _body(receive: Receive, limit: int) -> bytes:
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Problem(400, "the request ended before its body")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise Problem(413, f"a batch of visits is at most {limit} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)

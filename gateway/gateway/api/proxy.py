"""Routes /api/v1/... to the service that owns the path, with the caller's context attached."""

import httpx
from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.adapters.security import Caller
from gateway.adapters.upstreams import Upstreams, upstream_failure
from gateway.domain.routing import service_for
from servicekit.context import CONTEXT_HEADERS, REQUEST_ID_HEADER, RequestContext
from servicekit.problems import Problem

router = APIRouter(include_in_schema=False)

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
DROPPED_REQUEST_HEADERS = HOP_BY_HOP | set(CONTEXT_HEADERS) | {"authorization", "cookie", REQUEST_ID_HEADER}
DROPPED_RESPONSE_HEADERS = HOP_BY_HOP | {"content-encoding", "x-request-id", "server", "date"}
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


async def forward(request: Request, caller: RequestContext) -> Response:
    path = request.url.path
    service = service_for(path)
    if service is None:
        raise Problem(404, f"no API at {path}")
    body = await request.body()
    if len(body) > request.app.state.settings.max_request_bytes:
        raise Problem(413, f"request body over {request.app.state.settings.max_request_bytes} bytes")
    headers = {k: v for k, v in request.headers.items() if k.lower() not in DROPPED_REQUEST_HEADERS}
    headers.update(caller.headers(request.app.state.settings.internal_secret))
    upstreams: Upstreams = request.app.state.upstreams
    try:
        upstream = await upstreams.client(service).request(
            request.method,
            httpx.URL(path=path, query=request.url.query.encode()),
            content=body,
            headers=headers,
        )
    except httpx.HTTPError as exc:
        raise upstream_failure(service, exc) from None
    if upstream.status_code >= 500:
        detail = _problem_detail(upstream)
        raise Problem(502, f"the {service} service failed: {detail}", upstream=service)
    response_headers = {k: v for k, v in upstream.headers.items() if k.lower() not in DROPPED_RESPONSE_HEADERS}
    return Response(upstream.content, status_code=upstream.status_code, headers=response_headers)


def _problem_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
        return str(body.get("detail") or body.get("title") or response.status_code)
    except ValueError:
        return f"HTTP {response.status_code}"


@router.api_route("/api/v1/{path:path}", methods=METHODS)
async def proxy_api(request: Request, caller: Caller) -> Response:
    return await forward(request, caller)

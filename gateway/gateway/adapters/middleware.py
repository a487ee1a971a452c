"""ASGI middleware of the gateway: request size limit and rate-limit headers on every answer."""

from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.asgi import read_body
from servicekit.problems import Problem, problem_response


class RequestSizeLimit:
    """413 before reading a body whose Content-Length is over the limit, or as soon as a
    streamed body passes it. Upload paths have a larger limit of their own.

    The body is read here, whole, before the app sees it: an error raised while the app reads
    would reach FastAPI's body parsing, which answers every such error with a 400."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        try:
            body = await read_body(receive, headers, self.limit_for(scope["path"]))
        except Problem as problem:
            await problem_response(problem, scope["path"])(scope, receive, send)
            return
        delivered = False

        async def replay_then_receive() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()  # e.g. the client going away
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay_then_receive, send)


class RateLimitHeaders:
    """Adds the RateLimit-* headers the rate-limit check left in the request state."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = scope.get("state", {}).get("rate_limit_headers")
                if extra:
                    present = {name.lower() for name, _ in message.get("headers", [])}
                    added = [
                        (name.lower().encode(), value.encode())
                        for name, value in extra.items()
                        if name.lower().encode() not in present
                    ]
                    message["headers"] = [*message.get("headers", []), *added]
            await send(message)

        await self.app(scope, receive, send_with_headers)

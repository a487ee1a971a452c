"""Plain ASGI helpers for the hot paths that answer before a framework does (the gateway's proxy,
metrics' redirect): no Request object, no middleware."""

from collections.abc import Mapping

from starlette.types import Receive

from servicekit.problems import Problem


async def read_body(receive: Receive, headers: Mapping[str, str], limit: int) -> bytes:
    """The whole request body, or a 413 problem as soon as it (declared or received) passes `limit`."""
    declared = headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise Problem(413, f"the request body is over {limit} bytes")
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise Problem(400, "the client went away before sending its body")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise Problem(413, f"the request body is over {limit} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)

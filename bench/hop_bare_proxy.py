"""The floor for bench/gateway_hop.py: a bare ASGI pass-through proxy on the gateway's own upstream
client (gateway.adapters.upstream_http) and nothing else (no auth, limits, metrics, ids), so the
gateway's figure against this one is the cost of what the gateway does per request.
UPSTREAM_URL names the upstream."""

import os
from urllib.parse import urlsplit

from gateway.adapters.upstream_http import ConnectionPool

UPSTREAM = urlsplit(os.environ["UPSTREAM_URL"])
SECRET = os.environ.get("PLATFORM_INTERNAL_SECRET", "")
pool = ConnectionPool(
    "http", UPSTREAM.hostname or "127.0.0.1", UPSTREAM.port or 80, connect_timeout_s=2, idle_timeout_s=4
)


async def app(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def, type-arg]
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await pool.close()
            await send({"type": message["type"] + ".complete"})
            if message["type"] == "lifespan.shutdown":
                return
    if scope["path"] == "/healthz":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
        return
    response = await pool.request("GET", scope["path"], {"x-internal-token": SECRET}, b"", timeout_s=10)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(response.body)).encode())]
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})

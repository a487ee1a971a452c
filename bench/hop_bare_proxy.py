"""The floor for bench/gateway_hop.py: a bare ASGI pass-through proxy with one aiohttp session and
nothing else (no auth, limits, metrics, ids). UPSTREAM_URL names the upstream."""

import os

import aiohttp

UPSTREAM = os.environ["UPSTREAM_URL"]
SECRET = os.environ.get("PLATFORM_INTERNAL_SECRET", "")
session: aiohttp.ClientSession | None = None


async def app(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def, type-arg]
    global session
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256))
                await send({"type": "lifespan.startup.complete"})
            else:
                assert session is not None
                await session.close()
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["path"] == "/healthz":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
        return
    assert session is not None
    async with session.get(UPSTREAM + scope["path"], headers={"x-internal-token": SECRET}) as response:
        body = await response.read()
    await send(
        {"type": "http.response.start", "status": response.status, "headers": [(b"content-type", b"application/json")]}
    )
    await send({"type": "http.response.body", "body": body})

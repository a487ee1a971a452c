"""A service process for test_service_restart: answers every GET with a small JSON body."""

BODY = b'{"ok":true}'


async def app(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def, type-arg]
    if scope["type"] != "http":
        return
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": BODY})

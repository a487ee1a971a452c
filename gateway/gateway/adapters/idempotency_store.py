"""Idempotency keys in the gateway's database, and the middleware that honours them on POSTs."""

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.adapters.middleware import read_body
from gateway.adapters.tables import idempotency_keys
from gateway.domain.idempotency import MAX_KEY_LENGTH, Outcome, StoredRequest, decide, fingerprint
from servicekit.background import BackgroundLoop
from servicekit.db import Database
from servicekit.problems import Problem, problem_response

log = logging.getLogger(__name__)

# Headers worth replaying; the rest (date, request id, rate limits) belong to each answer.
REPLAYED_HEADERS = frozenset({"content-type", "location", "etag", "cache-control"})


@dataclass(frozen=True)
class StoredResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


class IdempotencyStore:
    def __init__(self, database: Database, ttl: timedelta) -> None:
        self.database = database
        self.ttl = ttl

    async def begin(self, principal: str, key: str, request_fingerprint: str) -> tuple[Outcome, StoredResponse | None]:
        now = datetime.now(UTC)
        async with self.database.session() as session:
            await session.execute(
                delete(idempotency_keys).where(
                    idempotency_keys.c.principal == principal,
                    idempotency_keys.c.key == key,
                    idempotency_keys.c.expires_at <= now,
                )
            )
        try:
            async with self.database.session() as session:
                await session.execute(
                    insert(idempotency_keys).values(
                        id=uuid.uuid4(),
                        principal=principal,
                        key=key,
                        fingerprint=request_fingerprint,
                        created_at=now,
                        expires_at=now + self.ttl,
                    )
                )
            return Outcome.PROCEED, None
        except IntegrityError:
            pass
        async with self.database.sessionmaker() as session:
            row = (
                await session.execute(
                    select(idempotency_keys).where(
                        idempotency_keys.c.principal == principal, idempotency_keys.c.key == key
                    )
                )
            ).first()
        if row is None:  # released between our insert and read: the first request failed
            return Outcome.IN_PROGRESS, None
        outcome = decide(StoredRequest(row.fingerprint, row.status_code is not None), request_fingerprint)
        stored = None
        if outcome is Outcome.REPLAY:
            headers = [(str(k), str(v)) for k, v in row.response_headers or []]
            stored = StoredResponse(row.status_code, headers, row.response_body or b"")
        return outcome, stored

    async def complete(self, principal: str, key: str, response: StoredResponse) -> None:
        async with self.database.session() as session:
            await session.execute(
                update(idempotency_keys)
                .where(idempotency_keys.c.principal == principal, idempotency_keys.c.key == key)
                .values(status_code=response.status, response_headers=response.headers, response_body=response.body)
            )

    async def release(self, principal: str, key: str) -> None:
        """The request failed on our side (5xx or crash): let the client retry with the key."""
        async with self.database.session() as session:
            await session.execute(
                delete(idempotency_keys).where(idempotency_keys.c.principal == principal, idempotency_keys.c.key == key)
            )

    async def purge_expired(self) -> None:
        async with self.database.session() as session:
            await session.execute(delete(idempotency_keys).where(idempotency_keys.c.expires_at <= datetime.now(UTC)))


class IdempotencyPurge(BackgroundLoop):
    """Deletes expired keys now and then."""

    name = "idempotency-purge"

    def __init__(self, store: IdempotencyStore, interval_s: float = 3600.0) -> None:
        super().__init__(interval_s)
        self.store = store

    async def run_once(self) -> bool:
        await self.store.purge_expired()
        return False


class IdempotencyMiddleware:
    """For a POST with an Idempotency-Key: the first answer is stored 24 h and replayed for the
    same key and body; the same key with another body is a 409. Keys belong to the caller
    (user, API key, or for anonymous calls the client address)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get("idempotency-key")
        if key is None:
            await self.app(scope, receive, send)
            return
        if not key or len(key) > MAX_KEY_LENGTH:
            errors = [
                {
                    "field": "header.idempotency-key",
                    "message": f"1 to {MAX_KEY_LENGTH} characters",
                    "type": "value_error",
                }
            ]
            await problem_response(Problem(400, "invalid Idempotency-Key", errors=errors), scope["path"])(
                scope, receive, send
            )
            return
        state = scope["app"].state
        principal = await self._principal(state, headers, scope)
        try:
            # Bounded here too: on the proxy path no size-limit middleware stands in front.
            body = await read_body(receive, headers, state.settings.body_limit(scope["path"]))
        except Problem as problem:
            await problem_response(problem, scope["path"])(scope, receive, send)
            return
        request_fingerprint = fingerprint("POST", scope["path"], scope.get("query_string", b"").decode("latin-1"), body)
        store: IdempotencyStore = state.idempotency
        outcome, stored = await store.begin(principal, key, request_fingerprint)
        if outcome is Outcome.REPLAY:
            assert stored is not None
            await _send_stored(send, stored)
            return
        if outcome is Outcome.MISMATCH:
            problem = Problem(409, "this Idempotency-Key was used with a different request body")
            await problem_response(problem, scope["path"])(scope, receive, send)
            return
        if outcome is Outcome.IN_PROGRESS:
            problem = Problem(
                409, "a request with this Idempotency-Key is still being processed", headers={"Retry-After": "1"}
            )
            await problem_response(problem, scope["path"])(scope, receive, send)
            return

        captured: dict[str, object] = {"status": 500, "headers": [], "body": bytearray()}

        async def replay_receive() -> Message:
            nonlocal body
            chunk, body = body, b""
            return {"type": "http.request", "body": chunk, "more_body": False}

        async def capturing_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = [
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() in REPLAYED_HEADERS
                ]
            elif message["type"] == "http.response.body":
                captured["body"].extend(message.get("body", b""))  # type: ignore[union-attr]
            await send(message)

        try:
            await self.app(scope, replay_receive, capturing_send)
        except BaseException:
            await store.release(principal, key)
            raise
        status = int(captured["status"])  # type: ignore[call-overload]
        if status >= 500 or status in (401, 429):
            # Not an answer to the request itself: the client may try again with the same key.
            await store.release(principal, key)
        else:
            stored_response = StoredResponse(status, captured["headers"], bytes(captured["body"]))  # type: ignore[arg-type]
            await store.complete(principal, key, stored_response)

    @staticmethod
    async def _principal(state: object, headers: Headers, scope: Scope) -> str:
        try:
            principal = await state.authenticator.principal(headers)  # type: ignore[attr-defined]
        except Problem:
            client = scope.get("client")
            return f"anonymous:{client[0] if client else 'unknown'}"
        identity: str = principal.rate_limit_identity
        scope.setdefault("state", {})["caller"] = identity  # for the access line, replays too
        return identity


async def _send_stored(send: Send, stored: StoredResponse) -> None:
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in stored.headers]
    headers.append((b"idempotent-replayed", b"true"))
    headers.append((b"content-length", str(len(stored.body)).encode()))
    await send({"type": "http.response.start", "status": stored.status, "headers": headers})
    await send({"type": "http.response.body", "body": stored.body})

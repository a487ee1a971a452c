"""Idempotency keys in the gateway's database, and the middleware that honours them on POSTs."""

import logging
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.adapters.middleware import read_body
from gateway.adapters.security import client_address_of
from gateway.adapters.tables import idempotency_keys
from gateway.domain.idempotency import (
    MAX_KEY_LENGTH,
    Outcome,
    StoredRequest,
    decide,
    fingerprint,
    keeps,
    stored_key,
    valid_key,
)
from servicekit.background import BackgroundLoop
from servicekit.db import Database
from servicekit.idempotency import (
    REPLAYED_HEADERS,
    STATE_KEY,
    IdempotentWrite,
    kept_answer,
    scoped_key,
    send_stored,
)
from servicekit.idempotency import StoredAnswer as StoredResponse
from servicekit.problems import Problem, problem_response

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claim:
    """A key held by the request running under it; only that request settles it (a request
    that outlived its lease finds its claim taken over and stores nothing)."""

    kept: str  # the key as kept (its hash), for the log
    row_id: uuid.UUID


@dataclass(frozen=True)
class Begun:
    outcome: Outcome
    claim: Claim | None = None  # PROCEED: the key, now held
    stored: StoredResponse | None = None  # REPLAY: the first answer


class IdempotencyStore:
    """Keys in the gateway's database, shared by its replicas: the unique (principal, key)
    decides which request holds a key. A key is kept as its hash with the principal's
    (`stored_key`), so the database shows no client's key."""

    def __init__(self, database: Database, ttl: timedelta, lease: timedelta) -> None:
        self.database = database
        self.ttl = ttl
        self.lease = lease

    async def begin(self, principal: str, key: str, request_fingerprint: str) -> Begun:
        kept_key = stored_key(principal, key)
        # A few turns: each lost race (a key released, expired or taken over meanwhile) ends one.
        for _ in range(3):
            now = datetime.now(UTC)
            row_id = uuid.uuid4()
            try:
                async with self.database.session() as session:
                    await session.execute(
                        insert(idempotency_keys).values(
                            id=row_id,
                            principal=principal,
                            key=kept_key,
                            fingerprint=request_fingerprint,
                            created_at=now,
                            expires_at=now + self.ttl,
                        )
                    )
                return Begun(Outcome.PROCEED, claim=Claim(kept_key, row_id))
            except IntegrityError:
                pass
            row = await self._read(principal, kept_key)
            if row is None:  # released since our insert: the first request failed
                continue
            stored = StoredRequest(row.fingerprint, row.status_code is not None, row.created_at, row.expires_at)
            outcome = decide(stored, request_fingerprint, now=now, lease=self.lease)
            if outcome is Outcome.TAKE_OVER:
                if row.status_code is None and row.expires_at > now:
                    log.warning(
                        "Idempotency-Key kept as %s…: its request never answered (taken %s); taking it over",
                        kept_key[:16],
                        row.created_at,
                    )
                await self._drop(row.id, unanswered_only=row.status_code is None)
                continue
            if outcome is Outcome.REPLAY:
                headers = [(str(k), str(v)) for k, v in row.response_headers or []]
                return Begun(outcome, stored=StoredResponse(row.status_code, headers, row.response_body or b""))
            return Begun(outcome)
        return Begun(Outcome.IN_PROGRESS)

    async def _read(self, principal: str, kept_key: str) -> Any:
        async with self.database.sessionmaker() as session:
            return (
                await session.execute(
                    select(idempotency_keys).where(
                        idempotency_keys.c.principal == principal, idempotency_keys.c.key == kept_key
                    )
                )
            ).first()

    async def _drop(self, row_id: uuid.UUID, *, unanswered_only: bool) -> None:
        condition = idempotency_keys.c.id == row_id
        if unanswered_only:  # not an answer stored since we read the row
            condition &= idempotency_keys.c.status_code.is_(None)
        async with self.database.session() as session:
            await session.execute(delete(idempotency_keys).where(condition))

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        async with self.database.session() as session:
            result = await session.execute(
                update(idempotency_keys)
                .where(idempotency_keys.c.id == claim.row_id)
                .values(status_code=response.status, response_headers=response.headers, response_body=response.body)
            )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            # Logged by the key as kept (a hash), as the database shows it: never the client's key.
            log.warning(
                "the answer for Idempotency-Key kept as %s… is not kept: the key was taken over", claim.kept[:16]
            )

    async def release(self, claim: Claim) -> None:
        """The request failed on our side (5xx or crash): let the client retry with the key."""
        async with self.database.session() as session:
            await session.execute(delete(idempotency_keys).where(idempotency_keys.c.id == claim.row_id))

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
    """For a POST with an Idempotency-Key: the first answer is stored for the store's TTL
    (GATEWAY_IDEMPOTENCY_TTL_S, 24 h by default) and replayed for the
    same key and body (as `kept_answer` keeps it: never a secret shown once, nor a huge body
    whole); the same key with another body is a 409. Keys belong to the caller
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
        if not valid_key(key):
            errors = [
                {
                    "field": "header.idempotency-key",
                    "message": f"1 to {MAX_KEY_LENGTH} visible ASCII characters (spaces inside only)",
                    "type": "value_error",
                }
            ]
            await problem_response(Problem(400, "invalid Idempotency-Key", errors=errors), scope["path"])(
                scope, receive, send
            )
            return
        state = scope["app"].state
        principal, org = await self._principal(state, headers, scope)
        try:
            # Bounded here too: on the proxy path no size-limit middleware stands in front.
            body = await read_body(receive, headers, state.settings.body_limit(scope["path"]))
        except Problem as problem:
            await problem_response(problem, scope["path"])(scope, receive, send)
            return
        request_fingerprint = fingerprint("POST", scope["path"], scope.get("query_string", b"").decode("latin-1"), body)
        store: IdempotencyStore = state.idempotency
        begun = await store.begin(principal, key, request_fingerprint)
        if begun.outcome is Outcome.REPLAY:
            assert begun.stored is not None
            await send_stored(send, begun.stored)
            return
        if begun.outcome is Outcome.MISMATCH:
            problem = Problem(409, "this Idempotency-Key was used with a different request body")
            await problem_response(problem, scope["path"])(scope, receive, send)
            return
        if begun.outcome is not Outcome.PROCEED:
            problem = Problem(
                409, "a request with this Idempotency-Key is still being processed", headers={"Retry-After": "1"}
            )
            await problem_response(problem, scope["path"])(scope, receive, send)
            return
        assert begun.claim is not None
        # The service (or the gateway's own endpoint) records the key with the writes it guards:
        # a retry after this process died mid-request replays there instead of writing twice.
        write = IdempotentWrite(scoped_key(org, principal, key), request_fingerprint, store.ttl)
        scope[STATE_KEY] = write
        answer = await self._answer(scope, receive, body, store, begun.claim)
        for message in answer:
            await send(message)

    async def _answer(
        self, scope: Scope, receive: Receive, body: bytes, store: IdempotencyStore, claim: Claim
    ) -> list[Message]:
        """Runs the request and settles its key before anything is sent: once the client has the
        answer, a repeat finds it stored (or the key free again), never still in progress. The
        answer is held whole meanwhile (request bodies are bounded; so are the services' answers
        to them). A client gone before the answer leaves it stored for its retry."""
        answer: list[Message] = []
        body_given = False

        async def receive_body() -> Message:
            nonlocal body_given
            if not body_given:
                body_given = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body only a disconnect comes

        async def hold(message: Message) -> None:
            answer.append(message)

        try:
            await self.app(scope, receive_body, hold)
        except BaseException:
            await _settle(store.release(claim), claim)
            raise
        start = next((m for m in answer if m["type"] == "http.response.start"), None)
        status = int(start["status"]) if start else 500
        asks_retry = start is not None and any(name.lower() == b"retry-after" for name, _ in start.get("headers", []))
        if keeps(status, asks_retry):
            await _settle(store.complete(claim, kept_answer(_stored(status, answer), scope["path"])), claim)
        else:
            await _settle(store.release(claim), claim)
        return answer

    @staticmethod
    async def _principal(state: object, headers: Headers, scope: Scope) -> tuple[str, str]:
        """The caller's identity and org ("" when anonymous)."""
        try:
            principal = await state.authenticator.principal(headers)  # type: ignore[attr-defined]
        except Problem:
            # The client as the rate limits tell it (behind a trusted proxy, the forwarded address),
            # kept as a keyed digest: a plain one of an address is reversed by trying them all.
            settings, digest = state.settings, state.client_digest  # type: ignore[attr-defined]
            address = client_address_of(headers, scope.get("client"), settings.trust_forwarded_for)
            return f"anonymous:{digest(address)}", ""
        identity: str = principal.rate_limit_identity
        scope.setdefault("state", {})["caller"] = identity  # for the access line, replays too
        return identity, str(principal.org_id)


def _stored(status: int, answer: list[Message]) -> StoredResponse:
    headers: list[tuple[str, str]] = []
    body = bytearray()
    for message in answer:
        if message["type"] == "http.response.start":
            for name, value in message.get("headers", []):
                if name.decode("latin-1").lower() in REPLAYED_HEADERS:
                    headers.append((name.decode("latin-1"), value.decode("latin-1")))
        elif message["type"] == "http.response.body":
            body += message.get("body", b"")
    return StoredResponse(status, headers, bytes(body))


async def _settle(settling: Awaitable[None], claim: Claim) -> None:
    """Storing or releasing a key that fails must not cost the client its answer; the key then
    stays held until its lease ends, and a retry after that runs the request again."""
    try:
        await settling
    except Exception:
        log.exception("could not settle Idempotency-Key kept as %s…", claim.kept[:16])

"""Idempotent writes: a request sent under an Idempotency-Key takes effect once, even when whoever
sent it (the gateway) died before it kept the answer and the client retries.

The gateway forwards the client's key, scoped to the org and the caller (`scoped_key`), and a
fingerprint of the request, in headers it alone sets (clients' are dropped). The service records
the key in the request's own transaction before the endpoint writes anything, and the answer in
that same transaction before it commits: the writes and their key commit together or not at all.
A retry of a key on record answers the recorded answer (header `idempotent-replayed: true`); the
same key with another request is a 409. A retry while the first request still runs waits for it
(the key's row is locked by the running transaction) and then answers its answer; a first request
that failed (an error answer, nothing committed) leaves no key, so the retry runs afresh.

Keys are kept as long as the gateway keeps its own (it forwards its TTL; 24 h, `KEY_TTL`, when it
does not say), so a key it has forgotten is forgotten here too; `ExpiredKeysPurge` deletes expired
ones hourly in bounded batches, and an expired key is never replayed meanwhile.

An answer is kept as `kept_answer` says, by this record and by the gateway's own store alike: never
one marked `Cache-Control: no-store` (a secret shown once: an API key, a signing secret, a token),
nor a body over MAX_KEPT_ANSWER_BYTES. Either is replaced by a 409 problem saying that the request
took effect, with what it answered (`first_status`) and the object it made (`id`, `Location`)."""

import contextlib
import hashlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from alembic import op
from sqlalchemy import (
    JSON,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.background import BackgroundLoop
from servicekit.context import IDEMPOTENCY_FINGERPRINT_HEADER as FINGERPRINT_HEADER
from servicekit.context import IDEMPOTENCY_KEY_HEADER as KEY_HEADER
from servicekit.context import IDEMPOTENCY_TTL_HEADER as TTL_HEADER
from servicekit.db import Database, UtcDateTime, insert_on_conflict
from servicekit.problems import PROBLEM_JSON, Problem, problem_response, unexpected_problem

KEY_TTL = timedelta(hours=24)
MAX_KEY_TTL = timedelta(days=30)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Headers worth replaying; the rest (date, request id) belong to each answer.
REPLAYED_HEADERS = frozenset({"content-type", "location", "etag", "cache-control"})
# scope[STATE_KEY]: the request's IdempotentWrite (not in scope["state"], which a lifespan may share)
STATE_KEY = "servicekit.idempotent_write"
TABLE_NAME = "idempotent_requests"
PURGE_BATCH = 1000
# Above the largest write answer (a 1000-conversion batch's is about 300 KiB).
MAX_KEPT_ANSWER_BYTES = 1024 * 1024


def scoped_key(org: str, caller: str, key: str) -> str:
    """The client's key as one org's one caller's: two orgs (or callers) using the same key
    never meet. Fixed length, whatever the client sent."""
    digest = hashlib.sha256()
    for part in (org, caller, key):
        encoded = part.encode()
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return digest.hexdigest()


def _columns() -> list[Column[object] | Index]:
    return [
        Column("key", String(64), primary_key=True),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", Integer, nullable=True),
        Column("response_headers", JSON, nullable=True),
        Column("response_body", LargeBinary, nullable=True),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("expires_at", UtcDateTime(), nullable=False),
        Index(f"ix_{TABLE_NAME}_expires_at", "expires_at"),
    ]


def idempotency_table(metadata: MetaData) -> Table:
    return Table(TABLE_NAME, metadata, *_columns())


def create_idempotency_table() -> None:
    """For a service's migration; the DDL is frozen here as migrations must be."""
    op.create_table(
        TABLE_NAME,
        Column("key", String(64), nullable=False),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", Integer, nullable=True),
        Column("response_headers", JSON, nullable=True),
        Column("response_body", LargeBinary, nullable=True),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("expires_at", UtcDateTime(), nullable=False),
        PrimaryKeyConstraint("key", name=f"pk_{TABLE_NAME}"),
    )
    op.create_index(f"ix_{TABLE_NAME}_expires_at", TABLE_NAME, ["expires_at"])


def drop_idempotency_table() -> None:
    op.drop_table(TABLE_NAME)


# The statements below name the table through this copy; each service's metadata holds its own.
_requests = idempotency_table(MetaData())


@dataclass(frozen=True)
class StoredAnswer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def kept_answer(answer: StoredAnswer, instance: str) -> StoredAnswer:
    """What a replay of `answer` may answer, and so all that is stored of it: the answer itself, or
    a stand-in that names what the request made when the answer holds a secret shown once (marked
    `Cache-Control: no-store`, as RFC 9111 and RFC 6749 5.1 have such answers marked) or is too
    large to keep."""
    headers = {name.lower(): value for name, value in answer.headers}
    if _no_store(headers.get("cache-control", "")):
        not_kept, detail = "secret", "it held a secret that is shown only once"
    elif len(answer.body) > MAX_KEPT_ANSWER_BYTES:
        not_kept, detail = "size", f"it was over {MAX_KEPT_ANSWER_BYTES} bytes"
    else:
        return answer
    extensions: dict[str, object] = {"not_kept": not_kept, "first_status": answer.status}
    made = _id_of(answer.body) if not_kept == "secret" else None
    if made is not None:
        extensions["id"] = made
    location = headers.get("location")
    if location:
        extensions["location"] = location
    told = [f"The first request with this Idempotency-Key took effect (status {answer.status}); its answer"]
    told.append(f"is not kept, as {detail}.")
    if location:
        told.append(f"What it made is at {location}.")
    if not_kept == "secret":
        told.append("The secret cannot be shown again: if it was lost, revoke it and make another.")
    problem = Problem(409, " ".join(told), title="The answer to this Idempotency-Key is not kept", **extensions)
    kept_headers = [("content-type", PROBLEM_JSON)] + ([("location", location)] if location else [])
    return StoredAnswer(409, kept_headers, json.dumps(problem.body(instance)).encode())


def _no_store(cache_control: str) -> bool:
    return any(part.split("=")[0].strip().lower() == "no-store" for part in cache_control.split(","))


def _id_of(body: bytes) -> str | None:
    try:
        made = json.loads(body)
    except ValueError:
        return None
    found = made.get("id") if isinstance(made, dict) else None
    return found if isinstance(found, str) else None


class Replay(Exception):
    """The key is on record with this request's answer: it is answered again, nothing runs."""

    def __init__(self, answer: StoredAnswer) -> None:
        super().__init__("replayed")
        self.answer = answer


@dataclass
class IdempotentWrite:
    key: str
    fingerprint: str
    ttl: timedelta = KEY_TTL
    # The request's transaction once the endpoint returned, uncommitted: the answer goes in it.
    session: AsyncSession | None = field(default=None, repr=False)


async def claim(session: AsyncSession, write: IdempotentWrite, now: datetime) -> None:
    """Records the key in the request's transaction, before the endpoint writes. On PostgreSQL an
    insert of a key another running transaction holds waits for it (on SQLite writers take turns),
    so a key found on record was committed, with its answer."""
    for _ in range(2):
        inserted = await session.execute(
            insert_on_conflict(session, _requests)
            .values(key=write.key, fingerprint=write.fingerprint, created_at=now, expires_at=now + write.ttl)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        if inserted.rowcount == 1:  # type: ignore[attr-defined]
            return
        row = (await session.execute(select(_requests).where(_requests.c.key == write.key))).one()
        if row.expires_at > now:
            break
        # Expired and not purged yet: it no longer speaks for the key.
        await session.execute(delete(_requests).where(_requests.c.key == write.key))
    if row.fingerprint != write.fingerprint:
        raise Problem(409, "this Idempotency-Key was used with a different request body")
    headers = [(str(name), str(value)) for name, value in row.response_headers or []]
    raise Replay(StoredAnswer(row.status_code, headers, row.response_body or b""))


@asynccontextmanager
async def idempotent_session(database: Database, write: IdempotentWrite) -> AsyncIterator[AsyncSession]:
    """The request's session with its key claimed; when the endpoint returns, it is handed to
    IdempotentWrites (uncommitted) to record the answer and commit. An endpoint that raises rolls
    back, key and all."""
    session = database.sessionmaker()
    try:
        await claim(session, write, datetime.now(UTC))
        yield session
    except BaseException:
        await session.rollback()
        await session.close()
        raise
    write.session = session


class IdempotentWrites:
    """ASGI middleware of every service app (innermost): for a write carrying a key, holds the
    answer until it is recorded and committed beside the writes, then sends it; a replay answers
    the recorded one. `trust_headers`: take the key from the gateway's headers (a service, behind
    the internal-credential check); otherwise only from the scope, where an outer layer put it (the
    gateway's own routes, whose keys its idempotency middleware gives)."""

    def __init__(self, app: ASGIApp, trust_headers: bool = True) -> None:
        self.app = app
        self.trust_headers = trust_headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        write = self._write_of(scope)
        if write is None:
            await self.app(scope, receive, send)
            return
        scope[STATE_KEY] = write
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        try:
            await self.app(scope, receive, hold)
        except Replay as replay:
            await send_stored(send, replay.answer)
            return
        except BaseException:
            await _discard(write)
            raise
        answer = await _settle(scope, write, held)
        for message in answer:
            await send(message)

    def _write_of(self, scope: Scope) -> IdempotentWrite | None:
        given: IdempotentWrite | None = scope.get(STATE_KEY)
        if given is not None or not self.trust_headers:
            return given
        headers = Headers(scope=scope)
        key, fingerprint = headers.get(KEY_HEADER), headers.get(FINGERPRINT_HEADER)
        if not key or not fingerprint:
            return None
        return IdempotentWrite(key[:64], fingerprint[:64], _ttl_of(headers.get(TTL_HEADER)))


def _ttl_of(seconds: str | None) -> timedelta:
    """The gateway's TTL as it forwards it; anything else (absent, not a count of seconds, over
    MAX_KEY_TTL) is the default, as keys were kept before gateways sent one."""
    if seconds is None or not (seconds.isascii() and seconds.isdigit()):
        return KEY_TTL
    if not 0 < int(seconds) <= MAX_KEY_TTL.total_seconds():
        return KEY_TTL
    return timedelta(seconds=int(seconds))


async def _discard(write: IdempotentWrite) -> None:
    if write.session is not None:
        await write.session.rollback()
        await write.session.close()
        write.session = None


async def _settle(scope: Scope, write: IdempotentWrite, held: list[Message]) -> list[Message]:
    """Records the answer with the writes and commits; an answer that is a failure (5xx, or one
    asking to be retried) rolls all back, so the retry it asks for runs afresh."""
    session = write.session
    if session is None:  # the endpoint failed: nothing was written, no key kept
        return held
    status, headers, body = _parts(held)
    asks_retry = any(name == "retry-after" for name, _ in headers)
    try:
        if status >= 500 or asks_retry:
            await session.rollback()
            return held
        replayed = [(name, value) for name, value in headers if name in REPLAYED_HEADERS]
        kept = kept_answer(StoredAnswer(status, replayed, body), scope["path"])
        await session.execute(
            update(_requests)
            .where(_requests.c.key == write.key)
            .values(status_code=kept.status, response_headers=kept.headers, response_body=kept.body)
        )
        await session.commit()
        return held
    except Exception as exc:
        with contextlib.suppress(Exception):  # the connection may be gone: the answer says so
            await session.rollback()
        problem = unexpected_problem(scope["method"], scope["path"], exc)
        return await _messages_of(problem, scope)
    finally:
        await session.close()
        write.session = None


def _parts(held: list[Message]) -> tuple[int, list[tuple[str, str]], bytes]:
    status, headers, body = 500, [], bytearray()
    for message in held:
        if message["type"] == "http.response.start":
            status = int(message["status"])
            headers = [(n.decode("latin-1").lower(), v.decode("latin-1")) for n, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            body += message.get("body", b"")
    return status, headers, bytes(body)


async def _messages_of(problem: Problem, scope: Scope) -> list[Message]:
    messages: list[Message] = []

    async def collect(message: Message) -> None:
        messages.append(message)

    async def nothing() -> Message:
        return {"type": "http.disconnect"}

    await problem_response(problem, scope["path"])(scope, nothing, collect)
    return messages


async def send_stored(send: Send, answer: StoredAnswer) -> None:
    """A recorded answer, marked as replayed (the gateway's own store answers with it too)."""
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in answer.headers]
    headers.append((b"idempotent-replayed", b"true"))
    headers.append((b"content-length", str(len(answer.body)).encode()))
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


async def purge_expired(database: Database, now: datetime, batch: int = PURGE_BATCH) -> int:
    """Deletes up to `batch` expired keys; how many it deleted."""
    async with database.session() as session:
        expired = select(_requests.c.key).where(_requests.c.expires_at <= now).limit(batch)
        result = await session.execute(delete(_requests).where(_requests.c.key.in_(expired)))
    return int(result.rowcount)  # type: ignore[attr-defined]


class ExpiredKeysPurge(BackgroundLoop):
    """Deletes expired keys hourly, a bounded batch per statement (no long lock on a big backlog)."""

    name = "idempotency-keys-purge"

    def __init__(self, database: Database, interval_s: float = 3600.0) -> None:
        super().__init__(interval_s)
        self.database = database

    async def run_once(self) -> bool:
        return await purge_expired(self.database, datetime.now(UTC)) == PURGE_BATCH

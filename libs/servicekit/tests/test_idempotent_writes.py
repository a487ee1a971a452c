"""Idempotent writes on the database the tests run on (SQLite, or PostgreSQL under make
test-integration): a request carrying the gateway's key takes effect once, whoever retries it."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI, Response
from sqlalchemy import Column, MetaData, String, Table, func, insert, select, update

from devstack.databases import DatabaseFactory
from servicekit.app import DbSession
from servicekit.context import IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_TTL_HEADER
from servicekit.db import Database, new_metadata
from servicekit.idempotency import (
    KEY_TTL,
    MAX_KEPT_ANSWER_BYTES,
    IdempotentWrites,
    StoredAnswer,
    idempotency_table,
    kept_answer,
    purge_expired,
    scoped_key,
)
from servicekit.problems import Problem, install_problem_handlers

metadata: MetaData = new_metadata()
items = Table("items", metadata, Column("name", String(100), primary_key=True))
requests_table = idempotency_table(metadata)


class Slow:
    """Holds the endpoint's transaction open until released, to retry while it runs."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.release = asyncio.Event()
        self.release.set()


def build_app(database: Database, slow: Slow) -> FastAPI:
    app = FastAPI()
    app.state.runtime = SimpleNamespace(database=database)
    install_problem_handlers(app)
    app.add_middleware(IdempotentWrites)

    @app.post("/items", status_code=201)
    async def create(body: dict[str, str], session: DbSession) -> dict[str, str]:
        if body["name"] == "refused":
            raise Problem(422, "refused", errors=[{"field": "body.name", "message": "refused", "type": "x"}])
        await session.execute(insert(items).values(name=body["name"]))
        slow.entered.set()
        await slow.release.wait()
        return {"name": body["name"], "id": str(uuid.uuid4())}

    @app.post("/secrets", status_code=201)
    async def make_secret(body: dict[str, str], session: DbSession, response: Response) -> dict[str, str]:
        await session.execute(insert(items).values(name=body["name"]))
        response.headers["cache-control"] = "no-store"
        response.headers["location"] = f"/secrets/{body['name']}"
        return {"id": body["name"], "secret": f"sec_{uuid.uuid4().hex}"}

    @app.post("/big", status_code=201)
    async def make_big(body: dict[str, str], session: DbSession) -> dict[str, str]:
        await session.execute(insert(items).values(name=body["name"]))
        return {"name": body["name"], "filler": "x" * MAX_KEPT_ANSWER_BYTES}

    return app


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("idempotency"))
    async with database.engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture
async def service(database: Database) -> AsyncIterator[tuple[httpx.AsyncClient, Slow]]:
    slow = Slow()
    transport = httpx.ASGITransport(build_app(database, slow))
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        yield client, slow


def keyed(key: str, fingerprint: str = "f" * 64) -> dict[str, str]:
    return {IDEMPOTENCY_KEY_HEADER: key, IDEMPOTENCY_FINGERPRINT_HEADER: fingerprint}


async def count(database: Database, table: Table) -> int:
    async with database.session(read_only=True) as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_a_replayed_key_answers_the_first_answer_and_writes_once(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, _ = service
    first = await client.post("/items", json={"name": "a"}, headers=keyed("k1"))
    again = await client.post("/items", json={"name": "a"}, headers=keyed("k1"))
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()  # the same id: the first answer, not a second run
    assert again.headers["idempotent-replayed"] == "true"
    assert await count(database, items) == 1


async def test_the_same_key_with_another_request_is_a_conflict(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, _ = service
    assert (await client.post("/items", json={"name": "a"}, headers=keyed("k2", "1" * 64))).status_code == 201
    other = await client.post("/items", json={"name": "b"}, headers=keyed("k2", "2" * 64))
    assert other.status_code == 409
    assert other.headers["content-type"] == "application/problem+json"
    assert await count(database, items) == 1


async def test_a_retry_while_the_first_runs_waits_for_it_and_replays(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, slow = service
    slow.release.clear()
    first = asyncio.create_task(client.post("/items", json={"name": "a"}, headers=keyed("k3")))
    await asyncio.wait_for(slow.entered.wait(), 10)
    retry = asyncio.create_task(client.post("/items", json={"name": "a"}, headers=keyed("k3")))
    await asyncio.sleep(0.2)
    assert not retry.done()  # it waits for the first's transaction
    slow.release.set()
    answers = await asyncio.wait_for(asyncio.gather(first, retry), 30)
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json() == answers[1].json()
    assert await count(database, items) == 1


async def test_a_refused_request_keeps_no_key_and_without_a_key_nothing_is_recorded(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, _ = service
    refused = await client.post("/items", json={"name": "refused"}, headers=keyed("k4"))
    assert refused.status_code == 422
    assert await count(database, requests_table) == 0
    assert (await client.post("/items", json={"name": "plain"})).status_code == 201
    assert await count(database, requests_table) == 0
    assert await count(database, items) == 1


async def test_an_expired_key_runs_again_and_the_purge_deletes_expired_keys(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, _ = service
    assert (await client.post("/items", json={"name": "a"}, headers=keyed("k5"))).status_code == 201
    assert await purge_expired(database, datetime.now(UTC)) == 0
    later = datetime.now(UTC) + KEY_TTL + timedelta(seconds=1)
    assert await purge_expired(database, later, batch=10) == 1
    assert await count(database, requests_table) == 0


def test_scoped_keys_differ_by_org_and_caller() -> None:
    one = scoped_key("org-1", "user:1", "key")
    assert len(one) == 64
    assert one != scoped_key("org-2", "user:1", "key")
    assert one != scoped_key("org-1", "user:2", "key")
    assert scoped_key("o", "ab", "c") != scoped_key("o", "a", "bc")


async def test_a_key_expired_but_not_yet_purged_runs_the_request_afresh(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, _ = service
    assert (await client.post("/items", json={"name": "a"}, headers=keyed("k6"))).status_code == 201
    async with database.session() as session:
        await session.execute(update(requests_table).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    again = await client.post("/items", json={"name": "b"}, headers=keyed("k6", "2" * 64))
    assert again.status_code == 201
    assert "idempotent-replayed" not in again.headers
    assert await count(database, items) == 2


async def stored_bodies(database: Database) -> list[bytes]:
    async with database.session(read_only=True) as session:
        return list((await session.execute(select(requests_table.c.response_body))).scalars())


async def test_a_secret_shown_once_is_not_recorded_and_its_retry_names_what_was_made(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, _ = service
    first = await client.post("/secrets", json={"name": "s1"}, headers=keyed("k7"))
    assert first.status_code == 201
    assert all(first.json()["secret"].encode() not in body for body in await stored_bodies(database))

    again = await client.post("/secrets", json={"name": "s1"}, headers=keyed("k7"))
    assert again.status_code == 409
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == "/secrets/s1"
    assert {k: again.json()[k] for k in ("not_kept", "first_status", "id")} == {
        "not_kept": "secret",
        "first_status": 201,
        "id": "s1",
    }
    assert await count(database, items) == 1


async def test_a_huge_answer_is_sent_whole_but_recorded_as_a_stand_in(
    database: Database, service: tuple[httpx.AsyncClient, Slow]
) -> None:
    client, _ = service
    first = await client.post("/big", json={"name": "b1"}, headers=keyed("k8"))
    assert first.status_code == 201
    assert len(first.json()["filler"]) == MAX_KEPT_ANSWER_BYTES
    assert max(len(body) for body in await stored_bodies(database)) < 4096

    again = await client.post("/big", json={"name": "b1"}, headers=keyed("k8"))
    assert again.status_code == 409
    assert again.json()["not_kept"] == "size"
    assert await count(database, items) == 1


def test_what_is_kept_of_an_answer() -> None:
    plain = StoredAnswer(201, [("content-type", "application/json")], b'{"id": "a"}')
    assert kept_answer(plain, "/x") is plain
    for cache_control in ("no-store", "private, No-Store", "no-cache, no-store, max-age=0"):
        secret = StoredAnswer(200, [("Cache-Control", cache_control)], b'{"id": "a", "token": "t0ken"}')
        kept = kept_answer(secret, "/x")
        assert (kept.status, b"t0ken" in kept.body) == (409, False), cache_control
    cached = StoredAnswer(200, [("cache-control", "private, max-age=60")], b'{"token": "t"}')
    assert kept_answer(cached, "/x") is cached
    at_the_bound = StoredAnswer(200, [], b"x" * MAX_KEPT_ANSWER_BYTES)
    assert kept_answer(at_the_bound, "/x") is at_the_bound
    over = kept_answer(StoredAnswer(200, [], b"x" * (MAX_KEPT_ANSWER_BYTES + 1)), "/x")
    assert over.status == 409
    assert b'"first_status": 200' in over.body


async def expiry_of(database: Database) -> timedelta:
    async with database.session(read_only=True) as session:
        row = (await session.execute(select(requests_table.c.created_at, requests_table.c.expires_at))).one()
    return row.expires_at - row.created_at


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("90", timedelta(seconds=90)),
        (None, KEY_TTL),
        ("0", KEY_TTL),
        ("soon", KEY_TTL),
        ("99999999999", KEY_TTL),
        (b"\xb2", KEY_TTL),
    ],
)
async def test_a_key_is_kept_as_long_as_the_gateway_keeps_it(
    database: Database, service: tuple[httpx.AsyncClient, Slow], sent: str | bytes | None, kept: timedelta
) -> None:
    """The gateway forwards its own TTL, so a key it has forgotten is forgotten here too (else a
    retry after its expiry with another body would meet the old record's 409)."""
    client, _ = service
    headers = keyed("k9") | ({IDEMPOTENCY_TTL_HEADER: sent} if sent is not None else {})
    assert (await client.post("/items", json={"name": "t"}, headers=headers)).status_code == 201
    assert await expiry_of(database) == kept

"""Sessions on SQLite: writers take the write lock when they begin (a read-then-write transaction
never fails on a snapshot another writer moved), readers never wait for a writer."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from servicekit.db import Database

pytestmark = pytest.mark.asyncio


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path}/kit.db")
    async with database.session() as session:
        await session.execute(text("CREATE TABLE items (name TEXT NOT NULL)"))
        await session.execute(text("INSERT INTO items VALUES ('committed')"))
    try:
        yield database
    finally:
        await database.dispose()


async def names(database: Database) -> list[str]:
    async with database.session(read_only=True) as session:
        return list((await session.execute(text("SELECT name FROM items ORDER BY name"))).scalars())


async def test_a_reader_does_not_wait_for_an_open_write_transaction(database: Database) -> None:
    async with database.session() as writer:
        await writer.execute(text("INSERT INTO items VALUES ('pending')"))
        # Still in the writer's transaction: the reader sees what was committed, at once.
        assert await asyncio.wait_for(names(database), timeout=5) == ["committed"]
    assert await names(database) == ["committed", "pending"]


async def test_a_second_writer_waits_for_the_first_and_then_writes(database: Database) -> None:
    second_started = asyncio.Event()

    async def second() -> None:
        second_started.set()
        async with database.session() as session:
            count = await session.scalar(text("SELECT count(*) FROM items"))
            await session.execute(text("INSERT INTO items VALUES (:name)"), {"name": f"second saw {count}"})

    async with database.session() as first:
        await first.execute(text("INSERT INTO items VALUES ('first')"))
        task = asyncio.create_task(second())
        await second_started.wait()
        await asyncio.sleep(0.05)
        assert not task.done()  # it waits for the write lock instead of reading a stale count
    await asyncio.wait_for(task, timeout=10)
    assert await names(database) == ["committed", "first", "second saw 2"]


async def test_read_only_sessions_may_run_side_by_side(database: Database) -> None:
    async with database.session(read_only=True) as one, database.session(read_only=True) as two:
        first = await one.scalar(text("SELECT count(*) FROM items"))
        second = await asyncio.wait_for(two.scalar(text("SELECT count(*) FROM items")), timeout=5)
    assert first == second == 1

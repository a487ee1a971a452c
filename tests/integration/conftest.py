from collections.abc import AsyncIterator

import pytest
from aiokafka import ConsumerRecord
from spine_harness import migrated

from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import read_topic_until
from servicekit.db import Database


@pytest.fixture
async def spine_db(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = await migrated(await databases.new("spine"))
    yield database
    await database.dispose()


async def read_topic(bootstrap: str, topic: str, expected: int, timeout_s: float = 20) -> list[ConsumerRecord]:
    return await read_topic_until(bootstrap, topic, lambda records: len(records) >= expected, timeout_s)

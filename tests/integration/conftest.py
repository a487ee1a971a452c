import asyncio
from collections.abc import AsyncIterator

import pytest
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from spine_harness import migrated

from devstack.databases import DatabaseFactory
from servicekit.db import Database


@pytest.fixture
async def spine_db(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = await migrated(await databases.new("spine"))
    yield database
    await database.dispose()


async def read_topic(bootstrap: str, topic: str, expected: int, timeout_s: float = 20) -> list[ConsumerRecord]:
    """Every record of `topic` from the start (no consumer group: no rebalance wait), in partition order."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        while not partitions:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        await consumer.seek_to_beginning()
        records: list[ConsumerRecord] = []
        deadline = asyncio.get_running_loop().time() + timeout_s
        while len(records) < expected and asyncio.get_running_loop().time() < deadline:
            batch = await consumer.getmany(timeout_ms=200)
            for partition_records in batch.values():
                records.extend(partition_records)
        return records
    finally:
        await consumer.stop()

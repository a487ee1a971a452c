"""The broker dies; 200 state changes happen meanwhile; it comes back: every event arrives, and
none has its effect twice."""

import uuid

import pytest
from spine_harness import (
    NoteWriter,
    consumer_for,
    create_topic,
    effect_rows,
    migrated,
    relay_for,
    unique_topic,
    wait_until,
)

from devstack.databases import DatabaseFactory

pytestmark = pytest.mark.fault


async def test_events_written_while_the_broker_is_down_all_arrive_once(
    databases: DatabaseFactory, kafka_bootstrap: str, kafka_idempotent: bool, kafka_control
) -> None:
    topic = unique_topic("broker-down")
    await create_topic(kafka_bootstrap, topic)
    producer_db = await migrated(await databases.new("down_producer"))
    consumer_db = await migrated(await databases.new("down_consumer"))
    writer = NoteWriter(producer_db, topic)
    relay = relay_for(writer, kafka_bootstrap, kafka_idempotent)
    consumer = consumer_for(consumer_db, kafka_bootstrap, topic, idempotent=kafka_idempotent)
    relay.start()
    consumer.start()
    try:
        warm_up = await writer.write(uuid.uuid4(), seq=0)
        await wait_until(lambda: _effects_at_least(consumer_db, 1), timeout_s=60)

        await kafka_control("stop")
        keys = [uuid.uuid4() for _ in range(10)]
        written = [await writer.write(keys[i % 10], seq=i + 1) for i in range(200)]
        assert await relay.backlog() == 200, "events went somewhere while the broker was down"
        await kafka_control("start")

        await wait_until(lambda: _effects_at_least(consumer_db, 201), timeout_s=180, interval_s=0.5)
    finally:
        await consumer.stop()
        await relay.stop()
    rows = await effect_rows(consumer_db)
    event_ids = [row[0] for row in rows]
    assert len(event_ids) == len(set(event_ids)) == 201
    assert set(event_ids) == {warm_up.id, *(e.id for e in written)}
    for key in keys:
        sequence = [row[2] for row in rows if row[1] == str(key)]
        assert sequence == sorted(sequence), "events of one key arrived out of order"
    await producer_db.dispose()
    await consumer_db.dispose()


async def _effects_at_least(database, n: int) -> bool:  # type: ignore[no-untyped-def]
    return len(await effect_rows(database)) >= n

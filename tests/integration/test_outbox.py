"""The transactional outbox against a real broker and database."""

import uuid

import pytest
from spine_harness import NoteWriter, count, create_topic, messaging, notes, relay_for, unique_topic, wait_until
from sqlalchemy import select

from contracts import decode
from servicekit.db import Database

from .conftest import read_topic


async def test_state_change_and_its_event_commit_together(
    spine_db: Database, kafka_bootstrap: str, kafka_idempotent: bool
) -> None:
    topic = unique_topic()
    await create_topic(kafka_bootstrap, topic)
    writer = NoteWriter(spine_db, topic)
    key = uuid.uuid4()

    envelope = await writer.write(key, seq=1)

    assert await count(spine_db, notes) == 1
    assert await count(spine_db, messaging.outbox) == 1
    relay = relay_for(writer, kafka_bootstrap, kafka_idempotent)
    relay.start()
    try:
        records = await read_topic(kafka_bootstrap, topic, expected=1)
        assert [decode(r.value).id for r in records] == [envelope.id]
        assert records[0].key == str(key).encode()
        assert dict(records[0].headers)["type"] == b"campaign.created"
        await wait_until(lambda: _all_published(spine_db), timeout_s=5)
    finally:
        await relay.stop()


async def _all_published(database: Database) -> bool:
    async with database.sessionmaker() as session:
        pending = await session.scalar(
            select(messaging.outbox.c.id).where(messaging.outbox.c.published_at.is_(None)).limit(1)
        )
    return pending is None


async def test_rollback_publishes_nothing(spine_db: Database, kafka_bootstrap: str, kafka_idempotent: bool) -> None:
    topic = unique_topic()
    await create_topic(kafka_bootstrap, topic, partitions=1)
    writer = NoteWriter(spine_db, topic)
    relay = relay_for(writer, kafka_bootstrap, kafka_idempotent)
    relay.start()
    try:
        with pytest.raises(RuntimeError, match="failed after its event"):
            await writer.write(uuid.uuid4(), seq=1, fail_after_write=True)
        assert await count(spine_db, notes) == 0
        assert await count(spine_db, messaging.outbox) == 0

        committed = await writer.write(uuid.uuid4(), seq=2)
        # One partition: had the rolled-back event gone out, it would come before this one.
        records = await read_topic(kafka_bootstrap, topic, expected=2, timeout_s=3)
        assert [decode(r.value).id for r in records] == [committed.id]
    finally:
        await relay.stop()


async def test_events_are_published_in_order_per_key(
    spine_db: Database, kafka_bootstrap: str, kafka_idempotent: bool
) -> None:
    topic = unique_topic()
    await create_topic(kafka_bootstrap, topic, partitions=3)
    writer = NoteWriter(spine_db, topic)
    keys = [uuid.uuid4() for _ in range(5)]
    for seq in range(60):
        await writer.write(keys[seq % len(keys)], seq=seq)
    # A small batch size makes the relay cross several batches.
    relay = relay_for(writer, kafka_bootstrap, kafka_idempotent, batch_size=7)
    relay.start()
    try:
        records = await read_topic(kafka_bootstrap, topic, expected=60)
    finally:
        await relay.stop()
    assert len(records) == 60
    by_key: dict[bytes, list[int]] = {}
    for record in records:
        by_key.setdefault(record.key, []).append(int(decode(record.value).data["name"]))
    assert len(by_key) == 5
    for sequence in by_key.values():
        assert sequence == sorted(sequence)
        assert len(sequence) == 12

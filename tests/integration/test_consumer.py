"""The consumer runner: inbox de-duplication, bounded retries, the dead-letter topic."""

import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaProducer
from spine_harness import (
    NoteWriter,
    consumer_for,
    create_topic,
    effect_rows,
    messaging,
    note_event,
    relay_for,
    unique_topic,
    wait_until,
)
from sqlalchemy import select

from contracts import decode, encode
from servicekit.db import Database
from servicekit.logs import correlation_id_var

from .conftest import read_topic


async def test_the_same_event_delivered_twice_has_one_effect(
    spine_db: Database, kafka_bootstrap: str, kafka_idempotent: bool
) -> None:
    topic = unique_topic()
    await create_topic(kafka_bootstrap, topic)
    writer = NoteWriter(spine_db, topic)
    envelope = writer.outbox.envelope(note_event(uuid.uuid4(), 1), tenant_id=None, subject="s")
    later = writer.outbox.envelope(note_event(uuid.uuid4(), 2), tenant_id=None, subject="s")
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        for each in (envelope, envelope, later, envelope):
            await producer.send_and_wait(topic, encode(each), key=b"k")
    finally:
        await producer.stop()

    consumer = consumer_for(spine_db, kafka_bootstrap, topic, idempotent=kafka_idempotent)
    consumer.start()
    try:
        await wait_until(lambda: _has_rows(spine_db, 2), timeout_s=30)
        await _settle(consumer)
    finally:
        await consumer.stop()
    assert [(row[0], row[2]) for row in await effect_rows(spine_db)] == [(envelope.id, 1), (later.id, 2)]
    async with spine_db.sessionmaker() as session:
        inbox = set((await session.scalars(select(messaging.inbox.c.event_id))).all())
    assert inbox == {envelope.id, later.id}


async def test_poison_event_goes_to_the_dlq_and_the_next_one_is_handled(
    spine_db: Database, kafka_bootstrap: str, kafka_idempotent: bool, caplog: pytest.LogCaptureFixture
) -> None:
    topic = unique_topic()
    dlq = topic.replace(".events", ".dlq")
    await create_topic(kafka_bootstrap, topic, partitions=1)
    await create_topic(kafka_bootstrap, dlq, partitions=1)
    writer = NoteWriter(spine_db, topic)
    key = uuid.uuid4()
    # Written while handling a request: the event carries its correlation id.
    token = correlation_id_var.set("request-poison-1")
    try:
        poison = await writer.write_poison(key)
    finally:
        correlation_id_var.reset(token)
    good = await writer.write(key, seq=7)
    relay = relay_for(writer, kafka_bootstrap, kafka_idempotent)
    consumer = consumer_for(spine_db, kafka_bootstrap, topic, idempotent=kafka_idempotent, max_attempts=3)
    relay.start()
    consumer.start()
    try:
        await wait_until(lambda: _has_rows(spine_db, 1), timeout_s=30)
        dead = await read_topic(kafka_bootstrap, dlq, expected=1)
    finally:
        await consumer.stop()
        await relay.stop()

    assert [row[0] for row in await effect_rows(spine_db)] == [good.id]
    assert len(dead) == 1
    assert decode(dead[0].value).id == poison.id
    headers = {k: v.decode() for k, v in dead[0].headers}
    assert headers["attempts"] == "3"
    assert headers["error_type"] == "ValueError"
    assert "rejects poison" in headers["error"]
    assert headers["source_topic"] == topic
    # The consumer's lines about the event carry the correlation id of the request behind it.
    about_poison = [r for r in caplog.records if str(poison.id) in r.getMessage() or "dead-lettered" in r.getMessage()]
    assert len(about_poison) == 4  # three failed attempts, then the DLQ
    assert {r.correlation_id for r in about_poison} == {"request-poison-1"}


async def test_unparseable_bytes_go_to_the_dlq_at_once(
    spine_db: Database, kafka_bootstrap: str, kafka_idempotent: bool
) -> None:
    topic = unique_topic()
    dlq = topic.replace(".events", ".dlq")
    await create_topic(kafka_bootstrap, topic, partitions=1)
    await create_topic(kafka_bootstrap, dlq, partitions=1)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"{not json", key=b"k")
        writer = NoteWriter(spine_db, topic)
        good = writer.outbox.envelope(note_event(uuid.uuid4(), 1), tenant_id=None, subject="s")
        await producer.send_and_wait(topic, encode(good), key=b"k")
    finally:
        await producer.stop()
    consumer = consumer_for(spine_db, kafka_bootstrap, topic, idempotent=kafka_idempotent)
    consumer.start()
    try:
        await wait_until(lambda: _has_rows(spine_db, 1), timeout_s=30)
        dead = await read_topic(kafka_bootstrap, dlq, expected=1)
    finally:
        await consumer.stop()
    assert dead[0].value == b"{not json"
    assert dict(dead[0].headers)["attempts"] == b"1"


async def _has_rows(database: Database, n: int) -> bool:
    return len(await effect_rows(database)) >= n


async def _settle(consumer: object) -> None:
    # Give a wrongly applied duplicate the chance to show up before counting.
    await asyncio.sleep(0.5)

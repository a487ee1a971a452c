"""A consumer killed after its handler ran but before the offset commit gets the event again on
restart, and the inbox keeps the effect single."""

import asyncio
import os
import sys
import uuid
from pathlib import Path

from spine_harness import NoteWriter, create_topic, effect_rows, migrated, relay_for, unique_topic

from devstack.databases import DatabaseFactory
from servicekit.db import Database

from .conftest import read_topic

SCRIPT = Path(__file__).resolve().parents[1] / "support" / "crash_consumer.py"


async def run_consumer(*args: str, timeout_s: float = 60) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(SCRIPT.parent)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(SCRIPT), *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout_s)
    except TimeoutError:
        process.kill()
        raise
    return process.returncode or 0, output.decode()


async def test_crash_between_effect_and_offset_commit_redelivers_without_a_second_effect(
    databases: DatabaseFactory, kafka_bootstrap: str, kafka_idempotent: bool
) -> None:
    topic = unique_topic()
    await create_topic(kafka_bootstrap, topic, partitions=1)
    producer_db = await migrated(await databases.new("crash_producer"))
    consumer_url = await databases.new("crash_consumer")
    writer = NoteWriter(producer_db, topic)
    event = await writer.write(uuid.uuid4(), seq=1)
    relay = relay_for(writer, kafka_bootstrap, kafka_idempotent)
    relay.start()
    try:
        await read_topic(kafka_bootstrap, topic, expected=1)
    finally:
        await relay.stop()
        await producer_db.dispose()

    common = [
        "--database",
        consumer_url,
        "--bootstrap",
        kafka_bootstrap,
        "--topic",
        topic,
        "--group",
        f"crash-{uuid.uuid4().hex[:6]}",
    ]
    code, output = await run_consumer(*common, "--crash")
    assert code == 17, output
    assert f"handled {event.id} effect" in output

    code, output = await run_consumer(*common)
    assert code == 0, output
    assert f"handled {event.id} duplicate" in output, "the event was not redelivered after the crash"

    consumer_db = Database(consumer_url)
    try:
        assert [row[0] for row in await effect_rows(consumer_db)] == [event.id]
    finally:
        await consumer_db.dispose()

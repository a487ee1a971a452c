"""Outbox-to-consumer throughput (events/s) and end-to-end latency (p50/p99) of the spine.

Throughput: N events wait in the outbox; the relay publishes them and a consumer group handles
each in its own transaction (inbox row + effect row). Time from relay start to the last effect.
Latency: events written one per transaction at a steady rate; for each, the time from its
commit to its effect row's commit in the consumer's database.

    python bench/spine_throughput.py [--events 20000] [--rates 50,200] [--seconds 5]
        [--kafka HOST:PORT] [--database-url URL]   # default: embedded broker, SQLite files
Prints the figures and writes bench/results/spine_throughput.json.
"""

import argparse
import asyncio
import json
import platform
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from aiokafka import ConsumerRecord  # noqa: E402
from spine_harness import (  # noqa: E402
    NoteWriter,
    consumer_for,
    create_topic,
    effects,
    migrated,
    note_event,
    relay_for,
    unique_topic,
)
from sqlalchemy import func, select  # noqa: E402

from contracts import decode  # noqa: E402
from devstack.broker import EmbeddedBroker  # noqa: E402
from devstack.databases import DatabaseFactory  # noqa: E402
from devstack.ports import free_port  # noqa: E402
from servicekit.consumer import EventConsumer  # noqa: E402


async def effect_count(database) -> int:  # type: ignore[no-untyped-def]
    async with database.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(effects)) or 0)


async def wait_for_effects(database, n: int, timeout_s: float) -> float:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        if await effect_count(database) >= n:
            return time.perf_counter()
        await asyncio.sleep(0.02)
    raise TimeoutError(f"fewer than {n} effects after {timeout_s}s")


async def joined(consumer: EventConsumer) -> None:
    await asyncio.wait_for(consumer.assigned.wait(), 60)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def throughput(bootstrap: str, idempotent: bool, url_for, events: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    topic = unique_topic("bench")
    await create_topic(bootstrap, topic)
    producer_db = await migrated(await url_for("producer"))
    consumer_db = await migrated(await url_for("consumer"))
    writer = NoteWriter(producer_db, topic)
    keys = [uuid.uuid4() for _ in range(100)]
    # Filled in batches: the outbox's write cost is not what this measures.
    async with producer_db.session() as session:
        envelopes = [
            (writer.outbox.envelope(note_event(keys[i % 100], i), tenant_id=None, subject=keys[i % 100]), keys[i % 100])
            for i in range(events)
        ]
        for start in range(0, events, 1000):
            await writer.outbox.add_envelopes(session, envelopes[start : start + 1000])
    consumer = consumer_for(consumer_db, bootstrap, topic, idempotent=idempotent)
    consumer.start()
    await joined(consumer)
    relay = relay_for(writer, bootstrap, idempotent)
    started = time.perf_counter()
    relay.start()
    try:
        published_at = None
        while published_at is None:
            if await relay.backlog() == 0:
                published_at = time.perf_counter()
            await asyncio.sleep(0.01)
        finished = await wait_for_effects(consumer_db, events, timeout_s=600)
    finally:
        await relay.stop()
        await consumer.stop()
        await producer_db.dispose()
        await consumer_db.dispose()
    return {
        "events": events,
        "publish_events_per_s": round(events / (published_at - started), 1),
        "end_to_end_events_per_s": round(events / (finished - started), 1),
        "seconds": round(finished - started, 3),
    }


async def latency(bootstrap: str, idempotent: bool, url_for, rate: float, seconds: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    topic = unique_topic("bench-latency")
    await create_topic(bootstrap, topic)
    producer_db = await migrated(await url_for("latency_producer"))
    consumer_db = await migrated(await url_for("latency_consumer"))
    writer = NoteWriter(producer_db, topic)
    handled_at: dict[uuid.UUID, float] = {}
    total = int(rate * seconds)
    all_handled = asyncio.Event()

    class TimedConsumer(EventConsumer):
        """Stamps each event when the transaction holding its effect has committed."""

        def _stamp(self, records: list[ConsumerRecord]) -> None:
            now = time.perf_counter()
            for record in records:
                handled_at[decode(record.value).id] = now
            if len(handled_at) >= total:
                all_handled.set()

        async def _handle_together(self, records: list[ConsumerRecord]) -> bool:
            together = await super()._handle_together(records)
            if together:
                self._stamp(records)
            return together

        async def handle_record(self, record: ConsumerRecord) -> bool:
            done = await super().handle_record(record)
            self._stamp([record])
            return done

    consumer = consumer_for(consumer_db, bootstrap, topic, idempotent=idempotent, cls=TimedConsumer)
    relay = relay_for(writer, bootstrap, idempotent)
    consumer.start()
    relay.start()
    await joined(consumer)
    committed_at: dict[uuid.UUID, float] = {}
    interval = 1 / rate
    key = uuid.uuid4()
    try:
        next_at = time.perf_counter()
        for seq in range(total):
            envelope = await writer.write(key, seq)
            committed_at[envelope.id] = time.perf_counter()
            next_at += interval
            await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
        await asyncio.wait_for(all_handled.wait(), 60)
    finally:
        await relay.stop()
        await consumer.stop()
        await producer_db.dispose()
        await consumer_db.dispose()
    samples = [(handled_at[i] - committed_at[i]) * 1000 for i in committed_at if i in handled_at]
    return {
        "events": len(samples),
        "rate_per_s": rate,
        "p50_ms": round(statistics.median(samples), 2),
        "p99_ms": round(percentile(samples, 0.99), 2),
        "max_ms": round(max(samples), 2),
    }


async def run(args: argparse.Namespace) -> dict[str, object]:
    broker = None
    if args.kafka:
        bootstrap, idempotent, broker_name = args.kafka, True, "apache-kafka"
    else:
        broker = EmbeddedBroker(free_port())
        broker.start()
        bootstrap, idempotent, broker_name = broker.bootstrap_servers, False, "embedded-tansu"
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    factory = DatabaseFactory(tmp, args.database_url)
    try:
        result = {
            "benchmark": "spine_throughput",
            "when": datetime.now(UTC).isoformat(),
            "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
            "broker": broker_name,
            "database": factory.backend,
            "throughput": await throughput(bootstrap, idempotent, factory.new, args.events),
            "latency": [
                await latency(bootstrap, idempotent, factory.new, float(rate), args.seconds)
                for rate in args.rates.split(",")
            ],
        }
    finally:
        await factory.drop_all()
        if broker is not None:
            broker.stop()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rates", default="50,200", help="events/s of the latency runs, comma-separated")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--kafka", help="bootstrap servers of a running broker (default: embedded)")
    parser.add_argument("--database-url", help="a PostgreSQL admin URL to create bench databases in (default: SQLite)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "spine_throughput.json"))
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()

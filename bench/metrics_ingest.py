"""Click and insight ingestion: from the topics to committed aggregates with exact de-duplication
(each batch's aggregates and its partitions' offsets in one transaction), against the raw rate
of consuming the same records and of a raw batched insert of the same rows, in the same run.
Goal (issue 14): above 50k events/s on this machine, on PostgreSQL.

Each record is one event (a click, or an insight snapshot): the worst case. Under load the
redirect sends a link's clicks of one flush as one record, which costs less per click.

    python bench/metrics_ingest.py [--events 200000] [--postgres-url postgresql+asyncpg://...]
Kafka: KAFKA_BOOTSTRAP_SERVERS if set, else the embedded broker. PostgreSQL: --postgres-url or
TEST_POSTGRES_URL (a server where it may create a database), else SQLite (said in the results).
Prints the figures and writes bench/results/metrics_ingest.json.
"""

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import BigInteger, Column, Integer, LargeBinary, MetaData, String, Table, func, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy" / "local"))

from devstack.broker import EmbeddedBroker  # noqa: E402
from devstack.databases import DatabaseFactory  # noqa: E402
from devstack.ports import free_port  # noqa: E402
from metrics.adapters.aggregator import Aggregator  # noqa: E402
from metrics.adapters.tables import aggregator_offsets, link_clicks, post_snapshots  # noqa: E402
from servicekit.db import Database  # noqa: E402
from servicekit.kafka import ensure_topics  # noqa: E402
from servicekit.testing import migrate  # noqa: E402

PARTITIONS = 3
BATCH = 10_000


def events(n: int, clicks_share: float = 0.8) -> list[tuple[str, bytes, bytes]]:
    """(kind, key, value): clicks on 100 links by 20k visitors (a few bots), snapshots of 1000 posts."""
    rng = random.Random(7)
    org, campaign, partnership = (str(uuid.uuid4()) for _ in range(3))
    links = [str(uuid.uuid4()) for _ in range(100)]
    posts = [str(uuid.uuid4()) for _ in range(1_000)]
    seen_per_post = dict.fromkeys(posts, 0)
    now_ms = int(time.time() * 1000)
    made = []
    for i in range(n):
        if rng.random() < clicks_share:
            link = rng.choice(links)
            agent = "bot" if rng.random() < 0.02 else "mobile"
            click = {"id": f"b{i}", "l": link, "t": org, "c": campaign, "p": partnership, "at": now_ms + i,
                     "ua": agent, "h": f"{rng.randrange(20_000):032x}", "r": None}  # fmt: skip
            made.append(("click", link.encode(), orjson.dumps(click)))
        else:
            post = rng.choice(posts)
            seen_per_post[post] += 1
            n = seen_per_post[post]
            snapshot = {"post": post, "t": org, "c": campaign, "p": partnership, "at": now_ms + n * 60_000,
                        "m": {"views": n * 100}}  # fmt: skip
            made.append(("insight", post.encode(), orjson.dumps(snapshot)))
    return made


async def produce(bootstrap: str, topics: dict[str, str], made: list[tuple[str, bytes, bytes]]) -> float:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, max_batch_size=512 * 1024)
    await producer.start()
    started = time.perf_counter()
    try:
        pending = []
        for kind, key, value in made:
            pending.append(await producer.send(topics[kind], value, key=key))
            if len(pending) >= 10_000:
                await asyncio.gather(*pending)
                pending = []
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return len(made) / (time.perf_counter() - started)


async def raw_consume(bootstrap: str, topics: list[str], n: int) -> tuple[float, list[tuple[str, int, int, bytes]]]:
    consumer = AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap, group_id=f"bench-raw-{uuid.uuid4().hex[:6]}",
        auto_offset_reset="earliest", enable_auto_commit=False, max_poll_records=BATCH, fetch_max_wait_ms=50,
        max_partition_fetch_bytes=4 * 1024 * 1024,
    )  # fmt: skip
    await consumer.start()
    rows: list[tuple[str, int, int, bytes]] = []
    started = None
    try:
        while len(rows) < n:
            batches = await consumer.getmany(timeout_ms=500, max_records=BATCH)
            if started is None and batches:
                started = time.perf_counter()
            for records in batches.values():
                rows.extend((r.topic, r.partition, r.offset, r.value) for r in records)
    finally:
        await consumer.stop()
    assert started is not None
    return n / (time.perf_counter() - started), rows


async def raw_insert(url: str, rows: list[tuple[str, int, int, bytes]]) -> float:
    metadata = MetaData()
    table = Table(
        "raw_events", metadata,
        Column("topic", String(255), nullable=False), Column("partition", Integer, nullable=False),
        Column("offset", BigInteger, nullable=False), Column("value", LargeBinary, nullable=False),
    )  # fmt: skip
    database = Database(url)
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(metadata.create_all)
        started = time.perf_counter()
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            async with database.session() as session:
                await session.execute(
                    insert(table), [{"topic": t, "partition": p, "offset": o, "value": v} for t, p, o, v in chunk]
                )
        return len(rows) / (time.perf_counter() - started)
    finally:
        await database.dispose()


async def aggregate(url: str, bootstrap: str, topics: dict[str, str], n: int) -> tuple[float, float, dict[str, int]]:
    """Events per second from the first committed batch to the last, the CPU this process spent
    per event meanwhile (microseconds: the consumer, the folding, the driver), and what was folded."""
    database = Database(url)
    await migrate(database, "metrics:migrations", "head")
    aggregator = Aggregator(
        database=database, bootstrap_servers=bootstrap, clicks_topic=topics["click"],
        insights_topic=topics["insight"], group_id=f"bench-agg-{uuid.uuid4().hex[:6]}", batch_records=BATCH,
        fetch_max_wait_ms=50,
    )  # fmt: skip
    aggregator.start()
    try:
        started = None
        while True:
            async with database.session(read_only=True) as session:
                done = int(await session.scalar(select(func.coalesce(func.sum(aggregator_offsets.c.next_offset), 0))))
            if started is None and done:
                started, cpu_started, done_at_start = time.perf_counter(), time.process_time(), done
            if done >= n:
                break
            await asyncio.sleep(0.02)
        assert started is not None
        elapsed = time.perf_counter() - started
        cpu_us = (time.process_time() - cpu_started) / max(n - done_at_start, 1) * 1e6
        async with database.session(read_only=True) as session:
            c = link_clicks.c
            clicks = int(await session.scalar(select(func.sum(c.counted + c.bots + c.repeats))) or 0)
            snapshots = int(await session.scalar(select(func.count()).select_from(post_snapshots)) or 0)
        # the first poll that saw progress came after the first batch: count from it (conservative)
        return n / elapsed, cpu_us, {"clicks": clicks, "snapshots": snapshots}
    finally:
        await aggregator.stop()
        await database.dispose()


async def run(args: argparse.Namespace) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp(prefix="metrics-ingest-"))
    broker = None
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        broker = EmbeddedBroker(free_port(), log_path=tmp / "broker.log")
        broker.start()
        bootstrap = broker.bootstrap_servers
    postgres = args.postgres_url or os.environ.get("TEST_POSTGRES_URL")
    databases = DatabaseFactory(tmp, postgres)
    suffix = uuid.uuid4().hex[:6]
    topics = {"click": f"bench-clicks-{suffix}", "insight": f"bench-insights-{suffix}"}
    try:
        await ensure_topics(bootstrap, list(topics.values()), partitions=PARTITIONS, replication_factor=1)
        made = events(args.events)
        produced_rate = await produce(bootstrap, topics, made)
        consume_rate, rows = await raw_consume(bootstrap, list(topics.values()), len(made))
        insert_rate = await raw_insert(await databases.new("bench_raw"), rows)
        aggregate_rate, aggregate_cpu_us, folded = await aggregate(
            await databases.new("bench_agg"), bootstrap, topics, len(made)
        )
    finally:
        await databases.drop_all()
        if broker is not None:
            broker.stop()
    sent_clicks = sum(1 for kind, _, _ in made if kind == "click")
    return {
        "benchmark": "metrics_ingest",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, python {platform.python_version()}",
        "load_average_1_5_15_min": [round(x, 2) for x in os.getloadavg()],
        "broker": "embedded (tansu, in memory)" if broker else f"Kafka at {bootstrap}",
        "database": "postgresql" if postgres else "sqlite (no --postgres-url nor TEST_POSTGRES_URL)",
        "events": len(made),
        "partitions": PARTITIONS,
        "goal": {"aggregated_events_per_s_min": 50_000},
        "produced_events_per_s": round(produced_rate),
        "raw_consume_events_per_s": round(consume_rate),
        "raw_batched_insert_rows_per_s": round(insert_rate),
        "aggregated_events_per_s": round(aggregate_rate),
        "aggregated_vs_raw_consume": round(aggregate_rate / consume_rate, 3),
        "aggregated_vs_raw_insert": round(aggregate_rate / insert_rate, 3),
        "aggregator_cpu_us_per_event": round(aggregate_cpu_us, 2),
        "exact": {
            "clicks_sent": sent_clicks,
            "clicks_folded": folded["clicks"],
            "snapshots_sent": len(made) - sent_clicks,
            "snapshots_folded": folded["snapshots"],
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--postgres-url", default=None)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "metrics_ingest.json"))
    args = parser.parse_args()
    report = asyncio.run(run(args))
    print(json.dumps(report, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()

"""The aggregator: reads the click and insight topics in batches (a record holds one click or
snapshot, or a list of them) and commits each batch's
aggregates in one transaction together with the next offset of each partition it read. A
partition's stored offset is where reading resumes (the consumer seeks there on assignment), and
records below it are skipped, so each record counts exactly once, across crashes and rebalances;
offsets are never committed to Kafka for correctness."""

import asyncio
import contextlib
import gc
import logging
import time
from datetime import UTC, datetime
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, ConsumerRecord, TopicPartition
from prometheus_client import Counter, Histogram
from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.aggregation import fold_clicks, fold_insights, keep_visitors, load_visitors
from metrics.adapters.sql import insert_for
from metrics.adapters.tables import aggregator_offsets
from metrics.domain.clicks import REPEAT_WINDOW
from servicekit.db import Database

log = logging.getLogger(__name__)
VISITOR_MEMORY_MS = int(REPEAT_WINDOW.total_seconds() * 1000)

AGGREGATED = Counter("metrics_aggregated_total", "Records folded into the aggregates", ["topic"])
MALFORMED = Counter("metrics_aggregator_malformed_total", "Records the aggregator could not read", ["topic"])
BATCH_SECONDS = Histogram(
    "metrics_aggregator_batch_seconds",
    "Time to fold and commit one batch",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)


async def stored_offsets(
    session: AsyncSession, partitions: list[TopicPartition], lock: bool
) -> dict[TopicPartition, int]:
    o = aggregator_offsets.c
    query = select(o.topic, o.partition, o.next_offset).where(
        tuple_(o.topic, o.partition).in_([(tp.topic, tp.partition) for tp in partitions])
    )
    if lock:
        query = query.with_for_update()
    rows = await session.execute(query)
    return {TopicPartition(topic, partition): offset for topic, partition, offset in rows}


_frozen = False


def _freeze_startup_objects() -> None:
    """Moves what the process holds by now (modules, the app, its caches: they live as long as it
    does) out of the collector's sight. Each batch leaves thousands of objects behind, which
    triggers full collections; walking the startup objects again each time cost about 4 us per
    event (a fifth of the aggregator's CPU, bench/metrics_ingest.py). Once per process."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def pause_after(folded: int, batch_records: int, took_s: float, min_interval_s: float) -> float:
    """How long to wait before the next batch: a batch costs its transaction whatever its size, so
    under a steady stream of clicks (one record per click flush) batches start at most every
    `min_interval_s`; a full batch (a backlog) is followed at once."""
    if folded >= batch_records:
        return 0.0
    return max(0.0, min_interval_s - took_s)


class _SeekToStored(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, aggregator: "Aggregator") -> None:
        self.aggregator = aggregator

    async def on_partitions_revoked(self, revoked: Any) -> None:
        self.aggregator.forget_visitors()

    async def on_partitions_assigned(self, assigned: Any) -> None:
        self.aggregator.forget_visitors()
        await self.aggregator.seek_to_stored(list(assigned))


class Aggregator:
    def __init__(
        self,
        *,
        database: Database,
        bootstrap_servers: str,
        clicks_topic: str,
        insights_topic: str,
        group_id: str,
        batch_records: int,
        fetch_max_wait_ms: int,
        min_interval_ms: int = 0,
        security: dict[str, Any] | None = None,
        visitor_sweep_interval_s: float = 60.0,
    ) -> None:
        self.database = database
        self.bootstrap_servers = bootstrap_servers
        self.clicks_topic = clicks_topic
        self.insights_topic = insights_topic
        self.group_id = group_id
        self.batch_records = batch_records
        self.fetch_max_wait_ms = fetch_max_wait_ms
        self.min_interval_s = min_interval_ms / 1000
        self.security = security or {}
        self._consumer: AIOKafkaConsumer | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self.assigned = asyncio.Event()
        # Visitors' last counted clicks (epoch ms) of the partitions this process holds (read with
        # its first batch of each, then kept up to date: it alone writes them then); forgotten at
        # every rebalance, and past twice the repeat window behind the newest click counted in
        # their own partition (not the clock: a backlog read hours late still tells its repeats;
        # nor another partition's: one gone quiet for hours must not hold back the others' sweep).
        # One memory for all, each link's partition beside it: a click is looked up by (link,
        # client) alone on the hot path, and a link's clicks share a partition (its key).
        self._visitors: dict[tuple[str, str], int] = {}
        self._partition_of_link: dict[str, TopicPartition] = {}
        self._visitors_of: set[TopicPartition] = set()
        self._newest_of: dict[TopicPartition, int] = {}
        self._visitor_sweep_interval_s = visitor_sweep_interval_s
        self._visitors_swept_at = time.monotonic()

    @property
    def visitors_remembered(self) -> int:
        """How many visitors (link, client) the memory holds."""
        return len(self._visitors)

    def forget_visitors(self) -> None:
        self._visitors.clear()
        self._partition_of_link.clear()
        self._visitors_of.clear()
        self._newest_of.clear()

    def _recall(self, loaded: dict[tuple[str, str], int], partition_of: dict[str, TopicPartition]) -> None:
        """Adds the visitors read back for partitions; each partition's newest of them is its
        newest until it counts one, so they are swept by its own time from the start."""
        for pair, millis in loaded.items():
            self._visitors[pair] = max(millis, self._visitors.get(pair, millis))
            partition = partition_of.get(pair[0])
            if partition is not None:
                self._newest_of[partition] = max(millis, self._newest_of.get(partition, millis))
        self._partition_of_link.update(partition_of)

    def _remember(
        self,
        visitors: dict[tuple[str, str], int],
        newest: dict[TopicPartition, int],
        partition_of: dict[str, TopicPartition],
    ) -> None:
        self._visitors.update(visitors)
        self._partition_of_link.update(partition_of)
        for partition, millis in newest.items():
            self._newest_of[partition] = max(millis, self._newest_of.get(partition, millis))
        if time.monotonic() - self._visitors_swept_at >= self._visitor_sweep_interval_s and self._newest_of:
            self._visitors_swept_at = time.monotonic()
            self._sweep_visitors()

    def _sweep_visitors(self) -> None:
        oldest = {partition: millis - 2 * VISITOR_MEMORY_MS for partition, millis in self._newest_of.items()}
        # A visitor of no known partition (kept before metrics' migration 0005) follows the one
        # furthest behind, as every visitor did before.
        unplaced = min(oldest.values())
        oldest_of_link = {link: oldest.get(tp, unplaced) for link, tp in self._partition_of_link.items()}
        self._visitors = {
            pair: at for pair, at in self._visitors.items() if at >= oldest_of_link.get(pair[0], unplaced)
        }
        links = {link for link, _ in self._visitors}
        self._partition_of_link = {link: tp for link, tp in self._partition_of_link.items() if link in links}

    def start(self) -> None:
        _freeze_startup_objects()
        self._task = asyncio.create_task(self._run(), name="metrics-aggregator")

    async def stop(self, grace_s: float = 5.0) -> None:
        """Lets the batch in hand commit, then stops; one cut short rolls back and is read again."""
        self._stopping = True
        if self._task is not None:
            done, _ = await asyncio.wait({self._task}, timeout=grace_s)
            if not done:
                self._task.cancel()
                await asyncio.gather(self._task, return_exceptions=True)
        if self._consumer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._consumer.stop(), 5)

    async def _run(self) -> None:
        backoff = 0.5
        while not self._stopping:
            try:
                if self._consumer is None:
                    consumer = AIOKafkaConsumer(
                        **self.security,
                        bootstrap_servers=self.bootstrap_servers,
                        group_id=self.group_id,
                        client_id=f"{self.group_id}-consumer",
                        enable_auto_commit=False,
                        auto_offset_reset="earliest",
                        max_poll_records=self.batch_records,
                        fetch_max_wait_ms=self.fetch_max_wait_ms,
                        max_partition_fetch_bytes=4 * 1024 * 1024,
                    )
                    consumer.subscribe([self.clicks_topic, self.insights_topic], listener=_SeekToStored(self))
                    self._consumer = consumer
                    await consumer.start()
                batches = await self._consumer.getmany(timeout_ms=200, max_records=self.batch_records)
                if self._consumer.assignment():
                    self.assigned.set()
                if batches and not self._stopping:
                    started = time.monotonic()
                    folded = await self.apply(batches)
                    pause = pause_after(folded, self.batch_records, time.monotonic() - started, self.min_interval_s)
                    if pause > 0 and not self._stopping:
                        await asyncio.sleep(pause)  # the consumer keeps fetching meanwhile
                backoff = 0.5
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("aggregator: %r; retrying in %.1fs", exc, backoff)
                consumer, self._consumer = self._consumer, None
                if consumer is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(consumer.stop(), 5)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def seek_to_stored(self, partitions: list[TopicPartition]) -> None:
        consumer = self._consumer
        if not partitions or consumer is None:
            return
        async with self.database.session(read_only=True) as session:
            stored = await stored_offsets(session, partitions, lock=False)
        for partition in partitions:
            if partition in stored:
                consumer.seek(partition, stored[partition])
            else:
                await consumer.seek_to_beginning(partition)

    async def apply(self, batches: dict[TopicPartition, list[ConsumerRecord]]) -> int:
        """Folds the records not folded before and stores the offsets, in one transaction; returns
        how many records it folded."""
        started = time.perf_counter()
        now = datetime.now(UTC)
        clicks: list[dict[str, Any]] = []
        insights: list[dict[str, Any]] = []
        partition_of: dict[str, TopicPartition] = {}  # each clicked link's
        async with self.database.session() as session:
            stored = await stored_offsets(session, list(batches), lock=not self.database.is_sqlite)
            next_offsets: dict[TopicPartition, int] = {}
            for partition, records in batches.items():
                start = stored.get(partition, 0)
                for record in records:
                    if record.offset < start:
                        continue  # folded before (a rebalance or a restart read it again)
                    try:
                        value = orjson.loads(record.value or b"")
                    except orjson.JSONDecodeError:
                        MALFORMED.labels(record.topic).inc()
                        log.error("%s[%d]@%d is not a record; skipped", record.topic, record.partition, record.offset)
                        continue
                    if record.topic != self.clicks_topic:
                        insights.append(value)
                        continue
                    if isinstance(value, list):  # the clicks of one link in one flush (adapters.click_log)
                        clicks.extend(value)
                        partition_of.update((click["l"], partition) for click in value)
                    else:
                        clicks.append(value)
                        partition_of[value["l"]] = partition
                if records and records[-1].offset >= start:
                    next_offsets[partition] = records[-1].offset + 1
            if not next_offsets:
                return 0
            unread = [tp for tp in next_offsets if tp.topic == self.clicks_topic and tp not in self._visitors_of]
            if unread:  # after the offsets' lock: a batch of them committed by their last owner is seen
                loaded_links: dict[str, TopicPartition] = {}
                self._recall(await load_visitors(session, unread, now, loaded_links), loaded_links)
                self._visitors_of.update(unread)
            visitors = await fold_clicks(session, clicks, now, self._visitors)
            newest = await keep_visitors(session, visitors, partition_of, next_offsets)
            await fold_insights(session, insights, now)
            statement = insert_for(session, aggregator_offsets)
            statement = statement.on_conflict_do_update(
                index_elements=["topic", "partition"], set_={"next_offset": statement.excluded.next_offset}
            )
            await session.execute(
                statement,
                [{"topic": tp.topic, "partition": tp.partition, "next_offset": n} for tp, n in next_offsets.items()],
            )
        self._remember(visitors, newest, partition_of)  # once committed: a rolled-back batch is read again
        AGGREGATED.labels(self.clicks_topic).inc(len(clicks))
        AGGREGATED.labels(self.insights_topic).inc(len(insights))
        BATCH_SECONDS.observe(time.perf_counter() - started)
        return len(clicks) + len(insights)

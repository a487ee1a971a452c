"""Everything metrics runs beside its routes to take clicks and insights in: the link directory,
the click log and its spool replayer, the insight log, the aggregator and the publisher."""

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

import orjson
from aiokafka import AIOKafkaProducer

from metrics.adapters.aggregator import Aggregator
from metrics.adapters.click_log import ClickLog, SpoolReplayer
from metrics.adapters.link_directory import LinkDirectory
from metrics.adapters.publisher import Publisher
from metrics.application.insights import AcceptedSnapshot
from metrics.domain.records import Post
from metrics.settings import MetricsSettings
from servicekit.kafka import ensure_topics
from servicekit.problems import Problem
from servicekit.runtime import ServiceRuntime

log = logging.getLogger(__name__)


class Ingestion:
    def __init__(self, runtime: ServiceRuntime) -> None:
        settings: MetricsSettings = runtime.settings  # type: ignore[assignment]
        self.settings = settings
        self.runtime = runtime
        database = runtime.database
        self.links = LinkDirectory(database, settings.link_refresh_interval_s)
        self.clicks = ClickLog(
            database=database,
            topic=settings.clicks_topic,
            producer_factory=self._producer,
            retry_s=settings.click_broker_retry_s,
            send_timeout_s=settings.click_send_timeout_ms / 1000,
            spool_max_rows=settings.click_spool_max_rows,
        )
        self.replayer = SpoolReplayer(database, settings.clicks_topic, self._producer)
        self.aggregator: Aggregator | None = None
        self.publisher: Publisher | None = None
        if settings.consumer_enabled:
            self.aggregator = Aggregator(
                database=database,
                bootstrap_servers=settings.kafka_bootstrap_servers,
                clicks_topic=settings.clicks_topic,
                insights_topic=settings.insights_topic,
                group_id=f"{settings.service_name}-aggregator",
                batch_records=settings.aggregator_batch_records,
                fetch_max_wait_ms=settings.aggregator_fetch_max_wait_ms,
                min_interval_ms=settings.aggregator_min_interval_ms,
                security=settings.kafka_security(),
            )
            self.publisher = Publisher(database, runtime.outbox, settings.publish_interval_s)
        self.click_key = settings.click_key()
        self.client_salt = settings.client_salt()
        self._insight_producer: AIOKafkaProducer | None = None
        self._insight_lock = asyncio.Lock()
        self._topics_task: asyncio.Task[None] | None = None

    def click_producer_options(self) -> dict[str, Any]:
        """How the click producer is built (read by its test rather than aiokafka's internals)."""
        s = self.settings
        return {
            **s.kafka_security(),
            "bootstrap_servers": s.kafka_bootstrap_servers,
            "client_id": f"{s.service_name}-ingest",
            "acks": "all",
            "enable_idempotence": s.kafka_idempotent_producer,
            # A 302 waits for the acknowledgement: no linger on top (under load the producer's one
            # request in flight per broker batches the clicks arriving meanwhile anyway).
            "linger_ms": 0,
            "request_timeout_ms": s.click_send_timeout_ms,
            "retry_backoff_ms": 100,
            "metadata_max_age_ms": 30_000,
        }

    def _producer(self) -> AIOKafkaProducer:
        return AIOKafkaProducer(**self.click_producer_options())

    async def start(self) -> None:
        await self.links.load()
        self.links.start()
        self.clicks.start()
        self.replayer.start()
        if self.publisher is not None:
            self.publisher.start()
        self._topics_task = asyncio.create_task(self._start_consuming(), name="metrics-ingest-topics")

    async def _start_consuming(self) -> None:
        backoff = 0.5
        while True:
            try:
                await ensure_topics(
                    self.settings.kafka_bootstrap_servers,
                    [self.settings.clicks_topic, self.settings.insights_topic],
                    partitions=self.settings.kafka_topic_partitions,
                    replication_factor=self.settings.kafka_replication_factor,
                    security=self.settings.kafka_security(),
                )
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("ingest topics not ready (%s); retrying in %.1fs", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
        if self.aggregator is not None:
            self.aggregator.start()

    async def stop(self) -> None:
        if self._topics_task is not None and not self._topics_task.done():
            self._topics_task.cancel()
        await self.clicks.stop()
        for loop in (self.links, self.replayer, self.publisher):
            if loop is not None:
                await loop.stop()
        if self.aggregator is not None:
            await self.aggregator.stop()
        if self._insight_producer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._insight_producer.stop(), 5)

    async def append_snapshots(self, post: Post, snapshots: Sequence[AcceptedSnapshot]) -> None:
        """Appends them to the insight topic (keyed by post, so one post's stay in order); a 503
        when the broker does not take them: the client sends them again (a repeat changes nothing)."""
        key = str(post.id).encode()
        common: dict[str, Any] = {
            "post": str(post.id),
            "t": str(post.tenant_id),
            "c": str(post.campaign_id),
            "p": str(post.partnership_id),
        }
        try:
            producer = await self._insights_producer()
            deliveries = [
                await producer.send(
                    self.settings.insights_topic,
                    orjson.dumps({**common, "at": int(s.observed_at.timestamp() * 1000), "m": s.metrics}),
                    key=key,
                )
                for s in snapshots
            ]
            await asyncio.gather(*deliveries)
        except Exception as exc:
            log.warning("insight topic unreachable: %r", exc)
            producer, self._insight_producer = self._insight_producer, None
            if producer is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(producer.stop(), 5)
            raise Problem(
                503, "insights cannot be taken right now; send them again shortly", headers={"Retry-After": "5"}
            ) from exc

    async def _insights_producer(self) -> AIOKafkaProducer:
        async with self._insight_lock:
            if self._insight_producer is None:
                producer = self._producer()
                try:
                    await producer.start()
                except BaseException:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(producer.stop(), 5)
                    raise
                self._insight_producer = producer
            return self._insight_producer

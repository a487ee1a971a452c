"""Everything one service process runs beside its HTTP routes: database, outbox relay, consumer."""

import asyncio
import logging
from datetime import timedelta
from typing import Any

from aiokafka import AIOKafkaProducer
from sqlalchemy import MetaData

from servicekit.consumer import EventConsumer
from servicekit.db import Database
from servicekit.handlers import EventHandlers
from servicekit.idempotency import ExpiredKeysPurge
from servicekit.kafka import ensure_topics, new_producer
from servicekit.messaging_tables import MessagingTables
from servicekit.migrations import upgrade_to_head
from servicekit.outbox import Outbox, OutboxRelay
from servicekit.settings import ServiceSettings
from servicekit.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


class ServiceRuntime:
    def __init__(
        self,
        settings: ServiceSettings,
        *,
        metadata: MetaData,
        messaging: MessagingTables,
        migrations: str,
        handlers: EventHandlers[Any] | None = None,
        publishes_events: bool = True,
    ) -> None:
        self.settings = settings
        self.metadata = metadata
        self.migrations = migrations
        self.handlers = handlers or EventHandlers(UnitOfWork)
        self.publishes_events = publishes_events
        self.database = Database(settings.database_url, pool_size=settings.database_pool_size)
        self.outbox = Outbox(messaging.outbox, source=settings.service_name, topic=settings.events_topic)
        self.relay = OutboxRelay(
            self.database,
            messaging.outbox,
            service=settings.service_name,
            producer_factory=self.new_producer,
            batch_size=settings.outbox_batch_size,
            poll_interval_s=settings.outbox_poll_interval_s,
            retention=timedelta(hours=settings.outbox_retention_hours),
        )
        self.outbox.notify_on_commit(self.relay.wake)
        self.consumer: EventConsumer | None = None
        if settings.consumer_enabled and self.handlers:
            self.consumer = EventConsumer(
                service=settings.service_name,
                database=self.database,
                inbox=messaging.inbox,
                outbox=self.outbox,
                handlers=self.handlers,
                bootstrap_servers=settings.kafka_bootstrap_servers,
                dlq_topic=settings.dlq_topic,
                producer_factory=self.new_producer,
                max_attempts=settings.consumer_max_attempts,
                retry_backoff_s=settings.consumer_retry_backoff_s,
                fetch_max_wait_ms=settings.consumer_fetch_max_wait_ms,
                security=settings.kafka_security(),
            )
        self._messaging_task: asyncio.Task[None] | None = None
        self.idempotency_purge = ExpiredKeysPurge(self.database)

    def new_producer(self) -> AIOKafkaProducer:
        s = self.settings
        return new_producer(
            s.kafka_bootstrap_servers,
            idempotent=s.kafka_idempotent_producer,
            client_id=s.service_name,
            request_timeout_ms=s.kafka_request_timeout_ms,
            security=s.kafka_security(),
        )

    def topics(self) -> list[str]:
        own = [self.settings.events_topic] if self.publishes_events else []
        consumed = [self.settings.dlq_topic, *self.consumer.topics] if self.consumer else []
        return sorted(set(own + consumed))

    async def start(self) -> None:
        if self.settings.run_migrations_on_start:
            await upgrade_to_head(self.database, self.migrations)
        self.idempotency_purge.start()
        # The broker may be down at start-up: HTTP still serves, the outbox keeps the events.
        self._messaging_task = asyncio.create_task(self._start_messaging(), name="start-messaging")

    async def _start_messaging(self) -> None:
        backoff = 0.5
        while True:
            try:
                await ensure_topics(
                    self.settings.kafka_bootstrap_servers,
                    self.topics(),
                    partitions=self.settings.kafka_topic_partitions,
                    replication_factor=self.settings.kafka_replication_factor,
                    security=self.settings.kafka_security(),
                )
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("broker not ready (%s); retrying in %.1fs", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
        if self.publishes_events:
            self.relay.start()
        if self.consumer is not None:
            self.consumer.start()

    async def stop(self) -> None:
        if self._messaging_task is not None and not self._messaging_task.done():
            self._messaging_task.cancel()
        if self.consumer is not None:
            await self.consumer.stop()
        await self.relay.stop()
        await self.idempotency_purge.stop()
        await self.database.dispose()

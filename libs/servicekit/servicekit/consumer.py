"""Consumer runner: one consumer group per service, an inbox so a redelivered event has no second
effect, offsets committed only after the handler's transaction, bounded retries, then the DLQ."""

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from pydantic import ValidationError
from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Envelope, decode
from servicekit.db import Database, insert_on_conflict
from servicekit.handlers import EventHandlers, PermanentFailure, PreparedEvent
from servicekit.logs import correlation_id_var
from servicekit.outbox import Outbox
from servicekit.prometheus import (
    CONSUMER_LAG,
    EVENTS_CONSUMED,
    EVENTS_DEAD_LETTERED,
    EVENTS_DUPLICATE,
    EVENTS_FAILED,
)

log = logging.getLogger(__name__)

# The registry and its failure live in servicekit.handlers; imported from here as well.
__all__ = ["EventConsumer", "EventHandlers", "PermanentFailure"]


class EventConsumer:
    def __init__(
        self,
        *,
        service: str,
        database: Database,
        inbox: Table,
        outbox: Outbox,
        handlers: EventHandlers[Any],
        bootstrap_servers: str,
        dlq_topic: str,
        producer_factory: Callable[[], AIOKafkaProducer],
        topics: Iterable[str] | None = None,
        group_id: str | None = None,
        max_attempts: int = 5,
        retry_backoff_s: float = 0.2,
        fetch_max_wait_ms: int = 50,
        security: dict[str, Any] | None = None,
    ) -> None:
        self.service = service
        self.database = database
        self.inbox = inbox
        self.outbox = outbox
        self.handlers = handlers
        self.bootstrap_servers = bootstrap_servers
        self.dlq_topic = dlq_topic
        self.producer_factory = producer_factory
        self.topics = list(topics) if topics is not None else handlers.topics()
        self.group_id = group_id or service
        self.max_attempts = max_attempts
        self.retry_backoff_s = retry_backoff_s
        self.fetch_max_wait_ms = fetch_max_wait_ms
        self.security = security or {}
        self._consumer: AIOKafkaConsumer | None = None
        self._dlq_producer: AIOKafkaProducer | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._lag_at = 0.0
        self._lag_reported: set[TopicPartition] = set()
        self.assigned = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"{self.service}-consumer")

    async def stop(self, grace_s: float = 3.0) -> None:
        """Lets the batch in hand finish, then cancels: a record cut short rolls back and is
        redelivered (the inbox keeps its effect single), so cancelling loses nothing."""
        self._stopping = True
        if self._task is not None:
            done, _ = await asyncio.wait({self._task}, timeout=grace_s)
            if not done:
                self._task.cancel()
                await asyncio.gather(self._task, return_exceptions=True)
        for client in (self._consumer, self._dlq_producer):
            if client is not None:
                try:
                    await asyncio.wait_for(client.stop(), timeout=5)
                except Exception as exc:
                    log.debug("stopping kafka client: %s", exc)

    async def _run(self) -> None:
        backoff = 0.5
        while not self._stopping:
            try:
                if self._consumer is None:
                    self._consumer = self._new_consumer()
                    await self._consumer.start()
                await self._poll_once()
                backoff = 0.5
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("consumer %s: %s; retrying in %.1fs", self.group_id, exc, backoff)
                if self._consumer is not None:
                    consumer, self._consumer = self._consumer, None
                    try:
                        await consumer.stop()
                    except Exception as stop_exc:
                        log.debug("stopping failed consumer: %s", stop_exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    def _new_consumer(self) -> AIOKafkaConsumer:
        consumer = AIOKafkaConsumer(
            **self.security,
            bootstrap_servers=self.bootstrap_servers,
            group_id=self.group_id,
            client_id=f"{self.service}-consumer",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_records=500,
            # How long the broker may hold an empty fetch. Kafka answers as soon as data comes;
            # the embedded broker always waits this long, so it bounds end-to-end latency there.
            fetch_max_wait_ms=self.fetch_max_wait_ms,
            # aiokafka's default session timeout (10 s): the embedded broker holds a new group's
            # join for half of it, so a longer one slows every start-up.
        )
        consumer.subscribe(self.topics)
        return consumer

    async def _poll_once(self) -> None:
        assert self._consumer is not None
        batches = await self._consumer.getmany(timeout_ms=200, max_records=500)
        if self._consumer.assignment():
            self.assigned.set()
        if not batches:
            await self._update_lag()
            return
        offsets: dict[TopicPartition, int] = {}
        for partition, records in batches.items():
            if await self._handle_together(records):
                offsets[partition] = records[-1].offset + 1
                continue
            for record in records:
                if self._stopping or not await self.handle_record(record):
                    break
                offsets[partition] = record.offset + 1
        await self._commit_offsets(offsets)
        await self._update_lag()

    async def _handle_together(self, records: list[ConsumerRecord]) -> bool:
        """The fast path: a partition's batch in one transaction (one commit, not one per event).

        Any failure rolls the whole batch back and returns False; the records are then handled
        one by one, with retries and the DLQ, so one poison event cannot hold up the others.
        """
        if len(records) < 2 or self._stopping:
            return False
        work: list[tuple[ConsumerRecord, PreparedEvent[Any]]] = []
        for record in records:
            try:
                prepared = self._parse(record)
            except (ValueError, ValidationError, PermanentFailure):
                return False
            if prepared is not None:
                work.append((record, prepared))
        handled: list[tuple[ConsumerRecord, Envelope, bool]] = []
        try:
            async with self.database.session() as session:
                fresh = await self._record_many_in_inbox(session, [p.event.envelope for _, p in work])
                for record, prepared in work:
                    envelope = prepared.event.envelope
                    effect = envelope.id in fresh
                    fresh.discard(envelope.id)  # a second copy in the same batch is a duplicate
                    if effect:
                        token = correlation_id_var.set(envelope.correlation_id)
                        try:
                            await prepared.run(session, self.outbox)
                        finally:
                            correlation_id_var.reset(token)
                    handled.append((record, envelope, effect))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.info("batch of %d failed (%r); handling its records one by one", len(records), exc)
            return False
        for record, envelope, effect in handled:
            if effect:
                EVENTS_CONSUMED.labels(self.service, record.topic, envelope.type).inc()
            else:
                EVENTS_DUPLICATE.labels(self.service, record.topic).inc()
        return True

    def _parse(self, record: ConsumerRecord) -> PreparedEvent[Any] | None:
        """None for an event this service does not handle; raises for one it can never handle."""
        header_type = _header(record, "type")
        if header_type is not None and not self.handlers.handles(header_type):
            return None
        return self.handlers.prepare(decode(record.value or b""))

    async def _commit_offsets(self, offsets: dict[TopicPartition, int]) -> None:
        """Runs only after each record's transaction committed (or it went to the DLQ)."""
        if not offsets or self._consumer is None:
            return
        try:
            await self._consumer.commit(offsets)
        except CommitFailedError as exc:
            # Partitions moved to another member mid-batch; it will redeliver, the inbox dedups.
            log.info("offset commit refused after rebalance: %s", exc)

    async def handle_record(self, record: ConsumerRecord) -> bool:
        """Handles one record to the end: effect committed, skipped, or dead-lettered.

        False only when shutdown interrupted it: its offset must not be committed.
        """
        try:
            prepared = self._parse(record)
        except (ValueError, ValidationError, PermanentFailure) as exc:
            return await self._dead_letter(record, exc, attempts=1)
        if prepared is None:
            return True
        envelope = prepared.event.envelope

        correlation_token = correlation_id_var.set(envelope.correlation_id)
        try:
            last_error: Exception | None = None
            for attempt in range(1, self.max_attempts + 1):
                try:
                    handled = await self._handle_once(prepared)
                except PermanentFailure as exc:
                    EVENTS_FAILED.labels(self.service, record.topic, envelope.type).inc()
                    return await self._dead_letter(record, exc, attempts=attempt)
                except Exception as exc:
                    last_error = exc
                    EVENTS_FAILED.labels(self.service, record.topic, envelope.type).inc()
                    log.warning(
                        "handling %s %s failed (attempt %d/%d): %r",
                        envelope.type,
                        envelope.id,
                        attempt,
                        self.max_attempts,
                        exc,
                    )
                    if self._stopping:
                        return False
                    if attempt < self.max_attempts:
                        await asyncio.sleep(self.retry_backoff_s * 2 ** (attempt - 1))
                    continue
                if handled:
                    EVENTS_CONSUMED.labels(self.service, record.topic, envelope.type).inc()
                else:
                    EVENTS_DUPLICATE.labels(self.service, record.topic).inc()
                return True
            assert last_error is not None
            return await self._dead_letter(record, last_error, attempts=self.max_attempts)
        finally:
            correlation_id_var.reset(correlation_token)

    async def _handle_once(self, prepared: PreparedEvent[Any]) -> bool:
        """One transaction: the inbox row and the handler's effect. False if already handled."""
        async with self.database.session() as session:
            if not await self._record_in_inbox(session, prepared.event.envelope):
                return False
            await prepared.run(session, self.outbox)
        return True

    async def _record_many_in_inbox(self, session: AsyncSession, envelopes: list[Envelope]) -> set[UUID]:
        """One statement for a batch; returns the ids not handled before."""
        if not envelopes:
            return set()
        now = datetime.now(UTC)
        unique = {e.id: e for e in envelopes}
        statement = (
            insert_on_conflict(session, self.inbox)
            .on_conflict_do_nothing(index_elements=["event_id"])
            .returning(self.inbox.c.event_id)
        )
        rows = [{"event_id": e.id, "event_type": e.type, "handled_at": now} for e in unique.values()]
        result = await session.execute(statement, rows)
        return set(result.scalars().all())

    async def _record_in_inbox(self, session: AsyncSession, envelope: Envelope) -> bool:
        statement = (
            insert_on_conflict(session, self.inbox)
            .values(event_id=envelope.id, event_type=envelope.type, handled_at=datetime.now(UTC))
            .on_conflict_do_nothing(index_elements=["event_id"])
        )
        result = await session.execute(statement)
        return bool(result.rowcount)

    async def _dead_letter(self, record: ConsumerRecord, error: BaseException, *, attempts: int) -> bool:
        """Keeps trying until the DLQ has the record: committing its offset before would lose it.
        False if shutdown came first."""
        headers = [
            *list(record.headers or ()),
            ("error", str(error)[:2000].encode()),
            ("error_type", type(error).__name__.encode()),
            ("source_topic", record.topic.encode()),
            ("source_partition", str(record.partition).encode()),
            ("source_offset", str(record.offset).encode()),
            ("attempts", str(attempts).encode()),
            ("failed_at", datetime.now(UTC).isoformat().encode()),
        ]
        backoff = 0.5
        while True:
            if self._stopping and backoff > 0.5:
                return False
            try:
                if self._dlq_producer is None:
                    producer = self.producer_factory()
                    await producer.start()
                    self._dlq_producer = producer
                await self._dlq_producer.send_and_wait(self.dlq_topic, record.value, key=record.key, headers=headers)
                break
            except KafkaError as exc:
                log.warning("could not write to %s: %s; retrying", self.dlq_topic, exc)
                producer, self._dlq_producer = self._dlq_producer, None
                if producer is not None:
                    try:
                        await producer.stop()
                    except Exception as stop_exc:
                        log.debug("stopping dlq producer: %s", stop_exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
        EVENTS_DEAD_LETTERED.labels(self.service, record.topic).inc()
        log.error(
            "dead-lettered %s[%d]@%d after %d attempt(s): %r",
            record.topic,
            record.partition,
            record.offset,
            attempts,
            error,
        )
        return True

    async def _update_lag(self) -> None:
        now = time.monotonic()
        if self._consumer is None or now - self._lag_at < 1:
            return
        self._lag_at = now
        assigned = set(self._consumer.assignment())
        # A partition now read by another replica is its to report: a stale value would alert.
        for gone in self._lag_reported - assigned:
            with contextlib.suppress(KeyError):
                CONSUMER_LAG.remove(self.service, gone.topic, str(gone.partition))
        self._lag_reported = set()
        for partition in assigned:
            highwater = self._consumer.highwater(partition)
            if highwater is None:
                continue
            position = await self._consumer.position(partition)
            CONSUMER_LAG.labels(self.service, partition.topic, str(partition.partition)).set(
                max(highwater - position, 0)
            )
            self._lag_reported.add(partition)


def _header(record: ConsumerRecord, name: str) -> str | None:
    for key, value in record.headers or ():
        if key == name:
            return value.decode() if value is not None else None
    return None

"""Transactional outbox: events are written in the transaction of the change they tell of,
and a relay publishes them to Kafka afterwards, in order, retrying until the broker takes them."""

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from aiokafka import AIOKafkaProducer
from sqlalchemy import Table, delete, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from contracts import Envelope, EventData, encode, new_event
from servicekit.db import Database, after_commit
from servicekit.logs import correlation_id_var
from servicekit.prometheus import EVENTS_PUBLISHED, OUTBOX_BACKLOG

log = logging.getLogger(__name__)

# Any constant per service database: only the replica holding it publishes, which keeps order.
_RELAY_LOCK_ID = 0x1F1E_0002


class Outbox:
    """Writes events into the outbox table inside the caller's transaction."""

    def __init__(self, table: Table, *, source: str, topic: str) -> None:
        self.table = table
        self.source = source
        self.topic = topic
        self._on_commit: Callable[[], None] | None = None

    def notify_on_commit(self, callback: Callable[[], None]) -> None:
        self._on_commit = callback

    def _row(self, envelope: Envelope, key: str | UUID | None) -> dict[str, Any]:
        return {
            "event_id": envelope.id,
            "topic": self.topic,
            "key": str(key) if key is not None else None,
            "event_type": envelope.type,
            "payload": encode(envelope),
            "created_at": envelope.time,
        }

    def envelope(
        self,
        data: EventData,
        *,
        tenant_id: UUID | None,
        subject: str | UUID,
        correlation_id: str | None = None,
    ) -> Envelope:
        return new_event(
            data,
            source=self.source,
            tenant_id=tenant_id,
            subject=subject,
            correlation_id=correlation_id or correlation_id_var.get(),
        )

    async def add(
        self,
        session: AsyncSession,
        data: EventData,
        *,
        tenant_id: UUID | None,
        subject: str | UUID,
        key: str | UUID | None,
        correlation_id: str | None = None,
    ) -> Envelope:
        envelope = self.envelope(data, tenant_id=tenant_id, subject=subject, correlation_id=correlation_id)
        await self.add_envelopes(session, [(envelope, key)])
        return envelope

    async def add_envelopes(
        self, session: AsyncSession, envelopes: Sequence[tuple[Envelope, str | UUID | None]]
    ) -> None:
        """Many events in one INSERT (bulk paths)."""
        if not envelopes:
            return
        await session.execute(insert(self.table), [self._row(env, key) for env, key in envelopes])
        if self._on_commit is not None:
            after_commit(session, self._on_commit)


ProducerFactory = Callable[[], AIOKafkaProducer]


class OutboxRelay:
    """Publishes unpublished outbox rows in id order and marks them sent.

    A failed send is retried with backoff from the first unsent row, so nothing is dropped; a
    resend after a crash may duplicate an event, which the consumers' inbox makes harmless.
    """

    def __init__(
        self,
        database: Database,
        table: Table,
        *,
        service: str,
        producer_factory: ProducerFactory,
        batch_size: int = 500,
        poll_interval_s: float = 0.5,
        retention: timedelta = timedelta(hours=72),
    ) -> None:
        self.database = database
        self.table = table
        self.service = service
        self.producer_factory = producer_factory
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self.retention = retention
        self._producer: AIOKafkaProducer | None = None
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._lock_connection: AsyncConnection | None = None
        self._lock_checked_at = 0.0
        self._backlog_at = 0.0
        self._purged_at = 0.0
        self.last_error: str | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"{self.service}-outbox-relay")

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=10)
            except TimeoutError:
                self._task.cancel()
        await self._drop_producer()
        await self._release_leadership()

    async def _run(self) -> None:
        backoff = 0.2
        while not self._stopping:
            try:
                # Every replica reports the backlog (it is the database's), leader or not.
                await self._report_backlog()
                if not await self._lead():
                    await self._idle(self.poll_interval_s * 4)
                    continue
                published = await self.publish_pending()
                self.last_error = None
                backoff = 0.2
                await self._housekeep()
                if published < self.batch_size:
                    await self._idle(self.poll_interval_s)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.warning("outbox relay: %s; retrying in %.1fs", self.last_error, backoff)
                # A producer whose batches expired may hold stale sequence numbers: start afresh.
                await self._drop_producer()
                await self._idle(backoff)
                backoff = min(backoff * 2, 5.0)

    async def _idle(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        self._wake.clear()

    async def _producer_started(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = self.producer_factory()
            try:
                await producer.start()
            except BaseException:
                await producer.stop()
                raise
            self._producer = producer
        return self._producer

    async def _drop_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            try:
                await asyncio.wait_for(producer.stop(), timeout=5)
            except Exception as exc:  # a dead broker can make stop() fail; the producer is gone anyway
                log.debug("producer stop: %s", exc)

    async def publish_pending(self) -> int:
        """Publishes one batch; returns how many rows it took."""
        t = self.table
        async with self.database.sessionmaker() as session:
            rows = (
                await session.execute(
                    select(t.c.id, t.c.topic, t.c.key, t.c.event_type, t.c.event_id, t.c.payload)
                    .where(t.c.published_at.is_(None))
                    .order_by(t.c.id)
                    .limit(self.batch_size)
                )
            ).all()
        if not rows:
            return 0
        producer = await self._producer_started()
        deliveries = []
        for row in rows:
            headers = [("type", row.event_type.encode()), ("id", str(row.event_id).encode())]
            key = row.key.encode() if row.key is not None else None
            deliveries.append(await producer.send(row.topic, row.payload, key=key, headers=headers))
        results = await asyncio.gather(*deliveries, return_exceptions=True)
        sent: list[int] = []
        failure: BaseException | None = None
        for row, result in zip(rows, results, strict=True):
            if isinstance(result, BaseException):
                failure = result
                break
            sent.append(row.id)
        await self._mark_published(sent)
        if sent:
            EVENTS_PUBLISHED.labels(self.service, rows[0].topic).inc(len(sent))
        if failure is not None:
            raise failure
        return len(rows)

    async def _mark_published(self, ids: list[int]) -> None:
        if not ids:
            return
        now = datetime.now(UTC)
        async with self.database.session() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                await session.execute(update(self.table).where(self.table.c.id.in_(chunk)).values(published_at=now))

    async def backlog(self) -> int:
        async with self.database.sessionmaker() as session:
            count = await session.scalar(
                select(func.count()).select_from(self.table).where(self.table.c.published_at.is_(None))
            )
        return int(count or 0)

    async def _report_backlog(self) -> None:
        now = time.monotonic()
        if now - self._backlog_at >= 5:
            self._backlog_at = now
            OUTBOX_BACKLOG.labels(self.service).set(await self.backlog())

    async def _housekeep(self) -> None:
        now = time.monotonic()
        if now - self._purged_at >= 600:
            self._purged_at = now
            cutoff = datetime.now(UTC) - self.retention
            async with self.database.session() as session:
                await session.execute(delete(self.table).where(self.table.c.published_at < cutoff))

    async def _lead(self) -> bool:
        """On PostgreSQL, only the replica holding an advisory lock publishes (order per key)."""
        if self.database.is_sqlite:
            return True
        now = time.monotonic()
        if self._lock_connection is not None and now - self._lock_checked_at < 5:
            return True
        self._lock_checked_at = now
        if self._lock_connection is not None:
            try:
                await self._lock_connection.execute(text("SELECT 1"))
                return True
            except Exception:
                await self._release_leadership()
        connection = await self.database.engine.connect()
        got = await connection.scalar(text(f"SELECT pg_try_advisory_lock({_RELAY_LOCK_ID})"))
        await connection.commit()
        if got:
            self._lock_connection = connection
            return True
        await connection.close()
        return False

    async def _release_leadership(self) -> None:
        connection, self._lock_connection = self._lock_connection, None
        if connection is None:
            return
        try:
            # The lock belongs to the session, not the transaction: unlock before pooling.
            await connection.execute(text(f"SELECT pg_advisory_unlock({_RELAY_LOCK_ID})"))
            await connection.commit()
            await connection.close()
        except Exception as exc:
            log.debug("releasing relay lock: %s", exc)
            await connection.invalidate()
            await connection.close()


class OutboxEventSink:
    """Binds the outbox to one session and tenant: what a domain's unit of work calls `events`."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID | None) -> None:
        self.session = session
        self.outbox = outbox
        self.tenant_id = tenant_id

    async def record(self, data: EventData, *, subject: UUID | str, key: UUID | str) -> None:
        await self.outbox.add(self.session, data, tenant_id=self.tenant_id, subject=subject, key=key)

"""Appends clicks to the click topic without a database transaction per click, and never loses
one silently.

`append` returns once the click is safe: taken by the broker (acks=all), or, while the broker is
unreachable, written to the spool table (many clicks in one transaction). A click neither can
take (the broker away and the database too, or the spool full) is counted in
`metrics_clicks_lost_total` and logged; the redirect still answers. The spool is replayed to the
topic once the broker is back (`SpoolReplayer`); replayed clicks are marked, and the aggregator
counts each once however often a replay cut short sends it.
"""

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

import orjson
from aiokafka import AIOKafkaProducer
from prometheus_client import Counter
from sqlalchemy import delete, func, insert, select

from metrics.adapters.tables import click_spool
from servicekit.background import BackgroundLoop
from servicekit.db import Database

log = logging.getLogger(__name__)

CLICKS_APPENDED = Counter("metrics_clicks_appended_total", "Clicks taken, by where they went", ["to"])
_APPENDED_TO = {where: CLICKS_APPENDED.labels(where) for where in ("broker", "spool", "lost")}
CLICKS_LOST = Counter("metrics_clicks_lost_total", "Clicks neither the broker nor the spool could take")
MAX_BATCH = 2_000
MAX_FLUSHES_IN_FLIGHT = 8


class ClickLog:
    def __init__(
        self,
        *,
        database: Database,
        topic: str,
        producer_factory: Callable[[], AIOKafkaProducer],
        retry_s: float,
        send_timeout_s: float,
        spool_max_rows: int,
    ) -> None:
        self.database = database
        self.topic = topic
        self.producer_factory = producer_factory
        self.retry_s = retry_s
        self.send_timeout_s = send_timeout_s
        self.spool_max_rows = spool_max_rows
        self._pending: list[tuple[bytes, bytes, asyncio.Future[str]]] = []
        self._wake = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None
        self._broker_retry_at = 0.0
        self._spooled = 0
        self._spool_counted_at = 0.0
        self._flushes = asyncio.Semaphore(MAX_FLUSHES_IN_FLIGHT)
        self._task: asyncio.Task[None] | None = None
        self._in_flight: set[asyncio.Task[None]] = set()
        self._stopping = False

    @property
    def broker_down(self) -> bool:
        return time.monotonic() < self._broker_retry_at

    async def append(self, key: bytes, payload: bytes) -> str:
        """Where the click went: "broker", "spool" or "lost"."""
        return await self.enqueue(key, payload)

    def enqueue(self, key: bytes, payload: bytes) -> asyncio.Future[str]:
        """`append` without awaiting: a batch of visits awaits its clicks' futures together."""
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._pending.append((key, payload, future))
        self._wake.set()
        return future

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="click-log")

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(self._task, self.send_timeout_s * 2 + 5)
        await self._drop_producer()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
                await self._flushes.acquire()
                task = asyncio.create_task(self._flush(batch))
                self._in_flight.add(task)
                task.add_done_callback(self._in_flight.discard)
            if self._stopping and not self._pending:
                if self._in_flight:
                    await asyncio.gather(*self._in_flight, return_exceptions=True)
                return

    async def _flush(self, batch: list[tuple[bytes, bytes, asyncio.Future[str]]]) -> None:
        try:
            outcome = ["broker"] * len(batch)
            failed = list(range(len(batch)))
            if not self.broker_down:
                failed = await self._send(batch)
                if failed:
                    self._broker_retry_at = time.monotonic() + self.retry_s
            if failed:
                where = await self._spool([batch[i] for i in failed])
                for i in failed:
                    outcome[i] = where
            for (_, _, future), where in zip(batch, outcome, strict=True):
                if not future.done():
                    future.set_result(where)
            for where in set(outcome):
                _APPENDED_TO[where].inc(outcome.count(where))
        except BaseException as exc:
            for _, _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            raise
        finally:
            self._flushes.release()

    async def _send(self, batch: list[tuple[bytes, bytes, asyncio.Future[str]]]) -> list[int]:
        """The indexes the broker did not take. The clicks of one key (a link) in the batch travel
        as one record, a JSON list: under load a link's clicks cost the producer and the
        aggregator one record per flush, not one each."""
        by_key: dict[bytes, list[int]] = {}
        for index, (key, _, _) in enumerate(batch):
            by_key.setdefault(key, []).append(index)
        try:
            producer = await self._producer_started()
            deliveries = [
                await producer.send(self.topic, b"[" + b",".join(batch[i][1] for i in indexes) + b"]", key=key)
                for key, indexes in by_key.items()
            ]
            results = await asyncio.wait_for(
                asyncio.gather(*deliveries, return_exceptions=True), self.send_timeout_s * 2
            )
        except Exception as exc:
            log.warning("click topic unreachable (%r): %d clicks to the spool", exc, len(batch))
            await self._drop_producer()
            return list(range(len(batch)))
        failed = [
            i
            for indexes, result in zip(by_key.values(), results, strict=True)
            if isinstance(result, BaseException)
            for i in indexes
        ]
        if failed:
            log.warning("the broker refused %d of %d clicks: to the spool", len(failed), len(batch))
            await self._drop_producer()
        return failed

    async def _spool(self, batch: list[tuple[bytes, bytes, asyncio.Future[str]]]) -> str:
        try:
            if await self._spool_size() + len(batch) > self.spool_max_rows:
                raise OverflowError(f"the click spool holds {self._spooled} rows, its bound")
            now = datetime.now(UTC)
            async with self.database.session() as session:
                await session.execute(
                    insert(click_spool),
                    [{"key": key, "payload": payload, "spooled_at": now} for key, payload, _ in batch],
                )
            self._spooled += len(batch)
            return "spool"
        except Exception as exc:
            CLICKS_LOST.inc(len(batch))
            log.error("%d clicks lost: neither the broker nor the spool took them (%r)", len(batch), exc)
            return "lost"

    async def _spool_size(self) -> int:
        if time.monotonic() - self._spool_counted_at > 10:
            async with self.database.sessionmaker() as session:
                self._spooled = int(await session.scalar(select(func.count()).select_from(click_spool)) or 0)
            self._spool_counted_at = time.monotonic()
        return self._spooled

    async def _producer_started(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = self.producer_factory()
            try:
                await asyncio.wait_for(producer.start(), self.send_timeout_s)
            except BaseException:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(producer.stop(), 5)
                raise
            self._producer = producer
        return self._producer

    async def _drop_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.stop(), 5)


def replayed(payload: bytes) -> bytes:
    """A spooled click as it is sent again: marked, so that the aggregator counts it once."""
    click = orjson.loads(payload)
    click["s"] = 1
    return orjson.dumps(click)


class SpoolReplayer(BackgroundLoop):
    """Sends spooled clicks to the click topic, oldest first, and deletes them once the broker
    took them (rows locked meanwhile: replicas share the work)."""

    name = "click-spool-replayer"

    def __init__(
        self, database: Database, topic: str, producer_factory: Callable[[], AIOKafkaProducer], batch: int = 1_000
    ) -> None:
        super().__init__(poll_interval_s=1.0)
        self.database = database
        self.topic = topic
        self.producer_factory = producer_factory
        self.batch = batch
        self._producer: AIOKafkaProducer | None = None

    async def stop(self, grace_s: float = 10.0) -> None:
        await super().stop(grace_s)
        if self._producer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._producer.stop(), 5)

    async def run_once(self) -> bool:
        try:
            replayed_rows = await self._replay_batch()
        except _BrokerAway as away:
            log.info("spooled clicks wait for the broker (%r)", away.__cause__)
            return False
        if replayed_rows:
            log.info("replayed %d spooled clicks", replayed_rows)
        return replayed_rows == self.batch

    async def _replay_batch(self) -> int:
        s = click_spool.c
        async with self.database.session() as session:
            query = select(s.id, s.key, s.payload).order_by(s.id).limit(self.batch)
            if not self.database.is_sqlite:
                query = query.with_for_update(skip_locked=True)
            rows = (await session.execute(query)).all()
            if not rows:
                return 0
            try:
                if self._producer is None:
                    producer = self.producer_factory()
                    try:
                        await producer.start()
                    except BaseException:
                        with contextlib.suppress(Exception):
                            await asyncio.wait_for(producer.stop(), 5)
                        raise
                    self._producer = producer
                deliveries = [await self._producer.send(self.topic, replayed(r.payload), key=r.key) for r in rows]
                await asyncio.gather(*deliveries)
            except Exception as exc:
                producer, self._producer = self._producer, None
                if producer is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(producer.stop(), 5)
                raise _BrokerAway() from exc  # the rows stay, unlocked by the rollback
            await session.execute(delete(click_spool).where(s.id.in_([r.id for r in rows])))
        return len(rows)


class _BrokerAway(Exception):
    pass

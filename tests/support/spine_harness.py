"""A minimal service to test the spine with: a producer side whose state changes write events into
its outbox, and a consumer side that records every handled event as an effect row (no unique
key, so an event applied twice would show as two rows)."""

import asyncio
import uuid
from pathlib import Path

from sqlalchemy import Column, Integer, String, Table, Uuid, func, insert, select

from contracts import Envelope
from contracts.events.partnerships import CampaignCancelled, CampaignCreated
from servicekit.consumer import EventConsumer
from servicekit.db import Database, new_metadata
from servicekit.handlers import EventHandlers, Received
from servicekit.kafka import ensure_topics, new_producer
from servicekit.messaging_tables import messaging_tables
from servicekit.migrations import upgrade_to_head
from servicekit.outbox import Outbox, OutboxRelay
from servicekit.unit_of_work import UnitOfWork

MIGRATIONS = str(Path(__file__).parent / "spine_migrations")
POISON = "poison"

metadata = new_metadata()
messaging = messaging_tables(metadata)
notes = Table(
    "notes",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("key", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
)
effects = Table(
    "effects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Uuid, nullable=False),
    Column("key", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
)


async def migrated(url: str) -> Database:
    database = Database(url)
    await upgrade_to_head(database, MIGRATIONS)
    return database


def unique_topic(prefix: str = "spine") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}.events"


async def create_topic(bootstrap: str, topic: str, partitions: int = 3) -> None:
    await ensure_topics(bootstrap, [topic], partitions=partitions, replication_factor=1)


def note_event(key: uuid.UUID, seq: int) -> CampaignCreated:
    # seq rides in the name: the consumer reads it back to check order.
    return CampaignCreated(campaign_id=key, name=str(seq), objective="awareness")


class NoteWriter:
    """The producer side: one note and its event per transaction."""

    def __init__(self, database: Database, topic: str) -> None:
        self.database = database
        self.outbox = Outbox(messaging.outbox, source="spine-test", topic=topic)

    async def write(self, key: uuid.UUID, seq: int, *, fail_after_write: bool = False) -> Envelope:
        async with self.database.session() as session:
            await session.execute(insert(notes).values(id=uuid.uuid4(), key=str(key), seq=seq))
            envelope = await self.outbox.add(session, note_event(key, seq), tenant_id=None, subject=key, key=key)
            if fail_after_write:
                raise RuntimeError("the change failed after its event was written")
        return envelope

    async def write_poison(self, key: uuid.UUID) -> Envelope:
        async with self.database.session() as session:
            return await self.outbox.add(
                session, CampaignCancelled(campaign_id=key, reason=POISON), tenant_id=None, subject=key, key=key
            )


def relay_for(writer: NoteWriter, bootstrap: str, idempotent: bool, **options: object) -> OutboxRelay:
    relay = OutboxRelay(
        writer.database,
        messaging.outbox,
        service="spine-test",
        producer_factory=lambda: new_producer(
            bootstrap, idempotent=idempotent, client_id="spine-test", request_timeout_ms=5000
        ),
        poll_interval_s=0.1,
        **options,  # type: ignore[arg-type]
    )
    writer.outbox.notify_on_commit(relay.wake)
    return relay


def effect_handlers() -> EventHandlers[UnitOfWork]:
    # The harness's notes belong to no org.
    handlers = EventHandlers(UnitOfWork)

    @handlers.on(CampaignCreated, tenant_optional=True)
    async def record_effect(uow: UnitOfWork, event: Received[CampaignCreated]) -> None:
        await uow.session.execute(
            insert(effects).values(event_id=event.id, key=str(event.data.campaign_id), seq=int(event.data.name))
        )

    @handlers.on(CampaignCancelled, tenant_optional=True)
    async def reject_poison(uow: UnitOfWork, event: Received[CampaignCancelled]) -> None:
        if event.data.reason == POISON:
            raise ValueError("this handler rejects poison, every time")

    return handlers


def consumer_for(
    database: Database,
    bootstrap: str,
    topic: str,
    *,
    idempotent: bool,
    group: str | None = None,
    cls: type[EventConsumer] = EventConsumer,
    max_attempts: int = 3,
) -> EventConsumer:
    return cls(
        service="spine-test",
        database=database,
        inbox=messaging.inbox,
        outbox=Outbox(messaging.outbox, source="spine-test", topic=topic),
        handlers=effect_handlers(),
        bootstrap_servers=bootstrap,
        dlq_topic=topic.replace(".events", ".dlq"),
        producer_factory=lambda: new_producer(bootstrap, idempotent=idempotent, client_id="spine-test-dlq"),
        topics=[topic],
        group_id=group or f"spine-test-{uuid.uuid4().hex[:8]}",
        max_attempts=max_attempts,
        retry_backoff_s=0.01,
    )


async def effect_rows(database: Database) -> list[tuple[uuid.UUID, str, int]]:
    async with database.sessionmaker() as session:
        rows = (
            await session.execute(select(effects.c.event_id, effects.c.key, effects.c.seq).order_by(effects.c.id))
        ).all()
    return [(r.event_id, r.key, r.seq) for r in rows]


async def count(database: Database, table: Table) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def wait_until(predicate, timeout_s: float, interval_s: float = 0.05) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        if await predicate():
            return
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"condition not met in {timeout_s}s")
        await asyncio.sleep(interval_s)

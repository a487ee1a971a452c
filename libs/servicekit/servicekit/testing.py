"""What services' tests stand on (shipped in the package, so every service's tests import it).

Domain and application tests run on a fake unit of work in memory, driven by `run`, which fails
the test if the code under test ever waits on real I/O:

    @dataclass
    class Memory(testing.Memory):          # what the service's fakes keep
        shortlists: dict[...] = field(default_factory=dict)

    class FakeUnitOfWork(testing.FakeUnitOfWork[Memory]):
        def __init__(self, memory: Memory, tenant_id: UUID) -> None:
            super().__init__(memory, tenant_id)
            self.shortlists = FakeShortlists(memory, tenant_id)

    entry = run(shortlisting.add(FakeUnitOfWork(memory, org), ...))
    assert memory.told(ShortlistAdded) == [...]

`deliver` runs a real service's event handler in one transaction of its real database.
"""

import copy
from collections.abc import Awaitable, Callable, Collection, Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Self, TypeVar
from uuid import UUID

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData

from contracts import CampaignState, Envelope, EventData, new_event
from servicekit.campaigns import CampaignNews, KnownCampaign, fold_campaign
from servicekit.context import IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_KEY_HEADER
from servicekit.db import Database
from servicekit.errors import DomainError
from servicekit.idempotency import scoped_key
from servicekit.migrations import alembic_config
from servicekit.runtime import ServiceRuntime

T = TypeVar("T")
E = TypeVar("E", bound=EventData)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Runs a coroutine to its end; it must never wait on anything (no I/O, no sleep)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    coroutine.close()
    raise AssertionError("the domain awaited real I/O")


@dataclass(frozen=True)
class RecordedEvent:
    data: EventData
    subject: UUID | str
    key: UUID | str
    tenant_id: UUID


@dataclass
class Memory:
    """What a fake unit of work keeps, as a database would; services subclass it with their stores."""

    events: list[RecordedEvent] = field(default_factory=list)
    after_commit_callbacks: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def told(self, event_class: type[E]) -> list[E]:
        """The events of this class recorded so far, oldest first."""
        return [e.data for e in self.events if isinstance(e.data, event_class)]

    def commit(self) -> None:
        callbacks, self.after_commit_callbacks = self.after_commit_callbacks, []
        for callback in callbacks:
            callback()


M = TypeVar("M", bound=Memory)


def attempt(memory: M, action: Callable[[], Awaitable[T]]) -> T | DomainError:
    """One transaction: a refused action (DomainError) leaves the memory as it was, as a rollback
    would, and is returned; a successful one commits."""
    before = copy.deepcopy(memory)
    try:
        result = run(action())  # type: ignore[arg-type]
    except DomainError as refused:
        memory.__dict__.update(before.__dict__)
        return refused
    memory.commit()
    return result


class FakeEventSink:
    def __init__(self, memory: Memory, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id

    async def record(self, data: EventData, *, subject: UUID | str, key: UUID | str) -> None:
        self.memory.events.append(RecordedEvent(data, subject, key, self.tenant_id))


class FakeUnitOfWork(Generic[M]):
    """servicekit.unit_of_work.UnitOfWork in memory: the org it acts for and its event sink.
    Subclasses add their fake repositories and keep the signature (memory, tenant_id)."""

    def __init__(self, memory: M, tenant_id: UUID) -> None:
        self.memory = memory
        self.tenant_id = tenant_id
        self.events = FakeEventSink(memory, tenant_id)

    def scoped_to(self, tenant_id: UUID) -> Self:
        if tenant_id == self.tenant_id:
            return self
        return type(self)(self.memory, tenant_id)

    def after_commit(self, callback: Callable[[], None]) -> None:
        self.memory.after_commit_callbacks.append(callback)


class FakeCampaignDirectory:
    """servicekit.campaign_directory.CampaignDirectory in memory, folding events by the same rule.
    `campaigns` is the Memory's dict of every org's campaigns."""

    def __init__(self, campaigns: dict[UUID, KnownCampaign], tenant_id: UUID) -> None:
        self.campaigns = campaigns
        self.tenant_id = tenant_id

    async def get(self, campaign_id: UUID) -> KnownCampaign | None:
        found = self.campaigns.get(campaign_id)
        return found if found is not None and found.tenant_id == self.tenant_id else None

    async def list(
        self, *, limit: int, after: UUID | None = None, state: CampaignState | None = None
    ) -> list[KnownCampaign]:
        mine = sorted((c for c in self.campaigns.values() if c.tenant_id == self.tenant_id), key=lambda c: c.id)
        return [c for c in mine if (after is None or c.id > after) and state in (None, c.state)][:limit]

    async def record(self, news: CampaignNews) -> None:
        self.campaigns[news.campaign_id] = fold_campaign(self.campaigns.get(news.campaign_id), news)


async def deliver(
    runtime: ServiceRuntime,
    data: EventData,
    *,
    tenant_id: UUID | None,
    time: datetime | None = None,
    subject: str | UUID = "test",
) -> Envelope:
    """What the service's consumer does with this event, without the broker and the inbox: its
    handler runs in one transaction of the service's database. Returns the envelope it came in."""
    envelope = new_event(data, source=data.producer, tenant_id=tenant_id, subject=subject, time=time)
    await handle(runtime, envelope)
    return envelope


async def handle(runtime: ServiceRuntime, envelope: Envelope) -> None:
    prepared = runtime.handlers.prepare(envelope)
    assert prepared is not None, f"{runtime.settings.service_name} has no handler for {envelope.type}"
    async with runtime.database.session() as session:
        await prepared.run(session, runtime.outbox)


async def migrate(database: Database, scripts: str, revision: str, *, down: bool = False) -> None:
    """Upgrades (or downgrades) the database to `revision` of `scripts` ("metrics:migrations")."""
    config = alembic_config(scripts, database.url)

    def run_command(connection: Connection) -> None:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(run_command)


async def schema_drift(database: Database, metadata: MetaData, *, tables: Collection[str] | None = None) -> list[Any]:
    """How the migrated database differs from what the code's tables say (alembic's comparison,
    types included); [] when they agree. `tables`: compare only these."""

    def wanted(obj: Any, name: str | None, kind: str, reflected: bool, compare_to: Any) -> bool:
        table = obj.name if kind == "table" else getattr(getattr(obj, "table", None), "name", None)
        return name != "alembic_version" and (tables is None or table in tables)

    def differences(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": wanted})
        return list(compare_metadata(context, metadata))

    async with database.engine.connect() as connection:
        return await connection.run_sync(differences)


def with_idempotency_key(headers: dict[str, str], key: str) -> dict[str, str]:
    """`headers` with what the gateway adds to a write under the client's Idempotency-Key `key`
    (scoped to the org in `headers`), one fingerprint per key: a retry sends the same."""
    scoped = scoped_key(headers.get("x-tenant-id", ""), "test-caller", key)
    return {**headers, IDEMPOTENCY_KEY_HEADER: scoped, IDEMPOTENCY_FINGERPRINT_HEADER: scoped}

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
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Self, TypeVar
from uuid import UUID

from contracts import Envelope, EventData, new_event
from servicekit.errors import DomainError
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

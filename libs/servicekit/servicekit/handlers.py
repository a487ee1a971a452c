"""What a service does with other services' events: one handler per event class.

    handlers = EventHandlers(SqlUnitOfWork)

    @handlers.on(CampaignCreated)
    async def campaign_created(uow: SqlUnitOfWork, event: Received[CampaignCreated]) -> None:
        ...  # event.data is a CampaignCreated; uow acts for the event's org

The consumer (servicekit.consumer) runs each handler in its own transaction, beside the event's
inbox row, so a redelivered event has no second effect; it subscribes to the topics of the
classes registered here.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Envelope, EventData, events_topic
from servicekit.outbox import Outbox
from servicekit.unit_of_work import UnitOfWorkFactory

# The org of an event that belongs to none (the shared catalogue's): tenant-scoped repositories
# of a unit of work acting for it find nothing of any org.
NO_TENANT = UUID(int=0)

E = TypeVar("E", bound=EventData)
U = TypeVar("U")


class PermanentFailure(Exception):
    """An event that no retry can help (malformed, unknown type or version, no org): to the DLQ."""


@dataclass(frozen=True, slots=True)
class Received(Generic[E]):
    """An event as a handler gets it: its decoded data and the envelope it came in."""

    envelope: Envelope
    data: E

    @property
    def id(self) -> UUID:
        return self.envelope.id

    @property
    def type(self) -> str:
        return self.envelope.type

    @property
    def time(self) -> datetime:
        """When the change happened, by the producer's clock."""
        return self.envelope.time

    @property
    def tenant_id(self) -> UUID | None:
        return self.envelope.tenant_id


Handler = Callable[[U, Received[E]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class _Registration:
    event_class: type[EventData]
    handler: Handler[Any, Any]
    tenant_optional: bool


@dataclass(frozen=True, slots=True)
class PreparedEvent(Generic[U]):
    """An event decoded and checked, ready to be handled in a transaction."""

    handler: Handler[U, Any]
    event: Received[Any]
    tenant_id: UUID
    unit_of_work: UnitOfWorkFactory[U]

    async def run(self, session: AsyncSession, outbox: Outbox) -> None:
        await self.handler(self.unit_of_work(session, outbox, self.tenant_id), self.event)


def _key(event_class: type[EventData]) -> tuple[str, int]:
    return (event_class.event_type, event_class.event_version)


class EventHandlers(Generic[U]):
    """Which function handles which event class, and the unit of work each is given."""

    def __init__(self, unit_of_work: UnitOfWorkFactory[U]) -> None:
        self.unit_of_work = unit_of_work
        self._registrations: dict[tuple[str, int], _Registration] = {}
        self._types: set[str] = set()

    def on(self, *event_classes: type[E], tenant_optional: bool = False) -> Callable[[Handler[U, E]], Handler[U, E]]:
        """Registers the decorated function for these event classes. An event of an org that
        comes without its tenant is refused (a producer's bug) unless `tenant_optional`: then the
        handler's unit of work acts for NO_TENANT and `event.tenant_id` is None."""

        def register(handler: Handler[U, E]) -> Handler[U, E]:
            taken = [f"{c.event_type} v{c.event_version}" for c in event_classes if _key(c) in self._registrations]
            if taken:
                raise ValueError(f"{', '.join(taken)} already has a handler")
            for event_class in event_classes:
                self._registrations[_key(event_class)] = _Registration(event_class, handler, tenant_optional)
                self._types.add(event_class.event_type)
            return handler

        return register

    def handles(self, event_type: str) -> bool:
        return event_type in self._types

    def prepare(self, envelope: Envelope) -> PreparedEvent[U] | None:
        """None for an event no handler here wants; raises PermanentFailure (or pydantic's
        ValidationError, a ValueError) for one that can never be handled."""
        if envelope.type not in self._types:
            return None
        registration = self._registrations.get((envelope.type, envelope.version))
        if registration is None:
            known = sorted(v for (t, v) in self._registrations if t == envelope.type)
            raise PermanentFailure(
                f"{envelope.type} {envelope.id} is version {envelope.version}; this service handles {known}"
            )
        data = registration.event_class.model_validate(envelope.data)
        tenant_id = envelope.tenant_id
        if tenant_id is None:
            if not registration.tenant_optional:
                raise PermanentFailure(f"{envelope.type} {envelope.id} has no tenant_id")
            tenant_id = NO_TENANT
        return PreparedEvent(registration.handler, Received(envelope, data), tenant_id, self.unit_of_work)

    def __bool__(self) -> bool:
        return bool(self._registrations)

    @property
    def event_types(self) -> frozenset[str]:
        return frozenset(self._types)

    def topics(self) -> list[str]:
        return sorted({events_topic(r.event_class.producer) for r in self._registrations.values()})

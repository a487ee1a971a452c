"""The unit of work every service builds on: one transaction of its database, acting for one org.

A service subclasses it, adds its repositories in `__init__` and keeps the signature
`(session, outbox, tenant_id)`: the API dependency (servicekit.app.unit_of_work_dependency) and
the event consumer (servicekit.handlers.EventHandlers) build it that way, so an endpoint and an
event handler use the same repositories. It never commits: whoever opened the session does, once.
"""

from collections.abc import Callable
from typing import Protocol, Self, TypeVar
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from servicekit.db import after_commit
from servicekit.outbox import Outbox, OutboxEventSink


class UnitOfWork:
    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        self.session = session
        self.outbox = outbox
        self.tenant_id = tenant_id
        # Events recorded here are published if, and only if, the transaction commits.
        self.events = OutboxEventSink(session, outbox, tenant_id)

    def scoped_to(self, tenant_id: UUID) -> Self:
        """The same transaction, acting for another org."""
        if tenant_id == self.tenant_id:
            return self
        return type(self)(self.session, self.outbox, tenant_id)

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Runs `callback` once the transaction commits; a rollback drops it."""
        after_commit(self.session, callback)


U_co = TypeVar("U_co", covariant=True)


class UnitOfWorkFactory(Protocol[U_co]):
    """How a unit of work is built: a UnitOfWork subclass is one."""

    def __call__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID, /) -> U_co: ...

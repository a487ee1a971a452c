"""Helpers for services' tests (shipped in the package so every service's tests import them)."""

from datetime import datetime
from uuid import UUID

from contracts import Envelope, EventData, new_event
from servicekit.runtime import ServiceRuntime


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

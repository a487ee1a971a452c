"""The gateway consumes every service's events to queue the webhooks partners subscribed to."""

from collections.abc import Callable

from contracts import REGISTRY, EventData
from gateway.adapters.webhook_repository import WebhookRepository
from gateway.domain import webhooks
from servicekit.handlers import EventHandlers, Received
from servicekit.unit_of_work import UnitOfWork


def webhook_handlers(wake_dispatcher: Callable[[], None]) -> EventHandlers[UnitOfWork]:
    handlers = EventHandlers(UnitOfWork)

    # The shared catalogue's events belong to no org, and no org's webhook hears of them.
    @handlers.on(*REGISTRY.models(), tenant_optional=True)
    async def queue_deliveries(uow: UnitOfWork, event: Received[EventData]) -> None:
        if event.tenant_id is None:
            return
        repository = WebhookRepository(uow.session)
        subscriptions = [
            s for s in await repository.active_for_org(event.tenant_id) if webhooks.matches(s.event_types, event.type)
        ]
        if not subscriptions:
            return
        payload = event.envelope.model_dump_json().encode()
        for subscription in subscriptions:
            await repository.enqueue(subscription, event.id, event.type, payload)
        uow.after_commit(wake_dispatcher)

    return handlers

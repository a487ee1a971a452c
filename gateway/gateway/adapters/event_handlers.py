"""The gateway consumes every service's events to queue the webhooks partners subscribed to."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts import REGISTRY, Envelope, EventData
from gateway.adapters.webhook_repository import WebhookRepository
from gateway.domain import webhooks
from servicekit.consumer import EventHandlers
from servicekit.db import after_commit


def webhook_handlers(wake_dispatcher: Any) -> EventHandlers:
    handlers = EventHandlers()

    async def queue_deliveries(session: AsyncSession, envelope: Envelope, data: EventData) -> None:
        if envelope.tenant_id is None:  # the shared catalogue belongs to no org
            return
        repository = WebhookRepository(session)
        subscriptions = [
            s
            for s in await repository.active_for_org(envelope.tenant_id)
            if webhooks.matches(s.event_types, envelope.type)
        ]
        if not subscriptions:
            return
        payload = envelope.model_dump_json().encode()
        for subscription in subscriptions:
            await repository.enqueue(subscription, envelope.id, envelope.type, payload)
        after_commit(session, wake_dispatcher)

    handlers.on(*sorted({model.event_type for model in REGISTRY.models()}))(queue_deliveries)
    return handlers

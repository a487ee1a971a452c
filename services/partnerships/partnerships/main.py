"""The partnerships service: `uvicorn partnerships.main:create_app --factory`."""

from fastapi import FastAPI

from partnerships.adapters.event_handlers import event_handlers
from partnerships.adapters.tables import messaging, metadata
from partnerships.api import campaigns, message_templates, partnerships
from partnerships.api.errors import install_error_handlers
from partnerships.settings import PartnershipsSettings
from servicekit.app import create_service_app
from servicekit.outbox import Outbox
from servicekit.runtime import ServiceRuntime


def create_app(settings: PartnershipsSettings | None = None) -> FastAPI:
    settings = settings or PartnershipsSettings()
    # The consumer's handlers write events too; they share the outbox table with the API, and
    # wake the same relay once their transaction commits.
    handler_outbox = Outbox(messaging.outbox, source=settings.service_name, topic=settings.events_topic)
    runtime = ServiceRuntime(
        settings,
        metadata=metadata,
        messaging=messaging,
        migrations="partnerships:migrations",
        handlers=event_handlers(handler_outbox),
    )
    handler_outbox.notify_on_commit(runtime.relay.wake)
    app = create_service_app(
        runtime,
        [campaigns.router, partnerships.router, message_templates.router],
        title="Partnerships",
        description="Campaigns, budgets, proposals and negotiation, contracts and the payment ledger.",
        invalid_field_prefix="body.",  # the domain checks request bodies only
    )
    install_error_handlers(app)
    return app

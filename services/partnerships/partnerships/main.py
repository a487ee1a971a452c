"""The partnerships service: `uvicorn partnerships.main:create_app --factory`."""

from fastapi import FastAPI

from partnerships.adapters.event_handlers import handlers
from partnerships.adapters.tables import messaging, metadata
from partnerships.api import campaigns, message_templates, partnerships
from partnerships.api.errors import install_error_handlers
from partnerships.settings import PartnershipsSettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def create_app(settings: PartnershipsSettings | None = None) -> FastAPI:
    settings = settings or PartnershipsSettings()
    runtime = ServiceRuntime(
        settings, metadata=metadata, messaging=messaging, migrations="partnerships:migrations", handlers=handlers
    )
    app = create_service_app(
        runtime,
        [campaigns.router, partnerships.router, message_templates.router],
        title="Partnerships",
        description="Campaigns, budgets, proposals and negotiation, contracts and the payment ledger.",
        invalid_field_prefix="body.",  # the domain checks request bodies only
    )
    install_error_handlers(app)
    return app

"""The partnerships service: `uvicorn partnerships.main:create_app --factory`."""

from fastapi import FastAPI

from partnerships.adapters.tables import messaging, metadata
from partnerships.api import campaigns
from partnerships.settings import PartnershipsSettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def create_app(settings: PartnershipsSettings | None = None) -> FastAPI:
    settings = settings or PartnershipsSettings()
    runtime = ServiceRuntime(settings, metadata=metadata, messaging=messaging, migrations="partnerships:migrations")
    return create_service_app(
        runtime,
        [campaigns.router],
        title="Partnerships",
        description="Campaigns, budgets, proposals and negotiation, contracts and the payment ledger.",
    )

"""The discovery service: `uvicorn discovery.main:create_app --factory`."""

from fastapi import FastAPI

from discovery.adapters.tables import messaging, metadata
from discovery.settings import DiscoverySettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def create_app(settings: DiscoverySettings | None = None) -> FastAPI:
    settings = settings or DiscoverySettings()
    runtime = ServiceRuntime(settings, metadata=metadata, messaging=messaging, migrations="discovery:migrations")
    return create_service_app(
        runtime,
        [],
        title="Discovery",
        description="Stage 1: influencer profiles, search and ranking, authenticity, lookalikes, shortlists.",
    )

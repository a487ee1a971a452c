"""The metrics service: `uvicorn metrics.main:create_app --factory`."""

from fastapi import FastAPI

from metrics.adapters.event_handlers import handlers
from metrics.adapters.tables import messaging, metadata
from metrics.api import campaign_metrics
from metrics.settings import MetricsSettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def create_app(settings: MetricsSettings | None = None) -> FastAPI:
    settings = settings or MetricsSettings()
    runtime = ServiceRuntime(
        settings, metadata=metadata, messaging=messaging, migrations="metrics:migrations", handlers=handlers
    )
    return create_service_app(
        runtime,
        [campaign_metrics.router],
        title="Metrics",
        description="Tracking links, clicks, conversions, post insights and KPIs.",
    )

"""The metrics service: `uvicorn metrics.main:create_app --factory`."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from metrics.adapters.event_handlers import handlers
from metrics.adapters.ingestion import Ingestion
from metrics.adapters.tables import messaging, metadata
from metrics.api import conversions, errors, insights, measurements, redirect, report, settings, tracking
from metrics.api.redirect import RedirectFastPath
from metrics.settings import MetricsSettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def create_app(metrics_settings: MetricsSettings | None = None) -> RedirectFastPath:
    """The FastAPI app behind the redirect's fast path (which shows the app's attributes)."""
    metrics_settings = metrics_settings or MetricsSettings()
    runtime = ServiceRuntime(
        metrics_settings, metadata=metadata, messaging=messaging, migrations="metrics:migrations", handlers=handlers
    )
    ingestion = Ingestion(runtime)

    @asynccontextmanager
    async def ingesting(app: FastAPI) -> AsyncIterator[None]:
        await ingestion.start()
        try:
            yield
        finally:
            await ingestion.stop()

    app = create_service_app(
        runtime,
        [
            measurements.router,
            report.router,
            tracking.router,
            conversions.router,
            insights.router,
            settings.router,
            redirect.router,
        ],
        title="Metrics",
        description="Tracking links and clicks, conversions, post insights, costs and KPIs.",
        extra_lifespan=ingesting,
        invalid_field_prefix="body.",
    )
    app.state.ingestion = ingestion
    errors.install(app)
    return RedirectFastPath(
        app, ingestion, internal_secret=metrics_settings.internal_secret, service=metrics_settings.service_name
    )

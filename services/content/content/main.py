"""The content service: `uvicorn content.main:create_app --factory`."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from content.adapters.blob_store import LocalDirectoryStore, S3Store
from content.adapters.connectors import ManualConnector
from content.adapters.event_handlers import handlers
from content.adapters.overdue import OverdueLoop
from content.adapters.tables import messaging, metadata
from content.api import amplifications, briefs, deliverables, submissions
from content.settings import ContentSettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def blob_store(settings: ContentSettings) -> LocalDirectoryStore | S3Store:
    if settings.blob_store == "s3":
        return S3Store(
            settings.s3_bucket,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=settings.s3_secret_access_key,
            create_bucket=settings.s3_create_bucket,
        )
    return LocalDirectoryStore(settings.blob_dir)


def create_app(settings: ContentSettings | None = None) -> FastAPI:
    settings = settings or ContentSettings()
    runtime = ServiceRuntime(
        settings, metadata=metadata, messaging=messaging, migrations="content:migrations", handlers=handlers
    )
    store = blob_store(settings)
    overdue = OverdueLoop(runtime, settings.overdue_interval_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await store.start()
        overdue.start()
        try:
            yield
        finally:
            await overdue.stop()
            await store.stop()

    app = create_service_app(
        runtime,
        [briefs.router, deliverables.router, submissions.router, amplifications.router],
        title="Content",
        description="Stages 3 and 4: briefs, drafts, review, compliance, assets, publishing and amplification.",
        extra_lifespan=lifespan,
    )
    app.state.blob_store = store
    app.state.post_connector = ManualConnector()
    app.state.overdue = overdue
    return app

"""The discovery service: `uvicorn discovery.main:create_app --factory`."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from discovery.adapters.event_handlers import handlers
from discovery.adapters.import_worker import ImportWorker
from discovery.adapters.tables import messaging, metadata
from discovery.adapters.text_models import text_similarity
from discovery.api import imports, influencers, post_imports, search, shortlists
from discovery.settings import DiscoverySettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def create_app(settings: DiscoverySettings | None = None) -> FastAPI:
    settings = settings or DiscoverySettings()
    runtime = ServiceRuntime(
        settings, metadata=metadata, messaging=messaging, migrations="discovery:migrations", handlers=handlers
    )
    worker = ImportWorker(
        runtime.database,
        chunk_rows=settings.import_chunk_rows,
        lease_s=settings.import_lease_s,
        poll_interval_s=settings.import_poll_interval_s,
        pipeline_min_bytes=settings.import_pipeline_min_bytes,
        outbox=runtime.outbox,
    )

    @asynccontextmanager
    async def run_import_worker(app: FastAPI) -> AsyncIterator[None]:
        if settings.import_worker_enabled:
            worker.start()
        try:
            yield
        finally:
            await worker.stop()

    app = create_service_app(
        runtime,
        # search before influencers: POST /influencers/search must not reach /influencers/{id}.
        [search.router, imports.router, post_imports.router, influencers.router, shortlists.router],
        title="Discovery",
        description="Stage 1: influencer profiles, search and ranking, authenticity, lookalikes, shortlists.",
        extra_lifespan=run_import_worker,
    )
    app.state.similarity = text_similarity(settings.text_similarity)
    app.state.import_worker = worker if settings.import_worker_enabled else None
    return app

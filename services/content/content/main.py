"""The content service: `uvicorn content.main:create_app --factory`."""

from fastapi import FastAPI

from content.adapters.tables import messaging, metadata
from content.settings import ContentSettings
from servicekit.app import create_service_app
from servicekit.runtime import ServiceRuntime


def create_app(settings: ContentSettings | None = None) -> FastAPI:
    settings = settings or ContentSettings()
    runtime = ServiceRuntime(settings, metadata=metadata, messaging=messaging, migrations="content:migrations")
    return create_service_app(
        runtime,
        [],
        title="Content",
        description="Stages 3 and 4: briefs, drafts, review, compliance, assets, publishing and amplification.",
    )

"""Helpers for metrics' tests: the service in-process on real migrations."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process
from metrics.main import create_app
from metrics.settings import MetricsSettings


@asynccontextmanager
async def metrics_service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], name: str, **overrides: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """The app in-process; its FastAPI app is on `client.app`."""
    settings = MetricsSettings(
        database_url=await databases.new(name), **{**messaging_settings, "consumer_enabled": False, **overrides}
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client

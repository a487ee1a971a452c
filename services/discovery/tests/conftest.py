"""Helpers for discovery's tests: the service in-process on real migrations, callers, datasets."""

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from contracts.events.partnerships import CampaignCreated
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from discovery.domain.facts import ProfileFacts
from discovery.domain.profiles import Audience, Contact, Platform, RateCard
from discovery.main import create_app
from discovery.settings import DiscoverySettings
from servicekit.testing import deliver


def _datasets() -> Path:
    """The public exports in ../shared/datasets beside the repo (DATASETS_DIR overrides)."""
    repo = Path(__file__).resolve().parents[3]
    candidates = [os.environ.get("DATASETS_DIR"), repo.parent / "shared" / "datasets", "/work/shared/datasets"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "instagram_top200.csv").is_file():
            return Path(candidate)
    raise RuntimeError(f"the shared datasets are not at {repo.parent / 'shared' / 'datasets'}; set DATASETS_DIR")


DATASETS = _datasets()


def every_fact(platform: Platform = Platform.TIKTOK, handle: str = "every.fact") -> ProfileFacts:
    """A profile stating every fact there is, each with a value of its own."""
    return ProfileFacts(
        platform,
        handle,
        20_000,
        display_name="Every Fact",
        bio="bio",
        categories=("food", "travel"),
        country="FR",
        language="fr",
        following=1,
        posts=2,
        avg_likes=3.5,
        avg_comments=4.0,
        avg_views=5.0,
        avg_shares=6.0,
        avg_engagements=7.0,
        reported_engagement_rate=0.05,
        audience=Audience(ages={"18-24": 0.5}, genders={"female": 0.6}, countries={"FR": 0.7, "BE": 0.1}),
        rate_card=RateCard("EUR", {"post": 10_000}),
        past_sponsors=("Acme",),
        contact=Contact(email="a@b.test", website="https://every.test"),
        last_refreshed_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


@asynccontextmanager
async def discovery_service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], name: str, **overrides: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """The app in-process; its FastAPI app is on `client.app`."""
    options: dict[str, Any] = {
        **messaging_settings,
        "consumer_enabled": False,
        "import_poll_interval_s": 0.05,
        **overrides,
    }
    settings = DiscoverySettings(database_url=await databases.new(name), **options)
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


def app_of(client: httpx.AsyncClient) -> FastAPI:
    app: FastAPI = client.app  # type: ignore[attr-defined]
    return app


class Org:
    """An org calling through the gateway, with one user per role it needs."""

    def __init__(self, secret: str, roles: str = "owner") -> None:
        self.id = uuid.uuid4()
        self.secret = secret
        self.headers = service_headers(secret, self.id, roles=roles)

    def as_role(self, roles: str) -> dict[str, str]:
        return service_headers(self.secret, self.id, roles=roles)


async def wait_for_job(client: httpx.AsyncClient, job_id: str, headers: dict[str, str], timeout_s: float = 30) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        response = await client.get(f"/api/v1/import-jobs/{job_id}", headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        if body["state"] in ("succeeded", "failed"):
            return body
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"import {job_id} still {body['state']}: {body}")
        await asyncio.sleep(0.05)


async def campaign_created(client: httpx.AsyncClient, tenant_id: uuid.UUID, name: str = "Spring") -> uuid.UUID:
    """What discovery's consumer does when partnerships announces a campaign (handler called directly)."""
    campaign_id = uuid.uuid4()
    data = CampaignCreated(campaign_id=campaign_id, name=name, objective="awareness")
    await deliver(app_of(client).state.runtime, data, tenant_id=tenant_id, subject=campaign_id)
    return campaign_id


def profile(handle: str, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"platform": "instagram", "handle": handle, "followers": 25_000}
    body.update(fields)
    return body

"""Helpers for content's tests: the service in-process on real migrations, a brand and a creator
as the gateway would present them, and a signed partnership told as partnerships would."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from content.adapters.tables import messaging
from content.main import create_app
from content.settings import ContentSettings
from contracts import Money, decode
from contracts.events.partnerships import CampaignCreated, Deliverable, PartnershipSigned, UsageRights
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from servicekit.testing import deliver


@asynccontextmanager
async def content_service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], name: str, tmp: Path, **overrides: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """The app in-process (no consumer: tests deliver events themselves); the app is on `client.app`."""
    settings = ContentSettings(
        database_url=await databases.new(name),
        blob_dir=str(tmp / "media"),
        **{**messaging_settings, "consumer_enabled": False, "overdue_interval_s": 3600, **overrides},
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


@dataclass
class Deal:
    """A brand, its campaign, and a creator with a signed partnership."""

    secret: str
    org: uuid.UUID = field(default_factory=uuid.uuid4)
    campaign_id: uuid.UUID = field(default_factory=uuid.uuid4)
    partnership_id: uuid.UUID = field(default_factory=uuid.uuid4)
    influencer_id: uuid.UUID = field(default_factory=uuid.uuid4)
    creator_org: uuid.UUID = field(default_factory=uuid.uuid4)

    def brand(self, roles: str = "manager") -> dict[str, str]:
        return service_headers(self.secret, self.org, roles)

    def creator(self, influencer_id: uuid.UUID | None = None) -> dict[str, str]:
        return service_headers(
            self.secret, self.creator_org, "creator", **{"x-influencer-id": str(influencer_id or self.influencer_id)}
        )


def runtime_of(service: httpx.AsyncClient) -> Any:
    return service.app.state.runtime  # type: ignore[attr-defined]


async def sign(
    service: httpx.AsyncClient,
    deal: Deal,
    *,
    lines: list[Deliverable] | None = None,
    collaboration_type: str = "sponsored_post",
    fee_kind: str = "fixed",
    rights: UsageRights | None = None,
) -> None:
    runtime = runtime_of(service)
    await deliver(
        runtime,
        CampaignCreated(
            campaign_id=deal.campaign_id,
            name="Spring",
            objective="awareness",
            budget=Money(amount_minor=1_000_000, currency="EUR"),
        ),
        tenant_id=deal.org,
    )
    await deliver(
        runtime,
        PartnershipSigned(
            partnership_id=deal.partnership_id,
            campaign_id=deal.campaign_id,
            influencer_id=deal.influencer_id,
            terms_version=1,
            actor="brand",
            terms_hash="x" * 64,
            collaboration_type=collaboration_type,
            fee=Money(amount_minor=200_000, currency="EUR"),
            fee_kind=fee_kind,
            deliverables=lines or [Deliverable(type="post", platform="instagram", count=1, due_on=date(2030, 6, 1))],
            usage_rights=rights,
        ),
        tenant_id=deal.org,
    )


async def deliverables_of(service: httpx.AsyncClient, deal: Deal) -> list[dict[str, Any]]:
    listed = await service.get(f"/api/v1/partnerships/{deal.partnership_id}/deliverables", headers=deal.brand())
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def told(service: httpx.AsyncClient, event_type: str) -> list[dict[str, Any]]:
    """The data of each event of this type in the service's outbox, oldest first."""
    runtime = runtime_of(service)
    outbox = messaging.outbox
    async with runtime.database.session(read_only=True) as session:
        rows = await session.execute(
            select(outbox.c.payload).where(outbox.c.event_type == event_type).order_by(outbox.c.id)
        )
        return [decode(row.payload).data for row in rows]

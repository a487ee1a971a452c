"""Helpers for metrics' tests: the service in-process on real migrations, and a brand's campaign,
partnership and posts told to it as partnerships' and content's events would tell them."""

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import httpx

from contracts import CollaborationType, EventData, FeeKind, Money, Party
from contracts.events.content import ContentPublished
from contracts.events.partnerships import CampaignCreated, PartnershipSigned
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from metrics.main import create_app
from metrics.settings import MetricsSettings
from servicekit.testing import deliver

T = TypeVar("T")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"


@asynccontextmanager
async def metrics_service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], name: str, **overrides: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """The app in-process; its FastAPI app is on `client.app`. Its consumer groups and ingestion
    topics are its own: another metrics in the same session (the e2e platform's) takes no share."""
    database_url = overrides.pop("database_url", None) or await databases.new(name)
    own = uuid.uuid4().hex[:8]
    isolated = {"service_name": f"metrics-{own}", "clicks_topic": f"clicks-{own}", "insights_topic": f"insights-{own}"}
    settings = MetricsSettings(
        database_url=database_url, **{**messaging_settings, "consumer_enabled": False, **isolated, **overrides}
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


async def tell(service: httpx.AsyncClient, data: EventData, org: uuid.UUID, at: datetime | None = None) -> None:
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    await deliver(runtime, data, tenant_id=org, time=at or T0)


async def eventually(probe: Callable[[], Awaitable[T | None]], timeout_s: float = 30) -> T:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        found = await probe()
        if found:
            return found
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("the expected state never came")
        await asyncio.sleep(0.05)


@dataclass
class Brand:
    """An org with a campaign in EUR and what it told metrics, for one test."""

    service: httpx.AsyncClient
    secret: str
    org: uuid.UUID = field(default_factory=uuid.uuid4)
    campaign_id: uuid.UUID = field(default_factory=uuid.uuid4)

    @property
    def headers(self) -> dict[str, str]:
        return service_headers(self.secret, self.org)

    def as_role(self, roles: str) -> dict[str, str]:
        return service_headers(self.secret, self.org, roles=roles)

    async def campaign(
        self, budget: int = 500_000, currency: str = "EUR", kpis: dict[str, float] | None = None, **dates: date
    ) -> uuid.UUID:
        await tell(
            self.service,
            CampaignCreated(
                campaign_id=self.campaign_id,
                name="Spring Sale",
                objective="conversions",
                budget=Money(amount_minor=budget, currency=currency),
                kpis=kpis,
                **dates,
            ),
            self.org,
        )
        return self.campaign_id

    async def partnership(
        self,
        fee: int = 100_000,
        currency: str = "EUR",
        kind: FeeKind = FeeKind.FIXED,
        influencer_id: uuid.UUID | None = None,
        rate_bps: int | None = None,
    ) -> tuple[uuid.UUID, uuid.UUID]:
        partnership_id, influencer_id = uuid.uuid4(), influencer_id or uuid.uuid4()
        await tell(
            self.service,
            PartnershipSigned(
                partnership_id=partnership_id,
                campaign_id=self.campaign_id,
                influencer_id=influencer_id,
                terms_version=1,
                actor=Party.CREATOR,
                terms_hash="h",
                collaboration_type=CollaborationType.SPONSORED_POST,
                fee=Money(amount_minor=fee, currency=currency),
                fee_kind=kind,
                commission_rate_bps=rate_bps,
                signed_at=T0,
            ),
            self.org,
        )
        return partnership_id, influencer_id

    async def post(
        self, partnership_id: uuid.UUID, influencer_id: uuid.UUID, platform: str = "instagram"
    ) -> tuple[uuid.UUID, uuid.UUID]:
        post_id, deliverable_id = uuid.uuid4(), uuid.uuid4()
        await tell(
            self.service,
            ContentPublished(
                deliverable_id=deliverable_id,
                partnership_id=partnership_id,
                campaign_id=self.campaign_id,
                influencer_id=influencer_id,
                post_id=post_id,
                platform=platform,
                url=f"https://{platform}.example/p/{post_id.hex[:8]}",
                published_at=T0,
                external_id="ext-1",
            ),
            self.org,
        )
        return post_id, deliverable_id

    async def link(self, partnership_id: uuid.UUID, **body: Any) -> dict[str, Any]:
        response = await self.service.post(
            "/api/v1/tracking-links",
            json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/spring", **body},
            headers=self.headers,
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def click(
        self, code: str, user_agent: str = BROWSER, address: str = "203.0.113.7", method: str = "GET"
    ) -> httpx.Response:
        """A visitor follows the link, through the gateway (which sends the client's address)."""
        headers = service_headers(self.secret, None, roles="")
        headers.update({"user-agent": user_agent, "x-forwarded-for": address, "referer": "https://instagram.com/x"})
        return await self.service.request(method, f"/r/{code}", headers=headers)

    async def metrics(self) -> dict[str, Any]:
        response = await self.service.get(f"/api/v1/campaigns/{self.campaign_id}/metrics", headers=self.headers)
        assert response.status_code == 200, response.text
        return dict(response.json())

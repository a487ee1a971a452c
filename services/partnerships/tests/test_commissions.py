"""Commission fees into the ledger from metrics.conversion.attributed: a commission contract earns
its rate on the attributed sales, less refunds and cancellations, up to its cap; each earned
amount moves from committed to paid (a refund moves it back), the budget reconciles, each entry
counts once, and metrics hears the commission accrued."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from contracts import Money, decode
from contracts.events.metrics import ConversionAttributed
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from partnerships.adapters.tables import messaging
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings
from servicekit.testing import deliver

from .conftest import known_influencer

CAP, RATE_BPS = 50_000, 1_250  # up to 500.00 EUR at 12.5 %


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    settings = PartnershipsSettings(
        database_url=await databases.new("partnerships_commissions"), consumer_enabled=False, **messaging_settings
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


class Contract:
    def __init__(self, service: httpx.AsyncClient, secret: str) -> None:
        self.service = service
        self.tenant, self.influencer_id = uuid.uuid4(), uuid.uuid4()
        self.brand = service_headers(secret, self.tenant, roles="owner")
        self.creator = service_headers(
            secret, uuid.uuid4(), roles="creator", **{"x-influencer-id": str(self.influencer_id)}
        )
        self.campaign_id = ""
        self.partnership_id = ""

    async def sign(self, fee: dict[str, Any]) -> None:
        await known_influencer(self.service, self.influencer_id)
        created = await self.service.post(
            "/api/v1/campaigns",
            json={
                "name": "Affiliates",
                "objective": "conversions",
                "budget": {"amount_minor": 200_000, "currency": "EUR"},
            },
            headers=self.brand,
        )
        self.campaign_id = created.json()["id"]
        deliverables = [{"type": "post", "platform": "instagram", "count": 1}]
        terms = {"collaboration_type": "affiliate", "deliverables": deliverables, "fee": fee}
        proposed = await self.service.post(
            f"/api/v1/campaigns/{self.campaign_id}/partnerships",
            json={"influencer_id": str(self.influencer_id), "terms": terms},
            headers=self.brand,
        )
        assert proposed.status_code == 201, proposed.text
        self.partnership_id = proposed.json()["id"]
        for who in (self.creator, self.brand):
            signed = await self.service.post(
                f"/api/v1/partnerships/{self.partnership_id}/sign", json={"terms_version": 1}, headers=who
            )
            assert signed.status_code == 200, signed.text

    async def sale(
        self, amount: int, *, kind: str = "order", currency: str = "EUR", converted: int | None = None,
        entry_id: uuid.UUID | None = None, tenant: uuid.UUID | None = None,
    ) -> None:  # fmt: skip
        change = amount if kind == "order" else -amount
        data = ConversionAttributed(
            entry_id=entry_id or uuid.uuid4(),
            conversion_id=uuid.uuid4(),
            order_id="o",
            entry_kind=kind,
            partnership_id=uuid.UUID(self.partnership_id),
            campaign_id=uuid.UUID(self.campaign_id),
            influencer_id=self.influencer_id,
            method="click",
            amount=Money(amount_minor=amount, currency=currency),
            net_change_minor=change,
            in_campaign_currency=Money(amount_minor=converted, currency="EUR") if converted is not None else None,
            occurred_at=datetime.now(UTC),
        )
        await deliver(self.service.app.state.runtime, data, tenant_id=tenant or self.tenant)  # type: ignore[attr-defined]

    async def budget(self) -> dict[str, Any]:
        body = (await self.service.get(f"/api/v1/campaigns/{self.campaign_id}/budget", headers=self.brand)).json()
        assert body["reconciled"] is True, body
        return {k: body[k]["amount_minor"] for k in ("committed", "paid", "remaining")}

    async def told(self) -> list[dict[str, Any]]:
        runtime = self.service.app.state.runtime  # type: ignore[attr-defined]
        outbox = messaging.outbox
        async with runtime.database.session(read_only=True) as session:
            rows = await session.execute(
                select(outbox.c.payload)
                .where(outbox.c.event_type == "partnership.commission_accrued")
                .order_by(outbox.c.id)
            )
        return [e.data for e in map(decode, rows.scalars()) if e.data["partnership_id"] == self.partnership_id]


@pytest.fixture
async def contract(service: httpx.AsyncClient, internal_secret: str) -> Contract:
    contract = Contract(service, internal_secret)
    await contract.sign({"kind": "commission", "rate_bps": RATE_BPS, "cap": {"amount_minor": CAP, "currency": "EUR"}})
    return contract


async def test_commission_on_attributed_sales_less_refunds_up_to_the_cap(contract: Contract) -> None:
    assert await contract.budget() == {"committed": CAP, "paid": 0, "remaining": 150_000}
    twice = uuid.uuid4()
    await contract.sale(100_000, entry_id=twice)  # 12.5 % of 1000.00 = 125.00
    await contract.sale(100_000, entry_id=twice)  # the same entry again: nothing more
    await contract.sale(30_001)  # 1300.01 in all: 162.50125 -> 162.50
    await contract.sale(20_000, kind="refund")  # 1100.01: 137.50
    await contract.sale(9_000, currency="USD", converted=8_000)  # 1180.01 EUR: 147.50
    await contract.sale(9_000, currency="GBP")  # no rate known to metrics: not counted
    assert await contract.budget() == {"committed": CAP - 14_750, "paid": 14_750, "remaining": 150_000}
    await contract.sale(400_000)  # 5180.01: 647.50, capped at 500.00
    await contract.sale(50_000, kind="cancellation")  # 4680.01: 585.00, still capped
    assert await contract.budget() == {"committed": 0, "paid": CAP, "remaining": 150_000}
    await contract.sale(450_000, kind="refund")  # 180.01: 22.50
    assert await contract.budget() == {"committed": CAP - 2_250, "paid": 2_250, "remaining": 150_000}

    told = await contract.told()
    assert [e["change"] for e in told] == [12_500, 3_750, -2_500, 1_000, 35_250, 0, -47_750]
    assert told[-1]["accrued"] == {"amount_minor": 2_250, "currency": "EUR"}
    assert told[-1]["net_sales"] == {"amount_minor": 18_001, "currency": "EUR"}


async def test_sales_of_other_contracts_or_orgs_change_nothing(
    service: httpx.AsyncClient, internal_secret: str, contract: Contract
) -> None:
    await contract.sale(100_000, tenant=uuid.uuid4())  # another org's event naming this partnership
    fixed = Contract(service, internal_secret)
    await fixed.sign({"kind": "fixed", "amount": {"amount_minor": 10_000, "currency": "EUR"}})
    before = await fixed.budget()
    await fixed.sale(100_000)
    assert await fixed.budget() == before
    assert await contract.budget() == {"committed": CAP, "paid": 0, "remaining": 150_000}
    assert await fixed.told() == []

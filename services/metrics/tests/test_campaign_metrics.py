"""A campaign's KPIs as the API serves them: insights, tracked and reported clicks, orders in two
currencies with the org's rates shown, fees and spend, EMV, pacing against the targets set on the
campaign, the daily series in a time zone and the CSV report; and the events told of them."""

import csv
import io
import uuid
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import select

from contracts import FeeKind, Money
from contracts.events.content import ContentAmplified
from contracts.events.partnerships import CommissionAccrued, PaymentRecorded
from devstack.databases import DatabaseFactory
from metrics.adapters.tables import messaging

from .conftest import T0, Brand, eventually, metrics_service, tell


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(
        databases, messaging_settings, "metrics_campaign_kpis", consumer_enabled=True, publish_interval_s=0.1
    ) as client:
        ingestion = client.app.state.ingestion  # type: ignore[attr-defined]
        await eventually(lambda: _true(ingestion.aggregator.assigned.is_set()), timeout_s=60)
        yield client


async def _true(value: bool) -> bool:
    return value


async def told(brand: Brand, event_type: str) -> list[dict[str, Any]]:
    database = brand.service.app.state.runtime.database  # type: ignore[attr-defined]
    outbox = messaging.outbox
    async with database.session(read_only=True) as session:
        rows = await session.execute(
            select(outbox.c.payload).where(outbox.c.event_type == event_type).order_by(outbox.c.id)
        )
    events = [orjson.loads(payload) for payload in rows.scalars()]
    return [e["data"] for e in events if e["tenant_id"] == str(brand.org)]


async def test_a_campaigns_kpis_add_up_what_was_measured(service: httpx.AsyncClient, internal_secret: str) -> None:
    brand = Brand(service, internal_secret)
    await brand.campaign(
        budget=200_000, kpis={"clicks": 2, "engagements": 100, "cpc": 1_000_000.0},
        starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31),
    )  # fmt: skip
    p1, i1 = await brand.partnership(fee=100_000)
    p2, i2 = await brand.partnership(fee=40_000)
    post1, d1 = await brand.post(p1, i1, "instagram")
    post2, _ = await brand.post(p2, i2, "tiktok")
    link = await brand.link(p1, deliverable_id=str(d1))
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.2"):
        assert (await brand.click(link["code"], address=address)).status_code == 302
    snapshots = [
        (post1, {"observed_at": T0.isoformat(), "metrics": {"impressions": 10_000, "reach": 8_000, "likes": 300,
                                                              "comments": 20, "link_clicks": 999}}),
        (post2, {"observed_at": T0.isoformat(), "metrics": {"video_views": 50_000, "likes": 900, "shares": 30,
                                                              "link_clicks": 70}}),
    ]  # fmt: skip
    for post_id, body in snapshots:
        accepted = await brand.service.post(f"/api/v1/posts/{post_id}/insights", json=body, headers=brand.headers)
        assert accepted.status_code == 202, accepted.text
    rate = await brand.service.post(
        "/api/v1/exchange-rates",
        json={"base": "USD", "quote": "EUR", "rate": "0.9", "valid_on": "2026-01-01"},
        headers=brand.headers,
    )
    assert rate.status_code == 201, rate.text
    promo = await brand.service.post(
        "/api/v1/promo-codes", json={"code": "P2", "partnership_id": str(p2)}, headers=brand.headers
    )
    assert promo.status_code == 201

    def money(amount: int, currency: str = "EUR") -> dict[str, Any]:
        return {"amount_minor": amount, "currency": currency}

    orders = {
        "items": [
            {"order_id": "o-1", "amount": money(50_000), "occurred_at": "2026-03-02T10:00:00Z", "promo_code": "P2"},
            {"order_id": "o-2", "amount": money(20_000, "USD"), "occurred_at": "2026-03-03T23:30:00Z",
             "promo_code": "p2"},
            {"type": "refund", "order_id": "o-1", "adjustment_id": "r", "amount": money(10_000),
             "occurred_at": "2026-03-04T10:00:00Z"},
        ]
    }  # fmt: skip
    assert (await brand.service.post("/api/v1/conversions", json=orders, headers=brand.headers)).status_code == 201
    await tell(
        brand.service,
        ContentAmplified(
            deliverable_id=d1, partnership_id=p1, campaign_id=brand.campaign_id, influencer_id=i1,
            amplification_id=uuid.uuid4(), post_id=post1, kind="paid_boost",
            spend=Money(amount_minor=5_000, currency="USD"),
        ),
        brand.org,
        T0 + timedelta(days=1),
    )  # fmt: skip
    emv = await brand.service.put(
        "/api/v1/emv-values", json={"currency": "EUR", "per_mille_minor": {"likes": 1_000}}, headers=brand.headers
    )
    assert emv.status_code == 200

    # All three visits aggregated (the repeat may land in a later batch than the two counted ones).
    body = await eventually(
        lambda: _when(
            brand, lambda b: (b["totals"]["clicks"], b["totals"]["repeat_clicks"]) == (72, 1) and b["totals"]["views"]
        )
    )

    t = body["totals"]
    assert (body["currency"], t["posts"], t["impressions"], t["reach"], t["views"]) == ("EUR", 2, 10_000, 8_000, 50_000)
    assert t["engagements"] == 320 + 930
    # 2 counted tracked clicks (one repeat) for post 1, whose reported 999 are ignored; 70 reported for post 2
    assert (t["tracked_clicks"], t["repeat_clicks"], t["reported_link_clicks"], t["clicks"]) == (2, 1, 70, 72)
    # 500.00 - 100.00 EUR + 200.00 USD at 0.9
    assert (t["conversions"], t["revenue_minor"]) == (2, 58_000)
    assert (t["fees_minor"], t["spend_minor"], t["cost_minor"]) == (140_000, 4_500, 144_500)
    assert t["emv_minor"] == 1_200  # 1200 likes at 10.00 EUR per thousand
    assert body["kpis"]["roi"] == pytest.approx((58_000 - 144_500) / 144_500)
    assert body["kpis"]["cpc"] == pytest.approx(144_500 / 72)
    assert body["kpis"]["engagement_rate_by_impressions"] == pytest.approx(320 / 10_000)
    revenue = body["money"]["revenue"]
    assert revenue["complete"] is True
    assert [(r["source"], r["rate"], r["source_minor"], r["target_minor"]) for r in revenue["rates_used"]] == [
        ("USD", "0.9", 20_000, 18_000)
    ]
    pacing = body["pacing"]
    assert (pacing["budget_minor"], pacing["cost_minor"], pacing["over_budget"]) == (200_000, 144_500, False)
    by_kpi = {p["kpi"]: p for p in pacing["targets"]}
    assert (by_kpi["clicks"]["reached"], by_kpi["engagements"]["reached"], by_kpi["cpc"]["reached"]) == (True,) * 3

    reached = await eventually(lambda: _told_at_least(brand, "metrics.kpi.reached", 3))
    assert sorted(e["kpi"] for e in reached) == ["clicks", "cpc", "engagements"]
    performance = await eventually(lambda: _performance_of(brand, p2))
    assert (performance["influencer_id"], performance["posts"], performance["clicks"]) == (str(i2), 1, 70)
    assert performance["revenue"] == {"amount_minor": 58_000, "currency": "EUR"}

    series = await brand.service.get(
        f"/api/v1/campaigns/{brand.campaign_id}/metrics/timeseries",
        params={"granularity": "day", "tz": "Asia/Tokyo", "from": "2026-03-01", "to": "2026-03-05"},
        headers=brand.headers,
    )
    assert series.status_code == 200, series.text
    points = {p["bucket"]: p for p in series.json()["points"]}
    assert list(points) == ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]
    # o-2 at 23:30 UTC on 3 March is 4 March in Tokyo; the refund on the 4th too
    assert (points["2026-03-02"]["revenue_minor"], points["2026-03-04"]["revenue_minor"]) == (50_000, 18_000 - 10_000)
    assert points["2026-03-01"]["views"] == 50_000
    assert sum(p["cost_minor"] or 0 for p in points.values()) == 144_500
    bad_zone = await brand.service.get(
        f"/api/v1/campaigns/{brand.campaign_id}/metrics/timeseries?tz=Mars/Olympus", headers=brand.headers
    )
    assert [e["field"] for e in bad_zone.json()["errors"]] == ["query.tz"]

    report = await brand.service.get(f"/api/v1/campaigns/{brand.campaign_id}/report.csv", headers=brand.headers)
    assert report.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(report.text)))
    assert [line["line"] for line in lines] == ["partnership", "partnership", "campaign"]
    total = lines[-1]
    assert (total["revenue"], total["cost"], total["clicks"], total["currency"]) == ("580.00", "1445.00", "72", "EUR")


async def test_an_amount_without_a_rate_is_shown_apart_and_money_kpis_are_null(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    partnership_id, _ = await brand.partnership(fee=10_000)
    await tell(
        brand.service,
        PaymentRecorded(
            payment_id=uuid.uuid4(), partnership_id=partnership_id, campaign_id=brand.campaign_id,
            influencer_id=uuid.uuid4(), milestone="on_signing", amount=Money(amount_minor=10_000, currency="EUR"),
            paid_at=T0,
        ),
        brand.org,
    )  # fmt: skip
    response = await brand.service.post(
        "/api/v1/conversions",
        json={"order_id": "x", "amount": {"amount_minor": 700, "currency": "GBP"}, "occurred_at": T0.isoformat()},
        headers=brand.headers,
    )
    assert response.json()["conversion"]["attribution"]["method"] == "none"
    code = await brand.service.post(
        "/api/v1/promo-codes", json={"code": "GB", "partnership_id": str(partnership_id)}, headers=brand.headers
    )
    assert code.status_code == 201
    await brand.service.post(
        "/api/v1/conversions",
        json={"order_id": "y", "amount": {"amount_minor": 700, "currency": "GBP"}, "occurred_at": T0.isoformat(),
              "promo_code": "GB"},
        headers=brand.headers,
    )  # fmt: skip
    body = await brand.metrics()
    assert body["money"]["revenue"]["unconverted"] == [{"amount_minor": 700, "currency": "GBP"}]
    assert (body["money"]["revenue"]["complete"], body["kpis"]["roi"], body["kpis"]["roas"]) == (False, None, None)
    assert body["totals"]["cost_minor"] == 10_000
    assert body["kpis"]["cpa"] == pytest.approx(10_000)


async def test_an_empty_campaign_has_null_kpis_and_another_org_gets_404(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    body = await brand.metrics()
    assert all(value is None for value in body["kpis"].values())
    assert body["totals"]["clicks"] == 0
    other = Brand(service, internal_secret)
    for path in (
        f"/api/v1/campaigns/{brand.campaign_id}/metrics",
        f"/api/v1/campaigns/{brand.campaign_id}/metrics/timeseries",
        f"/api/v1/campaigns/{brand.campaign_id}/report.csv",
        f"/api/v1/campaigns/{brand.campaign_id}/metrics/settings",
    ):
        assert (await service.get(path, headers=other.headers)).status_code == 404, path


async def _when(brand: Brand, done: Any) -> dict[str, Any] | None:
    body = await brand.metrics()
    return body if done(body) else None


async def _told_at_least(brand: Brand, event_type: str, n: int) -> list[dict[str, Any]] | None:
    events = await told(brand, event_type)
    return events if len(events) >= n else None


async def _performance_of(brand: Brand, partnership_id: uuid.UUID) -> dict[str, Any] | None:
    events = [e for e in await told(brand, "metrics.performance.updated") if e["partnership_id"] == str(partnership_id)]
    latest = events[-1] if events else None
    return latest if latest and latest["clicks"] == 70 and (latest["revenue"] or {}).get("amount_minor") else None


async def test_a_commission_contract_costs_the_commission_accrued_not_its_cap(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    partnership_id, influencer_id = await brand.partnership(fee=50_000, kind=FeeKind.COMMISSION, rate_bps=1_000)
    assert (await brand.metrics())["totals"]["fees_minor"] == 0

    def accrued(amount: int) -> CommissionAccrued:
        return CommissionAccrued(
            partnership_id=partnership_id, campaign_id=brand.campaign_id, influencer_id=influencer_id,
            entry_id=uuid.uuid4(), change=amount, accrued=Money(amount_minor=amount, currency="EUR"),
            net_sales=Money(amount_minor=amount * 10, currency="EUR"),
        )  # fmt: skip

    await tell(brand.service, accrued(1_200), brand.org, T0 + timedelta(minutes=2))
    await tell(brand.service, accrued(900), brand.org, T0 + timedelta(minutes=1))  # older, late: changes nothing
    assert (await brand.metrics())["totals"]["fees_minor"] == 1_200

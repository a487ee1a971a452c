"""The campaign report as a page and a PDF: the same figures as the KPI endpoint, to the cent,
self-contained, escaped, and content-negotiated on one path beside the CSV."""

import sys
import uuid
from collections.abc import AsyncIterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest

from contracts import Money
from contracts.events.partnerships import CampaignCreated
from devstack.databases import DatabaseFactory

from .conftest import T0, Brand, eventually, metrics_service, tell


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(databases, messaging_settings, "metrics_report_page", consumer_enabled=True) as client:
        ingestion = client.app.state.ingestion  # type: ignore[attr-defined]
        await eventually(lambda: _true(ingestion.aggregator.assigned.is_set()), timeout_s=60)
        yield client


async def _true(value: bool) -> bool:
    return value


class Figures(HTMLParser):
    """The visible text of every element marked `data-kpi`, and every URL the page would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.kpis: dict[str, str] = {}
        self.fetches: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if "data-kpi" in named:
            self._open = named["data-kpi"]
            self.kpis[self._open or ""] = ""
        if tag in ("script", "link", "img", "iframe", "object") or (tag != "a" and named.get("src")):
            self.fetches.append(f"{tag} {named}")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.kpis[self._open] += data.strip()


def money(minor: float | None) -> str:
    return "\u2013" if minor is None else f"{round(minor) / 100:,.2f} EUR"


def percent(value: float | None) -> str:
    return "\u2013" if value is None else f"{value * 100:.2f}%"


def expected_figures(body: dict[str, Any]) -> dict[str, str]:
    """What the page must show, derived from GET /campaigns/{id}/metrics alone."""
    t, k = body["totals"], body["kpis"]
    return {
        "impressions": f"{t['impressions']:,}",
        "reach": f"{t['reach']:,}",
        "engagements": f"{t['engagements']:,}",
        "clicks": f"{t['clicks']:,}",
        "conversions": f"{t['conversions']:,}",
        "revenue": money(t["revenue_minor"]),
        "cost": money(t["cost_minor"]),
        "emv": money(t["emv_minor"]),
        "engagement_rate": percent(k["engagement_rate"]),
        "ctr": percent(k["ctr"]),
        "conversion_rate": percent(k["conversion_rate"]),
        "roi": percent(k["roi"]),
        "roas": "\u2013" if k["roas"] is None else f"{k['roas']:.2f}\u00d7",
        **{name: money(k[name]) for name in ("cpm", "cpe", "cpc", "cpa")},
        "budget": money(body["pacing"]["budget_minor"]),
        "budget_cost": money(body["pacing"]["cost_minor"]),
    }


async def measured_brand(service: httpx.AsyncClient, secret: str, name: str) -> Brand:
    brand = Brand(service, secret)
    await tell(
        service,
        CampaignCreated(
            campaign_id=brand.campaign_id, name=name, objective="conversions",
            budget=Money(amount_minor=300_000, currency="EUR"), kpis={"clicks": 10, "cpc": 5_000.0},
            starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31),
        ),
        brand.org,
    )  # fmt: skip
    p1, i1 = await brand.partnership(fee=100_033)
    post1, d1 = await brand.post(p1, i1, "instagram")
    post2, _ = await brand.post(p1, i1, "tiktok")
    link = await brand.link(p1, deliverable_id=str(d1))
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):
        assert (await brand.click(link["code"], address=address)).status_code == 302
    snapshots = [
        (post1, {"impressions": 12_345, "reach": 9_000, "likes": 321, "comments": 17}),
        (post2, {"video_views": 40_000, "likes": 800, "shares": 12, "link_clicks": 5}),
    ]
    for post_id, values in snapshots:
        sent = await service.post(
            f"/api/v1/posts/{post_id}/insights",
            json={"observed_at": T0.isoformat(), "metrics": values},
            headers=brand.headers,
        )
        assert sent.status_code == 202, sent.text
    code = f"R{uuid.uuid4().hex[:6]}"
    promo = await service.post(
        "/api/v1/promo-codes", json={"code": code, "partnership_id": str(p1)}, headers=brand.headers
    )
    assert promo.status_code == 201, promo.text
    amount = {"amount_minor": 45_678, "currency": "EUR"}
    order = {"order_id": "o-1", "amount": amount, "occurred_at": "2026-03-02T10:00:00Z", "promo_code": code}
    assert (await service.post("/api/v1/conversions", json=order, headers=brand.headers)).status_code == 201
    emv = await service.put(
        "/api/v1/emv-values", json={"currency": "EUR", "per_mille_minor": {"likes": 1_500}}, headers=brand.headers
    )
    assert emv.status_code == 200

    async def settled() -> bool:
        body = await brand.metrics()
        return bool(body["totals"]["clicks"] == 8 and body["totals"]["views"])

    await eventually(settled)
    return brand


async def test_the_page_shows_the_kpi_endpoints_figures_to_the_cent(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    brand = await measured_brand(service, internal_secret, "Spring <script>alert(1)</script> & Co")
    kpis = await brand.metrics()
    page = await service.get(
        f"/api/v1/campaigns/{brand.campaign_id}/report", headers={**brand.headers, "accept": "text/html"}
    )
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    figures = Figures()
    figures.feed(page.text)
    assert figures.kpis == expected_figures(kpis)
    assert kpis["kpis"]["roi"] is not None  # figures, not dashes
    assert kpis["kpis"]["cpc"] is not None
    # Self-contained: nothing fetched, the charts inline SVG with their text as text.
    assert figures.fetches == []
    assert page.text.count("<svg") == 2
    assert "Impressions, engagements" in page.text
    # What users typed is escaped, never markup.
    assert "<script>" not in page.text
    assert "Spring &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page.text
    # Formulas are on the page, each figure linked to its own.
    assert 'id="f-cpc"' in page.text
    assert "cost / clicks" in page.text


async def test_the_csv_on_the_same_path(service: httpx.AsyncClient, internal_secret: str) -> None:
    brand = await measured_brand(service, internal_secret, "Summer")
    path = f"/api/v1/campaigns/{brand.campaign_id}/report"
    csv_old = await service.get(f"/api/v1/campaigns/{brand.campaign_id}/report.csv", headers=brand.headers)
    by_accept = await service.get(path, headers={**brand.headers, "accept": "text/csv"})
    by_query = await service.get(path, params={"format": "csv"}, headers=brand.headers)
    assert by_accept.headers["content-type"].startswith("text/csv")
    assert by_accept.text == by_query.text == csv_old.text


@pytest.mark.report_render
async def test_the_pdf_is_the_page_printed(service: httpx.AsyncClient, internal_secret: str) -> None:
    brand = await measured_brand(service, internal_secret, "Autumn")
    path = f"/api/v1/campaigns/{brand.campaign_id}/report"
    pdf = await service.get(path, params={"format": "pdf"}, headers=brand.headers)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    by_accept_pdf = await service.get(path, headers={**brand.headers, "accept": "application/pdf, text/html;q=0.5"})
    assert by_accept_pdf.headers["content-type"] == "application/pdf"


async def test_report_refusals(
    service: httpx.AsyncClient, internal_secret: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    path = f"/api/v1/campaigns/{brand.campaign_id}/report"
    bad = await service.get(path, params={"format": "docx"}, headers=brand.headers)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "query.format"
    other = await service.get(path, headers=Brand(service, internal_secret).headers)
    assert other.status_code == 404
    # A deployment without Pango: a 503 naming what is missing, never a 500.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    missing = await service.get(path, params={"format": "pdf"}, headers=brand.headers)
    assert missing.status_code == 503, missing.text
    assert "Pango" in missing.json()["detail"]
    assert missing.headers["content-type"] == "application/problem+json"
    # The page itself needs none of it.
    page = await service.get(path, headers=brand.headers)
    assert page.status_code == 200
    assert "Spring Sale" in page.text

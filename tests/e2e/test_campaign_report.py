"""The campaign report end to end: a measured campaign's page rendered by headless Chromium (the
numbers a person sees are the KPI endpoint's, to the cent; a screenshot is kept), its PDF turned
into PNG pages by pdftoppm and read back by pdftotext, and share links that work without signing
in until they are revoked or expire (then 404, like a link that never existed).

Chromium, poppler-utils and Pango are Debian packages (.ci/run installs them): the test is marked
`report_render`, left out of `make test` (which needs nothing but Python) and run by `make
test-integration`, where it fails without them, never skips."""

import asyncio
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import create_async_engine

from devstack.mailbox import Mailbox
from devstack.stack import Stack
from gateway.adapters.tables import report_shares

from .conftest import Org, sign_up
from .content_setup import deliverables_of
from .test_metrics_flow import MOBILE, api_key, eventually, published_and_boosted, signed_partnership

FIGURE = re.compile(r'data-kpi="([a-z_]+)"[^>]*>([^<]*)<')
DASH = "\u2013"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: apt-get install chromium poppler-utils (as .ci/run does)")
    return found


async def run(*command: str, timeout_s: float = 90) -> bytes:
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout_s)
    assert process.returncode == 0, f"{command[0]}: {err.decode()[-2000:]}"
    return out


async def chromium(*args: str) -> bytes:
    home = Path(os.environ.get("TMPDIR", "/tmp")) / f"chromium-{uuid.uuid4().hex[:8]}"
    try:
        return await run(
            tool("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--user-data-dir={home}", *args,
        )  # fmt: skip
    finally:
        shutil.rmtree(home, ignore_errors=True)


def money(minor: float | None) -> str:
    return DASH if minor is None else f"{round(minor) / 100:,.2f} EUR"


def percent(value: float | None) -> str:
    return DASH if value is None else f"{value * 100:.2f}%"


def expected_figures(body: dict[str, Any]) -> dict[str, str]:
    """What the page must show, from GET /campaigns/{id}/metrics alone."""
    t, k = body["totals"], body["kpis"]
    counts = {name: f"{t[name]:,}" for name in ("impressions", "reach", "engagements", "clicks", "conversions")}
    return {
        **counts,
        "revenue": money(t["revenue_minor"]),
        "cost": money(t["cost_minor"]),
        "emv": money(t["emv_minor"]),
        "engagement_rate": percent(k["engagement_rate"]),
        "ctr": percent(k["ctr"]),
        "conversion_rate": percent(k["conversion_rate"]),
        "roi": percent(k["roi"]),
        "roas": DASH if k["roas"] is None else f"{k['roas']:.2f}\u00d7",
        **{name: money(k[name]) for name in ("cpm", "cpe", "cpc", "cpa")},
        "budget": money(body["pacing"]["budget_minor"]),
        "budget_cost": money(body["pacing"]["cost_minor"]),
    }


async def measured_campaign(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> tuple[Any, str, dict[str, Any]]:
    """The metrics flow's campaign, shorter: a signed contract, a published and boosted post, a
    visitor through the tracking link, the order it brought and the post's insights."""
    scene = await signed_partnership(gateway, platform_stack, mailbox)
    brand, campaign_id, partnership_id = scene["brand"], scene["campaign"]["id"], scene["partnership"]["id"]
    post_id = await published_and_boosted(gateway, brand, scene["creator"], partnership_id)
    (deliverable,) = await deliverables_of(gateway, brand, partnership_id)

    async def link_made() -> httpx.Response | None:
        response = await gateway.post(
            "/api/v1/tracking-links",
            json={"partnership_id": partnership_id, "deliverable_id": deliverable["id"],
                  "destination_url": "https://bakery.example/bread"},
            headers=brand.auth,
        )  # fmt: skip
        return response if response.status_code == 201 else None

    code = (await eventually(link_made)).json()["code"]
    followed = await gateway.get(f"/r/{code}", headers={"user-agent": MOBILE})
    assert followed.status_code == 302, followed.text
    click_id = parse_qs(urlsplit(followed.headers["location"]).query)["click_id"][0]
    key = await api_key(gateway, brand, "conversions:write", "insights:write")
    order = {"order_id": "B-1", "amount": {"amount_minor": 45_678, "currency": "EUR"}, "click_id": click_id,
             "occurred_at": (datetime.now(UTC) + timedelta(minutes=1)).isoformat()}  # fmt: skip
    assert (await gateway.post("/api/v1/conversions", json=order, headers=key)).status_code == 201

    async def insights_taken() -> httpx.Response | None:
        response = await gateway.post(
            f"/api/v1/posts/{post_id}/insights",
            json={"observed_at": "2026-05-02T10:00:00Z",
                  "metrics": {"views": 4_321, "reach": 3_000, "impressions": 6_789, "likes": 200, "comments": 21}},
            headers=key,
        )  # fmt: skip
        return response if response.status_code == 202 else None

    await eventually(insights_taken)

    async def measured() -> dict[str, Any] | None:
        body = (await gateway.get(f"/api/v1/campaigns/{campaign_id}/metrics", headers=brand.auth)).json()
        t = body["totals"]
        return body if t["views"] and t["clicks"] == 1 and t["conversions"] == 1 and t["spend_minor"] else None

    return brand, campaign_id, await eventually(measured)


def visible_figures(html: str) -> dict[str, str]:
    return {name: value.strip() for name, value in FIGURE.findall(html)}


@dataclass(frozen=True)
class Measured:
    brand: Org
    campaign_id: str
    expected: dict[str, str]  # the figures the page must show


@pytest.fixture(scope="module")
async def measured(gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox) -> Measured:
    brand, campaign_id, kpis = await measured_campaign(gateway, platform_stack, mailbox)
    expected = expected_figures(kpis)
    assert expected["roi"] != DASH
    assert expected["cpc"] != DASH
    return Measured(brand, campaign_id, expected)


@pytest.mark.report_render
@pytest.mark.timeout(300)
async def test_a_browser_and_the_pdf_show_the_kpi_endpoints_figures(
    gateway: httpx.AsyncClient, measured: Measured, tmp_path: Path
) -> None:
    brand, campaign_id, expected = measured.brand, measured.campaign_id, measured.expected
    page = await gateway.get(f"/api/v1/campaigns/{campaign_id}/report", headers={**brand.auth, "accept": "text/html"})
    assert page.status_code == 200, page.text
    saved = tmp_path / "report.html"
    saved.write_text(page.text)
    # What a browser shows, once it has laid the page out (offline: the page fetches nothing).
    dom = (await chromium("--dump-dom", saved.as_uri())).decode()
    assert visible_figures(dom) == expected
    screenshot = tmp_path / "report.png"
    await chromium(f"--screenshot={screenshot}", "--window-size=1200,2400", saved.as_uri())
    assert screenshot.read_bytes().startswith(b"\x89PNG")

    pdf = await gateway.get(f"/api/v1/campaigns/{campaign_id}/report", params={"format": "pdf"}, headers=brand.auth)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    await pdf_shows(pdf.content, tmp_path, expected)
    # The same through a share link, without signing in.
    made = await gateway.post(f"/api/v1/campaigns/{campaign_id}/report-shares", json={}, headers=brand.auth)
    shared = await gateway.get(urlsplit(made.json()["url"]).path, params={"format": "pdf"})
    assert shared.headers["content-type"] == "application/pdf"
    await pdf_shows(shared.content, tmp_path / "shared", expected)


async def pdf_shows(pdf: bytes, folder: Path, expected: dict[str, str]) -> None:
    """Its pages as PNG (pdftoppm), and every figure in its text (pdftotext)."""
    await asyncio.to_thread(folder.mkdir, exist_ok=True)
    (folder / "report.pdf").write_bytes(pdf)
    await run(tool("pdftoppm"), "-png", "-r", "60", str(folder / "report.pdf"), str(folder / "page"))
    pages = await asyncio.to_thread(lambda: sorted(folder.glob("page-*.png")))
    assert pages
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pages)
    words = " ".join((await run(tool("pdftotext"), str(folder / "report.pdf"), "-")).decode().split())
    assert [value for value in expected.values() if value not in words] == []
    assert "Bread week" in words


@pytest.mark.timeout(300)
async def test_a_share_link_shows_the_report_without_signing_in_until_revoked_or_expired(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox, measured: Measured
) -> None:
    await shared_without_signing_in(
        gateway, platform_stack, mailbox, measured.brand, measured.campaign_id, measured.expected
    )


async def shared_without_signing_in(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox, brand: Org, campaign_id: str,
    expected: dict[str, str],
) -> None:  # fmt: skip
    shares = f"/api/v1/campaigns/{campaign_id}/report-shares"
    too_long = await gateway.post(shares, json={"expires_in_days": 91}, headers=brand.auth)
    assert too_long.status_code == 422
    assert [e["field"] for e in too_long.json()["errors"]] == ["body.expires_in_days"]
    made = await gateway.post(shares, json={}, headers=brand.auth)
    assert made.status_code == 201, made.text
    share = made.json()
    expires = datetime.fromisoformat(share["expires_at"]) - datetime.fromisoformat(share["created_at"])
    assert expires == timedelta(days=7)
    public = urlsplit(share["url"]).path
    assert public == f"/api/v1/shared-reports/{share['token']}"

    anyone = await gateway.get(public)  # no credentials at all
    assert anyone.status_code == 200, anyone.text
    assert visible_figures(anyone.text) == expected
    assert "default-src 'none'" in anyone.headers["content-security-policy"]
    listed = (await gateway.get(shares, headers=brand.auth)).json()["items"]
    assert listed[0]["id"] == share["id"]  # newest first
    assert all("token" not in s for s in listed)
    assert share["token"] not in str(listed)

    other = await sign_up(gateway, mailbox, "Globex")
    assert (await gateway.post(shares, json={}, headers=other.auth)).status_code == 404
    assert (await gateway.delete(f"/api/v1/report-shares/{share['id']}", headers=other.auth)).status_code == 404
    assert (await gateway.get(public)).status_code == 200

    unknown = await gateway.get(f"/api/v1/shared-reports/{'x' * 43}")
    assert unknown.status_code == 404
    revoked = await gateway.delete(f"/api/v1/report-shares/{share['id']}", headers=brand.auth)
    assert revoked.status_code == 204
    gone = await gateway.get(public)
    assert (gone.status_code, gone.json()["detail"]) == (404, unknown.json()["detail"])

    later = (await gateway.post(shares, json={"expires_in_days": 1}, headers=brand.auth)).json()
    assert (await gateway.get(urlsplit(later["url"]).path)).status_code == 200
    await expire(platform_stack, later["id"])
    expired = await gateway.get(urlsplit(later["url"]).path)
    assert (expired.status_code, expired.json()["detail"]) == (404, unknown.json()["detail"])


async def expire(platform_stack: Stack, share_id: str) -> None:
    """A day later, for this link: its expiry moved into the past in the gateway's database."""
    url = {**os.environ, **platform_stack.env, **platform_stack.service_env["gateway"]}["GATEWAY_DATABASE_URL"]
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            past = datetime.now(UTC) - timedelta(seconds=1)
            await connection.execute(
                update(report_shares).where(report_shares.c.id == uuid.UUID(share_id)).values(expires_at=past)
            )
    finally:
        await engine.dispose()

"""Metrics end to end, through the gateway and Kafka: a signed contract, a post the creator
publishes through content and the brand's paid boost of it (funded by partnerships), visitors
following the tracking link (a bot and a repeat among them), a shop's orders with a refund, in two
currencies, and insight snapshots reported by API keys add up to the exact totals and KPIs of the
campaign; the attributed orders reach the brand's webhook log."""

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from devstack import mailbox as devstack_mailbox
from devstack.mailbox import Mailbox
from devstack.stack import Stack

from .conftest import Org, log_in, sign_up
from .content_setup import deliverables_of, png
from .test_campaign_journey import PASSWORD, platform_admin

MOBILE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
TERMS = {
    "collaboration_type": "sponsored_post",
    "deliverables": [{"type": "post", "platform": "instagram", "count": 1}],
    "fee": {"kind": "fixed", "amount": {"amount_minor": 120_000, "currency": "EUR"}},
}


async def eventually(check: Callable[[], Awaitable[Any]], timeout_s: float = 30) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        found = await check()
        if found:
            return found
        assert asyncio.get_running_loop().time() < deadline, "not reached in time"
        await asyncio.sleep(0.1)


async def signed_partnership(gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox) -> dict[str, Any]:
    """A brand's campaign with a contract both sides signed (the journey's way)."""
    admin = await platform_admin(gateway, platform_stack, mailbox)
    listed = await gateway.post(
        "/api/v1/influencers",
        json={"platform": "instagram", "handle": f"cook_{uuid.uuid4().hex[:6]}", "followers": 40_000},
        headers=admin.auth,
    )
    assert listed.status_code == 201, listed.text
    influencer = listed.json()
    email = f"cook-{uuid.uuid4().hex[:6]}@creators.test"
    claimed = await devstack_mailbox.sign_up(
        gateway,
        mailbox,
        {"email": email, "password": PASSWORD, "display_name": "Cook", "influencer_id": influencer["id"]},
        "/api/v1/creators",
    )
    creator = await log_in(gateway, email, claimed["org"]["id"])
    brand = await sign_up(gateway, mailbox, "Bakery")
    campaign = await gateway.post(
        "/api/v1/campaigns",
        json={
            "name": "Bread week",
            "objective": "conversions",
            "budget": {"amount_minor": 500_000, "currency": "EUR"},
            "kpis": {"clicks": 3, "conversions": 2},
        },
        headers=brand.auth,
    )
    assert campaign.status_code == 201, campaign.text

    async def proposed() -> httpx.Response | None:
        response = await gateway.post(
            f"/api/v1/campaigns/{campaign.json()['id']}/partnerships",
            json={"influencer_id": influencer["id"], "terms": TERMS},
            headers=brand.auth,
        )
        return response if response.status_code == 201 else None

    partnership = (await eventually(proposed)).json()
    version = partnership["terms_version"]
    path = f"/api/v1/partnerships/{partnership['id']}"
    assert (await gateway.post(f"{path}/accept", json={"terms_version": version}, headers=creator.auth)).is_success
    for signer in (creator, brand):
        signed = await gateway.post(f"{path}/sign", json={"terms_version": version}, headers=signer.auth)
        assert signed.status_code == 200, signed.text
    return {
        "brand": brand,
        "creator": creator,
        "campaign": campaign.json(),
        "partnership": partnership,
        "influencer": influencer,
    }


async def published_and_boosted(gateway: httpx.AsyncClient, brand: Org, creator: Org, partnership_id: str) -> str:
    """The creator's post, approved and published through content, and the brand's paid boost of
    it (10 000 EUR minor units, funded from the budget): the live post's id."""
    (deliverable,) = await deliverables_of(gateway, brand, partnership_id)
    path = f"/api/v1/deliverables/{deliverable['id']}"
    medium = await gateway.post(f"{path}/media", content=png(), headers={**creator.auth, "content-type": "image/png"})
    assert medium.status_code == 201, medium.text
    version = await gateway.post(
        f"{path}/submissions",
        json={"caption": "#ad Bread week", "platform": "instagram", "format": "post",
              "media": [{"media_id": medium.json()["id"]}]},
        headers=creator.auth,
    )  # fmt: skip
    assert version.status_code == 201, version.text
    approved = await gateway.post(f"/api/v1/submissions/{version.json()['id']}/approve", json={}, headers=brand.auth)
    assert approved.status_code == 200, approved.text
    post = await gateway.post(
        f"{path}/publish", json={"url": "https://www.instagram.com/p/Bread123/"}, headers=creator.auth
    )
    assert post.status_code == 201, post.text
    boost = await gateway.post(
        f"{path}/amplifications",
        json={"kind": "paid_boost", "platform": "instagram", "spend": {"amount_minor": 10_000, "currency": "EUR"},
              "starts_on": str(date.today()), "ends_on": str(date.today() + timedelta(days=7))},
        headers=brand.auth,
    )  # fmt: skip
    assert boost.status_code == 201, boost.text
    return str(post.json()["id"])


async def api_key(gateway: httpx.AsyncClient, org: Org, *scopes: str) -> dict[str, str]:
    created = await gateway.post("/api/v1/api-keys", json={"name": "shop", "scopes": list(scopes)}, headers=org.auth)
    assert created.status_code == 201, created.text
    return {"x-api-key": created.json()["key"]}


@pytest.mark.timeout(240)
async def test_a_campaigns_measured_results_add_up_through_the_gateway(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    scene = await signed_partnership(gateway, platform_stack, mailbox)
    brand: Org = scene["brand"]
    campaign_id, partnership_id = scene["campaign"]["id"], scene["partnership"]["id"]
    hook = await gateway.post(
        "/api/v1/webhooks", json={"url": "http://127.0.0.1:9/hook", "event_types": ["metrics.*"]}, headers=brand.auth
    )
    assert hook.status_code == 201, hook.text
    post_id = await published_and_boosted(gateway, brand, scene["creator"], partnership_id)
    (deliverable,) = await deliverables_of(gateway, brand, partnership_id)
    deliverable_id = deliverable["id"]

    async def link_made() -> httpx.Response | None:
        response = await gateway.post(
            "/api/v1/tracking-links",
            json={"partnership_id": partnership_id, "deliverable_id": deliverable_id,
                  "destination_url": "https://bakery.example/bread"},
            headers=brand.auth,
        )  # fmt: skip
        return response if response.status_code == 201 else None

    link = (await eventually(link_made)).json()
    assert link["short_url"] == f"{str(gateway.base_url).rstrip('/')}/r/{link['code']}"
    visits = [f"{MOBILE} v1", f"{MOBILE} v2", f"{MOBILE} v2", "Googlebot/2.1 (+http://www.google.com/bot.html)",
              f"{MOBILE} v3"]  # fmt: skip
    locations = []
    async with httpx.AsyncClient(base_url=str(gateway.base_url), timeout=15) as visitor:
        for agent in visits:
            # The link as a user gets it: the short URL names the platform's public address.
            followed = await visitor.get(link["short_url"], headers={"user-agent": agent})
            assert followed.status_code == 302, followed.text
            locations.append(followed.headers["location"])
        assert (await visitor.get("/r/not-a-code")).status_code == 404
    assert all(location.startswith("https://bakery.example/bread?utm_") for location in locations)
    click_id = parse_qs(urlsplit(locations[0]).query)["click_id"][0]

    brand_key = await api_key(gateway, brand, "conversions:write", "insights:write", "metrics:write")
    assert (
        await gateway.post(
            "/api/v1/exchange-rates",
            json={"base": "USD", "quote": "EUR", "rate": "0.8", "valid_on": "2020-01-01"},
            headers=brand_key,
        )
    ).status_code == 201
    promo = await gateway.post(
        "/api/v1/promo-codes", json={"code": "BREAD", "partnership_id": partnership_id}, headers=brand.auth
    )
    assert promo.status_code == 201, promo.text
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    orders = {"items": [
        {"order_id": "S-1", "amount": {"amount_minor": 30_000, "currency": "EUR"}, "occurred_at": later,
         "click_id": click_id},
        {"order_id": "S-2", "amount": {"amount_minor": 10_000, "currency": "USD"}, "occurred_at": later,
         "promo_code": "bread"},
        {"order_id": "S-3", "amount": {"amount_minor": 999, "currency": "EUR"}, "occurred_at": later},
        {"type": "refund", "order_id": "S-1", "adjustment_id": "R-1", "occurred_at": later,
         "amount": {"amount_minor": 5_000, "currency": "EUR"}},
    ]}  # fmt: skip
    reported = await gateway.post("/api/v1/conversions", json=orders, headers=brand_key)
    assert reported.status_code == 201, reported.text
    again = await gateway.post("/api/v1/conversions", json=orders, headers=brand_key)
    assert again.status_code == 200, again.text

    async def insights_taken() -> httpx.Response | None:
        response = await gateway.post(
            f"/api/v1/posts/{post_id}/insights",
            json={"items": [
                {"observed_at": "2026-05-01T10:00:00Z", "metrics": {"views": 1_000, "reach": 800, "likes": 50}},
                {"observed_at": "2026-05-02T10:00:00Z", "metrics": {"views": 4_000, "reach": 3_000, "likes": 200,
                                                                    "comments": 20, "saved": 10, "shares": 5}},
            ]},
            headers=brand_key,
        )  # fmt: skip
        return response if response.status_code == 202 else None

    await eventually(insights_taken)

    async def measured() -> dict[str, Any] | None:
        response = await gateway.get(f"/api/v1/campaigns/{campaign_id}/metrics", headers=brand.auth)
        body = response.json()
        done = body["totals"]["views"] == 4_000 and body["totals"]["clicks"] == 3 and body["totals"]["fees_minor"]
        return body if done and body["totals"]["spend_minor"] else None

    body = await eventually(measured)
    t = body["totals"]
    assert (t["posts"], t["views"], t["reach"], t["likes"], t["engagements"]) == (1, 4_000, 3_000, 200, 235)
    assert (t["clicks"], t["bot_clicks"], t["repeat_clicks"]) == (3, 1, 1)
    # 300.00 - 50.00 EUR, and 100.00 USD at 0.8; the unattributed S-3 is not the campaign's
    assert (t["conversions"], t["revenue_minor"]) == (2, 33_000)
    assert (t["fees_minor"], t["spend_minor"], t["cost_minor"]) == (120_000, 10_000, 130_000)
    assert body["kpis"]["roi"] == pytest.approx((33_000 - 130_000) / 130_000)
    assert body["kpis"]["cpc"] == pytest.approx(130_000 / 3)
    assert body["kpis"]["engagement_rate_by_views"] == pytest.approx(235 / 4_000)
    assert {p["kpi"]: p["reached"] for p in body["pacing"]["targets"]} == {"clicks": True, "conversions": True}

    overview = (await gateway.get(f"/api/v1/campaigns/{campaign_id}/overview", headers=brand.auth)).json()
    assert overview["kpis"]["totals"]["revenue_minor"] == 33_000
    unattributed = await gateway.get("/api/v1/conversions?attributed=false", headers=brand.auth)
    assert [c["order_id"] for c in unattributed.json()["items"]] == ["S-3"]
    reader = await api_key(gateway, brand, "conversions:read")
    assert (await gateway.get(f"/api/v1/campaigns/{campaign_id}/metrics", headers=reader)).status_code == 403

    async def delivered() -> set[str] | None:
        response = await gateway.get(f"/api/v1/webhooks/{hook.json()['id']}/deliveries", headers=brand.auth)
        types = {d["event_type"] for d in response.json()["items"]}
        return types if {"metrics.conversion.attributed", "metrics.kpi.reached"} <= types else None

    await eventually(delivered)

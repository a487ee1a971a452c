"""After approval: a schedule, the live post (one post however often it is recorded), its caption
checked again, amplification funded or refused by partnerships' answer, and the asset library."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from contracts import Money
from contracts.events.partnerships import AmplificationFunded, AmplificationRefused, UsageRights
from devstack.databases import DatabaseFactory
from servicekit.testing import deliver

from .conftest import Deal, content_service, deliverables_of, runtime_of, sign, told

CAPTION = "#ad Morning miles in the new trainers, light as anything. #NikeRun"


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with content_service(
        databases, messaging_settings, "content_publishing", tmp_path_factory.mktemp("publishing")
    ) as client:
        yield client


async def approved(
    service: httpx.AsyncClient, internal_secret: str, days: int = 30, org: uuid.UUID | None = None
) -> tuple[Deal, dict[str, Any]]:
    deal = Deal(internal_secret, org=org) if org else Deal(internal_secret)
    await sign(service, deal, rights=UsageRights(channels=["organic_social", "paid_social"], duration_days=days))
    (deliverable,) = await deliverables_of(service, deal)
    version = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={"caption": CAPTION, "platform": "instagram", "format": "post"},
        headers=deal.creator(),
    )
    ok = await service.post(f"/api/v1/submissions/{version.json()['id']}/approve", json={}, headers=deal.brand())
    assert ok.status_code == 200, ok.text
    return deal, deliverable


async def publish(service: httpx.AsyncClient, deal: Deal, deliverable: dict[str, Any], **body: Any) -> httpx.Response:
    return await service.post(f"/api/v1/deliverables/{deliverable['id']}/publish", json=body, headers=deal.creator())


async def test_scheduled_then_published_once_whatever_the_link_form(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    deal, deliverable = await approved(service, internal_secret)
    past = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/schedule",
        json={"scheduled_for": "2020-01-01T10:00:00Z"},
        headers=deal.creator(),
    )
    assert past.status_code == 422
    when = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    scheduled = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/schedule", json={"scheduled_for": when}, headers=deal.brand()
    )
    assert scheduled.status_code == 200, scheduled.text
    assert (scheduled.json()["state"], scheduled.json()["allowed_actions"]) == ("scheduled", ["schedule", "publish"])

    first = await publish(
        service, deal, deliverable, url="https://instagram.com/p/C4xYz12AbCd/?igsh=abc&utm_source=ig_web"
    )
    assert first.status_code == 201, first.text
    post = first.json()
    assert (post["url"], post["external_id"], post["source"]) == (
        "https://www.instagram.com/p/C4xYz12AbCd/",
        "C4xYz12AbCd",
        "manual",
    )
    again = await publish(service, deal, deliverable, url="https://www.instagram.com/someone/p/C4xYz12AbCd")
    assert again.status_code == 200, again.text
    assert again.json()["id"] == post["id"]
    other = await publish(service, deal, deliverable, url="https://www.instagram.com/p/Zzzzzz999/")
    assert other.status_code == 409
    published = [e for e in await told(service, "content.published") if e["deliverable_id"] == deliverable["id"]]
    assert len(published) == 1
    assert {k: published[0][k] for k in ("post_id", "platform", "url", "external_id", "partnership_id")} == {
        "post_id": post["id"],
        "platform": "instagram",
        "url": post["url"],
        "external_id": "C4xYz12AbCd",
        "partnership_id": str(deal.partnership_id),
    }
    view = (await service.get(f"/api/v1/deliverables/{deliverable['id']}", headers=deal.brand())).json()
    assert (view["state"], view["post"]["id"]) == ("published", post["id"])


async def test_links_of_another_platform_or_no_post_are_refused(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    deal, deliverable = await approved(service, internal_secret)
    for url in ("https://www.tiktok.com/@a/video/7312345678901234567", "https://www.instagram.com/nike/", "ftp://x"):
        refused = await publish(service, deal, deliverable, url=url)
        assert refused.status_code == 422, (url, refused.text)
        assert [e["field"] for e in refused.json()["errors"]] == ["body.url"]
    future = await publish(
        service, deal, deliverable, url="https://www.instagram.com/p/Abcdef123/", published_at="2999-01-01T00:00:00Z"
    )
    assert future.status_code == 422


async def test_the_live_caption_is_checked_against_the_approved_one(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    deal, deliverable = await approved(service, internal_secret)
    live = await publish(
        service,
        deal,
        deliverable,
        url="https://www.instagram.com/reel/Qwerty789/",
        caption="Morning miles in the new trainers, light as anything, and a link: nike.com/run #NikeRun",
    )
    assert live.status_code == 201, live.text
    codes = {f["code"] for f in live.json()["findings"]}
    assert {"disclosure.missing", "live.disclosure_removed", "live.link_added"} <= codes


async def test_amplification_is_funded_or_refused_by_the_budget(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    deal, deliverable = await approved(service, internal_secret)
    body = {
        "kind": "paid_boost",
        "platform": "instagram",
        "spend": {"amount_minor": 50_000, "currency": "EUR"},
        "starts_on": str(date.today()),
        "ends_on": str(date.today() + timedelta(days=7)),
    }
    path = f"/api/v1/deliverables/{deliverable['id']}/amplifications"
    early = await service.post(path, json=body, headers=deal.brand())
    assert early.status_code == 409, early.text  # not published yet
    await publish(service, deal, deliverable, url="https://www.instagram.com/p/Boost1234/")
    wrong = await service.post(
        path, json={**body, "spend": {"amount_minor": 1, "currency": "USD"}}, headers=deal.brand()
    )
    assert wrong.status_code == 422
    assert [e["field"] for e in wrong.json()["errors"]] == ["body.spend.currency"]
    by_creator = await service.post(path, json=body, headers=deal.creator())
    assert by_creator.status_code == 404

    asked = await service.post(path, json=body, headers=deal.brand())
    assert asked.status_code == 201, asked.text
    assert asked.json()["state"] == "requested"
    request = next(
        e for e in await told(service, "content.amplification_requested") if e["amplification_id"] == asked.json()["id"]
    )
    assert request["spend"] == {"amount_minor": 50_000, "currency": "EUR"}
    refused_one = (await service.post(path, json=body, headers=deal.brand())).json()

    runtime = runtime_of(service)
    common = {
        "deliverable_id": deliverable["id"],
        "partnership_id": deal.partnership_id,
        "campaign_id": deal.campaign_id,
        "spend": Money(amount_minor=50_000, currency="EUR"),
    }
    funded = AmplificationFunded(amplification_id=asked.json()["id"], **common)
    await deliver(runtime, funded, tenant_id=deal.org)
    await deliver(runtime, funded, tenant_id=deal.org)  # told twice: recorded once
    await deliver(
        runtime,
        AmplificationRefused(amplification_id=refused_one["id"], reason="the budget has 10000 left", **common),
        tenant_id=deal.org,
    )
    listed = (await service.get(path, headers=deal.brand())).json()["items"]
    states = {a["id"]: (a["state"], a["refusal_reason"]) for a in listed}
    assert states[asked.json()["id"]] == ("running", None)
    assert states[refused_one["id"]] == ("refused", "the budget has 10000 left")
    amplified = [e for e in await told(service, "content.amplified") if e["deliverable_id"] == deliverable["id"]]
    assert [(e["amplification_id"], e["spend"]["amount_minor"]) for e in amplified] == [(asked.json()["id"], 50_000)]
    assert amplified[0]["post_id"] is not None
    one = await service.get(f"/api/v1/amplifications/{asked.json()['id']}", headers=deal.brand())
    assert one.json()["state"] == "running"
    assert (
        await service.get(f"/api/v1/amplifications/{asked.json()['id']}", headers=deal.creator())
    ).status_code == 404


async def test_assets_carry_the_usage_rights_and_expire(service: httpx.AsyncClient, internal_secret: str) -> None:
    deal, lapsed = await approved(service, internal_secret, days=0)
    _, current = await approved(service, internal_secret, days=365, org=deal.org)
    assets = (await service.get("/api/v1/assets", headers=deal.brand())).json()["items"]
    by_deliverable = {a["deliverable_id"]: a for a in assets}
    assert by_deliverable[lapsed["id"]]["status"] == "expired"
    assert by_deliverable[current["id"]]["status"] == "usable"
    assert by_deliverable[current["id"]]["usage_rights"] == {
        "channels": ["organic_social", "paid_social"],
        "duration_days": 365,
    }
    assert by_deliverable[current["id"]]["caption"] == CAPTION
    usable = await service.get(
        "/api/v1/assets", params={"usable": "true", "channel": "paid_social"}, headers=deal.brand()
    )
    assert [a["deliverable_id"] for a in usable.json()["items"]] == [current["id"]]
    print_only = await service.get("/api/v1/assets", params={"channel": "print"}, headers=deal.brand())
    assert print_only.json()["items"] == []
    assert (await service.get("/api/v1/assets", headers=deal.creator())).status_code == 403
    asset_id = by_deliverable[current["id"]]["id"]
    assert (await service.get(f"/api/v1/assets/{asset_id}", headers=deal.brand())).status_code == 200
    stranger = Deal(internal_secret)
    assert (await service.get(f"/api/v1/assets/{asset_id}", headers=stranger.brand())).status_code == 404
    assert (await service.get("/api/v1/assets", headers=stranger.brand())).json()["items"] == []

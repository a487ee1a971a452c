"""From a signed partnership to an approved version, through the service and its database:
deliverables per unit, the brief they follow, versions with their stored compliance check, the
brand's review with comments and override, and who may do what."""

import uuid
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from contracts.events.partnerships import Deliverable, PartnershipCancelled, UsageRights
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import service_headers
from servicekit.testing import deliver

from .conftest import Deal, content_service, deliverables_of, runtime_of, sign, told

BRIEF = {
    "objective": "Make the spring running shoe the one people ask for.",
    "key_messages": ["Light enough for race day"],
    "required_hashtags": ["#NikeRun"],
    "required_mentions": ["@nike"],
    "forbidden_words": ["cure"],
    "markets": ["US", "UK"],
    "brand": {"name": "Nike", "handles": ["@nike"]},
    "disclosure": "#ad as the first word",
}
COMPLIANT = "#ad Morning miles in the new trainers from @nike, light as anything. #NikeRun"
UNDISCLOSED = "Morning miles in the new trainers from @nike, light as anything. #NikeRun"


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with content_service(
        databases, messaging_settings, "content_review", tmp_path_factory.mktemp("review")
    ) as client:
        yield client


@pytest.fixture
async def deal(service: httpx.AsyncClient, internal_secret: str) -> Deal:
    deal = Deal(internal_secret)
    await sign(service, deal)
    written = await service.put(f"/api/v1/campaigns/{deal.campaign_id}/brief", json=BRIEF, headers=deal.brand())
    assert written.status_code == 200, written.text
    return deal


async def submit(service: httpx.AsyncClient, deal: Deal, deliverable_id: str, caption: str) -> httpx.Response:
    return await service.post(
        f"/api/v1/deliverables/{deliverable_id}/submissions",
        json={"caption": caption, "platform": "instagram", "format": "post"},
        headers=deal.creator(),
    )


async def the_deliverable(service: httpx.AsyncClient, deal: Deal) -> dict[str, Any]:
    (only,) = await deliverables_of(service, deal)
    return only


async def test_a_signed_partnership_makes_one_deliverable_per_unit_once(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    deal = Deal(internal_secret)
    lines = [
        Deliverable(type="reel", platform="instagram", count=2, due_on=date(2030, 5, 1)),
        Deliverable(type="video", platform="youtube", count=1),
    ]
    await sign(service, deal, lines=lines)
    await sign(service, deal, lines=lines)  # a redelivered event

    made = await deliverables_of(service, deal)
    assert sorted((d["type"], d["platform"], d["due_on"]) for d in made) == [
        ("reel", "instagram", "2030-05-01"),
        ("reel", "instagram", "2030-05-01"),
        ("video", "youtube", None),
    ]
    assert {d["state"] for d in made} == {"draft"}
    assert {(d["campaign_id"], d["influencer_id"]) for d in made} == {(str(deal.campaign_id), str(deal.influencer_id))}
    mine = await service.get("/api/v1/deliverables", headers=deal.creator())
    assert {d["id"] for d in mine.json()["items"]} == {d["id"] for d in made}
    assert mine.json()["items"][0]["allowed_actions"] == ["submit"]
    stranger = await service.get("/api/v1/deliverables", headers=deal.creator(uuid.uuid4()))
    assert stranger.json()["items"] == []
    other_org = service_headers(internal_secret, uuid.uuid4())
    assert (await service.get(f"/api/v1/deliverables/{made[0]['id']}", headers=other_org)).status_code == 404
    for partnership_id in (deal.partnership_id, uuid.uuid4()):  # another org's, or one content never heard of
        listed = await service.get(f"/api/v1/partnerships/{partnership_id}/deliverables", headers=other_org)
        assert listed.status_code == 404, listed.text
    youtube = await service.get(
        "/api/v1/deliverables",
        params={"platform": "youtube", "partnership_id": str(deal.partnership_id)},
        headers=deal.brand(),
    )
    assert [d["type"] for d in youtube.json()["items"]] == ["video"]


async def test_each_version_is_checked_and_the_brand_reviews_it(service: httpx.AsyncClient, deal: Deal) -> None:
    deliverable = await the_deliverable(service, deal)
    creator_view = (await service.get(f"/api/v1/deliverables/{deliverable['id']}", headers=deal.creator())).json()
    assert creator_view["brief"]["version"] == 1
    assert creator_view["brief"]["required_hashtags"] == ["#NikeRun"]

    first = await submit(service, deal, deliverable["id"], UNDISCLOSED)
    assert first.status_code == 201, first.text
    assert (first.json()["version"], first.json()["brief_version"]) == (1, 1)
    assert first.json()["compliance"]["blocking"] >= 2  # missing in the US and in the UK
    report = (await service.get(f"/api/v1/submissions/{first.json()['id']}/compliance", headers=deal.brand())).json()
    missing = [f for f in report["findings"] if f["code"] == "disclosure.missing"]
    assert {f["market"] for f in missing} == {"US", "UK"}
    assert {f["rule"]["id"] for f in missing} == {"us.disclosure", "uk.disclosure"}
    assert missing[0]["span"] == {"start": 0, "end": len(UNDISCLOSED)}
    assert report["blocking"] is True

    refused = await service.post(f"/api/v1/submissions/{first.json()['id']}/approve", json={}, headers=deal.brand())
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == ["body.override_reason"]

    asked = await service.post(
        f"/api/v1/submissions/{first.json()['id']}/request-changes",
        json={"comments": [{"body": "Put #ad first, please", "span": {"start": 0, "end": 13}}]},
        headers=deal.brand(),
    )
    assert asked.status_code == 200, asked.text
    assert asked.json()["status"] == "changes_requested"
    assert asked.json()["review"]["comments"][0]["span"] == {"start": 0, "end": 13}
    late = await service.post(f"/api/v1/submissions/{first.json()['id']}/approve", json={}, headers=deal.brand())
    assert late.status_code == 409, late.text
    assert (late.json()["current_state"], late.json()["allowed_actions"]) == ("changes_requested", [])

    second = await submit(service, deal, deliverable["id"], COMPLIANT)
    assert second.status_code == 201, second.text
    assert second.json()["version"] == 2
    assert second.json()["compliance"]["blocking"] == 0
    approved = await service.post(f"/api/v1/submissions/{second.json()['id']}/approve", json={}, headers=deal.brand())
    assert approved.status_code == 200, approved.text
    assert approved.json()["review"]["override_reason"] is None

    versions = await service.get(f"/api/v1/deliverables/{deliverable['id']}/submissions", headers=deal.creator())
    assert [(v["version"], v["status"]) for v in versions.json()["items"]] == [
        (2, "approved"),
        (1, "changes_requested"),
    ]
    now = (await service.get(f"/api/v1/deliverables/{deliverable['id']}", headers=deal.brand())).json()
    assert (now["state"], now["approved_submission_id"]) == ("approved", second.json()["id"])
    ours = [e for e in await told(service, "content.submitted") if e["deliverable_id"] == deliverable["id"]]
    assert [(e["version"], e["blocking_findings"] > 0) for e in ours] == [(1, True), (2, False)]
    assert [e["submission_id"] for e in await told(service, "content.approved")].count(second.json()["id"]) == 1


async def test_approving_blocking_findings_records_the_override(service: httpx.AsyncClient, deal: Deal) -> None:
    deliverable = await the_deliverable(service, deal)
    version = (await submit(service, deal, deliverable["id"], UNDISCLOSED)).json()
    approved = await service.post(
        f"/api/v1/submissions/{version['id']}/approve",
        json={"override_reason": "Disclosure is in the paid-partnership label of the post"},
        headers=deal.brand(),
    )
    assert approved.status_code == 200, approved.text
    review = approved.json()["review"]
    assert review["override_reason"] == "Disclosure is in the paid-partnership label of the post"
    assert "disclosure.missing" in review["overridden"]
    report = (await service.get(f"/api/v1/submissions/{version['id']}/compliance", headers=deal.brand())).json()
    assert report["override_reason"] == review["override_reason"]
    event = next(e for e in await told(service, "content.approved") if e["submission_id"] == version["id"])
    assert event["override_reason"] == review["override_reason"]


async def test_each_side_takes_only_its_own_actions(service: httpx.AsyncClient, deal: Deal) -> None:
    deliverable = await the_deliverable(service, deal)
    as_brand = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={"caption": COMPLIANT, "platform": "instagram", "format": "post"},
        headers=deal.brand(),
    )
    assert as_brand.status_code == 403, as_brand.text
    someone_else = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={"caption": COMPLIANT, "platform": "instagram", "format": "post"},
        headers=deal.creator(uuid.uuid4()),
    )
    assert someone_else.status_code == 404
    wrong_platform = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={"caption": COMPLIANT, "platform": "tiktok", "format": "video"},
        headers=deal.creator(),
    )
    assert wrong_platform.status_code == 422
    assert [e["field"] for e in wrong_platform.json()["errors"]] == ["body.platform"]
    version = (await submit(service, deal, deliverable["id"], COMPLIANT)).json()
    again = await submit(service, deal, deliverable["id"], COMPLIANT)
    assert again.status_code == 409
    assert again.json()["allowed_actions"] == []
    by_creator = await service.post(f"/api/v1/submissions/{version['id']}/approve", json={}, headers=deal.creator())
    assert by_creator.status_code == 403
    by_analyst = await service.post(
        f"/api/v1/submissions/{version['id']}/approve", json={}, headers=deal.brand("analyst")
    )
    assert by_analyst.status_code == 403
    read = await service.get(f"/api/v1/submissions/{version['id']}/compliance", headers=deal.brand("analyst"))
    assert read.status_code == 200
    assert (await service.get(f"/api/v1/campaigns/{deal.campaign_id}/brief", headers=deal.creator())).status_code == 404


async def test_comments_point_into_the_caption_or_a_video(service: httpx.AsyncClient, deal: Deal) -> None:
    deliverable = await the_deliverable(service, deal)
    version = (await submit(service, deal, deliverable["id"], COMPLIANT)).json()
    refused = await service.post(
        f"/api/v1/submissions/{version['id']}/request-changes",
        json={"comments": [{"body": "here", "span": {"start": 5, "end": 5000}}, {"body": "at", "at_seconds": 3}]},
        headers=deal.brand(),
    )
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == ["body.comments.0.span"]


async def test_a_brief_version_is_kept_and_overrides_apply_to_one_deliverable(
    service: httpx.AsyncClient, deal: Deal
) -> None:
    deliverable = await the_deliverable(service, deal)
    same = await service.put(f"/api/v1/campaigns/{deal.campaign_id}/brief", json=BRIEF, headers=deal.brand())
    assert same.json()["version"] == 1  # the same brief again is no new version
    changed = await service.put(
        f"/api/v1/campaigns/{deal.campaign_id}/brief", json={**BRIEF, "markets": ["DE"]}, headers=deal.brand()
    )
    assert changed.json()["version"] == 2
    overridden = await service.put(
        f"/api/v1/deliverables/{deliverable['id']}/brief",
        json={"required_hashtags": ["#NikeRun", "#Spring"]},
        headers=deal.brand(),
    )
    assert overridden.status_code == 200, overridden.text
    assert (overridden.json()["version"], overridden.json()["overridden"]) == (2, ["required_hashtags"])
    assert overridden.json()["markets"] == ["DE"]
    refused = await service.put(
        f"/api/v1/deliverables/{deliverable['id']}/brief", json={"markets": None}, headers=deal.brand()
    )
    assert refused.status_code == 422
    versions = await service.get(f"/api/v1/campaigns/{deal.campaign_id}/brief/versions", headers=deal.brand())
    assert [v["version"] for v in versions.json()["items"]] == [2, 1]
    first = versions.json()["items"][1]
    assert (await service.get(f"/api/v1/briefs/{first['id']}", headers=deal.brand())).json()["markets"] == ["US", "UK"]
    version = (await submit(service, deal, deliverable["id"], COMPLIANT)).json()
    report = (await service.get(f"/api/v1/submissions/{version['id']}/compliance", headers=deal.brand())).json()
    codes = {f["code"] for f in report["findings"]}
    assert {"disclosure.wrong_language", "brief.hashtag_missing"} <= codes
    assert report["brief_version"] == 2


async def test_a_cancelled_partnership_cancels_its_open_deliverables(
    service: httpx.AsyncClient, internal_secret: str, tmp_path: Path
) -> None:
    deal = Deal(internal_secret)
    await sign(
        service,
        deal,
        lines=[Deliverable(type="post", platform="instagram", count=2)],
        rights=UsageRights(channels=["organic_social"], duration_days=30),
    )
    first, _second = await deliverables_of(service, deal)
    await submit(service, deal, first["id"], COMPLIANT)
    await deliver(
        runtime_of(service),
        PartnershipCancelled(
            partnership_id=deal.partnership_id,
            campaign_id=deal.campaign_id,
            influencer_id=deal.influencer_id,
            terms_version=1,
            actor="brand",
            reason="the brand changed plans",
        ),
        tenant_id=deal.org,
    )
    after = await deliverables_of(service, deal)
    assert {(d["state"], d["cancelled_reason"]) for d in after} == {("cancelled", "the brand changed plans")}
    version = (await service.get(f"/api/v1/deliverables/{first['id']}/submissions", headers=deal.brand())).json()
    assert version["items"][0]["status"] == "superseded"

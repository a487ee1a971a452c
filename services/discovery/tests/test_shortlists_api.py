"""Shortlists: only the org's campaigns (as partnerships announced them), events in the outbox."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from contracts import Money, decode
from contracts.events.partnerships import CampaignCancelled, CampaignCreated, CampaignLaunched
from devstack.databases import DatabaseFactory
from discovery.adapters.tables import messaging
from servicekit.testing import deliver

from .conftest import Org, app_of, campaign_created, discovery_service, profile

pytestmark = pytest.mark.asyncio(loop_scope="session")

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
BUDGET = Money(amount_minor=500_000, currency="EUR")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_shortlists") as client:
        yield client


@pytest.fixture
def org(internal_secret: str) -> Org:
    return Org(internal_secret)


async def influencer(service: httpx.AsyncClient, org: Org, handle: str) -> dict[str, Any]:
    response = await service.post(
        "/api/v1/influencers", json=profile(handle, display_name=handle.title(), followers=12_345), headers=org.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def outbox_events(service: httpx.AsyncClient, campaign_id: uuid.UUID) -> list[Any]:
    async with app_of(service).state.runtime.database.sessionmaker() as session:
        rows = (
            await session.execute(
                select(messaging.outbox)
                .where(messaging.outbox.c.key == str(campaign_id))
                .order_by(messaging.outbox.c.id)
            )
        ).all()
    return [decode(row.payload) for row in rows]


async def test_add_list_remove_with_events(service: httpx.AsyncClient, org: Org) -> None:
    campaign_id = await campaign_created(service, org.id)
    star = await influencer(service, org, "shortlisted-star")
    path = f"/api/v1/campaigns/{campaign_id}/shortlist"
    added = await service.post(path, json={"influencer_id": star["id"], "note": "great fit"}, headers=org.headers)
    assert added.status_code == 201, added.text
    entry = added.json()
    assert entry["influencer"]["handle"] == "shortlisted-star"
    assert entry["note"] == "great fit"
    again = await service.post(path, json={"influencer_id": star["id"]}, headers=org.headers)
    assert again.status_code == 200
    assert again.json()["added_at"] == entry["added_at"]
    listed = (await service.get(path, headers=org.as_role("analyst"))).json()
    assert [e["influencer"]["id"] for e in listed["items"]] == [star["id"]]

    events = await outbox_events(service, campaign_id)
    assert [e.type for e in events] == ["shortlist.added"]
    assert events[0].tenant_id == org.id
    assert events[0].subject == str(campaign_id)
    assert events[0].data == {
        "campaign_id": str(campaign_id),
        "influencer_id": star["id"],
        "platform": "instagram",
        "handle": "shortlisted-star",
        "display_name": "Shortlisted-Star",
        "followers": 12_345,
        "note": "great fit",
        "added_by": org.headers["x-user-id"],
    }

    removed = await service.delete(f"{path}/{star['id']}", headers=org.headers)
    assert removed.status_code == 204
    assert (await service.get(path, headers=org.headers)).json()["items"] == []
    assert (await service.delete(f"{path}/{star['id']}", headers=org.headers)).status_code == 404
    events = await outbox_events(service, campaign_id)
    assert [e.type for e in events] == ["shortlist.added", "shortlist.removed"]
    assert events[1].data["influencer_id"] == star["id"]


async def test_unknown_or_foreign_campaigns_are_not_found(
    service: httpx.AsyncClient, org: Org, internal_secret: str
) -> None:
    star = await influencer(service, org, "nobodys-star")
    unknown = await service.post(
        f"/api/v1/campaigns/{uuid.uuid4()}/shortlist", json={"influencer_id": star["id"]}, headers=org.headers
    )
    assert unknown.status_code == 404
    theirs = await campaign_created(service, uuid.uuid4())
    for response in (
        await service.post(
            f"/api/v1/campaigns/{theirs}/shortlist", json={"influencer_id": star["id"]}, headers=org.headers
        ),
        await service.get(f"/api/v1/campaigns/{theirs}/shortlist", headers=org.headers),
        await service.delete(f"/api/v1/campaigns/{theirs}/shortlist/{star['id']}", headers=org.headers),
    ):
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
    assert await outbox_events(service, theirs) == []


async def test_only_visible_influencers_and_writers(service: httpx.AsyncClient, org: Org, internal_secret: str) -> None:
    campaign_id = await campaign_created(service, org.id)
    path = f"/api/v1/campaigns/{campaign_id}/shortlist"
    stranger = Org(internal_secret)
    hidden = await influencer(service, stranger, "hidden-gem")
    refused = await service.post(path, json={"influencer_id": hidden["id"]}, headers=org.headers)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "influencer_id"
    bad = await service.post(path, json={"influencer_id": "not-a-uuid"}, headers=org.headers)
    assert [e["field"] for e in bad.json()["errors"]] == ["body.influencer_id"]
    mine = await influencer(service, org, "mine-to-list")
    analyst = await service.post(path, json={"influencer_id": mine["id"]}, headers=org.as_role("analyst"))
    assert analyst.status_code == 403


async def test_a_cancelled_campaigns_shortlist_is_closed(service: httpx.AsyncClient, org: Org) -> None:
    campaign_id = await campaign_created(service, org.id)
    star = await influencer(service, org, "too-late")
    data = CampaignCancelled(campaign_id=campaign_id, reason="budget cut")
    await deliver(app_of(service).state.runtime, data, tenant_id=org.id, subject=campaign_id)
    response = await service.post(
        f"/api/v1/campaigns/{campaign_id}/shortlist", json={"influencer_id": star["id"]}, headers=org.headers
    )
    assert response.status_code == 409
    assert response.json()["state"] == "cancelled"


async def test_a_campaign_cancelled_before_discovery_heard_it_created_stays_closed(
    service: httpx.AsyncClient, org: Org
) -> None:
    """The cancellation came first (retried from the DLQ, say): the created event, older, arriving
    after it does not reopen the campaign."""
    campaign_id = uuid.uuid4()
    runtime = app_of(service).state.runtime
    created = CampaignCreated(campaign_id=campaign_id, name="Spring", objective="awareness")
    await deliver(runtime, CampaignCancelled(campaign_id=campaign_id), tenant_id=org.id, time=T0 + timedelta(hours=1))
    await deliver(runtime, created, tenant_id=org.id, time=T0)
    star = await influencer(service, org, "cancelled-first")

    response = await service.post(
        f"/api/v1/campaigns/{campaign_id}/shortlist", json={"influencer_id": star["id"]}, headers=org.headers
    )

    assert response.status_code == 409, response.text
    assert response.json()["state"] == "cancelled"


async def test_a_campaign_launched_before_discovery_heard_it_created_takes_shortlists(
    service: httpx.AsyncClient, org: Org, internal_secret: str
) -> None:
    campaign_id = uuid.uuid4()
    runtime = app_of(service).state.runtime
    launched = CampaignLaunched(campaign_id=campaign_id, budget=BUDGET, starts_on=T0.date(), ends_on=T0.date())
    await deliver(runtime, launched, tenant_id=org.id, time=T0 + timedelta(hours=1))
    star = await influencer(service, org, "launched-first")
    path = f"/api/v1/campaigns/{campaign_id}/shortlist"

    added = await service.post(path, json={"influencer_id": star["id"]}, headers=org.headers)
    assert added.status_code == 201, added.text
    stranger = Org(internal_secret)
    assert (await service.get(path, headers=stranger.headers)).status_code == 404

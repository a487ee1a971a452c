"""A campaign's journey through every service, as users make it through the gateway:
an admin lists an influencer in the shared catalogue, the influencer signs up and claims it,
a brand shortlists it (discovery -> Kafka -> a draft in partnerships), proposes, and both sides
sign; the budget follows; webhooks tell the brand's integration."""

import asyncio
import uuid
from collections.abc import Awaitable, Callable

import httpx

from devstack import mailbox as devstack_mailbox
from devstack.mailbox import Mailbox
from devstack.stack import Stack
from devstack.walk import make_admin

from .conftest import Org, log_in, sign_up

PASSWORD = "correct horse battery staple"


async def eventually(check: Callable[[], Awaitable[httpx.Response | None]], timeout_s: float = 20) -> httpx.Response:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        response = await check()
        if response is not None:
            return response
        assert asyncio.get_running_loop().time() < deadline, "not reached in time"
        await asyncio.sleep(0.1)


async def platform_admin(gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox) -> Org:
    signed_up = await sign_up(gateway, mailbox, "Platform", "agency")
    await make_admin(signed_up.email, {**platform_stack.env, **platform_stack.service_env["gateway"]})
    return await log_in(gateway, signed_up.email, signed_up.id)


TERMS = {
    "collaboration_type": "sponsored_post",
    "deliverables": [{"type": "reel", "platform": "instagram", "count": 1}],
    "fee": {"kind": "fixed", "amount": {"amount_minor": 250_000, "currency": "EUR"}},
}


async def test_shortlist_to_signed_contract(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    admin = await platform_admin(gateway, platform_stack, mailbox)
    listed = await gateway.post(
        "/api/v1/influencers",
        json={
            "platform": "instagram",
            "handle": f"trailrunner_{uuid.uuid4().hex[:6]}",
            "display_name": "Trail Runner",
            "followers": 85_000,
            "bio": "Mountain running, gear reviews, sunrise trails",
            "categories": ["sports", "outdoors"],
            "country": "FR",
        },
        headers=admin.auth,
    )
    assert listed.status_code == 201, listed.text
    influencer = listed.json()
    assert influencer["visibility"] == "shared"

    creator_email = f"runner-{uuid.uuid4().hex[:6]}@creators.test"
    claimed = await devstack_mailbox.sign_up(
        gateway,
        mailbox,
        {
            "email": creator_email,
            "password": PASSWORD,
            "display_name": "Trail Runner",
            "influencer_id": influencer["id"],
        },
        "/api/v1/creators",
    )
    creator = await log_in(gateway, creator_email, claimed["org"]["id"])

    brand = await sign_up(gateway, mailbox, "Outdoorsy")
    campaign = (
        await gateway.post(
            "/api/v1/campaigns",
            json={
                "name": "Summer trails",
                "objective": "awareness",
                "budget": {"amount_minor": 1_000_000, "currency": "EUR"},
                "starts_on": "2027-06-01",
                "ends_on": "2027-08-31",
            },
            headers=brand.auth,
        )
    ).json()

    # Discovery learns of the campaign from partnerships' event; until then the shortlist is a 404.
    async def shortlisted() -> httpx.Response | None:
        response = await gateway.post(
            f"/api/v1/campaigns/{campaign['id']}/shortlist",
            json={"influencer_id": influencer["id"], "note": "great fit"},
            headers=brand.auth,
        )
        return response if response.status_code in (200, 201) else None

    await eventually(shortlisted)

    # Partnerships offers a draft from discovery's shortlist.added.
    async def drafted() -> httpx.Response | None:
        response = await gateway.get(f"/api/v1/campaigns/{campaign['id']}/partnerships", headers=brand.auth)
        return response if response.json()["items"] else None

    draft = (await eventually(drafted)).json()["items"][0]
    assert draft["state"] == "draft"
    assert draft["influencer_id"] == influencer["id"]
    # A draft is the brand's own: the creator does not see it yet.
    assert (await gateway.get(f"/api/v1/partnerships/{draft['id']}", headers=creator.auth)).status_code == 404

    proposed = await gateway.post(
        f"/api/v1/partnerships/{draft['id']}/propose", json={"terms": TERMS}, headers=brand.auth
    )
    assert proposed.status_code == 200, proposed.text
    version = proposed.json()["terms_version"]
    budget = (await gateway.get(f"/api/v1/campaigns/{campaign['id']}/budget", headers=brand.auth)).json()
    assert budget["reserved"]["amount_minor"] == 250_000

    mine = (await gateway.get("/api/v1/partnerships", headers=creator.auth)).json()["items"]
    assert [p["id"] for p in mine] == [draft["id"]]
    accepted = await gateway.post(
        f"/api/v1/partnerships/{draft['id']}/accept", json={"terms_version": version}, headers=creator.auth
    )
    assert accepted.status_code == 200, accepted.text
    for signer in (creator, brand):
        signed = await gateway.post(
            f"/api/v1/partnerships/{draft['id']}/sign", json={"terms_version": version}, headers=signer.auth
        )
        assert signed.status_code == 200, signed.text
    assert signed.json()["state"] == "signed"
    budget = (await gateway.get(f"/api/v1/campaigns/{campaign['id']}/budget", headers=brand.auth)).json()
    assert budget["committed"]["amount_minor"] == 250_000
    assert budget["reserved"]["amount_minor"] == 0
    assert budget["reconciled"] is True

    # The creator cannot act as the brand, nor see the brand's campaign.
    assert (await gateway.post(f"/api/v1/partnerships/{draft['id']}/complete", headers=creator.auth)).status_code == 403
    assert (await gateway.get(f"/api/v1/campaigns/{campaign['id']}", headers=creator.auth)).status_code == 404

    overview = (await gateway.get(f"/api/v1/campaigns/{campaign['id']}/overview", headers=brand.auth)).json()
    assert [p["state"] for p in overview["partnerships"]] == ["signed"]


async def test_an_orgs_private_profiles_and_imports_stay_its_own(
    gateway: httpx.AsyncClient, org: Org, other_org: Org
) -> None:
    created = await gateway.post(
        "/api/v1/influencers",
        json={"platform": "tiktok", "handle": f"secret_{uuid.uuid4().hex[:6]}", "followers": 1200},
        headers=org.auth,
    )
    assert created.status_code == 201, created.text
    profile = created.json()
    assert profile["visibility"] == "private"
    job = await gateway.post(
        "/api/v1/influencers/import?platform=tiktok",
        content=b"handle,followers\nsomeone,3.3k\n",
        headers={**org.auth, "content-type": "text/csv"},
    )
    assert job.status_code == 202, job.text
    for path in (
        f"/api/v1/influencers/{profile['id']}",
        f"/api/v1/influencers/{profile['id']}/authenticity",
        f"/api/v1/influencers/{profile['id']}/lookalikes",
        f"/api/v1/import-jobs/{job.json()['id']}",
    ):
        assert (await gateway.get(path, headers=other_org.auth)).status_code == 404, path
    found = (await gateway.get("/api/v1/influencers", params={"q": profile["handle"]}, headers=other_org.auth)).json()
    assert found["items"] == []


async def test_a_brand_proposes_to_an_influencer_once_discovery_has_told_partnerships(
    gateway: httpx.AsyncClient, org: Org, other_org: Org
) -> None:
    campaigns = {}
    for brand in (org, other_org):
        created = await gateway.post(
            "/api/v1/campaigns",
            json={"name": "Known", "objective": "awareness", "budget": {"amount_minor": 500_000, "currency": "EUR"}},
            headers=brand.auth,
        )
        campaigns[brand.id] = created.json()["id"]

    def offer(influencer_id: str) -> dict[str, object]:
        return {"influencer_id": influencer_id, "terms": TERMS}

    never = await gateway.post(
        f"/api/v1/campaigns/{campaigns[org.id]}/partnerships", json=offer(str(uuid.uuid4())), headers=org.auth
    )
    assert never.status_code == 422, never.text
    assert [e["field"] for e in never.json()["errors"]] == ["body.influencer_id"]
    assert (never.json()["retryable"], never.headers["retry-after"]) == (True, "5")

    listed = await gateway.post(
        "/api/v1/influencers",
        json={
            "platform": "tiktok",
            "handle": f"told_{uuid.uuid4().hex[:6]}",
            "display_name": "Told",
            "followers": 9000,
        },
        headers=org.auth,
    )
    assert listed.status_code == 201, listed.text
    influencer = listed.json()
    # One Idempotency-Key through the retries: the retryable answers are not kept for it.
    retry_headers = {**org.auth, "idempotency-key": f"offer-{uuid.uuid4()}"}

    async def proposed() -> httpx.Response | None:
        response = await gateway.post(
            f"/api/v1/campaigns/{campaigns[org.id]}/partnerships", json=offer(influencer["id"]), headers=retry_headers
        )
        assert response.status_code in (201, 422), response.text
        return response if response.status_code == 201 else None

    partnership = (await eventually(proposed)).json()
    assert partnership["influencer"] == {"platform": "tiktok", "handle": influencer["handle"], "display_name": "Told"}

    # Known to partnerships now, but the org's private profile: another brand is told what it
    # would be told of an id that does not exist.
    theirs = await gateway.post(
        f"/api/v1/campaigns/{campaigns[other_org.id]}/partnerships",
        json=offer(influencer["id"]),
        headers=other_org.auth,
    )
    assert theirs.status_code == 422, theirs.text
    assert theirs.json()["errors"] == never.json()["errors"]

"""What the content tests through the gateway stand on: a creator who claimed a shared profile
signs a brand's partnership, and content makes its deliverables from partnerships' event."""

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from devstack import mailbox as devstack_mailbox
from devstack.mailbox import Mailbox
from devstack.stack import Stack
from devstack.walk import png  # noqa: F401 (the content tests take it from here)

from .conftest import PASSWORD, Org, log_in
from .test_campaign_journey import platform_admin


async def eventually(
    attempt: Callable[[], Awaitable[httpx.Response]], done: Callable[[httpx.Response], bool], timeout_s: float = 30
) -> httpx.Response:
    """What travels over events takes a moment."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        response = await attempt()
        if done(response):
            return response
        assert asyncio.get_running_loop().time() < deadline, f"still {response.status_code}: {response.text[:300]}"
        await asyncio.sleep(0.2)


async def creator_with_profile(gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox) -> tuple[Org, str]:
    """A creator signed up on a shared-catalogue profile an admin listed: (the creator, its influencer id)."""
    admin = await platform_admin(gateway, platform_stack, mailbox)
    listed = await gateway.post(
        "/api/v1/influencers",
        json={"platform": "instagram", "handle": f"maker_{uuid.uuid4().hex[:6]}", "followers": 40_000},
        headers=admin.auth,
    )
    assert listed.status_code == 201, listed.text
    influencer_id = listed.json()["id"]
    email = f"maker-{uuid.uuid4().hex[:6]}@creators.test"
    claimed = await devstack_mailbox.sign_up(
        gateway,
        mailbox,
        {"email": email, "password": PASSWORD, "display_name": "Maker", "influencer_id": influencer_id},
        "/api/v1/creators",
    )
    return await log_in(gateway, email, claimed["org"]["id"]), influencer_id


async def signed_partnership(
    gateway: httpx.AsyncClient, brand: Org, creator: Org, campaign_id: str, influencer_id: str, terms: dict[str, Any]
) -> dict[str, Any]:
    proposed = await eventually(  # partnerships learns of the profile from discovery's event
        lambda: gateway.post(
            f"/api/v1/campaigns/{campaign_id}/partnerships",
            json={"influencer_id": influencer_id, "terms": terms},
            headers=brand.auth,
        ),
        lambda response: response.status_code == 201,
    )
    partnership = proposed.json()
    version = partnership["terms_version"]
    path = f"/api/v1/partnerships/{partnership['id']}"
    accepted = await gateway.post(f"{path}/accept", json={"terms_version": version}, headers=creator.auth)
    assert accepted.status_code == 200, accepted.text
    for signer in (creator, brand):
        signed = await gateway.post(f"{path}/sign", json={"terms_version": version}, headers=signer.auth)
        assert signed.status_code == 200, signed.text
    return dict(signed.json())


async def deliverables_of(gateway: httpx.AsyncClient, brand: Org, partnership_id: str) -> list[dict[str, Any]]:
    made = await eventually(
        lambda: gateway.get(f"/api/v1/partnerships/{partnership_id}/deliverables", headers=brand.auth),
        lambda response: response.status_code == 200 and bool(response.json()["items"]),
    )
    return list(made.json()["items"])

"""A running contract's content, through the gateway as the creator and the brand make it: the
deliverable content made from partnership.signed, a medium uploaded into content's blob store (in
the dev overlay a volume of the content pod: its read-only root cannot take it), a version checked
against the brief, the brand's approval, the live post, and what partnerships and the campaign
overview make of it (content.approved and content.published back over Kafka)."""

import hashlib
import struct
import uuid
import zlib

import httpx
from flow_support import Caller, eventually, expect, say

CAPTION = "#ad Sunrise on the ridge in the new trail shoes #SummerTrails"


def png() -> bytes:
    """A real one-pixel PNG: content reads the type from the bytes and checks the chunks' CRCs."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x2e\x8b\x57")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


async def content_flow(
    gateway: httpx.AsyncClient, brand: Caller, creator: Caller, campaign_id: str, partnership_id: str
) -> None:
    async def deliverables() -> httpx.Response | None:
        path = f"/api/v1/partnerships/{partnership_id}/deliverables"
        response = await gateway.get(path, headers=creator.auth)
        return response if response.status_code == 200 and response.json()["items"] else None

    made = await eventually(deliverables, "the creator's deliverable (partnership.signed -> Kafka -> content)")
    (deliverable,) = made.json()["items"]
    assert (deliverable["type"], deliverable["platform"], deliverable["state"]) == ("post", "instagram", "draft")
    say(f"partnership.signed reached content: deliverable {deliverable['id']} for the creator")

    async def briefed() -> httpx.Response | None:
        brief = {"required_hashtags": ["#SummerTrails"], "markets": ["US"], "brand": {"name": "Outdoorsy"}}
        response = await gateway.put(f"/api/v1/campaigns/{campaign_id}/brief", json=brief, headers=brand.auth)
        return response if response.status_code == 200 else None

    await eventually(briefed, "the brief (content knowing the campaign from partnerships)")

    picture = png()
    uploaded = expect(
        await gateway.post(
            f"/api/v1/deliverables/{deliverable['id']}/media",
            content=picture,
            headers={**creator.auth, "content-type": "image/png"},
        ),
        201,
    )
    assert uploaded["sha256"] == hashlib.sha256(picture).hexdigest(), uploaded
    stored = await gateway.get(f"/api/v1/media/{uploaded['id']}/content", headers=brand.auth)
    assert stored.status_code == 200, stored.text
    assert stored.content == picture, stored.content[:80]
    say(f"the creator uploaded a {len(picture)}-byte PNG; the brand reads the same bytes back")

    submitted = expect(
        await gateway.post(
            f"/api/v1/deliverables/{deliverable['id']}/submissions",
            json={
                "caption": CAPTION,
                "platform": "instagram",
                "format": "post",
                "media": [{"media_id": uploaded["id"]}],
            },
            headers=creator.auth,
        ),
        201,
    )
    assert submitted["compliance"]["blocking"] == 0, submitted
    approved = expect(
        await gateway.post(f"/api/v1/submissions/{submitted['id']}/approve", json={}, headers=brand.auth), 200
    )
    assert approved["status"] == "approved", approved
    say(f"version {submitted['id']} passed the brief and disclosure check; the brand approved it")

    url = f"https://www.instagram.com/p/Trail{uuid.uuid4().hex[:6]}/"
    post = expect(
        await gateway.post(
            f"/api/v1/deliverables/{deliverable['id']}/publish",
            json={"url": url, "caption": CAPTION},
            headers=creator.auth,
        ),
        201,
    )
    assert post["findings"] == [], post
    say(f"the creator published {url}")

    async def paid_and_completed() -> httpx.Response | None:
        path = f"/api/v1/partnerships/{partnership_id}"
        payments = expect(await gateway.get(f"{path}/payments", headers=brand.auth), 200)
        milestones = sorted(payout["milestone"] for payout in payments["payouts"])
        response = await gateway.get(path, headers=brand.auth)
        done = milestones == ["on_approval", "on_publish"] and response.json()["state"] == "completed"
        return response if done else None

    await eventually(paid_and_completed, "milestones paid, contract completed (content -> Kafka -> partnerships)")
    say("content.approved and content.published reached partnerships: both milestones paid, contract completed")
    overview = expect(await gateway.get(f"/api/v1/campaigns/{campaign_id}/overview", headers=brand.auth), 200)
    expected = [{"partnership_id": partnership_id, "deliverables": 1, "by_state": {"published": 1}, "overdue": 0}]
    assert overview["content"]["partnerships"] == expected, overview
    say("the campaign overview shows the deliverable published")

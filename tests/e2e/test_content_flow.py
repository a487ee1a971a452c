"""Stages 3 and 4 through the gateway, across Kafka: a signed partnership becomes a deliverable,
the creator uploads and submits versions, the brand reviews them against the brief and the
disclosure rules, the post goes live, partnerships pays the approval and publication milestones
and completes the contract, amplification is funded from the budget or refused, and the overview
and webhooks tell of it."""

from datetime import date, timedelta

import httpx

from devstack.mailbox import Mailbox
from devstack.stack import Stack

from .conftest import sign_up
from .content_setup import creator_with_profile, deliverables_of, eventually, png, signed_partnership

TERMS = {
    "collaboration_type": "sponsored_post",
    "deliverables": [{"type": "post", "platform": "instagram", "count": 1}],
    "fee": {"kind": "fixed", "amount": {"amount_minor": 300_000, "currency": "EUR"}},
    "usage_rights": {"channels": ["organic_social", "paid_social"], "duration_days": 90},
    "payment_schedule": [{"trigger": "on_approval", "percent": 40}, {"trigger": "on_publish", "percent": 60}],
}


async def test_from_a_signed_partnership_to_a_paid_published_amplified_post(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    creator, influencer_id = await creator_with_profile(gateway, platform_stack, mailbox)
    brand = await sign_up(gateway, mailbox, "Sneakers")
    hook = await gateway.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:9/hook", "event_types": ["content.*"]},
        headers=brand.auth,
    )
    assert hook.status_code == 201, hook.text
    today = date.today()
    campaign = (
        await gateway.post(
            "/api/v1/campaigns",
            json={
                "name": "Spring drop",
                "objective": "awareness",
                "budget": {"amount_minor": 1_000_000, "currency": "EUR"},
                "starts_on": str(today),
                "ends_on": str(today + timedelta(days=60)),
            },
            headers=brand.auth,
        )
    ).json()
    launched = await gateway.post(f"/api/v1/campaigns/{campaign['id']}/launch", headers=brand.auth)
    assert launched.status_code == 200, launched.text
    partnership = await signed_partnership(gateway, brand, creator, campaign["id"], influencer_id, TERMS)
    assert partnership["state"] == "active"

    (deliverable,) = await deliverables_of(gateway, brand, partnership["id"])
    assert (deliverable["type"], deliverable["platform"], deliverable["state"]) == ("post", "instagram", "draft")
    brief = await eventually(
        lambda: gateway.put(
            f"/api/v1/campaigns/{campaign['id']}/brief",
            json={"required_hashtags": ["#SpringDrop"], "markets": ["US", "UK"], "brand": {"name": "Sneakers"}},
            headers=brand.auth,
        ),
        lambda response: response.status_code == 200,  # content hears of the campaign from partnerships
    )
    assert brief.json()["version"] == 1

    uploaded = await gateway.post(
        f"/api/v1/deliverables/{deliverable['id']}/media",
        content=png(),
        headers={**creator.auth, "content-type": "image/png"},
    )
    assert uploaded.status_code == 201, uploaded.text
    wrong = await gateway.post(
        f"/api/v1/deliverables/{deliverable['id']}/media",
        content=b"%PDF-1.7 not a picture",
        headers={**creator.auth, "content-type": "image/png"},
    )
    assert wrong.status_code == 415, wrong.text
    path = f"/api/v1/deliverables/{deliverable['id']}/submissions"
    media = [{"media_id": uploaded.json()["id"]}]
    first = await gateway.post(
        path,
        json={"caption": "New kicks for spring #SpringDrop", "platform": "instagram", "format": "post", "media": media},
        headers=creator.auth,
    )
    assert first.status_code == 201, first.text
    report = (await gateway.get(f"/api/v1/submissions/{first.json()['id']}/compliance", headers=brand.auth)).json()
    assert {(f["code"], f["market"]) for f in report["findings"]} >= {
        ("disclosure.missing", "US"),
        ("disclosure.missing", "UK"),
    }
    changes = await gateway.post(
        f"/api/v1/submissions/{first.json()['id']}/request-changes",
        json={"comments": [{"body": "Add #ad up front", "span": {"start": 0, "end": 8}}]},
        headers=brand.auth,
    )
    assert changes.status_code == 200, changes.text
    second = await gateway.post(
        path,
        json={
            "caption": "#ad New kicks for spring #SpringDrop",
            "platform": "instagram",
            "format": "post",
            "media": media,
        },
        headers=creator.auth,
    )
    assert second.json()["compliance"]["blocking"] == 0, second.text
    approved = await gateway.post(f"/api/v1/submissions/{second.json()['id']}/approve", json={}, headers=brand.auth)
    assert approved.status_code == 200, approved.text

    def paid(*milestones: str) -> object:
        return lambda response: sorted(p["milestone"] for p in response.json()["payouts"]) == sorted(milestones)

    payments = f"/api/v1/partnerships/{partnership['id']}/payments"
    await eventually(lambda: gateway.get(payments, headers=brand.auth), paid("on_approval"))

    post = await gateway.post(
        f"/api/v1/deliverables/{deliverable['id']}/publish",
        json={
            "url": "https://www.instagram.com/p/SpRiNg123/?igsh=x",
            "caption": "#ad New kicks for spring #SpringDrop",
        },
        headers=creator.auth,
    )
    assert post.status_code == 201, post.text
    assert post.json()["findings"] == []
    await eventually(lambda: gateway.get(payments, headers=brand.auth), paid("on_approval", "on_publish"))
    done = await eventually(
        lambda: gateway.get(f"/api/v1/partnerships/{partnership['id']}", headers=brand.auth),
        lambda response: response.json()["state"] == "completed",
    )
    assert done.json()["state"] == "completed"

    boosts = f"/api/v1/deliverables/{deliverable['id']}/amplifications"
    window = {"starts_on": str(today), "ends_on": str(today + timedelta(days=7))}
    asked = await gateway.post(
        boosts,
        json={
            "kind": "paid_boost",
            "platform": "instagram",
            "spend": {"amount_minor": 100_000, "currency": "EUR"},
            **window,
        },
        headers=brand.auth,
    )
    assert asked.status_code == 201, asked.text
    too_much = await gateway.post(
        boosts,
        json={
            "kind": "brand_repost",
            "platform": "instagram",
            "spend": {"amount_minor": 900_000, "currency": "EUR"},
            **window,
        },
        headers=brand.auth,
    )
    amplification = f"/api/v1/amplifications/{asked.json()['id']}"
    running = await eventually(
        lambda: gateway.get(amplification, headers=brand.auth), lambda r: r.json()["state"] == "running"
    )
    assert running.json()["decided_at"] is not None
    refused = await eventually(
        lambda: gateway.get(f"/api/v1/amplifications/{too_much.json()['id']}", headers=brand.auth),
        lambda r: r.json()["state"] == "refused",
    )
    assert "remain" in refused.json()["refusal_reason"]
    budget = (await gateway.get(f"/api/v1/campaigns/{campaign['id']}/budget", headers=brand.auth)).json()
    assert budget["amplification"] == {"amount_minor": 100_000, "currency": "EUR"}
    assert (budget["paid"]["amount_minor"], budget["remaining"]["amount_minor"]) == (300_000, 600_000)
    assert budget["reconciled"] is True

    overview = (await gateway.get(f"/api/v1/campaigns/{campaign['id']}/overview", headers=brand.auth)).json()
    assert overview["content"]["partnerships"] == [
        {"partnership_id": partnership["id"], "deliverables": 1, "by_state": {"published": 1}, "overdue": 0}
    ]
    assets = (await gateway.get("/api/v1/assets", params={"usable": "true"}, headers=brand.auth)).json()["items"]
    assert [a["post_url"] for a in assets] == ["https://www.instagram.com/p/SpRiNg123/"]
    deliveries = await eventually(
        lambda: gateway.get(f"/api/v1/webhooks/{hook.json()['id']}/deliveries", headers=brand.auth),
        lambda r: {"content.published", "content.amplified"} <= {d["event_type"] for d in r.json()["items"]},
    )
    assert {"content.submitted", "content.approved", "content.changes_requested"} <= {
        d["event_type"] for d in deliveries.json()["items"]
    }
    # The creator sees its deliverable, not the brand's budget, amplifications or assets.
    assert (await gateway.get(f"/api/v1/deliverables/{deliverable['id']}", headers=creator.auth)).status_code == 200
    assert (await gateway.get(amplification, headers=creator.auth)).status_code == 404

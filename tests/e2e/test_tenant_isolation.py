"""Tenant isolation, swept over the gateway's route table: org A makes one object of every kind the
API has; org B (its owner, and an API key with every scope) calls every operation of the table
whose path names an id, with A's ids filled in, and gets exactly what it gets for ids that do not
exist: a 404 (a 403 for a key on operations keys may never call). A route added to the table is
swept with no change here; an id kind the sweep cannot fill, or a write whose body it cannot make
valid, fails the test, so that no route escapes it.

Shared-catalogue influencer profiles are readable by every org by design (services/discovery
README), and so are their per-org notes and tags endpoints (each org sees its own): they are not
swept, nor are public operations (the tracking redirect /r/{code} answers anyone by design). The
`influencer_id` filled in is A's private profile, which no other org may see.
"""

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from devstack.mailbox import Mailbox
from devstack.stack import Stack
from gateway.domain.access import KNOWN_SCOPES
from gateway.domain.routing import OPERATIONS, Operation

from .conftest import Org, revealed_addresses, sign_up
from .content_setup import creator_with_profile, deliverables_of, png, signed_partnership

PARAMETER = re.compile(r"\{([^}]+)\}")
TERMS = {
    "collaboration_type": "sponsored_post",
    "deliverables": [{"type": "post", "platform": "instagram", "count": 1}],
    "fee": {"kind": "fixed", "amount": {"amount_minor": 40_000, "currency": "EUR"}},
}


def bodies(ids: dict[str, str]) -> dict[str, Any]:
    """A body that passes validation for each write that needs one: then the lookup, not the
    body, decides the answer."""
    return {
        "PATCH /api/v1/influencers/{influencer_id}": {"bio": "written by another org"},
        "PUT /api/v1/influencers/{influencer_id}/tags": {"tags": ["intruder"]},
        "POST /api/v1/influencers/{influencer_id}/notes": {"text": "another org's note"},
        "POST /api/v1/influencers/{influencer_id}/voice-match": {"caption": "another org's draft"},
        "POST /api/v1/campaigns/{campaign_id}/shortlist": {"influencer_id": ids["influencer_id"]},
        "PATCH /api/v1/campaigns/{campaign_id}": {"name": "renamed by another org"},
        "POST /api/v1/campaigns/{campaign_id}/partnerships": {"influencer_id": ids["influencer_id"], "terms": TERMS},
        "POST /api/v1/partnerships/{partnership_id}/counter": {"terms": TERMS},
        "POST /api/v1/partnerships/{partnership_id}/accept": {"terms_version": 1},
        "POST /api/v1/partnerships/{partnership_id}/sign": {"terms_version": 1},
        "POST /api/v1/partnerships/{partnership_id}/messages": {"body": "hello from another org"},
        "PATCH /api/v1/message-templates/{template_id}": {"name": "renamed by another org"},
        "POST /api/v1/orgs/{org_id}/members": {
            "email": f"intruder-{uuid.uuid4().hex[:6]}@globex.test",
            "role": "manager",
        },
        "PATCH /api/v1/orgs/{org_id}/members/{user_id}": {"role": "analyst"},
        "PUT /api/v1/campaigns/{campaign_id}/brief": {"objective": "another org's"},
        "PUT /api/v1/deliverables/{deliverable_id}/brief": {"objective": "another org's"},
        "POST /api/v1/submissions/{submission_id}/approve": {},
        "POST /api/v1/deliverables/{deliverable_id}/submissions": {
            "caption": "#ad written by another org",
            "platform": "instagram",
            "format": "post",
        },
        "POST /api/v1/submissions/{submission_id}/request-changes": {"comments": [{"body": "another org's"}]},
        "POST /api/v1/deliverables/{deliverable_id}/schedule": {"scheduled_for": "2999-01-01T10:00:00Z"},
        "POST /api/v1/deliverables/{deliverable_id}/publish": {"url": "https://www.instagram.com/p/Intruder1/"},
        "POST /api/v1/deliverables/{deliverable_id}/amplifications": {
            "kind": "brand_repost",
            "platform": "instagram",
            "spend": {"amount_minor": 0, "currency": "EUR"},
            "starts_on": "2999-01-01",
            "ends_on": "2999-01-02",
        },
        "PUT /api/v1/campaigns/{campaign_id}/metrics/settings": {"attribution_window_days": 7},
        "POST /api/v1/campaigns/{campaign_id}/report-shares": {},
        "POST /api/v1/posts/{post_id}/insights": {"observed_at": "2026-05-01T10:00:00Z", "metrics": {"views": 1}},
    }


async def eventually(attempt: Callable[[], Awaitable[httpx.Response]], done: Callable[[httpx.Response], bool]) -> Any:
    """What the platform does through events (discovery hears of a campaign, the gateway records a
    webhook delivery) takes a moment."""
    for _ in range(150):
        response = await attempt()
        if done(response):
            return response
        await asyncio.sleep(0.2)
    raise AssertionError(f"still {response.status_code}: {response.text[:300]}")


async def make_content(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox, a: Org, campaign_id: str
) -> dict[str, str]:
    """A creator signs one of A's partnerships; content's objects of it: the brief, the
    deliverable, a medium, an approved version (and its asset), the live post, an amplification."""
    creator, influencer_id = await creator_with_profile(gateway, platform_stack, mailbox)
    partnership = await signed_partnership(gateway, a, creator, campaign_id, influencer_id, CONTENT_TERMS)
    (deliverable,) = await deliverables_of(gateway, a, partnership["id"])
    ids = {"partnership_id": partnership["id"], "deliverable_id": deliverable["id"]}
    ids["brief_id"] = (await made_by(gateway, a, "PUT", f"/api/v1/campaigns/{campaign_id}/brief", 200, json={}))["id"]
    media = await made_by(
        gateway,
        creator,
        "POST",
        f"/api/v1/deliverables/{deliverable['id']}/media",
        content=png(),
        headers={"content-type": "image/png"},
    )
    ids["media_id"] = media["id"]
    version = await made_by(
        gateway,
        creator,
        "POST",
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={
            "caption": "#ad A's post",
            "platform": "instagram",
            "format": "post",
            "media": [{"media_id": media["id"]}],
        },
    )
    ids["submission_id"] = version["id"]
    await made_by(gateway, a, "POST", f"/api/v1/submissions/{version['id']}/approve", 200, json={})
    ids["asset_id"] = (await made_by(gateway, a, "GET", "/api/v1/assets", 200))["items"][0]["id"]
    post = await made_by(
        gateway,
        creator,
        "POST",
        f"/api/v1/deliverables/{deliverable['id']}/publish",
        json={"url": "https://www.instagram.com/p/AsPost123/"},
    )
    ids["post_id"] = post["id"]
    amplification = await made_by(
        gateway,
        a,
        "POST",
        f"/api/v1/deliverables/{deliverable['id']}/amplifications",
        json={
            "kind": "paid_boost",
            "platform": "instagram",
            "spend": {"amount_minor": 1_000, "currency": "EUR"},
            "starts_on": "2999-01-01",
            "ends_on": "2999-01-02",
        },
    )
    ids["amplification_id"] = amplification["id"]
    return ids


CONTENT_TERMS = {
    "collaboration_type": "sponsored_post",
    "deliverables": [{"type": "post", "platform": "instagram", "count": 1}],
    "fee": {"kind": "fixed", "amount": {"amount_minor": 40_000, "currency": "EUR"}},
    "usage_rights": {"channels": ["organic_social"], "duration_days": 30},
}


async def made_by(
    gateway: httpx.AsyncClient, who: Org, method: str, path: str, expected: int = 201, **kwargs: Any
) -> dict[str, Any]:
    response = await gateway.request(method, path, headers={**who.auth, **kwargs.pop("headers", {})}, **kwargs)
    assert response.status_code == expected, f"{method} {path}: {response.status_code} {response.text[:300]}"
    return response.json() if response.content else {}


async def make_one_of_everything(
    gateway: httpx.AsyncClient, a: Org, platform_stack: Stack, mailbox: Mailbox
) -> dict[str, str]:
    """A's objects, by the name of the path parameter that takes each one's id."""

    async def made(method: str, path: str, expected: int = 201, **kwargs: Any) -> dict[str, Any]:
        response = await gateway.request(method, path, headers={**a.auth, **kwargs.pop("headers", {})}, **kwargs)
        assert response.status_code == expected, f"{method} {path}: {response.status_code} {response.text[:300]}"
        return response.json() if response.content else {}

    ids = {"org_id": a.id, "user_id": (await made("GET", "/api/v1/me", 200))["user"]["id"]}
    hook = await made(
        "POST", "/api/v1/webhooks", json={"url": "http://127.0.0.1:9/hook", "event_types": ["campaign.*"]}
    )
    ids["webhook_id"] = hook["id"]
    profile = await made(
        "POST",
        "/api/v1/influencers",
        json={
            "platform": "instagram",
            "handle": f"a_{uuid.uuid4().hex[:8]}",
            "followers": 12_000,
            "visibility": "private",
        },
    )
    ids["influencer_id"] = profile["id"]
    ids["note_id"] = (await made("POST", f"/api/v1/influencers/{profile['id']}/notes", json={"text": "A's"}))["id"]
    await made("PUT", f"/api/v1/influencers/{profile['id']}/tags", 200, json={"tags": ["mine"]})
    job = await made(
        "POST",
        "/api/v1/influencers/import",
        202,
        params={"platform": "x"},
        content=b"handle,followers\nan_import,10\n",
        headers={"content-type": "text/csv"},
    )
    ids["job_id"] = job["id"]
    campaign = await made(
        "POST",
        "/api/v1/campaigns",
        json={"name": "A's", "objective": "awareness", "budget": {"amount_minor": 100_000, "currency": "EUR"}},
    )
    ids["campaign_id"] = campaign["id"]
    proposed = await eventually(  # partnerships learns of the profile from discovery's event
        lambda: gateway.post(
            f"/api/v1/campaigns/{campaign['id']}/partnerships",
            json={"influencer_id": profile["id"], "terms": TERMS},
            headers=a.auth,
        ),
        lambda response: response.status_code == 201,
    )
    partnership = proposed.json()
    ids["partnership_id"] = partnership["id"]
    await made("POST", f"/api/v1/partnerships/{partnership['id']}/messages", json={"body": "Hi from A"})
    template = await made(
        "POST", "/api/v1/message-templates", json={"name": "hello", "body": "Hi {{ influencer.name }}"}
    )
    ids["template_id"] = template["id"]
    ids["key_id"] = (await made("POST", "/api/v1/api-keys", json={"name": "A's", "scopes": ["campaigns:read"]}))["id"]
    invited = await made(
        "POST",
        f"/api/v1/orgs/{a.id}/members",
        json={"email": f"new-{uuid.uuid4().hex[:6]}@acme.test", "role": "analyst"},
    )
    ids["invitation_id"] = invited["id"]
    await eventually(  # discovery shortlists for campaigns it has heard of
        lambda: gateway.post(
            f"/api/v1/campaigns/{campaign['id']}/shortlist", json={"influencer_id": profile["id"]}, headers=a.auth
        ),
        lambda response: response.status_code == 201,
    )
    deliveries = await eventually(
        lambda: gateway.get(f"/api/v1/webhooks/{hook['id']}/deliveries", headers=a.auth),
        lambda response: response.status_code == 200 and bool(response.json()["items"]),
    )
    ids["delivery_id"] = deliveries.json()["items"][0]["id"]
    # The partnership swept is the signed one content has deliverables of (the proposal above
    # stays A's, untouched).
    ids.update(await make_content(gateway, platform_stack, mailbox, a, campaign["id"]))
    ids.update(await make_metrics_objects(gateway, a, ids))
    return ids


async def make_metrics_objects(gateway: httpx.AsyncClient, a: Org, ids: dict[str, str]) -> dict[str, str]:
    """A's tracking link, promo code, conversion, exchange rate, report share link and insight snapshot, of the signed
    partnership and the live post content made (metrics hears of both from their events)."""
    made: dict[str, str] = {}
    link = await eventually(  # metrics learns of the partnership from partnerships' event
        lambda: gateway.post(
            "/api/v1/tracking-links",
            json={"partnership_id": ids["partnership_id"], "destination_url": "https://shop.example/a"},
            headers=a.auth,
        ),
        lambda response: response.status_code == 201,
    )
    made["link_id"] = link.json()["id"]
    promo = await gateway.post(
        "/api/v1/promo-codes", json={"code": "A-CODE", "partnership_id": ids["partnership_id"]}, headers=a.auth
    )
    assert promo.status_code == 201, promo.text
    made["promo_code_id"] = promo.json()["id"]
    order = {
        "order_id": "A-1",
        "amount": {"amount_minor": 100, "currency": "EUR"},
        "occurred_at": "2026-05-01T10:00:00Z",
    }
    conversion = await gateway.post("/api/v1/conversions", json={**order, "promo_code": "a-code"}, headers=a.auth)
    assert conversion.status_code == 201, conversion.text
    made["conversion_id"] = conversion.json()["conversion"]["id"]
    rate = await gateway.post(
        "/api/v1/exchange-rates",
        json={"base": "USD", "quote": "EUR", "rate": "0.9", "valid_on": "2026-01-01"},
        headers=a.auth,
    )
    assert rate.status_code == 201, rate.text
    made["rate_id"] = rate.json()["id"]
    share = await gateway.post(f"/api/v1/campaigns/{ids['campaign_id']}/report-shares", json={}, headers=a.auth)
    assert share.status_code == 201, share.text
    made["share_id"] = share.json()["id"]
    await eventually(
        lambda: gateway.post(
            f"/api/v1/posts/{ids['post_id']}/insights",
            json={"observed_at": "2026-05-01T09:00:00Z", "metrics": {"views": 10}},
            headers=a.auth,
        ),
        lambda response: response.status_code == 202,
    )
    return made


def fill(template: str, ids: dict[str, str]) -> str:
    return PARAMETER.sub(lambda match: ids[match.group(1)], template)


def unknown_kinds(operations: list[Operation], ids: dict[str, str]) -> set[str]:
    return {kind for operation in operations for kind in PARAMETER.findall(operation.path)} - set(ids)


async def call(
    gateway: httpx.AsyncClient, operation: Operation, path: str, headers: dict[str, str], body: Any
) -> httpx.Response:
    return await gateway.request(operation.method, path, headers=headers, json=body)


async def test_another_org_reaches_no_object_of_an_org_through_any_route(
    gateway: httpx.AsyncClient, mailbox: Mailbox, internal_addresses: tuple[str, ...], platform_stack: Stack
) -> None:
    a = await sign_up(gateway, mailbox, "Acme")
    b = await sign_up(gateway, mailbox, "Globex")
    ids = await make_one_of_everything(gateway, a, platform_stack, mailbox)
    missing = {kind: str(uuid.uuid4()) for kind in ids}
    swept = [operation for operation in OPERATIONS if PARAMETER.search(operation.path) and not operation.public]
    assert unknown_kinds(swept, ids) == set(), "make an object for these path parameters in make_one_of_everything"
    assert len(swept) >= 40  # the table is the list: an empty or truncated table would sweep nothing

    key = await gateway.post(
        "/api/v1/api-keys", json={"name": "every scope", "scopes": sorted(KNOWN_SCOPES)}, headers=b.auth
    )
    assert key.status_code == 201, key.text
    callers = {"B's owner": b.auth, "B's key with every scope": {"x-api-key": key.json()["key"]}}
    leaks: list[str] = []
    for operation in swept:
        name = f"{operation.method} {operation.path}"
        body = bodies(ids).get(name)
        for caller, headers in callers.items():
            theirs = await call(gateway, operation, fill(operation.path, ids), headers, body)
            nobodys = await call(gateway, operation, fill(operation.path, missing), headers, body)
            if theirs.status_code == 422:
                leaks.append(f"{name}: 422 {theirs.text[:200]} (give it a valid body in bodies())")
            expected = {nobodys.status_code} & ({404, 403} if caller != "B's owner" else {404})
            if theirs.status_code not in expected:
                leaks.append(f"{name} as {caller}: {theirs.status_code} for A's ids, {nobodys.status_code} for none")
            leaks += [f"{name}: names {address}" for address in revealed_addresses(theirs, internal_addresses)]
    assert leaks == []

    # B's lists hold none of A's objects.
    for operation in OPERATIONS:
        if operation.method == "GET" and not PARAMETER.search(operation.path):
            listed = await gateway.get(operation.path, headers=b.auth)
            assert listed.status_code == 200, (operation.path, listed.text[:200])
            assert not [kind for kind, value in ids.items() if value in listed.text], operation.path

    await a_still_has_everything(gateway, a, ids, swept)


async def a_still_has_everything(
    gateway: httpx.AsyncClient, a: Org, ids: dict[str, str], swept: list[Operation]
) -> None:
    """A reads each of its objects through every read of the sweep (so the ids swept were real),
    unchanged by B's writes."""
    for operation in swept:
        if operation.method == "GET":
            path = fill(operation.path, ids)
            await eventually(lambda path=path: gateway.get(path, headers=a.auth), lambda r: r.status_code == 200)
    campaign = (await gateway.get(f"/api/v1/campaigns/{ids['campaign_id']}", headers=a.auth)).json()
    assert (campaign["name"], campaign["state"]) == ("A's", "draft")
    partnership = (await gateway.get(f"/api/v1/partnerships/{ids['partnership_id']}", headers=a.auth)).json()
    assert partnership["state"] == "signed"
    deliverable = (await gateway.get(f"/api/v1/deliverables/{ids['deliverable_id']}", headers=a.auth)).json()
    assert (deliverable["state"], deliverable["post"]["url"]) == ("published", "https://www.instagram.com/p/AsPost123/")
    assert deliverable["brief"]["brief_id"] == ids["brief_id"]
    template = (await gateway.get(f"/api/v1/message-templates/{ids['template_id']}", headers=a.auth)).json()
    assert template["name"] == "hello"
    tags = (await gateway.get(f"/api/v1/influencers/{ids['influencer_id']}/tags", headers=a.auth)).json()
    assert tags["tags"] == ["mine"]
    profile = (await gateway.get(f"/api/v1/influencers/{ids['influencer_id']}", headers=a.auth)).json()
    assert profile.get("bio") is None
    keys = (await gateway.get("/api/v1/api-keys", headers=a.auth)).json()
    assert [k["revoked_at"] for k in keys if k["id"] == ids["key_id"]] == [None]
    members = (await gateway.get(f"/api/v1/orgs/{a.id}/members", headers=a.auth)).json()
    assert [member["role"] for member in members] == ["owner"]
    invitations = (await gateway.get(f"/api/v1/orgs/{a.id}/invitations", headers=a.auth)).json()
    assert [invitation["id"] for invitation in invitations] == [ids["invitation_id"]]

"""Who may do what, through the real gateway in front of the real services."""

import asyncio
import uuid

import httpx
import pytest

from .conftest import Org

PASSWORD = "correct horse battery staple"


async def member(gateway: httpx.AsyncClient, owner: Org, role: str) -> Org:
    email = f"{role}-{uuid.uuid4().hex[:6]}@acme.test"
    added = await gateway.post(
        f"/api/v1/orgs/{owner.id}/members",
        json={"email": email, "role": role, "password": PASSWORD},
        headers=owner.auth,
    )
    assert added.status_code == 201, added.text
    token = await gateway.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": email, "password": PASSWORD}
    )
    return Org(id=owner.id, token=token.json()["access_token"])


async def api_key(gateway: httpx.AsyncClient, owner: Org, *scopes: str) -> dict[str, str]:
    created = await gateway.post(
        "/api/v1/api-keys", json={"name": "integration", "scopes": list(scopes)}, headers=owner.auth
    )
    assert created.status_code == 201, created.text
    return {"x-api-key": created.json()["key"]}


@pytest.mark.parametrize(("role", "may_create"), [("owner", True), ("manager", True), ("analyst", False)])
async def test_roles_on_campaigns(gateway: httpx.AsyncClient, org: Org, role: str, may_create: bool) -> None:
    caller = org if role == "owner" else await member(gateway, org, role)
    created = await gateway.post(
        "/api/v1/campaigns", json={"name": f"by {role}", "objective": "awareness"}, headers=caller.auth
    )
    assert created.status_code == (201 if may_create else 403)
    listed = await gateway.get("/api/v1/campaigns", headers=caller.auth)
    assert listed.status_code == 200


async def test_api_keys_act_within_their_scopes(gateway: httpx.AsyncClient, org: Org) -> None:
    reader = await api_key(gateway, org, "campaigns:read")
    writer = await api_key(gateway, org, "campaigns:write", "campaigns:read")
    assert (
        await gateway.post("/api/v1/campaigns", json={"name": "k", "objective": "awareness"}, headers=reader)
    ).status_code == 403
    made = await gateway.post("/api/v1/campaigns", json={"name": "k", "objective": "awareness"}, headers=writer)
    assert made.status_code == 201, made.text
    fetched = await gateway.get(f"/api/v1/campaigns/{made.json()['id']}", headers=reader)
    assert fetched.status_code == 200


async def test_tenant_isolation_of_campaigns_keys_and_webhooks(
    gateway: httpx.AsyncClient, org: Org, other_org: Org
) -> None:
    campaign = (
        await gateway.post("/api/v1/campaigns", json={"name": "A's", "objective": "awareness"}, headers=org.auth)
    ).json()
    key = (
        await gateway.post("/api/v1/api-keys", json={"name": "A", "scopes": ["campaigns:read"]}, headers=org.auth)
    ).json()
    hook = await gateway.post(
        "/api/v1/webhooks", json={"url": "http://127.0.0.1:9/hook", "event_types": ["campaign.*"]}, headers=org.auth
    )
    assert hook.status_code == 201, hook.text
    for method, path in (
        ("GET", f"/api/v1/campaigns/{campaign['id']}"),
        ("GET", f"/api/v1/campaigns/{campaign['id']}/metrics"),
        ("GET", f"/api/v1/campaigns/{campaign['id']}/overview"),
        ("DELETE", f"/api/v1/api-keys/{key['id']}"),
        ("GET", f"/api/v1/webhooks/{hook.json()['id']}"),
        ("DELETE", f"/api/v1/webhooks/{hook.json()['id']}"),
        ("GET", f"/api/v1/orgs/{org.id}/members"),
    ):
        response = await gateway.request(method, path, headers=other_org.auth)
        assert response.status_code == 404, f"{method} {path}: {response.status_code}"
    assert key["id"] not in {k["id"] for k in (await gateway.get("/api/v1/api-keys", headers=other_org.auth)).json()}


async def test_overview_through_the_real_services(gateway: httpx.AsyncClient, org: Org) -> None:
    campaign = (
        await gateway.post("/api/v1/campaigns", json={"name": "Seen", "objective": "awareness"}, headers=org.auth)
    ).json()
    response = await gateway.get(f"/api/v1/campaigns/{campaign['id']}/overview", headers=org.auth)
    assert response.status_code == 200
    body = response.json()
    assert body["campaign"]["id"] == campaign["id"]
    assert "missing" in body


async def test_merged_openapi_lists_every_service(gateway: httpx.AsyncClient) -> None:
    # The gateway fetches the services' documents in the background after start-up.
    for _ in range(100):
        doc = (await gateway.get("/openapi.json")).json()
        if "/api/v1/campaigns/{campaign_id}/metrics" in doc["paths"]:
            break
        await asyncio.sleep(0.2)
    assert "/api/v1/campaigns" in doc["paths"]
    assert "/api/v1/campaigns/{campaign_id}/metrics" in doc["paths"]
    assert "/api/v1/auth/token" in doc["paths"]


async def test_tenant_isolation_of_partnerships_budgets_messages_and_templates(
    gateway: httpx.AsyncClient, org: Org, other_org: Org
) -> None:
    campaign = (
        await gateway.post(
            "/api/v1/campaigns",
            json={"name": "Budgeted", "objective": "awareness", "budget": {"amount_minor": 100_000, "currency": "EUR"}},
            headers=org.auth,
        )
    ).json()
    proposal = await gateway.post(
        f"/api/v1/campaigns/{campaign['id']}/partnerships",
        json={
            "influencer_id": str(uuid.uuid4()),
            "terms": {
                "collaboration_type": "sponsored_post",
                "deliverables": [{"type": "post", "platform": "instagram", "count": 1}],
                "fee": {"kind": "fixed", "amount": {"amount_minor": 40_000, "currency": "EUR"}},
            },
        },
        headers=org.auth,
    )
    assert proposal.status_code == 201, proposal.text
    partnership_id = proposal.json()["id"]
    template = await gateway.post(
        "/api/v1/message-templates", json={"name": "hello", "body": "Hi {{ influencer.name }}"}, headers=org.auth
    )
    assert template.status_code == 201, template.text
    for method, path in (
        ("GET", f"/api/v1/campaigns/{campaign['id']}/budget"),
        ("GET", f"/api/v1/campaigns/{campaign['id']}/partnerships"),
        ("POST", f"/api/v1/campaigns/{campaign['id']}/launch"),
        ("GET", f"/api/v1/partnerships/{partnership_id}"),
        ("GET", f"/api/v1/partnerships/{partnership_id}/payments"),
        ("GET", f"/api/v1/partnerships/{partnership_id}/messages"),
        ("POST", f"/api/v1/partnerships/{partnership_id}/withdraw"),
        ("GET", f"/api/v1/message-templates/{template.json()['id']}"),
        ("DELETE", f"/api/v1/message-templates/{template.json()['id']}"),
    ):
        response = await gateway.request(method, path, headers=other_org.auth, json={} if method == "POST" else None)
        assert response.status_code == 404, f"{method} {path}: {response.status_code} {response.text[:200]}"
    mine = await gateway.get(f"/api/v1/partnerships/{partnership_id}", headers=org.auth)
    assert mine.json()["state"] == "proposed"
    others = (await gateway.get("/api/v1/partnerships", headers=other_org.auth)).json()["items"]
    assert partnership_id not in {p["id"] for p in others}

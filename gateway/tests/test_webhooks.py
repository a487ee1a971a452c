"""Webhooks end to end: events from Kafka, signed POSTs to a real local receiver, retries with
backoff, dead deliveries, replay."""

import asyncio
import base64
import hashlib
import hmac
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from fastapi import FastAPI, Request, Response

from contracts import encode, new_event
from contracts.events.partnerships import CampaignCreated
from devstack.ports import free_port
from devstack.pytest_plugin import serve_over_http

from .conftest import Account, GatewayFactory, join_org, sign_up


@dataclass
class Receiver:
    url: str
    received: list[dict[str, object]] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answered in turn; 200 once empty


@pytest.fixture(scope="module")
async def receiver() -> AsyncIterator[Receiver]:
    state = Receiver(url="")
    app = FastAPI()

    @app.post("/hooks")
    async def hook(request: Request) -> Response:
        state.received.append({"headers": dict(request.headers), "body": await request.body()})
        return Response(status_code=state.statuses.pop(0) if state.statuses else 200)

    async with serve_over_http(app) as url:
        state.url = f"{url}/hooks"
        yield state


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_gateway(consumer_enabled=True, webhook_retry_base_s=0.05, webhook_max_attempts=3) as client:
        runtime = client.app.app.state.runtime  # type: ignore[attr-defined]
        await asyncio.wait_for(_consumer_ready(runtime), 60)
        yield client


async def _consumer_ready(runtime: object) -> None:
    while runtime.consumer is None or not runtime.consumer.assigned.is_set():  # type: ignore[attr-defined]  # noqa: ASYNC110
        await asyncio.sleep(0.1)


async def publish_campaign_created(bootstrap: str, tenant_id: str) -> str:
    campaign_id = uuid.uuid4()
    envelope = new_event(
        CampaignCreated(campaign_id=campaign_id, name="Hooked", objective="awareness"),
        source="partnerships",
        tenant_id=uuid.UUID(tenant_id),
        subject=campaign_id,
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(
            "partnerships.events",
            encode(envelope),
            key=str(campaign_id).encode(),
            headers=[("type", b"campaign.created")],
        )
    finally:
        await producer.stop()
    return str(envelope.id)


async def subscribe(gateway: httpx.AsyncClient, account: Account, url: str, types: list[str]) -> dict[str, str]:
    response = await gateway.post("/api/v1/webhooks", json={"url": url, "event_types": types}, headers=account.auth)
    assert response.status_code == 201, response.text
    return response.json()


async def deliveries(gateway: httpx.AsyncClient, account: Account, webhook_id: str) -> list[dict[str, object]]:
    response = await gateway.get(f"/api/v1/webhooks/{webhook_id}/deliveries", headers=account.auth)
    return response.json()["items"]


async def wait_for(predicate, timeout_s: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.1)


async def test_a_subscribed_event_arrives_signed(
    gateway: httpx.AsyncClient, receiver: Receiver, kafka_bootstrap: str
) -> None:
    account = await sign_up(gateway)
    webhook = await subscribe(gateway, account, receiver.url, ["campaign.*"])
    receiver.received.clear()
    event_id = await publish_campaign_created(kafka_bootstrap, account.org_id)

    async def arrived() -> bool:
        return any(r["headers"].get("webhook-event-id") == event_id for r in receiver.received)  # type: ignore[union-attr]

    await wait_for(arrived)
    request = next(r for r in receiver.received if r["headers"]["webhook-event-id"] == event_id)  # type: ignore[index]
    headers, body = request["headers"], request["body"]
    # Verified the way a partner would, from the Standard Webhooks spec, not with our code.
    key = base64.b64decode(webhook["secret"].removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body  # type: ignore[operator, index]
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    assert headers["webhook-signature"] == expected  # type: ignore[index]
    assert b'"type":"campaign.created"' in body  # type: ignore[operator]

    async def recorded() -> bool:  # the dispatcher records the answer after the receiver has it
        log = await deliveries(gateway, account, webhook["id"])
        return bool(log) and log[0]["state"] == "delivered"

    await wait_for(recorded)
    assert (await deliveries(gateway, account, webhook["id"]))[0]["last_status_code"] == 200


async def test_failures_are_retried_then_dead_and_replay_sends_again(
    gateway: httpx.AsyncClient, receiver: Receiver, kafka_bootstrap: str
) -> None:
    account = await sign_up(gateway)
    webhook = await subscribe(gateway, account, receiver.url, ["campaign.created"])
    receiver.statuses[:] = [500, 503]
    await publish_campaign_created(kafka_bootstrap, account.org_id)

    async def delivered() -> bool:
        log = await deliveries(gateway, account, webhook["id"])
        return bool(log) and log[0]["state"] == "delivered"

    await wait_for(delivered)
    assert (await deliveries(gateway, account, webhook["id"]))[0]["attempts"] == 3

    receiver.statuses[:] = [500, 500, 500]
    await publish_campaign_created(kafka_bootstrap, account.org_id)

    async def dead() -> bool:
        log = await deliveries(gateway, account, webhook["id"])
        return len(log) == 2 and log[0]["state"] == "dead"

    await wait_for(dead)
    dead_one = (await deliveries(gateway, account, webhook["id"]))[0]
    assert dead_one["attempts"] == 3
    assert dead_one["last_error"] == "HTTP 500"

    replay = await gateway.post(
        f"/api/v1/webhooks/{webhook['id']}/deliveries/{dead_one['id']}/replay", headers=account.auth
    )
    assert replay.status_code == 202

    async def redelivered() -> bool:
        log = await deliveries(gateway, account, webhook["id"])
        return log[0]["state"] == "delivered"

    await wait_for(redelivered)


async def test_a_delivery_that_cannot_connect_says_so_plainly(gateway: httpx.AsyncClient, kafka_bootstrap: str) -> None:
    account = await sign_up(gateway)
    webhook = await subscribe(gateway, account, f"http://127.0.0.1:{free_port()}/hooks", ["campaign.created"])
    await publish_campaign_created(kafka_bootstrap, account.org_id)

    async def dead() -> bool:
        log = await deliveries(gateway, account, webhook["id"])
        return bool(log) and log[0]["state"] == "dead"

    await wait_for(dead)
    # The subscriber reads why, never the HTTP client's exception.
    assert (await deliveries(gateway, account, webhook["id"]))[0]["last_error"] == "could not connect"


async def test_subscriptions_see_only_their_orgs_matching_events(
    gateway: httpx.AsyncClient, receiver: Receiver, kafka_bootstrap: str
) -> None:
    ann, bob = await sign_up(gateway, "Ann"), await sign_up(gateway, "Bob")
    ann_hook = await subscribe(gateway, ann, receiver.url, ["campaign.*"])
    ann_partnerships_only = await subscribe(gateway, ann, receiver.url, ["partnership.*"])
    await publish_campaign_created(kafka_bootstrap, bob.org_id)
    mine = await publish_campaign_created(kafka_bootstrap, ann.org_id)

    async def mine_delivered() -> bool:
        return any(d["event_id"] == mine for d in await deliveries(gateway, ann, ann_hook["id"]))

    await wait_for(mine_delivered)
    assert [d["event_id"] for d in await deliveries(gateway, ann, ann_hook["id"])] == [mine]
    assert await deliveries(gateway, ann, ann_partnerships_only["id"]) == []
    assert (await gateway.get(f"/api/v1/webhooks/{ann_hook['id']}", headers=bob.auth)).status_code == 404
    assert (await gateway.delete(f"/api/v1/webhooks/{ann_hook['id']}", headers=bob.auth)).status_code == 404


async def test_bad_subscriptions_are_refused(gateway: httpx.AsyncClient, make_gateway: GatewayFactory) -> None:
    account = await sign_up(gateway)
    response = await gateway.post(
        "/api/v1/webhooks", json={"url": "ftp://example.com", "event_types": ["nothing.*"]}, headers=account.auth
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"body.url", "body.event_types"}
    bad_url = await gateway.post(
        "/api/v1/webhooks", json={"url": "ftp://example.com", "event_types": ["*"]}, headers=account.auth
    )
    assert bad_url.json()["errors"][0]["field"] == "body.url"
    async with make_gateway(environment="production") as production:
        owner = await sign_up(production)
        private = await production.post(
            "/api/v1/webhooks", json={"url": "https://127.0.0.1/hooks", "event_types": ["*"]}, headers=owner.auth
        )
        assert private.status_code == 422
        assert "non-public address" in private.json()["errors"][0]["message"]


async def test_subscription_fields_are_strict_and_all_reported_at_once(gateway: httpx.AsyncClient) -> None:
    account = await sign_up(gateway)
    body = {"url": "https://shop.example/hooks\u0000", "event_types": ["*"] * 101, "description": "a\u001bb"}
    response = await gateway.post("/api/v1/webhooks", json=body, headers=account.auth)
    assert response.status_code == 422, response.text
    assert {e["field"] for e in response.json()["errors"]} == {"body.url", "body.event_types", "body.description"}
    wrong_kinds = await gateway.post(
        "/api/v1/webhooks", json={"url": 7, "event_types": "partnership.*"}, headers=account.auth
    )
    assert {e["field"] for e in wrong_kinds.json()["errors"]} == {"body.url", "body.event_types"}
    assert (await gateway.get("/api/v1/webhooks", headers=account.auth)).json()["items"] == []


async def test_a_url_that_cannot_be_parsed_is_a_422_naming_it(
    gateway: httpx.AsyncClient, make_gateway: GatewayFactory
) -> None:
    account = await sign_up(gateway)
    unparsable = ["http://x]@[718]/hooks", "http://[not-an-ip]/", "http://shop.example:99999/hooks"]
    for url in unparsable:
        response = await gateway.post("/api/v1/webhooks", json={"url": url, "event_types": ["*"]}, headers=account.auth)
        assert response.status_code == 422, (url, response.text)
        assert response.json()["errors"][0]["field"] == "body.url"
    async with make_gateway(environment="production") as production:
        owner = await sign_up(production)
        bad_port = await production.post(
            "/api/v1/webhooks", json={"url": "https://shop.example:99999/", "event_types": ["*"]}, headers=owner.auth
        )
        assert bad_port.status_code == 422, bad_port.text
    assert (await gateway.get("/api/v1/webhooks", headers=account.auth)).json()["items"] == []


async def _only_the_owners_hook_gets(
    gateway: httpx.AsyncClient, receiver: Receiver, kafka_bootstrap: str, owner: Account, cut_off: str
) -> None:
    """An event after the cut-off reaches the owner's own subscription, and no delivery is queued
    for the cut-off one (both are queued by the same event, so the first arriving proves it)."""
    control = await subscribe(gateway, owner, receiver.url, ["campaign.*"])
    event_id = await publish_campaign_created(kafka_bootstrap, owner.org_id)

    async def arrived() -> bool:
        return bool(await deliveries(gateway, owner, control["id"]))

    await wait_for(arrived)
    assert await deliveries(gateway, owner, cut_off) == []
    await wait_for(lambda: _received(receiver, event_id, 1))
    assert sum(r["headers"].get("webhook-event-id") == event_id for r in receiver.received) == 1  # type: ignore[union-attr]


async def _received(receiver: Receiver, event_id: str, count: int) -> bool:
    return sum(r["headers"].get("webhook-event-id") == event_id for r in receiver.received) >= count  # type: ignore[union-attr]


async def _reenabled_delivers(
    gateway: httpx.AsyncClient, receiver: Receiver, kafka_bootstrap: str, owner: Account, webhook_id: str
) -> None:
    enabled = await gateway.post(f"/api/v1/webhooks/{webhook_id}/enable", headers=owner.auth)
    assert enabled.status_code == 200, enabled.text
    assert enabled.json()["state"] == "enabled"
    assert enabled.json()["disabled_reason"] is None
    assert enabled.json()["created_by"] == {"id": owner.user_id, "kind": "user"}
    await publish_campaign_created(kafka_bootstrap, owner.org_id)

    async def delivered() -> bool:
        return bool(await deliveries(gateway, owner, webhook_id))

    await wait_for(delivered)


async def test_a_removed_members_webhook_stops_and_the_owner_may_take_it_over(
    gateway: httpx.AsyncClient, receiver: Receiver, kafka_bootstrap: str
) -> None:
    owner = await sign_up(gateway)
    manager = await join_org(gateway, owner, "manager")
    made = await subscribe(gateway, manager, receiver.url, ["campaign.*"])
    assert made["created_by"] == {"id": manager.user_id, "kind": "user"}
    assert made["state"] == "enabled"

    removed = await gateway.delete(f"/api/v1/orgs/{owner.org_id}/members/{manager.user_id}", headers=owner.auth)
    assert removed.status_code == 204
    await _only_the_owners_hook_gets(gateway, receiver, kafka_bootstrap, owner, made["id"])

    listed = {w["id"]: w for w in (await gateway.get("/api/v1/webhooks", headers=owner.auth)).json()["items"]}
    shown = listed[made["id"]]
    assert shown["state"] == "disabled"
    assert shown["created_by"] == {"id": manager.user_id, "kind": "user"}
    assert shown["disabled_reason"] == "its creator was removed from the org"
    await _reenabled_delivers(gateway, receiver, kafka_bootstrap, owner, made["id"])


async def test_a_demoted_members_webhook_stops(gateway: httpx.AsyncClient) -> None:
    owner = await sign_up(gateway)
    manager = await join_org(gateway, owner, "manager")
    made = await subscribe(gateway, manager, "https://shop.example/hooks", ["campaign.*"])
    changed = await gateway.patch(
        f"/api/v1/orgs/{owner.org_id}/members/{manager.user_id}", json={"role": "analyst"}, headers=owner.auth
    )
    assert changed.status_code == 200, changed.text
    shown = (await gateway.get(f"/api/v1/webhooks/{made['id']}", headers=owner.auth)).json()
    assert shown["state"] == "disabled"
    assert shown["disabled_reason"] == "its creator may no longer manage webhooks"


async def test_a_revoked_api_keys_webhook_stops_and_the_owner_may_take_it_over(
    gateway: httpx.AsyncClient, receiver: Receiver, kafka_bootstrap: str
) -> None:
    owner = await sign_up(gateway)
    created = await gateway.post(
        "/api/v1/api-keys", json={"name": "shop", "scopes": ["webhooks:write"]}, headers=owner.auth
    )
    assert created.status_code == 201, created.text
    key = created.json()
    by_key = await gateway.post(
        "/api/v1/webhooks",
        json={"url": receiver.url, "event_types": ["campaign.*"]},
        headers={"x-api-key": key["key"]},
    )
    assert by_key.status_code == 201, by_key.text
    made = by_key.json()
    assert made["created_by"] == {"id": key["id"], "kind": "api_key"}

    assert (await gateway.delete(f"/api/v1/api-keys/{key['id']}", headers=owner.auth)).status_code == 204
    await _only_the_owners_hook_gets(gateway, receiver, kafka_bootstrap, owner, made["id"])

    shown = (await gateway.get(f"/api/v1/webhooks/{made['id']}", headers=owner.auth)).json()
    assert shown["state"] == "disabled"
    assert shown["created_by"] == {"id": key["id"], "kind": "api_key"}
    assert shown["disabled_reason"] == "the API key that made it was revoked"
    await _reenabled_delivers(gateway, receiver, kafka_bootstrap, owner, made["id"])


async def test_the_webhooks_of_a_removed_members_keys_stop_too(gateway: httpx.AsyncClient) -> None:
    owner = await sign_up(gateway)
    manager = await join_org(gateway, owner, "manager")
    created = await gateway.post(
        "/api/v1/api-keys", json={"name": "shop", "scopes": ["webhooks:write"]}, headers=manager.auth
    )
    assert created.status_code == 201, created.text
    made = await gateway.post(
        "/api/v1/webhooks",
        json={"url": "https://shop.example/hooks", "event_types": ["*"]},
        headers={"x-api-key": created.json()["key"]},
    )
    assert made.status_code == 201, made.text
    removed = await gateway.delete(f"/api/v1/orgs/{owner.org_id}/members/{manager.user_id}", headers=owner.auth)
    assert removed.status_code == 204
    shown = (await gateway.get(f"/api/v1/webhooks/{made.json()['id']}", headers=owner.auth)).json()
    assert (shown["state"], shown["disabled_reason"]) == ("disabled", "the API key that made it was revoked")
    unknown = await gateway.post(f"/api/v1/webhooks/{uuid.uuid4()}/enable", headers=owner.auth)
    assert unknown.status_code == 404

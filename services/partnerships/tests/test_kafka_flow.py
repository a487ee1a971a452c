"""Across Kafka: a shortlisted influencer gets a draft, the brand proposes, both sign, the signed
contract goes out on partnerships.events, and content's approval and publication events (sent
here as content will send them) pay the milestones, each once."""

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import select

from contracts import Envelope, EventData, decode, encode, new_event
from contracts.events.content import ContentApproved, ContentPublished
from contracts.events.discovery import InfluencerProfile, InfluencerProfilesChanged, ShortlistAdded
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import read_topic_until, serve_in_process, service_headers
from partnerships.adapters.tables import messaging
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings

T = TypeVar("T")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    settings = PartnershipsSettings(database_url=await databases.new("partnerships_kafka"), **messaging_settings)
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        # The consumer group must have its partitions before events are sent (it reads from the start anyway).
        await asyncio.wait_for(app.state.runtime.consumer.assigned.wait(), 60)
        yield client


@pytest.fixture(scope="module")
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    yield producer
    await producer.stop()


async def eventually(probe: Callable[[], Awaitable[T | None]], timeout_s: float = 30) -> T:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        found = await probe()
        if found:
            return found
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("the expected state never came")
        await asyncio.sleep(0.1)


async def send(producer: AIOKafkaProducer, topic: str, envelope: Envelope, key: uuid.UUID) -> None:
    await producer.send_and_wait(
        topic,
        encode(envelope),
        key=str(key).encode(),
        headers=[("type", envelope.type.encode()), ("id", str(envelope.id).encode())],
    )


def envelope(data: EventData, source: str, tenant_id: uuid.UUID, subject: uuid.UUID) -> Envelope:
    return new_event(data, source=source, tenant_id=tenant_id, subject=subject)


async def topic_events(bootstrap: str, topic: str, wanted: Callable[[list[Envelope]], bool]) -> list[Envelope]:
    """Reads the topic from the start until `wanted` holds for what was read."""
    records = await read_topic_until(bootstrap, topic, lambda read: wanted([decode(r.value) for r in read]), 30)
    seen = [decode(r.value) for r in records]
    if not wanted(seen):
        raise TimeoutError(f"{topic} never had the expected events: {[e.type for e in seen]}")
    return seen


async def test_shortlist_to_paid_milestones_across_kafka(
    service: httpx.AsyncClient, producer: AIOKafkaProducer, kafka_bootstrap: str, internal_secret: str
) -> None:
    tenant, influencer_id = uuid.uuid4(), uuid.uuid4()
    brand = service_headers(internal_secret, tenant, roles="manager")
    creator = service_headers(internal_secret, uuid.uuid4(), roles="creator", **{"x-influencer-id": str(influencer_id)})
    created = await service.post(
        "/api/v1/campaigns",
        json={
            "name": "Trail",
            "objective": "engagement",
            "budget": {"amount_minor": 500_000, "currency": "USD"},
            "starts_on": "2027-01-01",
            "ends_on": "2099-12-31",
        },
        headers=brand,
    )
    campaign_id = uuid.UUID(created.json()["id"])
    assert (await service.post(f"/api/v1/campaigns/{campaign_id}/launch", headers=brand)).status_code == 200

    shortlisted = ShortlistAdded(
        campaign_id=campaign_id, influencer_id=influencer_id, platform="tiktok", handle="@trailjen", display_name="Jen"
    )
    await send(producer, "discovery.events", envelope(shortlisted, "discovery", tenant, campaign_id), campaign_id)

    async def drafted() -> dict[str, Any] | None:
        page = (await service.get(f"/api/v1/campaigns/{campaign_id}/partnerships", headers=brand)).json()
        return page["items"][0] if page["items"] else None

    draft = await eventually(drafted)
    assert draft["state"] == "draft"
    assert draft["origin"] == "shortlist"
    assert draft["influencer"] == {"platform": "tiktok", "handle": "@trailjen", "display_name": "Jen"}
    pid = uuid.UUID(draft["id"])

    proposal = await service.post(
        f"/api/v1/partnerships/{pid}/propose",
        json={
            "terms": {
                "collaboration_type": "product_review",
                "deliverables": [{"type": "video", "platform": "tiktok", "count": 2}],
                "fee": {"kind": "per_deliverable", "amount": {"amount_minor": 100_000, "currency": "USD"}},
                "payment_schedule": [
                    {"trigger": "on_signing", "percent": 20},
                    {"trigger": "on_approval", "percent": 30},
                    {"trigger": "on_publish", "percent": 50},
                ],
            }
        },
        headers=brand,
    )
    assert proposal.status_code == 200, proposal.text
    assert (
        await service.post(f"/api/v1/partnerships/{pid}/accept", json={"terms_version": 1}, headers=creator)
    ).status_code == 200
    for headers in (creator, brand):
        signed = await service.post(f"/api/v1/partnerships/{pid}/sign", json={"terms_version": 1}, headers=headers)
        assert signed.status_code == 200, signed.text
    assert signed.json()["state"] == "active"

    published = await topic_events(
        kafka_bootstrap,
        "partnerships.events",
        lambda seen: any(e.type == "partnership.activated" and e.subject == str(pid) for e in seen),
    )
    mine = [e for e in published if e.subject == str(pid)]
    assert [e.type for e in mine] == [
        "partnership.drafted",
        "partnership.proposed",
        "partnership.accepted",
        "partnership.signature_recorded",
        "partnership.signed",
        "payment.recorded",
        "partnership.activated",
    ]
    signed_event = next(e for e in mine if e.type == "partnership.signed")
    assert signed_event.tenant_id == tenant
    assert signed_event.data["deliverables"] == [{"type": "video", "platform": "tiktok", "count": 2, "due_on": None}]

    deliverables = [uuid.uuid4(), uuid.uuid4()]

    def approved(deliverable: uuid.UUID) -> Envelope:
        data = ContentApproved(
            deliverable_id=deliverable,
            partnership_id=pid,
            campaign_id=campaign_id,
            influencer_id=influencer_id,
            submission_id=uuid.uuid4(),
            version=1,
        )
        return envelope(data, "content", tenant, deliverable)

    def went_live(deliverable: uuid.UUID) -> Envelope:
        data = ContentPublished(
            deliverable_id=deliverable,
            partnership_id=pid,
            campaign_id=campaign_id,
            influencer_id=influencer_id,
            post_id=uuid.uuid4(),
            platform="tiktok",
            url=f"https://tiktok.example/{deliverable}",
            published_at=signed_event.time,
        )
        return envelope(data, "content", tenant, deliverable)

    first_approval = approved(deliverables[0])
    for event in (first_approval, first_approval, approved(deliverables[1])):
        await send(producer, "content.events", event, campaign_id)

    async def paid(count: int) -> dict[str, Any] | None:
        payments = (await service.get(f"/api/v1/partnerships/{pid}/payments", headers=creator)).json()
        return payments if len(payments["payouts"]) >= count else None

    after_approval = await eventually(lambda: paid(2))
    assert [(m["trigger"], m["status"]) for m in after_approval["milestones"]] == [
        ("on_signing", "paid"),
        ("on_approval", "paid"),
        ("on_publish", "pending"),
    ]
    for deliverable in deliverables:
        await send(producer, "content.events", went_live(deliverable), campaign_id)
    settled = await eventually(lambda: paid(3))
    assert [(p["milestone"], p["amount"]["amount_minor"]) for p in settled["payouts"]] == [
        ("on_signing", 40_000),
        ("on_approval", 60_000),
        ("on_publish", 100_000),
    ]
    assert settled["outstanding"]["amount_minor"] == 0

    # Redelivered and repeated events change nothing: the inbox has seen the first, and the
    # milestone is paid already for the second.
    repeat = went_live(deliverables[0])
    await send(producer, "content.events", first_approval, campaign_id)
    await send(producer, "content.events", repeat, campaign_id)
    await eventually(lambda: _in_inbox(service, repeat.id))
    payments = (await service.get(f"/api/v1/partnerships/{pid}/payments", headers=brand)).json()
    assert len(payments["payouts"]) == 3
    budget = (await service.get(f"/api/v1/campaigns/{campaign_id}/budget", headers=brand)).json()
    assert budget["paid"]["amount_minor"] == 200_000
    assert budget["committed"]["amount_minor"] == 0
    assert budget["reconciled"] is True

    payment_events = await topic_events(
        kafka_bootstrap,
        "partnerships.events",
        lambda seen: sum(e.type == "payment.recorded" and e.subject == str(pid) for e in seen) >= 3,
    )
    recorded = [e for e in payment_events if e.type == "payment.recorded" and e.subject == str(pid)]
    assert [e.data["milestone"] for e in recorded] == ["on_signing", "on_approval", "on_publish"]
    assert recorded[1].data["trigger_event_id"] is not None


async def _in_inbox(service: httpx.AsyncClient, event_id: uuid.UUID) -> bool:
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    inbox = messaging.inbox
    async with runtime.database.sessionmaker() as session:
        found = await session.scalar(select(inbox.c.event_id).where(inbox.c.event_id == event_id))
    return found is not None


async def test_a_profile_told_over_kafka_may_be_proposed_to(
    service: httpx.AsyncClient, producer: AIOKafkaProducer, internal_secret: str
) -> None:
    tenant, influencer_id = uuid.uuid4(), uuid.uuid4()
    brand = service_headers(internal_secret, tenant, roles="manager")
    campaign_id = (
        await service.post(
            "/api/v1/campaigns",
            json={"name": "Told", "objective": "awareness", "budget": {"amount_minor": 100_000, "currency": "USD"}},
            headers=brand,
        )
    ).json()["id"]

    async def offer() -> httpx.Response:
        return await service.post(
            f"/api/v1/campaigns/{campaign_id}/partnerships",
            json={"influencer_id": str(influencer_id), "propose": False},
            headers=brand,
        )

    refused = await offer()
    assert (refused.status_code, refused.json()["retryable"]) == (422, True)

    told = InfluencerProfilesChanged(
        profiles=[
            InfluencerProfile(
                influencer_id=influencer_id,
                org_id=tenant,
                platform="youtube",
                handle="told.over.kafka",
                display_name="Told",
                updated_at=datetime.now(UTC),
            )
        ]
    )
    await send(producer, "discovery.events", envelope(told, "discovery", tenant, tenant), tenant)

    async def accepted() -> httpx.Response | None:
        response = await offer()
        return response if response.status_code == 201 else None

    draft = (await eventually(accepted)).json()
    assert draft["influencer"] == {"platform": "youtube", "handle": "told.over.kafka", "display_name": "Told"}

"""Discovery on a real broker: it learns campaigns from partnerships.events, its shortlist events
reach discovery.events (the topic partnerships consumes), and metrics' performance events change
its ranking."""

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition

from contracts import REGISTRY, EventData, decode, encode, events_topic, new_event
from contracts.events.discovery import InfluencerProfilesChanged, ShortlistAdded
from contracts.events.metrics import PerformanceUpdated
from contracts.events.partnerships import CampaignCreated
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import read_topic_until

from .conftest import Org, app_of, discovery_service, profile

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_events", consumer_enabled=True) as client:
        consumer = app_of(client).state.runtime.consumer
        await asyncio.wait_for(consumer.assigned.wait(), 60)
        yield client


async def publish(bootstrap: str, idempotent: bool, data: EventData, *, tenant_id: uuid.UUID, key: uuid.UUID) -> None:
    envelope = new_event(data, source=data.producer, tenant_id=tenant_id, subject=key)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=idempotent)
    await producer.start()
    try:
        await producer.send_and_wait(
            events_topic(data.producer),
            encode(envelope),
            key=str(key).encode(),
            headers=[("type", envelope.type.encode()), ("id", str(envelope.id).encode())],
        )
    finally:
        await producer.stop()


async def find_record(
    bootstrap: str, topic: str, wanted: Callable[[ConsumerRecord], bool], timeout_s: float = 20
) -> ConsumerRecord:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        while not partitions:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        await consumer.seek_to_beginning()
        deadline = asyncio.get_running_loop().time() + timeout_s
        while asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=200)).values():
                for record in records:
                    if wanted(record):
                        return record
        raise TimeoutError(f"no such record on {topic}")
    finally:
        await consumer.stop()


async def eventually(call: Callable[[], Any], check: Callable[[Any], bool], timeout_s: float = 20) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        result = await call()
        if check(result) or asyncio.get_running_loop().time() > deadline:
            return result
        await asyncio.sleep(0.1)


async def test_shortlist_event_reaches_the_topic_partnerships_consumes(
    service: httpx.AsyncClient, kafka_bootstrap: str, kafka_idempotent: bool, internal_secret: str
) -> None:
    org = Org(internal_secret)
    campaign_id = uuid.uuid4()
    star = await service.post("/api/v1/influencers", json=profile("evented-star"), headers=org.headers)
    path = f"/api/v1/campaigns/{campaign_id}/shortlist"
    before = await service.post(path, json={"influencer_id": star.json()["id"]}, headers=org.headers)
    assert before.status_code == 404

    await publish(
        kafka_bootstrap,
        kafka_idempotent,
        CampaignCreated(campaign_id=campaign_id, name="Launch", objective="awareness"),
        tenant_id=org.id,
        key=campaign_id,
    )
    added = await eventually(
        lambda: service.post(path, json={"influencer_id": star.json()["id"]}, headers=org.headers),
        lambda r: r.status_code != 404,
    )
    assert added.status_code == 201, added.text

    record = await find_record(kafka_bootstrap, "discovery.events", lambda r: r.key == str(campaign_id).encode())
    envelope = decode(record.value)
    data = REGISTRY.parse(envelope)
    assert isinstance(data, ShortlistAdded)
    assert (data.campaign_id, str(data.influencer_id), data.handle) == (campaign_id, star.json()["id"], "evented-star")
    assert envelope.tenant_id == org.id
    assert dict(record.headers)["type"] == b"shortlist.added"


async def test_a_performance_event_changes_the_ranking(
    service: httpx.AsyncClient, kafka_bootstrap: str, kafka_idempotent: bool, internal_secret: str
) -> None:
    org = Org(internal_secret)
    leader = await service.post(
        "/api/v1/influencers", json=profile("perf-leader", bio="perf", avg_likes=760), headers=org.headers
    )
    challenger = await service.post(
        "/api/v1/influencers", json=profile("perf-challenger", bio="perf", avg_likes=750), headers=org.headers
    )
    challenger_id = uuid.UUID(challenger.json()["id"])

    async def ranking() -> list[str]:
        response = await service.post(
            "/api/v1/influencers/search", json={"filters": {"q": "perf", "visibility": "private"}}, headers=org.headers
        )
        return [hit["influencer"]["id"] for hit in response.json()["items"]]

    assert await ranking() == [leader.json()["id"], str(challenger_id)]
    await publish(
        kafka_bootstrap,
        kafka_idempotent,
        PerformanceUpdated(
            influencer_id=challenger_id,
            campaign_id=uuid.uuid4(),
            posts=8,
            impressions=200_000,
            engagements=16_000,
            clicks=3_000,
            conversions=120,
            engagement_rate=0.08,
            roi=2.5,
        ),
        tenant_id=uuid.uuid4(),
        key=challenger_id,
    )
    after = await eventually(ranking, lambda order: order[0] == str(challenger_id))
    assert after == [str(challenger_id), leader.json()["id"]]
    measured = (await service.get(f"/api/v1/influencers/{challenger_id}", headers=org.headers)).json()
    assert measured["past_performance"] == {"measured": True, "score": 1.0, "posts": 8}


async def test_an_imports_profile_events_reach_the_topic_partnerships_consumes(
    service: httpx.AsyncClient, kafka_bootstrap: str, internal_secret: str
) -> None:
    org = Org(internal_secret)
    rows = "".join(f"kafka.told.{i},{1000 + i},{'N' * 200}\n" for i in range(600))
    response = await service.post(
        "/api/v1/influencers/import",
        content=f"handle,followers,name\n{rows}".encode(),
        params={"platform": "youtube"},
        headers={**org.headers, "content-type": "text/csv"},
    )
    assert response.status_code == 202, response.text
    told: dict[str, int] = {}

    def whole(records: list[ConsumerRecord]) -> bool:
        for record in records:
            if record.key == str(org.id).encode() and dict(record.headers)["type"] == b"influencer.profiles.changed":
                data = REGISTRY.parse(decode(record.value))
                assert isinstance(data, InfluencerProfilesChanged)
                told.update({p.handle: len(data.profiles) for p in data.profiles})
        return len(told) == 600

    await read_topic_until(kafka_bootstrap, "discovery.events", whole, timeout_s=30)
    assert sorted(set(told.values())) == [100, 500]  # two events, the largest at its longest names

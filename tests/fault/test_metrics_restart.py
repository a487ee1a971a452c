"""The metrics process is killed (SIGKILL) in the middle of a burst of 10k clicks and insight
snapshots and started again: every visitor and every snapshot counts exactly once.

Each of the 10k operations is done until it succeeds, as a browser's visitor or a partner's
integration would: a click cut short is followed again by the same visitor (a repeat within 30
minutes, recorded but not counted), a snapshot is sent again (a repeat changes nothing). So the
totals are known exactly whatever the kill interrupted: the aggregator's batch, a click taken by
the broker but not yet answered, a snapshot appended but not yet folded."""

import asyncio
import itertools
import signal
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from contracts import CollaborationType, EventData, FeeKind, Money, Party, encode, events_topic, new_event
from contracts.events.content import ContentPublished
from contracts.events.partnerships import CampaignCreated, PartnershipSigned
from devstack.databases import DatabaseFactory
from devstack.ports import free_port
from devstack.stack import Stack

pytestmark = [pytest.mark.fault, pytest.mark.timeout(420)]

CLICKS, SNAPSHOTS, POSTS = 7_000, 3_000, 10
CONCURRENCY = 32
MOBILE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
T0 = datetime(2026, 5, 1, tzinfo=UTC)


async def tell(bootstrap: str, data: EventData, org: uuid.UUID, campaign_id: uuid.UUID) -> None:
    envelope = new_event(data, source=data.producer, tenant_id=org, subject=campaign_id)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(events_topic(data.producer), encode(envelope), key=str(campaign_id).encode())
    finally:
        await producer.stop()


async def until(check, timeout_s: float = 60):  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        try:
            found = await check()
        except httpx.HTTPError:
            found = None
        if found:
            return found
        assert asyncio.get_running_loop().time() < deadline, "not reached in time"
        await asyncio.sleep(0.2)


async def test_a_metrics_process_killed_mid_burst_counts_everything_once(
    tmp_path: Path,
    databases: DatabaseFactory,
    kafka_bootstrap: str,
    kafka_idempotent: bool,
    internal_secret: str,
) -> None:
    port, own = free_port(), uuid.uuid4().hex[:8]
    stack = Stack(
        ports={"metrics": port},
        env={
            "PLATFORM_ENV": "test",
            "PLATFORM_INTERNAL_SECRET": internal_secret,
            "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
            "KAFKA_IDEMPOTENT_PRODUCER": str(kafka_idempotent).lower(),
            "ACCESS_LOG": "false",
        },
        service_env={
            "metrics": {
                "METRICS_DATABASE_URL": await databases.new("metrics_restart"),
                # Its own consumer groups and topics: the e2e platform's metrics may run beside it.
                "METRICS_SERVICE_NAME": f"metrics-{own}",
                "METRICS_CLICKS_TOPIC": f"clicks-{own}",
                "METRICS_INSIGHTS_TOPIC": f"insights-{own}",
            }
        },
        log_dir=tmp_path,
    )
    stack.start_one("metrics")
    try:
        await asyncio.to_thread(stack.wait_ready, 120, ("metrics",))
        await run_burst(stack, port, kafka_bootstrap, internal_secret)
    finally:
        stack.stop()


async def run_burst(stack: Stack, port: int, bootstrap: str, secret: str) -> None:
    org, campaign_id, partnership_id, influencer_id = (uuid.uuid4() for _ in range(4))
    brand = {"x-internal-token": secret, "x-tenant-id": str(org), "x-roles": "owner"}
    budget = Money(amount_minor=10**7, currency="EUR")
    created = CampaignCreated(campaign_id=campaign_id, name="Burst", objective="conversions", budget=budget)
    await tell(bootstrap, created, org, campaign_id)
    await tell(
        bootstrap,
        PartnershipSigned(
            partnership_id=partnership_id, campaign_id=campaign_id, influencer_id=influencer_id, terms_version=1,
            actor=Party.BRAND, terms_hash="h", collaboration_type=CollaborationType.SPONSORED_POST,
            fee=Money(amount_minor=100_000, currency="EUR"), fee_kind=FeeKind.FIXED, signed_at=T0,
        ),
        org,
        campaign_id,
    )  # fmt: skip
    posts = [uuid.uuid4() for _ in range(POSTS)]
    for post_id in posts:
        published = ContentPublished(
            deliverable_id=uuid.uuid4(), partnership_id=partnership_id, campaign_id=campaign_id,
            influencer_id=influencer_id, post_id=post_id, platform="instagram", url="https://ig.example/p",
            published_at=T0,
        )  # fmt: skip
        await tell(bootstrap, published, org, campaign_id)
    url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:

        async def link_made() -> httpx.Response | None:
            made = await client.post(
                "/api/v1/tracking-links",
                json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/"},
                headers=brand,
            )
            return made if made.status_code == 201 else None

        code = (await until(link_made)).json()["code"]
        for post_id in posts:
            await until(lambda p=post_id: _ok(client.get(f"/api/v1/posts/{p}/metrics", headers=brand)))

        operations = [("click", i) for i in range(CLICKS)] + [("snapshot", i) for i in range(SNAPSHOTS)]
        # Interleaved, so that the kill meets both kinds.
        operations = [op for pair in itertools.zip_longest(operations[::2], operations[1::2]) for op in pair if op]
        queue: asyncio.Queue[tuple[str, int]] = asyncio.Queue()
        for operation in operations:
            queue.put_nowait(operation)
        done = 0
        retried = 0
        killed, halfway = asyncio.Event(), asyncio.Event()

        async def perform(kind: str, i: int) -> bool:
            if kind == "click":
                headers = {"x-internal-token": secret, "user-agent": MOBILE, "x-forwarded-for": f"visitor-{i}"}
                response = await client.get(f"/r/{code}", headers=headers)
                return response.status_code == 302
            post_id = posts[i % POSTS]
            n = i // POSTS  # the post's n-th snapshot: observed n minutes in, n+1 thousand views
            body = {"observed_at": (T0 + timedelta(minutes=n)).isoformat(), "metrics": {"views": (n + 1) * 1_000}}
            response = await client.post(f"/api/v1/posts/{post_id}/insights", json=body, headers=brand)
            return response.status_code in (200, 202)

        async def worker() -> None:
            nonlocal done, retried
            while not queue.empty():
                kind, i = queue.get_nowait()
                while True:
                    try:
                        if await perform(kind, i):
                            break
                    except httpx.HTTPError:
                        pass
                    retried += 1
                    await asyncio.sleep(0.05)
                done += 1
                if done >= len(operations) // 2:
                    halfway.set()

        async def killer() -> None:
            await halfway.wait()
            stack.stop_one("metrics", signal.SIGKILL)
            killed.set()
            await asyncio.sleep(0.5)
            stack.start_one("metrics")
            await asyncio.to_thread(stack.wait_ready, 120, ("metrics",))

        await asyncio.wait_for(asyncio.gather(killer(), *(worker() for _ in range(CONCURRENCY))), timeout=300)
        assert killed.is_set()
        assert retried > 0, "the kill interrupted nothing"

        async def totals() -> dict | None:  # type: ignore[type-arg]
            body = (await client.get(f"/api/v1/campaigns/{campaign_id}/metrics", headers=brand)).json()
            t = body["totals"]
            return (
                body if t["tracked_clicks"] >= CLICKS and t["views"] >= POSTS * (SNAPSHOTS // POSTS) * 1_000 else None
            )

        body = await until(totals, timeout_s=120)
        await asyncio.sleep(2)  # anything still on its way would show now
        body = (await client.get(f"/api/v1/campaigns/{campaign_id}/metrics", headers=brand)).json()
        link = (await client.get("/api/v1/tracking-links", headers=brand)).json()["items"][0]
        kept: list[dict] = []  # type: ignore[type-arg]
        cursor = None
        while True:
            params = {"limit": 200, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(f"/api/v1/posts/{posts[0]}/insights", params=params, headers=brand)).json()
            kept += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                break

    assert body["totals"]["tracked_clicks"] == CLICKS  # each visitor once, however often they retried
    assert link["clicks"] == CLICKS
    assert link["bot_clicks"] == 0
    # every post's latest snapshot: the 300th, 300 thousand views
    assert body["totals"]["views"] == POSTS * (SNAPSHOTS // POSTS) * 1_000
    assert [s["metrics"]["views"] for s in kept] == [n * 1_000 for n in range(SNAPSHOTS // POSTS, 0, -1)]


async def _ok(request) -> bool:  # type: ignore[no-untyped-def]
    return (await request).status_code == 200

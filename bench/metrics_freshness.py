"""Freshness: how long from a click or an insight snapshot being produced (the redirect or the
insights call made) until the campaign's KPI endpoint shows it. Goal (issue 14): p99 under 1 s.

One metrics process (the aggregator in it); each sample is a click by a new visitor or a new
snapshot of a post, one at a time, the KPI endpoint polled every 5 ms until it counts it.

    python bench/metrics_freshness.py [--samples 200] [--postgres-url postgresql+asyncpg://...]
Kafka: KAFKA_BOOTSTRAP_SERVERS if set, else the embedded broker (which holds every empty fetch for
the consumer's whole fetch wait, 50 ms). Database: --postgres-url or TEST_POSTGRES_URL, else SQLite.
Prints the figures and writes bench/results/metrics_freshness.json.
"""

import argparse
import asyncio
import json
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy" / "local"))
sys.path.insert(0, str(ROOT / "bench"))

from gateway_hop import start, wait_healthy  # noqa: E402

from contracts import CollaborationType, EventData, FeeKind, Money, Party, encode, events_topic, new_event  # noqa: E402
from contracts.events.content import ContentPublished  # noqa: E402
from contracts.events.partnerships import CampaignCreated, PartnershipSigned  # noqa: E402
from devstack.broker import EmbeddedBroker  # noqa: E402
from devstack.databases import DatabaseFactory  # noqa: E402
from devstack.ports import free_port  # noqa: E402

MOBILE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"


async def tell(bootstrap: str, events: list[EventData], org: uuid.UUID, key: uuid.UUID) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for data in events:
            envelope = new_event(data, source=data.producer, tenant_id=org, subject=key)
            await producer.send_and_wait(events_topic(data.producer), encode(envelope), key=str(key).encode())
    finally:
        await producer.stop()


async def measure(url: str, secret: str, bootstrap: str, samples: int) -> dict[str, list[float]]:
    org, campaign_id, partnership_id, influencer_id, post_id = (uuid.uuid4() for _ in range(5))
    t0 = datetime.now(UTC)
    await tell(
        bootstrap,
        [
            CampaignCreated(campaign_id=campaign_id, name="Fresh", objective="conversions",
                            budget=Money(amount_minor=10**6, currency="EUR")),
            PartnershipSigned(partnership_id=partnership_id, campaign_id=campaign_id, influencer_id=influencer_id,
                              terms_version=1, actor=Party.BRAND, terms_hash="h",
                              collaboration_type=CollaborationType.SPONSORED_POST,
                              fee=Money(amount_minor=1_000, currency="EUR"), fee_kind=FeeKind.FIXED),
            ContentPublished(deliverable_id=uuid.uuid4(), partnership_id=partnership_id, campaign_id=campaign_id,
                             influencer_id=influencer_id, post_id=post_id, platform="tiktok", url="https://t.example/p",
                             published_at=t0),
        ],
        org,
        campaign_id,
    )  # fmt: skip
    brand = {"x-internal-token": secret, "x-tenant-id": str(org), "x-roles": "owner"}
    latencies: dict[str, list[float]] = {"click": [], "insight": []}
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        code = None
        for _ in range(300):
            made = await client.post(
                "/api/v1/tracking-links",
                json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/"},
                headers=brand,
            )
            if made.status_code == 201:
                code = made.json()["code"]
                break
            await asyncio.sleep(0.1)
        assert code is not None, "metrics never learned the partnership"
        for _ in range(300):
            if (await client.get(f"/api/v1/posts/{post_id}/metrics", headers=brand)).status_code == 200:
                break
            await asyncio.sleep(0.1)

        async def totals() -> tuple[int, int]:
            body = (await client.get(f"/api/v1/campaigns/{campaign_id}/metrics", headers=brand)).json()
            return body["totals"]["tracked_clicks"], body["totals"]["views"]

        clicks, views = await totals()
        # The first click and insight are not samples: they wait for the consumers to join their
        # groups (seconds against Apache Kafka), which is start-up, not freshness.
        warm_up = 2
        for i in range(samples + warm_up):
            kind = "click" if i % 2 == 0 else "insight"
            produced = time.perf_counter()
            if kind == "click":
                visitor = {"x-internal-token": secret, "user-agent": MOBILE, "x-forwarded-for": f"visitor-{i}"}
                assert (await client.get(f"/r/{code}", headers=visitor)).status_code == 302
                clicks += 1
            else:
                views += 1_000
                body = {"observed_at": (t0 + timedelta(seconds=i)).isoformat(), "metrics": {"video_views": views}}
                assert (await client.post(f"/api/v1/posts/{post_id}/insights", json=body, headers=brand)).is_success
            while True:
                seen_clicks, seen_views = await totals()
                if (seen_clicks >= clicks) if kind == "click" else (seen_views >= views):
                    break
                limit = 60 if i < warm_up else 10
                if time.perf_counter() - produced > limit:
                    raise TimeoutError(f"{kind} {i} not visible after {limit} s")
                await asyncio.sleep(0.005)
            if i >= warm_up:
                latencies[kind].append((time.perf_counter() - produced) * 1000)
    return latencies


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50_ms": round(statistics.median(ordered), 1), "p90_ms": round(at(0.9), 1),
            "p99_ms": round(at(0.99), 1), "max_ms": round(ordered[-1], 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--postgres-url", default=None)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "metrics_freshness.json"))
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="metrics-freshness-"))
    broker = None
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        broker = EmbeddedBroker(free_port(), log_path=tmp / "broker.log")
        broker.start()
        bootstrap = broker.bootstrap_servers
    postgres = args.postgres_url or os.environ.get("TEST_POSTGRES_URL")
    databases = DatabaseFactory(tmp, postgres)
    secret = secrets.token_urlsafe(32)
    process: subprocess.Popen[bytes] | None = None
    load = [round(x, 2) for x in os.getloadavg()]
    try:
        port = free_port()
        env = {
            "PLATFORM_ENV": "test",
            "PLATFORM_INTERNAL_SECRET": secret,
            "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
            "KAFKA_IDEMPOTENT_PRODUCER": os.environ.get("KAFKA_IDEMPOTENT_PRODUCER", "false" if broker else "true"),
            "LOG_LEVEL": "WARNING",
            "METRICS_DATABASE_URL": asyncio.run(databases.new("freshness")),
        }
        process = start(["metrics.main:create_app", "--factory"], ROOT / "services" / "metrics", port, env,
                        tmp / "metrics.log")  # fmt: skip
        wait_healthy(f"http://127.0.0.1:{port}")
        latencies = asyncio.run(measure(f"http://127.0.0.1:{port}", secret, bootstrap, args.samples))
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(10)
        asyncio.run(databases.drop_all())
        if broker is not None:
            broker.stop()
    every = latencies["click"] + latencies["insight"]
    report = {
        "benchmark": "metrics_freshness",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, python {platform.python_version()}",
        "load_average_1_5_15_min": load,
        "broker": "embedded (tansu, in memory)" if broker else f"Kafka at {bootstrap}",
        "database": "postgresql" if postgres else "sqlite",
        "samples": len(every),
        "goal": {"p99_ms_max": 1000},
        "all": percentiles(every),
        "clicks": percentiles(latencies["click"]),
        "insights": percentiles(latencies["insight"]),
    }
    print(json.dumps(report, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()

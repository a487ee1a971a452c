"""Sustained partnership transitions per second through the partnerships API, with the outbox
relay publishing every event to a broker, and the outbox backlog sampled over time.

The app runs in this process under uvicorn on 127.0.0.1 (real HTTP, real migrations, the relay
on). Each of --concurrency workers drives partnerships through its own active campaign:

    propose -> counter (creator) -> sign (brand) -> sign (creator: signed, activated) -> complete

five API transitions and nine events per partnership (signature, payout and activation events
included). Load and server share one event loop and the machine's cores, so the figures are a
floor for one replica, not a ceiling for a deployment.

    python bench/partnerships_transitions.py [--seconds 20] [--concurrency 16] [--warmup 3]
        [--kafka HOST:PORT] [--database-url URL]   # default: embedded broker, SQLite file
        [--idempotency-keys]   # each transition under a fresh key, as the gateway forwards one
Prints the figures and writes bench/results/partnerships_transitions.json.
"""

import argparse
import asyncio
import json
import platform
import secrets
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from devstack.broker import EmbeddedBroker
from devstack.databases import DatabaseFactory
from devstack.ports import free_port
from devstack.pytest_plugin import serve_over_http
from partnerships.adapters.influencer_directory import InfluencerDirectoryRepository
from partnerships.adapters.tables import campaigns, messaging
from partnerships.domain.influencers import KnownInfluencer
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings
from servicekit.runtime import ServiceRuntime
from servicekit.testing import with_idempotency_key

ROOT = Path(__file__).resolve().parents[1]
TERMS: dict[str, Any] = {
    "collaboration_type": "sponsored_post",
    "deliverables": [{"type": "reel", "platform": "instagram", "count": 1}],
    "fee": {"kind": "fixed", "amount": {"amount_minor": 50_000, "currency": "EUR"}},
    "payment_schedule": [{"trigger": "on_signing", "percent": 30}, {"trigger": "on_publish", "percent": 70}],
}
COUNTER = TERMS | {"fee": {"kind": "fixed", "amount": {"amount_minor": 60_000, "currency": "EUR"}}}


@dataclass
class Tally:
    measuring: bool = False
    transitions: int = 0
    partnerships: int = 0
    failures: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)


def headers(secret: str, tenant: uuid.UUID, roles: str, influencer: uuid.UUID | None = None) -> dict[str, str]:
    found = {"x-internal-token": secret, "x-tenant-id": str(tenant), "x-roles": roles, "x-user-id": str(uuid.uuid4())}
    if influencer is not None:
        found["x-influencer-id"] = str(influencer)
    return found


async def known_influencers(runtime: ServiceRuntime, count: int) -> list[uuid.UUID]:
    """Shared-catalogue influencers partnerships knows, as discovery's events would have told it."""
    at = datetime.now(UTC)
    known = [KnownInfluencer(uuid.uuid4(), None, "instagram", f"bench{i}", None, at) for i in range(count)]
    async with runtime.database.session() as session:
        await InfluencerDirectoryRepository(session).record(known)
    return [k.id for k in known]


async def worker(
    client: httpx.AsyncClient, secret: str, influencer: uuid.UUID, tally: Tally, stop: asyncio.Event, keyed: bool
) -> None:
    tenant = uuid.uuid4()
    brand = headers(secret, tenant, "manager")
    created = await client.post(
        "/api/v1/campaigns",
        json={
            "name": "bench",
            "objective": "engagement",
            "budget": {"amount_minor": 10**14, "currency": "EUR"},
            "starts_on": "2027-01-01",
            "ends_on": "2099-12-31",
        },
        headers=brand,
    )
    campaign_id = created.json()["id"]
    await client.post(f"/api/v1/campaigns/{campaign_id}/launch", headers=brand)

    async def call(path: str, body: dict[str, Any] | None, caller: dict[str, str]) -> dict[str, Any]:
        if keyed:  # the key recorded with the transition, in its transaction (servicekit.idempotency)
            caller = with_idempotency_key(caller, uuid.uuid4().hex)
        started = time.perf_counter()
        response = await client.post(path, json=body, headers=caller)
        if response.status_code >= 300:
            tally.failures.append(f"{path}: {response.status_code} {response.text[:200]}")
            raise RuntimeError(response.text)
        if tally.measuring:
            tally.transitions += 1
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
        result: dict[str, Any] = response.json()
        return result

    # One influencer per worker: each partnership is completed before the next is proposed.
    while not stop.is_set():
        creator = headers(secret, uuid.uuid4(), "creator", influencer)
        proposed = await call(
            f"/api/v1/campaigns/{campaign_id}/partnerships",
            {"influencer_id": str(influencer), "terms": TERMS},
            brand,
        )
        path = f"/api/v1/partnerships/{proposed['id']}"
        await call(f"{path}/counter", {"terms": COUNTER, "terms_version": 1}, creator)
        await call(f"{path}/sign", {"terms_version": 2}, brand)
        await call(f"{path}/sign", {"terms_version": 2}, creator)
        await call(f"{path}/complete", None, brand)
        if tally.measuring:
            tally.partnerships += 1


async def until(condition: Callable[[], bool], what: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout_s} s for {what}")
        await asyncio.sleep(0.05)


async def outbox_rows(runtime: ServiceRuntime) -> int:
    async with runtime.database.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(messaging.outbox)) or 0)


async def sample_backlog(
    runtime: ServiceRuntime, samples: list[tuple[float, int]], started: float, stop: asyncio.Event
) -> None:
    while not stop.is_set():
        samples.append((round(time.perf_counter() - started, 2), await runtime.relay.backlog()))
        await asyncio.sleep(0.5)


async def measure(args: argparse.Namespace, url: str, runtime: ServiceRuntime, secret: str) -> dict[str, Any]:
    tally, stop, sampling_stop = Tally(), asyncio.Event(), asyncio.Event()
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        influencers = await known_influencers(runtime, args.concurrency)
        keyed = args.idempotency_keys
        workers = [asyncio.create_task(worker(client, secret, i, tally, stop, keyed)) for i in influencers]
        await asyncio.sleep(args.warmup)
        rows_before = await outbox_rows(runtime)
        samples: list[tuple[float, int]] = []
        started = time.perf_counter()
        sampler = asyncio.create_task(sample_backlog(runtime, samples, started, sampling_stop))
        tally.measuring = True
        await asyncio.sleep(args.seconds)
        tally.measuring = False
        elapsed = time.perf_counter() - started
        stop.set()
        await asyncio.gather(*workers, return_exceptions=True)
        backlog_at_end = await runtime.relay.backlog()
        drain_started = time.perf_counter()
        while await runtime.relay.backlog() > 0:
            if time.perf_counter() - drain_started > 120:
                raise TimeoutError("the outbox did not drain in 120 s")
            await asyncio.sleep(0.05)
        drain_s = time.perf_counter() - drain_started
        sampling_stop.set()
        await sampler
        events_in_window = await outbox_rows(runtime) - rows_before
        budgets_ok = await all_budgets_reconciled(client, runtime, secret)

    backlogs = [b for _, b in samples]
    latencies = sorted(tally.latencies_ms)
    return {
        "concurrency": args.concurrency,
        "idempotency_keys": args.idempotency_keys,
        "seconds": round(elapsed, 2),
        "transitions": tally.transitions,
        "transitions_per_s": round(tally.transitions / elapsed, 1),
        "partnerships_completed": tally.partnerships,
        "events_written": events_in_window,
        "events_per_s": round(events_in_window / elapsed, 1),
        "latency_ms": {
            "p50": round(statistics.median(latencies), 1) if latencies else None,
            "p99": round(latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 1) if latencies else None,
        },
        "outbox_backlog": {
            "max": max(backlogs, default=0),
            "mean": round(statistics.fmean(backlogs), 1) if backlogs else 0,
            "final": backlog_at_end,
            "drained_in_s": round(drain_s, 2),
            "samples": samples,
        },
        "budgets_reconciled": budgets_ok,
        "failures": tally.failures[:10],
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    broker = None
    if args.kafka:
        bootstrap, idempotent, broker_name = args.kafka, True, "apache-kafka"
    else:
        broker = EmbeddedBroker(free_port())
        broker.start()
        bootstrap, idempotent, broker_name = broker.bootstrap_servers, False, "embedded-tansu"
    factory = DatabaseFactory(Path(tempfile.mkdtemp(prefix="bench-")), args.database_url)
    secret = secrets.token_urlsafe(32)
    try:
        settings = PartnershipsSettings(
            database_url=await factory.new("bench_partnerships"),
            environment="test",
            internal_secret=secret,
            kafka_bootstrap_servers=bootstrap,
            kafka_idempotent_producer=idempotent,
            consumer_enabled=False,
            database_pool_size=max(10, args.concurrency),
            log_json=False,
            log_level="WARNING",
        )
        app = create_app(settings)
        runtime: ServiceRuntime = app.state.runtime
        async with serve_over_http(app) as url:
            await until(lambda: runtime.relay._task is not None, "the topics and the relay")
            result = await measure(args, url, runtime, secret)
    finally:
        await factory.drop_all()
        if broker is not None:
            broker.stop()

    return {
        "benchmark": "partnerships_transitions",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
        "broker": broker_name,
        "database": factory.backend,
        **result,
    }


async def all_budgets_reconciled(client: httpx.AsyncClient, runtime: ServiceRuntime, secret: str) -> bool:
    """Each bench campaign's budget view agrees with its double-entry ledger."""
    async with runtime.database.sessionmaker() as session:
        rows = (await session.execute(select(campaigns.c.id, campaigns.c.tenant_id))).all()
    for row in rows:
        response = await client.get(
            f"/api/v1/campaigns/{row.id}/budget", headers=headers(secret, row.tenant_id, "analyst")
        )
        if not response.json().get("reconciled"):
            return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="length of the measured window")
    parser.add_argument("--warmup", type=float, default=3, help="load before measuring starts")
    parser.add_argument("--concurrency", type=int, default=16, help="workers, each on its own campaign")
    parser.add_argument("--kafka", help="bootstrap servers of a running broker (default: embedded)")
    parser.add_argument(
        "--database-url", help="a PostgreSQL admin URL to create the bench database in (default: SQLite)"
    )
    parser.add_argument("--idempotency-keys", action="store_true", help="each transition under an Idempotency-Key")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "partnerships_transitions.json"))
    args = parser.parse_args()
    result = asyncio.run(run(args))
    shown = {k: v for k, v in result.items() if k != "outbox_backlog"}
    shown["outbox_backlog"] = {k: v for k, v in result["outbox_backlog"].items() if k != "samples"}
    print(json.dumps(shown, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()

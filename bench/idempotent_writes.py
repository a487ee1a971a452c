"""What recording an Idempotency-Key with the write costs a service (servicekit.idempotency): the
same write (partnerships' POST /api/v1/campaigns, which records an event too) sent one at a time,
with and without the key the gateway forwards, in alternating blocks so that the machine's load
falls on both alike. The app runs in this process (no HTTP), so the figures are the service's own
time per write; with a key it claims the key before the write and stores the answer before the
commit, two statements more in the same transaction.

    python bench/idempotent_writes.py [--rounds 16] [--block 25] [--database-url URL]
        # default: a SQLite file; a PostgreSQL admin URL creates the bench database there
Prints the figures and writes bench/results/idempotent_writes.json.
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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from devstack.broker import EmbeddedBroker
from devstack.databases import DatabaseFactory
from devstack.ports import free_port
from devstack.pytest_plugin import serve_in_process, service_headers
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings
from servicekit.testing import with_idempotency_key

ROOT = Path(__file__).resolve().parents[1]
CAMPAIGN = {
    "name": "bench",
    "objective": "engagement",
    "budget": {"amount_minor": 10**9, "currency": "EUR"},
    "starts_on": "2027-01-01",
    "ends_on": "2099-12-31",
}


def figures(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p90_ms": round(ordered[int(0.9 * len(ordered))] * 1000, 2),
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    broker = EmbeddedBroker(free_port())
    broker.start()
    factory = DatabaseFactory(Path(tempfile.mkdtemp(prefix="bench-")), args.database_url)
    secret = secrets.token_urlsafe(32)
    times: dict[bool, list[float]] = {False: [], True: []}
    try:
        settings = PartnershipsSettings(
            database_url=await factory.new("bench_idempotent"),
            environment="test",
            internal_secret=secret,
            kafka_bootstrap_servers=broker.bootstrap_servers,
            kafka_idempotent_producer=False,
            consumer_enabled=False,
            log_json=False,
            log_level="WARNING",
        )
        async with serve_in_process(create_app(settings)) as client:
            brand = service_headers(secret, uuid.uuid4(), "manager")
            for _ in range(args.block):  # warm-up
                await client.post("/api/v1/campaigns", json=CAMPAIGN, headers=brand)
            for round_ in range(args.rounds):
                for keyed in (False, True) if round_ % 2 else (True, False):
                    for _ in range(args.block):
                        headers = with_idempotency_key(brand, uuid.uuid4().hex) if keyed else brand
                        started = time.perf_counter()
                        response = await client.post("/api/v1/campaigns", json=CAMPAIGN, headers=headers)
                        times[keyed].append(time.perf_counter() - started)
                        if response.status_code != 201:
                            raise RuntimeError(response.text)
    finally:
        await factory.drop_all()
        broker.stop()
    plain, keyed = figures(times[False]), figures(times[True])
    return {
        "benchmark": "idempotent_writes",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
        "database": factory.backend,
        "writes_each": len(times[False]),
        "without_key": plain,
        "with_key": keyed,
        "added_median_ms": round(keyed["median_ms"] - plain["median_ms"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=16, help="alternating pairs of blocks")
    parser.add_argument("--block", type=int, default=25, help="writes in a block")
    parser.add_argument("--database-url", help="a PostgreSQL admin URL (default: SQLite)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "idempotent_writes.json"))
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=2))
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()

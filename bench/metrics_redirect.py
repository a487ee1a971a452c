"""The tracking redirect's speed: requests/s and latency of GET /r/{code} through the gateway to
metrics (the code resolved from memory, the click appended to Kafka, a 302) against a bare FastAPI
app answering the same 302 and recording nothing, in the same run, with wrk. Goal (issue 14): at
least 0.5x the bare app's requests per second. Also metrics' redirect called directly (no gateway).

Saturation rounds are taken turn about (bare, metrics, through the gateway, again...) and compared
by their medians; the load generator shares the machine's 2 cores with every process measured.
Every click is recorded (a 302 is sent once the broker took it), and each wrk connection is one
visitor (one user agent): after its first click the others are repeats, recorded, not counted.

    python bench/metrics_redirect.py [--seconds 10] [--connections 32] [--rounds 3]
Needs wrk. Uses KAFKA_BOOTSTRAP_SERVERS if set, else the embedded broker. Prints the figures and
writes bench/results/metrics_redirect.json.
"""

import argparse
import asyncio
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy" / "local"))
sys.path.insert(0, str(ROOT / "bench"))

from gateway_hop import cpu_seconds, median_of, start, wait_healthy, wrk  # noqa: E402

from contracts import CollaborationType, FeeKind, Money, Party, encode, new_event  # noqa: E402
from contracts.events.partnerships import PartnershipSigned  # noqa: E402
from devstack.broker import EmbeddedBroker  # noqa: E402
from devstack.ports import free_port  # noqa: E402

MOBILE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"


async def tell_signed(bootstrap: str, org: uuid.UUID) -> uuid.UUID:
    partnership_id, campaign_id = uuid.uuid4(), uuid.uuid4()
    signed = PartnershipSigned(
        partnership_id=partnership_id, campaign_id=campaign_id, influencer_id=uuid.uuid4(), terms_version=1,
        actor=Party.BRAND, terms_hash="h", collaboration_type=CollaborationType.SPONSORED_POST,
        fee=Money(amount_minor=100_000, currency="EUR"), fee_kind=FeeKind.FIXED,
    )  # fmt: skip
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        envelope = new_event(signed, source="partnerships", tenant_id=org, subject=partnership_id)
        await producer.send_and_wait("partnerships.events", encode(envelope), key=str(campaign_id).encode())
    finally:
        await producer.stop()
    return partnership_id


def make_link(metrics_url: str, headers: dict[str, str], partnership_id: uuid.UUID) -> str:
    for _ in range(300):
        made = httpx.post(
            metrics_url + "/api/v1/tracking-links",
            json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/spring"},
            headers=headers,
        )
        if made.status_code == 201:
            return str(made.json()["code"])
        asyncio.run(asyncio.sleep(0.2))
    raise TimeoutError(f"metrics never learned the partnership: {made.text}")


def internal_exchanges(metrics_url: str, headers: dict[str, str]) -> int:
    """How many batches of visits metrics has answered (its Prometheus counter)."""
    text = httpx.get(metrics_url + "/metrics", headers=headers).text
    return sum(
        int(float(line.rsplit(" ", 1)[1]))
        for line in text.splitlines()
        if line.startswith("http_requests_total{") and 'route="/internal/redirects"' in line
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "metrics_redirect.json"))
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="metrics-redirect-"))
    broker = None
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        broker = EmbeddedBroker(free_port(), log_path=tmp / "broker.log")
        broker.start()
        bootstrap = broker.bootstrap_servers
    secret = secrets.token_urlsafe(32)
    run = uuid.uuid4().hex[:8]
    common = {
        "PLATFORM_ENV": "test",
        "PLATFORM_INTERNAL_SECRET": secret,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "KAFKA_IDEMPOTENT_PRODUCER": os.environ.get("KAFKA_IDEMPOTENT_PRODUCER", "false" if broker else "true"),
        "LOG_LEVEL": "WARNING",
    }
    processes: list[subprocess.Popen[bytes]] = []
    try:
        bare_port, metrics_port, gateway_port = free_port(), free_port(), free_port()
        processes.append(start(["metrics_bare_redirect:app"], ROOT / "bench", bare_port, common, tmp / "bare.log"))
        metrics = start(
            ["metrics.main:create_app", "--factory"],
            ROOT / "services" / "metrics",
            metrics_port,
            {
                **common,
                "METRICS_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/metrics.db",
                # Topics of this run alone: on a broker kept between runs, a new metrics (its
                # aggregator's offsets are in its new database) would fold every earlier run's
                # clicks during this one's rounds.
                "METRICS_CLICKS_TOPIC": f"metrics.clicks.bench-{run}",
                "METRICS_INSIGHTS_TOPIC": f"metrics.insights.bench-{run}",
            },
            tmp / "metrics.log",
        )
        processes.append(metrics)
        gateway = start(
            ["gateway.main:create_app", "--factory"],
            ROOT / "gateway",
            gateway_port,
            {
                **common,
                "GATEWAY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/gateway.db",
                "GATEWAY_METRICS_URL": f"http://127.0.0.1:{metrics_port}",
                "GATEWAY_JWT_KEYS": json.dumps({"bench": secrets.token_urlsafe(48)}),
                "GATEWAY_JWT_ACTIVE_KID": "bench",
                "GATEWAY_MAIL_DIR": str(tmp / "mail"),
                # The benchmark measures the redirect, not the limiter's refusals.
                "GATEWAY_RATE_LIMITS": json.dumps({"public": {"per_minute": 10**9, "burst": 10**9}}),
            },
            tmp / "gateway.log",
        )
        processes.append(gateway)
        for port in (bare_port, metrics_port, gateway_port):
            wait_healthy(f"http://127.0.0.1:{port}")
        org = uuid.uuid4()
        partnership_id = asyncio.run(tell_signed(bootstrap, org))
        brand = {"x-internal-token": secret, "x-tenant-id": str(org), "x-roles": "owner"}
        code = make_link(f"http://127.0.0.1:{metrics_port}", brand, partnership_id)
        visitor = {"user-agent": MOBILE}
        targets = {
            "bare_fastapi_302": (f"http://127.0.0.1:{bare_port}/r/{code}", visitor),
            "metrics_direct": (f"http://127.0.0.1:{metrics_port}/r/{code}", {**visitor, "x-internal-token": secret}),
            "through_gateway": (f"http://127.0.0.1:{gateway_port}/r/{code}", visitor),
        }
        for url, headers in targets.values():
            wrk(url, headers, 2, args.connections)  # warm-up
        exchanges_before = internal_exchanges(f"http://127.0.0.1:{metrics_port}", brand)
        rounds: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
        cpu = {"metrics": [], "gateway": []}  # type: ignore[var-annotated]
        for _ in range(args.rounds):
            for name, (url, headers) in targets.items():
                before = {"metrics": cpu_seconds(metrics.pid), "gateway": cpu_seconds(gateway.pid)}
                rounds[name].append(wrk(url, headers, args.seconds, args.connections))
                if name == "through_gateway":
                    for process, pid in (("metrics", metrics.pid), ("gateway", gateway.pid)):
                        after = cpu_seconds(pid)
                        if after is not None and before[process] is not None:
                            cpu[process].append((after - before[process]) / rounds[name][-1]["requests"] * 1e6)
        exchanges = internal_exchanges(f"http://127.0.0.1:{metrics_port}", brand) - exchanges_before
        loaded = {name: median_of(runs) for name, runs in rounds.items()}
        one = {name: wrk(url, headers, args.seconds, 1, threads=1) for name, (url, headers) in targets.items()}
        bare_rps = loaded["bare_fastapi_302"]["requests_per_s"]
        counted = httpx.get(f"http://127.0.0.1:{metrics_port}/api/v1/tracking-links", headers=brand).json()
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
                process.wait(10)
        if broker is not None:
            broker.stop()
    report = {
        "benchmark": "metrics_redirect",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, python {platform.python_version()}",
        "load_average_1_5_15_min": [round(x, 2) for x in os.getloadavg()],
        "broker": "embedded (tansu, in memory)" if broker else f"Kafka at {bootstrap}",
        "wrk": f"-t2 -c{args.connections} -d{args.seconds}s x {args.rounds} rounds; latency also at -t1 -c1",
        "goal": {"through_gateway_vs_bare_min": 0.5},
        "saturated": {
            name: {**f, "rounds_rps": [r["requests_per_s"] for r in rounds[name]]} for name, f in loaded.items()
        },
        "one_connection": one,
        "through_gateway_vs_bare": round(loaded["through_gateway"]["requests_per_s"] / bare_rps, 3),
        "metrics_direct_vs_bare": round(loaded["metrics_direct"]["requests_per_s"] / bare_rps, 3),
        # The gateway coalesces concurrent visits into one call to metrics (POST /internal/redirects).
        "visits_per_internal_exchange_saturated": round(
            sum(r["requests"] for r in rounds["through_gateway"]) / max(1, exchanges), 1
        ),
        "cpu_us_per_redirect_through_gateway": {k: round(sorted(v)[len(v) // 2], 1) for k, v in cpu.items() if v},
        "clicks_recorded_on_the_link": {k: counted["items"][0][k] for k in ("clicks", "repeat_clicks", "bot_clicks")},
    }
    print(json.dumps(report, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()

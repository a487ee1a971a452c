"""Submissions per second: a creator's versions through the gateway to the content service (auth,
rate limits, the proxy, strict input, the unit of work on SQLite, the compliance check, the outbox
write), against content called directly and against a bare FastAPI handler of the same route and
model, in the same run (issue 13).

Each submission is a deliverable's first version (draft -> submitted): content is seeded with one
signed partnership of enough deliverables for every round. The load comes from this process
(httpx, --workers concurrent requests) on the same 2 cores as the servers, so the figures compare
the three paths with each other, not with other machines. Rounds are taken turn about (bare,
direct, gateway, again) and compared by their medians.

    python bench/content_submissions.py [--seconds 8] [--workers 16] [--rounds 3]
Prints the figures and writes bench/results/content_submissions.json.
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
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy" / "local"))
sys.path.insert(0, str(ROOT / "bench"))

from gateway_hop import start, wait_healthy  # noqa: E402

from contracts import Money  # noqa: E402
from contracts.events.partnerships import Deliverable, PartnershipSigned  # noqa: E402
from devstack.broker import EmbeddedBroker  # noqa: E402
from devstack.mailbox import Mailbox, sign_up_sync  # noqa: E402
from devstack.ports import free_port  # noqa: E402

CAPTION = (
    "#ad Morning miles in the new trainers from @nike, light as anything and fast on the hills. "
    "Use my code SPRING20 for 20% off, link in bio ✨🏃\u200d♀️ #NikeRun #running #fitness"
)
BODY = {"caption": CAPTION, "platform": "instagram", "format": "post"}


async def seed(database_url: str, secret: str, org: uuid.UUID, influencer_id: uuid.UUID, units: int) -> list[str]:
    """Content's database migrated, with one signed partnership of `units` deliverables."""
    from content.main import create_app
    from content.settings import ContentSettings
    from servicekit.migrations import upgrade_to_head
    from servicekit.testing import deliver

    app = create_app(ContentSettings(database_url=database_url, internal_secret=secret, environment="test"))
    runtime = app.state.runtime
    await upgrade_to_head(runtime.database, "content:migrations")
    signed = PartnershipSigned(
        partnership_id=uuid.uuid4(),
        campaign_id=uuid.uuid4(),
        influencer_id=influencer_id,
        terms_version=1,
        actor="brand",
        terms_hash="0" * 64,
        collaboration_type="sponsored_post",
        fee=Money(amount_minor=100_000, currency="EUR"),
        fee_kind="fixed",
        deliverables=[Deliverable(type="post", platform="instagram", count=units)],
    )
    await deliver(runtime, signed, tenant_id=org)
    from sqlalchemy import select

    from content.adapters.tables import deliverables

    async with runtime.database.session(read_only=True) as session:
        ids = [str(row.id) for row in await session.execute(select(deliverables.c.id))]
    await runtime.database.dispose()
    return ids


async def load(url: str, headers: dict[str, str], ids: "Ids", seconds: float, workers: int) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            answer = await client.post(
                f"{url}/api/v1/deliverables/{ids.next()}/submissions", json=BODY, headers=headers
            )
            if answer.status_code != 201:
                failures += 1
            latencies.append(time.perf_counter() - started)

    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(workers)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 2),
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 2),
        "failures": failures,
    }


class Ids:
    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.position = count()

    def next(self) -> str:
        return self.ids[next(self.position) % len(self.ids)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--units", type=int, default=20_000, help="deliverables seeded (one per submission)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "content_submissions.json"))
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="content-bench-"))
    broker = EmbeddedBroker(free_port(), log_path=tmp / "broker.log")
    broker.start()
    secret = secrets.token_urlsafe(32)
    common = {
        "PLATFORM_ENV": "test",
        "PLATFORM_INTERNAL_SECRET": secret,
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "KAFKA_IDEMPOTENT_PRODUCER": "false",
        "LOG_LEVEL": "WARNING",
        "ACCESS_LOG": "false",
    }
    ports = {name: free_port() for name in ("discovery", "partnerships", "content", "metrics", "gateway", "bare")}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for name in ("discovery", "partnerships", "metrics"):
            processes.append(
                start(
                    [f"{name}.main:create_app", "--factory"],
                    ROOT / "services" / name,
                    ports[name],
                    {**common, f"{name.upper()}_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/{name}.db"},
                    tmp / f"{name}.log",
                )
            )
        gateway_env = {
            **common,
            "GATEWAY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/gateway.db",
            "GATEWAY_JWT_KEYS": json.dumps({"bench": secrets.token_urlsafe(48)}),
            "GATEWAY_JWT_ACTIVE_KID": "bench",
            "GATEWAY_MAIL_DIR": str(tmp / "mail"),
            "GATEWAY_PASSWORD_TIME_COST": "1",
            "GATEWAY_PASSWORD_MEMORY_KIB": "8192",
            "GATEWAY_RATE_LIMITS": json.dumps(
                {
                    c: {"per_minute": 10_000_000, "burst": 1_000_000}
                    for c in ("read", "brand_write", "creator_write", "partner_write", "public", "auth", "personal")
                }
            ),
            **{
                f"GATEWAY_{s.upper()}_URL": f"http://127.0.0.1:{ports[s]}"
                for s in ("discovery", "partnerships", "content", "metrics")
            },
        }
        processes.append(
            start(
                ["gateway.main:create_app", "--factory"],
                ROOT / "gateway",
                ports["gateway"],
                gateway_env,
                tmp / "gateway.log",
            )
        )
        gateway = f"http://127.0.0.1:{ports['gateway']}"
        for name in ("discovery", "gateway"):
            wait_healthy(f"http://127.0.0.1:{ports[name]}")
        mailbox = Mailbox(str(tmp / "mail"))
        admin_email, password = f"admin-{uuid.uuid4().hex[:6]}@bench.test", "correct horse battery staple"
        admin_org = sign_up_sync(
            gateway, mailbox, {"name": "Bench", "kind": "agency", "owner": {"email": admin_email, "password": password}}
        )
        subprocess.run(
            [str(Path(sys.executable).with_name("gateway-admin")), "make-admin", admin_email],
            env={**os.environ, **gateway_env},
            check=True,
            capture_output=True,
        )

        def token(email: str, org_id: str) -> str:
            form = {"grant_type": "password", "username": email, "password": password, "org_id": org_id}
            return str(httpx.post(f"{gateway}/api/v1/auth/token", data=form).json()["access_token"])

        admin = {"authorization": f"Bearer {token(admin_email, admin_org['org']['id'])}"}
        profile = httpx.post(
            f"{gateway}/api/v1/influencers",
            json={"platform": "instagram", "handle": "bench_runner", "followers": 9000},
            headers=admin,
        ).json()
        creator_email = f"creator-{uuid.uuid4().hex[:6]}@bench.test"
        creator = sign_up_sync(
            gateway,
            mailbox,
            {"email": creator_email, "password": password, "influencer_id": profile["id"]},
            "/api/v1/creators",
        )
        creator_auth = {"authorization": f"Bearer {token(creator_email, creator['org']['id'])}"}

        database_url = f"sqlite+aiosqlite:///{tmp}/content.db"
        ids = Ids(asyncio.run(seed(database_url, secret, uuid.uuid4(), uuid.UUID(profile["id"]), args.units)))
        processes.append(
            start(
                ["content.main:create_app", "--factory"],
                ROOT / "services" / "content",
                ports["content"],
                {**common, "CONTENT_DATABASE_URL": database_url, "CONTENT_BLOB_DIR": str(tmp / "media")},
                tmp / "content.log",
            )
        )
        processes.append(start(["content_bare:app"], ROOT / "bench", ports["bare"], common, tmp / "bare.log"))
        for name in ("content", "bare"):
            wait_healthy(f"http://127.0.0.1:{ports[name]}")
        direct_headers = {
            "x-internal-token": secret,
            "x-tenant-id": creator["org"]["id"],
            "x-roles": "creator",
            "x-influencer-id": profile["id"],
        }
        targets = {
            "bare_handler": (f"http://127.0.0.1:{ports['bare']}", {}),
            "content_direct": (f"http://127.0.0.1:{ports['content']}", direct_headers),
            "through_gateway": (gateway, creator_auth),
        }
        for url, headers in targets.values():  # warm-up: connections, caches, the relay's first batch
            asyncio.run(load(url, headers, ids, 2, args.workers))
        rounds: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, (url, headers) in targets.items():
                rounds[name].append(asyncio.run(load(url, headers, ids, args.seconds, args.workers)))
        median = {name: statistics.median(r["per_s"] for r in runs) for name, runs in rounds.items()}
        result = {
            "benchmark": "content_submissions",
            "when": datetime.now(UTC).isoformat(),
            "machine": f"{platform.machine()} {platform.system()}, {os.cpu_count()} cores, "
            f"python {platform.python_version()}",
            "seconds_per_round": args.seconds,
            "workers": args.workers,
            "rounds": rounds,
            "submissions_per_s_median": median,
            "gateway_vs_bare": round(median["through_gateway"] / median["bare_handler"], 3),
            "gateway_vs_direct": round(median["through_gateway"] / median["content_direct"], 3),
        }
        print(json.dumps(result, indent=2))
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        broker.stop()


if __name__ == "__main__":
    main()

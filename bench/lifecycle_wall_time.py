"""Wall time of the lifecycle test's story (tests/e2e/lifecycle.py, the same steps and the same exact
end): a brand signs up, imports an export, ranks and shortlists, launches, negotiates, reviews,
publishes, and clicks, conversions and insights arrive; then the time until every total, payout and
webhook is as worked out by hand. The platform runs as `make run` starts it (processes, free ports).

Floor: the story's own requests, the sum of each one's time to its answer (the steps are sequential,
so the story cannot take less); the rest is waiting for what travels over events.

    python bench/lifecycle_wall_time.py [--output FILE]
Kafka: KAFKA_BOOTSTRAP_SERVERS if set, else the embedded broker. Database: TEST_POSTGRES_URL if set
(a server where it may create databases), else SQLite files.
Prints the figures and writes bench/results/lifecycle_wall_time.json.
"""

import argparse
import asyncio
import json
import os
import platform
import secrets
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from e2e.lifecycle import Lifecycle, Subscriber, verify  # noqa: E402

from devstack.broker import broker_from_env  # noqa: E402
from devstack.databases import DatabaseFactory  # noqa: E402
from devstack.mailbox import Mailbox  # noqa: E402
from devstack.pytest_plugin import running_platform, serve_over_http  # noqa: E402


class RequestClock:
    """Counts the story's requests and adds up the time each took to its answer."""

    def __init__(self) -> None:
        self.requests = 0
        self.seconds = 0.0

    async def sent(self, request: httpx.Request) -> None:
        request.extensions["bench_started"] = time.perf_counter()

    async def answered(self, response: httpx.Response) -> None:
        self.requests += 1
        self.seconds += time.perf_counter() - response.request.extensions["bench_started"]


async def run(tmp: Path) -> dict[str, Any]:
    databases = DatabaseFactory(tmp, os.environ.get("TEST_POSTGRES_URL"))
    clock = RequestClock()
    with broker_from_env(tmp / "broker.log") as (bootstrap, embedded):
        idempotent = os.environ.get("KAFKA_IDEMPOTENT_PRODUCER", str(not embedded)).lower() == "true"
        try:
            started = time.perf_counter()
            secret = secrets.token_urlsafe(32)
            async with running_platform(tmp / "stack", databases, bootstrap, idempotent, secret) as stack:
                stack_s = time.perf_counter() - started
                hooks = {"request": [clock.sent], "response": [clock.answered]}
                async with (
                    httpx.AsyncClient(base_url=stack.url("gateway"), timeout=15, event_hooks=hooks) as gateway,
                    serve_over_http(subscriber := Subscriber()) as url,
                ):
                    mailbox = Mailbox(stack.service_env["gateway"]["GATEWAY_MAIL_DIR"])
                    lifecycle = Lifecycle(gateway, stack, mailbox, f"{url}/hooks", subscriber)
                    began = time.perf_counter()
                    await lifecycle.run()
                    story_s = time.perf_counter() - began
                    requests, requests_s = clock.requests, clock.seconds
                    began = time.perf_counter()
                    await verify(lifecycle)
                    verify_s = time.perf_counter() - began
        finally:
            await databases.drop_all()
    return {
        "benchmark": "lifecycle_wall_time",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, python {platform.python_version()}",
        "broker": "embedded (tansu, in memory)" if embedded else f"Kafka at {bootstrap}",
        "database": databases.backend,
        "stack_start_s": round(stack_s, 2),
        "story_s": round(story_s, 2),
        "requests": requests,
        "requests_s": round(requests_s, 2),
        "verify_s": round(verify_s, 2),
        "server_errors": lifecycle.server_errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "lifecycle_wall_time.json"))
    args = parser.parse_args()
    report = asyncio.run(run(Path(tempfile.mkdtemp(prefix="bench-lifecycle-"))))
    print(json.dumps(report, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()

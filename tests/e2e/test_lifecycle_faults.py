"""The lifecycle (tests/e2e/lifecycle.py) with a part of the platform broken in the middle, each run
bounded in time and ending with the calm run's exact totals, payouts, webhooks and empty outboxes:
the Kafka broker restarted, PostgreSQL restarted under load, the gateway restarted while requests
with Idempotency-Keys are in flight. (The metrics process killed mid-burst is tests/fault/
test_metrics_restart.py.) Run by make test-integration, which starts the broker and PostgreSQL these
stop and start."""

import asyncio
import os
import signal
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from devstack.mailbox import Mailbox
from devstack.pytest_plugin import serve_over_http
from devstack.stack import Stack

from .lifecycle import Lifecycle, Subscriber, until, verify

pytestmark = [pytest.mark.fault, pytest.mark.timeout(480)]
PATIENCE = 180  # a consumer group settles again well within this after a restart


async def control(part: str, action: str) -> None:
    """deploy/local/kafka.sh or postgres.sh, as make test-integration started them."""
    kafka_script = os.environ.get("TEST_KAFKA_CONTROL")
    if not kafka_script or not os.environ.get("TEST_POSTGRES_URL"):
        pytest.fail("the lifecycle's fault runs need make test-integration (TEST_KAFKA_CONTROL, TEST_POSTGRES_URL)")
    script = Path(kafka_script).with_name(f"{part}.sh")
    process = await asyncio.create_subprocess_exec(
        "bash", str(script), action, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    output, _ = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, f"{part}.sh {action}: {output.decode()}"


@asynccontextmanager
async def lifecycle_of(gateway: httpx.AsyncClient, stack: Stack, mailbox: Mailbox) -> AsyncIterator[Lifecycle]:
    subscriber = Subscriber()
    async with serve_over_http(subscriber) as url:
        yield Lifecycle(gateway, stack, mailbox, f"{url}/hooks", subscriber, patience=PATIENCE)


async def run_with(lifecycle: Lifecycle, at: str, fault: Callable[[], Awaitable[None]]) -> None:
    """The lifecycle, with `fault` running beside the steps that follow step `at`."""
    faults: list[asyncio.Task[None]] = []

    async def between(step: str) -> None:
        if step == at:
            faults.append(asyncio.create_task(fault()))

    await asyncio.wait_for(lifecycle.run(between), 360)
    assert faults, f"no step {at}"
    await asyncio.wait_for(faults[0], 120)


async def test_the_broker_restarted_mid_lifecycle(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    async def restart_broker() -> None:
        await control("kafka", "stop")
        await asyncio.sleep(5)  # the signatures and the content they start are written meanwhile
        await control("kafka", "start")

    async with lifecycle_of(gateway, platform_stack, mailbox) as lifecycle:
        await run_with(lifecycle, "creators_claim", restart_broker)
        await verify(lifecycle, PATIENCE)


async def test_postgresql_restarted_under_load(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    async with lifecycle_of(gateway, platform_stack, mailbox) as lifecycle:
        stop_load = asyncio.Event()
        answers: dict[int, int] = {}
        seen: dict[tuple[int, str], str] = {}

        async def load() -> None:
            """Readers of every service beside the steps: the brand's screens refreshing."""
            campaign = lifecycle.s["campaign"]
            paths = [f"/api/v1/campaigns/{campaign}/{tail}" for tail in ("overview", "metrics", "budget", "shortlist")]
            while not stop_load.is_set():
                for path in paths:
                    try:
                        response = await gateway.get(path, headers=lifecycle.brand.auth)
                        status = response.status_code
                    except httpx.TransportError:
                        status = 0
                    answers[status] = answers.get(status, 0) + 1
                    if status not in (0, 200):
                        seen.setdefault((status, path.rsplit("/", 1)[1]), response.text[:300])

        async def restart_database() -> None:
            readers = [asyncio.create_task(load()) for _ in range(4)]
            await asyncio.sleep(2)
            await control("postgres", "stop")
            await asyncio.sleep(3)
            await control("postgres", "start")
            await asyncio.sleep(5)
            stop_load.set()
            await asyncio.gather(*readers)

        await run_with(lifecycle, "publish_and_amplify", restart_database)
        await verify(lifecycle, PATIENCE)
    assert answers.get(200, 0) > 0
    assert answers.keys() - {200}, "the readers never met the restart"
    assert set(answers) <= {0, 200, 503, 504}, f"the readers met {answers}: {seen}"


async def test_the_gateway_restarted_with_idempotent_requests_in_flight(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    await gateway_restart_run(gateway, platform_stack, mailbox, signal.SIGTERM)


async def test_the_gateway_killed_with_idempotent_requests_in_flight(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    await gateway_restart_run(gateway, platform_stack, mailbox, signal.SIGKILL)


async def gateway_restart_run(gateway: httpx.AsyncClient, stack: Stack, mailbox: Mailbox, how: int) -> None:
    workers, each = 16, 6
    async with lifecycle_of(gateway, stack, mailbox) as lifecycle:
        made: list[str] = []
        retried = 0
        halfway = asyncio.Event()

        async def one_link(i: int) -> None:
            """A partner's integration: the same request with the same key until it is answered."""
            nonlocal retried
            key = f"link-{lifecycle.tag}-{i}-{uuid.uuid4()}"
            body = {"partnership_id": lifecycle.s["partnerships"][0], "destination_url": f"https://masala.example/{i}"}
            headers = {**lifecycle.brand.auth, "idempotency-key": key}

            async def attempt() -> httpx.Response | None:
                nonlocal retried
                try:
                    response = await gateway.post("/api/v1/tracking-links", json=body, headers=headers)
                except httpx.TransportError:
                    retried += 1
                    raise
                assert response.status_code in (201, 409, 502, 503, 504), response.text
                if response.status_code != 201:
                    retried += 1
                    return None
                return response

            made.append((await until(attempt, PATIENCE, f"link {i}")).json()["id"])
            if len(made) >= workers * each // 2:
                halfway.set()

        async def worker(w: int) -> None:
            for n in range(each):
                await one_link(w * each + n)

        async def restart_gateway_mid_burst() -> None:
            burst = asyncio.gather(*(worker(w) for w in range(workers)))
            await halfway.wait()
            await asyncio.to_thread(stack.stop_one, "gateway", how)
            stack.start_one("gateway")
            await asyncio.to_thread(stack.wait_ready, 120, ("gateway",))
            await burst

        await run_with(lifecycle, "clicks", restart_gateway_mid_burst)
        await verify(lifecycle, PATIENCE)
        listed = await lifecycle.get("/api/v1/tracking-links?limit=200", lifecycle.brand.auth)
    assert retried > 0, "the restart interrupted nothing"
    assert len(made) == len(set(made)) == workers * each, "a retried request made a second link"
    assert len(listed["items"]) == workers * each + 1  # and the lifecycle's own

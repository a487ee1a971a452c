"""A service process dies under load and comes back: callers get problem answers naming it while
it is away (never a 500 or a hang), and plain answers again once it is back, on fresh connections."""

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from devstack.ports import free_port, port_open

from .conftest import GatewayFactory, sign_up

pytestmark = pytest.mark.fault

HERE = Path(__file__).parent
WORKERS = 8


def start_service(port: int) -> subprocess.Popen[bytes]:
    server = [sys.executable, "-m", "uvicorn", "restartable_service:app", "--app-dir", str(HERE)]
    return subprocess.Popen(
        [*server, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def wait_for_port(port: int, timeout_s: float = 20) -> None:
    for _ in range(int(timeout_s / 0.05)):
        if port_open(port):
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"nothing listens on {port}")


async def test_a_service_that_dies_and_comes_back_under_load(make_gateway: GatewayFactory) -> None:
    port = free_port()
    service = start_service(port)
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_for_port(port)
        async with make_gateway(
            partnerships_url=url, breaker_threshold=5, breaker_cooldown_s=0.3, upstream_timeout_s=1.0
        ) as gateway:
            account = await sign_up(gateway)
            answers: list[tuple[str, int, str]] = []  # (phase asked in, status, content type and upstream)
            phase = "up"
            stop = asyncio.Event()

            async def caller() -> None:
                while not stop.is_set():
                    asked_in = phase
                    response = await gateway.get("/api/v1/campaigns/c1", headers=account.auth)
                    detail = response.headers["content-type"]
                    if response.status_code != 200:
                        detail += " " + str(response.json().get("upstream"))
                    answers.append((asked_in, response.status_code, detail))
                    # An open circuit answers without awaiting anything: let the test's clock run.
                    await asyncio.sleep(0.002)

            callers = [asyncio.create_task(caller()) for _ in range(WORKERS)]
            await asyncio.sleep(1.0)
            service.send_signal(signal.SIGKILL)
            service.wait(5)
            phase = "down"
            await asyncio.sleep(1.5)
            service = start_service(port)
            await wait_for_port(port)
            phase = "back"
            for _ in range(100):  # the circuit's cool-down, then a trial call closes it
                await asyncio.sleep(0.1)
                if any(p == "back" and status == 200 for p, status, _ in answers[-WORKERS:]):
                    break
            phase = "settled"
            await asyncio.sleep(1.0)
            stop.set()
            await asyncio.wait_for(asyncio.gather(*callers), 10)
            pool = gateway.app.state.upstreams["partnerships"].pool  # type: ignore[attr-defined]
            open_connections = pool._open
    finally:
        service.kill()
        service.wait(5)

    statuses = {status for _, status, _ in answers}
    assert statuses <= {200, 502, 503, 504}, statuses
    failures = [(p, s, d) for p, s, d in answers if s != 200]
    assert failures, "the service was away, yet every call succeeded"
    assert {d for _, _, d in failures} == {"application/problem+json partnerships"}
    assert any(p == "up" and s == 200 for p, s, _ in answers)
    settled = [s for p, s, _ in answers if p == "settled"]
    assert settled, "no answers once the service was back"
    assert set(settled) == {200}, set(settled)
    assert open_connections <= WORKERS, "connections to the dead process were not let go"

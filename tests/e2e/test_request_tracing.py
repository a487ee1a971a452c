"""One request traced through the running platform: the id the client sent is in the gateway's
and the service's JSON log lines for it (their access lines), and nowhere a credential."""

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

import httpx

from devstack.stack import Stack

from .conftest import Org


def json_lines(log: Path) -> list[dict[str, Any]]:
    lines = []
    for raw in log.read_text(errors="replace").splitlines():
        if raw.startswith("{"):
            lines.append(json.loads(raw))
    return lines


async def lines_of(stack: Stack, name: str, request_id: str, expected: int = 1) -> list[dict[str, Any]]:
    """The JSON lines of `name` for the request (the processes write them as they go)."""
    for _ in range(50):
        found = [line for line in json_lines(stack.log_dir / f"{name}.log") if line.get("request_id") == request_id]
        if len(found) >= expected:
            return found
        await asyncio.sleep(0.1)
    return found


async def test_the_id_a_client_sent_is_in_the_gateways_and_the_services_lines(
    gateway: httpx.AsyncClient, org: Org, platform_stack: Stack, internal_secret: str
) -> None:
    request_id = f"trace-{uuid.uuid4().hex[:12]}"
    created = await gateway.post(
        "/api/v1/campaigns",
        json={"name": "Traced", "objective": "awareness"},
        headers={**org.auth, "x-request-id": request_id},
    )
    assert created.status_code == 201, created.text
    assert created.headers["x-request-id"] == request_id

    [gateway_access] = [
        line for line in await lines_of(platform_stack, "gateway", request_id) if line["logger"] == "access"
    ]
    assert gateway_access["service"] == "gateway"
    assert (gateway_access["method"], gateway_access["route"], gateway_access["status"]) == (
        "POST",
        "/api/v1/campaigns",
        201,
    )
    assert gateway_access["caller"].startswith("user:")
    [service_access] = [
        line for line in await lines_of(platform_stack, "partnerships", request_id) if line["logger"] == "access"
    ]
    assert service_access["service"] == "partnerships"
    assert (service_access["route"], service_access["status"]) == ("/api/v1/campaigns", 201)
    assert service_access["caller"] == gateway_access["caller"].removeprefix("user:")
    assert service_access["client"] == gateway_access["client"] == "127.0.0.1"

    logs = "".join(
        (platform_stack.log_dir / f"{name}.log").read_text(errors="replace") for name in platform_stack.ports
    )
    assert org.token not in logs
    assert internal_secret not in logs

"""clients/python is generated from clients/python/openapi.json (make client): that document must be
the one the running gateway serves, so the in-process build (devstack.openapi) stands for it."""

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx

CLIENT_DOCUMENT = Path(__file__).resolve().parents[2] / "clients" / "python" / "openapi.json"


def _differences(kept: Any, served: Any, where: str = "") -> list[str]:
    if isinstance(kept, dict) and isinstance(served, dict):
        found = [f"{where}/{key}: only kept" for key in kept.keys() - served.keys()]
        found += [f"{where}/{key}: only served" for key in served.keys() - kept.keys()]
        for key in kept.keys() & served.keys():
            found += _differences(kept[key], served[key], f"{where}/{key}")
        return found
    return [] if kept == served else [f"{where}: kept {json.dumps(kept)[:200]}, served {json.dumps(served)[:200]}"]


async def test_the_python_client_is_generated_from_the_openapi_the_gateway_serves(gateway: httpx.AsyncClient) -> None:
    kept = json.loads(CLIENT_DOCUMENT.read_text(encoding="utf-8"))
    for _ in range(150):  # the gateway fetches the services' documents after start-up
        served = (await gateway.get("/openapi.json")).json()
        if served == kept:
            break
        await asyncio.sleep(0.2)
    assert sorted(_differences(kept, served))[:20] == [], "the served OpenAPI is not clients/python's: make client"

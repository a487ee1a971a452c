"""/healthz (the process answers) and /readyz (its database and broker answer, 503 otherwise)."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiokafka import AIOKafkaClient
from fastapi import APIRouter
from starlette.responses import JSONResponse

Check = Callable[[], Awaitable[None]]
log = logging.getLogger(__name__)


class Unready(Exception):
    """A check's failure with a reason the answer may show (other exceptions go to the log only)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def check_broker(bootstrap_servers: str, security: dict[str, Any] | None = None) -> None:
    client = AIOKafkaClient(**(security or {}), bootstrap_servers=bootstrap_servers, request_timeout_ms=2000)
    try:
        await client.bootstrap()
    finally:
        await client.close()


def health_router(
    checks: dict[str, Check], critical: frozenset[str] | None = None, timeout_s: float = 2.0
) -> APIRouter:
    """`critical` checks (all, by default) make /readyz answer 503 when they fail; the others are
    reported ("degraded") without taking the process out of rotation."""
    router = APIRouter(tags=["health"])
    must_pass = frozenset(checks) if critical is None else critical

    @router.get("/healthz", summary="Liveness: the process answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz", summary="Readiness: every dependency answers")
    async def readyz() -> JSONResponse:
        async def run(name: str, check: Check) -> str:
            try:
                await asyncio.wait_for(check(), timeout_s)
                return "ok"
            except Unready as exc:
                return f"unavailable: {exc.reason}"
            except TimeoutError:
                return f"unavailable: no answer within {timeout_s:g} s"
            except Exception:
                log.warning("readiness: %s is unavailable", name, exc_info=True)
                return "unavailable"

        names = list(checks)
        results = await asyncio.gather(*(run(n, checks[n]) for n in names))
        report = dict(zip(names, results, strict=True))
        failed = {name for name, result in report.items() if result != "ok"}
        if failed & must_pass:
            status, code = "unavailable", 503
        else:
            status, code = ("degraded" if failed else "ready"), 200
        return JSONResponse({"status": status, "checks": report}, status_code=code)

    return router

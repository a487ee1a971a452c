"""Walking the platform through its gateway as its users do: writes retried while what they depend on
travels over events, reads waited on until they show what was done. The lifecycle test
(tests/e2e/lifecycle.py) and the demo loader (devstack.demo) are both made of these steps."""

import asyncio
import json
import os
import struct
import sys
import uuid
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx


async def until(check: Callable[[], Awaitable[Any]], timeout_s: float = 60, what: str | Callable[[], str] = "") -> Any:
    """What travels over events takes a moment; a connection refused mid-fault is a moment too."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    last: object = None
    while True:
        try:
            found = await check()
        except httpx.TransportError as exc:
            found, last = None, exc
        if found:
            return found
        if asyncio.get_running_loop().time() >= deadline:
            raise AssertionError(f"not reached in time: {what() if callable(what) else what} ({last})")
        await asyncio.sleep(0.2)


@dataclass
class Org:
    """Someone signed in to one org: its id, the access token, the email."""

    id: str
    token: str
    email: str = ""

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}


def ok(*statuses: int) -> Callable[[httpx.Response], httpx.Response | None]:
    return lambda response: response if response.status_code in statuses else None


class Walk:
    """Writes and reads through the gateway; the class using it has `gateway` (an httpx client on
    the gateway), `patience` (seconds a step waits), `tag` (this run's), `s` (what the steps learn,
    by name) and `server_errors` (5xx met on the way)."""

    gateway: httpx.AsyncClient
    patience: float
    tag: str
    s: dict[str, Any]
    server_errors: list[str]

    async def post(
        self,
        path: str,
        who: dict[str, str],
        statuses: tuple[int, ...] = (200, 201),
        method: str = "POST",
        retry: tuple[int, ...] = (),
        **kw: Any,
    ) -> Any:
        """A write retried while the platform cannot take it yet (an event still on its way, a
        service restarting, a rate limit); each is one the API makes safe to repeat, or carries an
        Idempotency-Key."""
        headers = {**who, "idempotency-key": f"lc-{self.tag}-{uuid.uuid4()}", **kw.pop("headers", {})}
        response = await until(
            timeout_s=self.patience,
            check=lambda: self._send(method, path, headers, statuses, retry, **kw),
            what=lambda: f"{method} {path}: {self.s.get('last_refusal')}",
        )
        return response.json() if response.content else None

    async def _send(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        statuses: tuple[int, ...],
        retry: tuple[int, ...],
        **kw: Any,
    ) -> Any:
        response = await self.gateway.request(method, path, headers=headers, **kw)
        await self._judge(f"{method} {path}", response, (*statuses, *retry))
        if response.status_code in retry:  # an answer the gateway keeps for its key: the next try is a new request
            headers["idempotency-key"] = f"lc-{self.tag}-{uuid.uuid4()}"
        return response if response.status_code in statuses else None

    async def _judge(self, what: str, response: Any, expected: tuple[int, ...]) -> None:
        """An answer a step waits through (a moment, a fault, a rate limit), or one that fails the
        run. `response`: httpx's, or the generated client's (status_code, content, headers)."""
        status, text = int(response.status_code), response.content.decode(errors="replace")
        assert status in (*expected, 409, 422, 429, 500, 502, 503, 504), f"{what}: {status} {text}"
        if status >= 500:  # told apart: a fault run may meet them, a calm run may not
            self.server_errors.append(f"{what}: {status} {text[:200]}")
        self.s["last_refusal"] = f"{status} {text[:300]}"
        if status == 422:
            assert json.loads(text).get("retryable"), f"{what}: {text}"
        if status == 429:  # a rate limit: wait as long as the gateway says
            await asyncio.sleep(min(float(response.headers.get("retry-after", "1")), 10))

    async def get(self, path: str, who: dict[str, str], done: Callable[[Any], bool] = bool, **kw: Any) -> Any:
        async def attempt() -> Any:
            response = await self.gateway.get(path, headers=who, **kw)
            if response.status_code != 200:
                return None
            body = response.json() if "json" in response.headers.get("content-type", "") else response.text
            return body if done(body) else None

        return await until(attempt, self.patience, f"GET {path}")


def terms(fee: dict[str, Any], schedule: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A sponsored Instagram post's terms with `fee` (and its payment schedule)."""
    return {
        "collaboration_type": "sponsored_post",
        "deliverables": [{"type": "post", "platform": "instagram", "count": 1}],
        "fee": fee,
        **({"payment_schedule": schedule} if schedule else {}),
    }


def png() -> bytes:
    """The smallest valid PNG (one pixel): a draft's media."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


async def make_admin(email: str, env: dict[str, str]) -> None:
    """What an operator does to make a platform admin (who writes the shared catalogue): never an
    API call. `env` is the gateway's (its GATEWAY_DATABASE_URL)."""
    granted = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).with_name("gateway-admin")),
        "make-admin",
        email,
        env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await granted.communicate()
    if granted.returncode != 0:
        raise RuntimeError(f"gateway-admin make-admin {email}: {output.decode()}")

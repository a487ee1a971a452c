"""The services behind the gateway: pooled connections per upstream, a circuit breaker each,
retries for idempotent methods, and their failures mapped to problems.

The proxy's hot path uses the gateway's own keep-alive pool (adapters/upstream_http; why there).
httpx stays the client for composites: it is easier to use and they are not the hot path.
"""

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import httpx

from gateway.adapters.upstream_http import (
    IDEMPOTENT_METHODS,
    ConnectionPool,
    UpstreamBroken,
    UpstreamResponse,
    UpstreamTimeout,
    UpstreamUnreachable,
)
from gateway.domain.circuit_breaker import CircuitBreaker
from servicekit.problems import PROBLEM_JSON, Problem

RETRYABLE_STATUS = frozenset({502, 503, 504})
# Who an upstream fault is put down to when the gateway calls on its own (a sign-up's check).
GATEWAY_CALLER = "gateway"


def is_upstream_fault(status: int, content_type: str) -> bool:
    """A 502/503/504, or a 500 that is not the service's own problem answer (those are an error a
    request met in a live service, not the service failing: it answered)."""
    if status in RETRYABLE_STATUS:
        return True
    return status >= 500 and not content_type.startswith(PROBLEM_JSON)


log = logging.getLogger(__name__)


class _Failure(Exception):
    def __init__(self, problem: Problem, retryable: bool, anyones: bool = False) -> None:
        super().__init__(problem.detail)
        self.problem = problem
        self.retryable = retryable
        self.anyones = anyones  # no caller can have caused it: nothing reached the service


class Upstream:
    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        timeout_s: float,
        connect_timeout_s: float,
        idle_timeout_s: float,
        breaker: CircuitBreaker,
    ) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.breaker = breaker
        self.timeout_s = timeout_s
        url = urlsplit(self.base_url)
        if url.scheme not in ("http", "https") or not url.hostname or url.path:
            raise ValueError(f"the {name} service URL must be http(s)://host[:port], not {base_url!r}")
        self.pool = ConnectionPool(
            url.scheme,
            url.hostname,
            url.port or (443 if url.scheme == "https" else 80),
            connect_timeout_s=connect_timeout_s,
            idle_timeout_s=idle_timeout_s,
        )
        self.http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s),
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=50),
        )

    async def close(self) -> None:
        await self.pool.close()
        await self.http.aclose()

    def _admit(self) -> None:
        now = time.monotonic()
        if not self.breaker.allow(now):
            retry = max(1, round(self.breaker.retry_after_s(now)))
            raise Problem(
                503,
                f"the {self.name} service is failing; calls to it are paused for {retry} s",
                headers={"Retry-After": str(retry)},
                upstream=self.name,
            )

    async def forward(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes,
        *,
        retries: int,
        caller: str,
        idempotent: bool | None = None,
    ) -> UpstreamResponse:
        """One call to `target` (path and query as they came, percent-encoded) with retries;
        POST and PATCH are retried only when no connection was made, unless `idempotent` says
        otherwise. `caller` is who the call is made for (its rate-limit identity): the breaker
        opens only on faults of several."""
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        attempts = 1 + retries
        for attempt in range(1, attempts + 1):
            self._admit()
            try:
                response = await self._send(method, target, headers, body)
            except _Failure as failure:
                self.breaker.record_fault(time.monotonic(), None if failure.anyones else caller)
                if attempt < attempts and (failure.retryable or idempotent):
                    await asyncio.sleep(0.05 * 2 ** (attempt - 1))
                    continue
                raise failure.problem from None
            if is_upstream_fault(response.status, _content_type(response)):
                self.breaker.record_fault(time.monotonic(), caller)
                if response.status in RETRYABLE_STATUS and idempotent and attempt < attempts:
                    await asyncio.sleep(0.05 * 2 ** (attempt - 1))
                    continue
            else:
                self.breaker.record_success()
            return response
        raise AssertionError("unreachable")

    async def _send(self, method: str, target: str, headers: dict[str, str], body: bytes) -> UpstreamResponse:
        try:
            return await self.pool.request(method, target, headers, body, timeout_s=self.timeout_s)
        except UpstreamUnreachable:
            # Nothing reached the service: safe to retry any method, and no caller's doing.
            problem = Problem(503, f"the {self.name} service is unavailable", upstream=self.name)
            raise _Failure(problem, retryable=True, anyones=True) from None
        except UpstreamTimeout:
            raise _Failure(
                Problem(504, f"the {self.name} service did not answer in time", upstream=self.name), False
            ) from None
        except UpstreamBroken:
            # Logged once, with its cause, where the 502 is answered (api/proxy).
            problem = Problem(502, f"the {self.name} service gave a broken answer", upstream=self.name)
            raise _Failure(problem, False) from None
        except ValueError:  # a header the caller sent cannot be passed on
            log.info("%s %s: a header cannot be passed on", method, target, exc_info=True)
            raise Problem(
                400, "a header of the request cannot be passed on (a line break or a non-ASCII name)"
            ) from None

    async def get_json(
        self, path: str, headers: Mapping[str, str], timeout_s: float, *, caller: str = GATEWAY_CALLER
    ) -> tuple[int, object]:
        """For composites (httpx): the status and parsed body, through the same breaker."""
        self._admit()
        try:
            response = await self.http.get(path, headers=dict(headers), timeout=timeout_s)
        except httpx.TimeoutException:
            self.breaker.record_fault(time.monotonic(), caller)
            raise Problem(504, f"the {self.name} service did not answer in time", upstream=self.name) from None
        except httpx.HTTPError as exc:
            self.breaker.record_fault(time.monotonic(), None if isinstance(exc, httpx.ConnectError) else caller)
            log.warning("GET %s: the %s service is unavailable", path, self.name, exc_info=True)
            raise Problem(503, f"the {self.name} service is unavailable", upstream=self.name) from None
        if is_upstream_fault(response.status_code, response.headers.get("content-type", "")):
            self.breaker.record_fault(time.monotonic(), caller)
        else:
            self.breaker.record_success()
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, None


def failure_problem(service: str, response: UpstreamResponse) -> Problem | None:
    """What the gateway answers for a service's 5xx: its 503 passed on (a client retries after
    its Retry-After), any other as a 502 that does not quote it (its text may name an internal
    host; the service logged it)."""
    if response.status == 503:
        retry_after = next((v.decode("latin-1") for n, v in response.headers if n == b"retry-after"), "1")
        return Problem(
            503,
            f"the {service} service cannot answer for a moment (HTTP 503)",
            upstream=service,
            headers={"Retry-After": retry_after},
        )
    if response.status >= 500:
        return Problem(502, f"the {service} service failed (HTTP {response.status})", upstream=service)
    return None


def _content_type(response: UpstreamResponse) -> str:
    for name, value in response.headers:
        if name == b"content-type":
            return value.decode("latin-1")
    return ""


class Upstreams:
    def __init__(
        self,
        urls: Mapping[str, str],
        *,
        timeout_s: float,
        connect_timeout_s: float,
        idle_timeout_s: float,
        breaker: Callable[[], CircuitBreaker],
    ) -> None:
        self.by_name = {
            name: Upstream(
                name,
                url,
                timeout_s=timeout_s,
                connect_timeout_s=connect_timeout_s,
                idle_timeout_s=idle_timeout_s,
                breaker=breaker(),
            )
            for name, url in urls.items()
        }

    def __getitem__(self, name: str) -> Upstream:
        return self.by_name[name]

    async def close(self) -> None:
        for upstream in self.by_name.values():
            await upstream.close()

"""The services behind the gateway: one pooled client per upstream, a circuit breaker each,
retries for idempotent methods, and their failures mapped to problems.

The proxy's hot path uses aiohttp: on this machine httpx keeps about a tenth of an upstream's
throughput through a pass-through proxy (httpcore scans its whole pool per request,
encode/httpx#3215), aiohttp about 0.84. httpx stays the client for composites and webhooks.
"""

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass

import aiohttp
import httpx
import yarl

from gateway.domain.circuit_breaker import CircuitBreaker
from servicekit.problems import Problem

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUS = frozenset({502, 503, 504})


@dataclass(frozen=True)
class UpstreamResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


class _Failure(Exception):
    def __init__(self, problem: Problem, retryable: bool) -> None:
        super().__init__(problem.detail)
        self.problem = problem
        self.retryable = retryable


class Upstream:
    def __init__(
        self, name: str, base_url: str, *, timeout_s: float, connect_timeout_s: float, breaker: CircuitBreaker
    ) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self._base = yarl.URL(self.base_url)
        self.breaker = breaker
        self.timeout = aiohttp.ClientTimeout(total=timeout_s, sock_connect=connect_timeout_s)
        self.session: aiohttp.ClientSession | None = None
        self.http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s),
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=50),
        )

    async def start(self) -> None:
        connector = aiohttp.TCPConnector(limit=256, keepalive_timeout=30, enable_cleanup_closed=True)
        self.session = aiohttp.ClientSession(
            connector=connector, timeout=self.timeout, auto_decompress=False, skip_auto_headers=("User-Agent",)
        )

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
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

    def url(self, raw_path: str, raw_query: str = "") -> yarl.URL:
        """The upstream URL of an already percent-encoded path and query, passed on as they came."""
        base = self._base
        return yarl.URL.build(
            scheme=base.scheme,
            host=base.raw_host or "",
            port=base.port,
            path=raw_path,
            query_string=raw_query,
            encoded=True,
        )

    async def forward(
        self, method: str, url: yarl.URL, headers: Mapping[str, str], body: bytes, *, retries: int
    ) -> UpstreamResponse:
        """One call with retries; POST and PATCH are retried only when no connection was made."""
        assert self.session is not None, "Upstreams.start() was not awaited"
        attempts = 1 + retries
        for attempt in range(1, attempts + 1):
            self._admit()
            try:
                response = await self._send(method, url, headers, body)
            except _Failure as failure:
                self.breaker.record_failure(time.monotonic())
                if attempt < attempts and (failure.retryable or method in IDEMPOTENT_METHODS):
                    await asyncio.sleep(0.05 * 2 ** (attempt - 1))
                    continue
                raise failure.problem from None
            if response.status >= 500:
                self.breaker.record_failure(time.monotonic())
                if response.status in RETRYABLE_STATUS and method in IDEMPOTENT_METHODS and attempt < attempts:
                    await asyncio.sleep(0.05 * 2 ** (attempt - 1))
                    continue
            else:
                self.breaker.record_success()
            return response
        raise AssertionError("unreachable")

    async def _send(self, method: str, url: yarl.URL, headers: Mapping[str, str], body: bytes) -> UpstreamResponse:
        assert self.session is not None
        try:
            async with self.session.request(
                method, url, headers=headers, data=body or None, allow_redirects=False
            ) as response:
                content = await response.read()
                return UpstreamResponse(response.status, list(response.headers.items()), content)
        except aiohttp.ClientConnectorError:
            # Nothing reached the service: safe to retry any method.
            raise _Failure(Problem(503, f"the {self.name} service is unavailable", upstream=self.name), True) from None
        except TimeoutError:
            raise _Failure(
                Problem(504, f"the {self.name} service did not answer in time", upstream=self.name), False
            ) from None
        except aiohttp.ClientError as exc:
            raise _Failure(
                Problem(502, f"the {self.name} service failed: {type(exc).__name__}", upstream=self.name), False
            ) from None

    async def get_json(self, path: str, headers: Mapping[str, str], timeout_s: float) -> tuple[int, object]:
        """For composites (httpx): the status and parsed body, through the same breaker."""
        self._admit()
        try:
            response = await self.http.get(path, headers=dict(headers), timeout=timeout_s)
        except httpx.TimeoutException:
            self.breaker.record_failure(time.monotonic())
            raise Problem(504, f"the {self.name} service did not answer in time", upstream=self.name) from None
        except httpx.HTTPError as exc:
            self.breaker.record_failure(time.monotonic())
            raise Problem(
                503, f"the {self.name} service is unavailable ({type(exc).__name__})", upstream=self.name
            ) from None
        if response.status_code >= 500:
            self.breaker.record_failure(time.monotonic())
        else:
            self.breaker.record_success()
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, None


class Upstreams:
    def __init__(
        self,
        urls: Mapping[str, str],
        *,
        timeout_s: float,
        connect_timeout_s: float,
        breaker_threshold: int,
        breaker_cooldown_s: float,
    ) -> None:
        self.by_name = {
            name: Upstream(
                name,
                url,
                timeout_s=timeout_s,
                connect_timeout_s=connect_timeout_s,
                breaker=CircuitBreaker(threshold=breaker_threshold, cooldown_s=breaker_cooldown_s),
            )
            for name, url in urls.items()
        }

    def __getitem__(self, name: str) -> Upstream:
        return self.by_name[name]

    async def start(self) -> None:
        for upstream in self.by_name.values():
            await upstream.start()

    async def close(self) -> None:
        for upstream in self.by_name.values():
            await upstream.close()

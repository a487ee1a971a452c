"""One pooled HTTP client per upstream service, and the mapping of its failures to problems."""

from collections.abc import Mapping

import httpx

from servicekit.problems import Problem


class Upstreams:
    def __init__(self, urls: Mapping[str, str], *, timeout_s: float, connect_timeout_s: float) -> None:
        timeout = httpx.Timeout(timeout_s, connect=connect_timeout_s)
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=100)
        self.clients = {
            name: httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) for name, url in urls.items()
        }

    def client(self, service: str) -> httpx.AsyncClient:
        return self.clients[service]

    async def aclose(self) -> None:
        for client in self.clients.values():
            await client.aclose()


def upstream_failure(service: str, exc: httpx.HTTPError) -> Problem:
    if isinstance(exc, httpx.TimeoutException):
        return Problem(504, f"the {service} service did not answer in time", upstream=service)
    if isinstance(exc, httpx.ConnectError):
        return Problem(503, f"the {service} service is unavailable", upstream=service)
    return Problem(502, f"the {service} service failed: {type(exc).__name__}", upstream=service)

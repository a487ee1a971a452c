"""GET on the services as one caller, for the gateway's composite views (application/overview.py)."""

import asyncio
from collections.abc import Mapping

from gateway.adapters.upstreams import Upstreams
from gateway.domain.overview import PartFailed
from servicekit.problems import Problem


class UpstreamReader:
    """With the caller's context headers, each answer within `timeout_s`, through each service's
    circuit breaker (as the caller, for its share of the faults)."""

    def __init__(self, upstreams: Upstreams, headers: Mapping[str, str], timeout_s: float, caller: str) -> None:
        self.upstreams = upstreams
        self.headers = headers
        self.timeout_s = timeout_s
        self.caller = caller

    async def get(self, service: str, path: str) -> object:
        timeout = self.timeout_s
        try:
            status, body = await asyncio.wait_for(
                self.upstreams[service].get_json(path, self.headers, timeout, caller=self.caller), timeout
            )
        except TimeoutError:
            raise PartFailed(f"{service} did not answer within {timeout} s") from None
        except Problem as problem:
            raise PartFailed(problem.detail or problem.title) from None
        if status != 200:
            raise PartFailed(f"{service} answered {status}", status)
        return body

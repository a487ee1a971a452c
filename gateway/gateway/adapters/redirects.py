"""The tracking redirect's visits, coalesced into one call to metrics (`POST /internal/redirects`)
over the proxy's keep-alive pool: under load one internal exchange answers many visitors, which
halves the HTTP handling a redirect costs the two processes. Metrics still decides everything
(codes, bots, repeats, recording the click, its spool while the broker is away); the gateway only
carries what it saw of each visit and hands each visitor its own answer.

A batch is retried as the GET it replaces was (a click recorded twice is a repeat: recorded, not
counted); a batch that fails fails each of its visitors with the problem a lone GET would have
met.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import orjson

from gateway.adapters.coalescer import Coalescer
from gateway.adapters.upstreams import Upstream, failure_problem
from servicekit.context import CORRELATION_ID_HEADER, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER
from servicekit.logs import correlation_id_var, request_id_var
from servicekit.problems import Problem

log = logging.getLogger(__name__)
PATH = "/internal/redirects"


@dataclass(frozen=True, slots=True)
class Visit:
    code: str
    method: str  # GET or HEAD: metrics records a HEAD as a bot's
    address: str
    user_agent: str
    referrer: str | None


@dataclass(frozen=True, slots=True)
class Destination:
    status: int  # 302, 404 (unknown or stopped code), 500 (metrics could not take the click)
    location: str | None


class RedirectResolver:
    def __init__(
        self, upstream: Upstream, internal_secret: str, *, retries: int, max_items: int, max_wait_s: float
    ) -> None:
        self.upstream = upstream
        self.secret = internal_secret
        self.retries = retries
        self.coalescer: Coalescer[Visit, Destination] = Coalescer(
            self._call, max_items=max_items, max_wait_s=max_wait_s
        )

    async def resolve(self, visit: Visit) -> Destination:
        """Where the visitor goes; raises the Problem of a call that failed."""
        return await self.coalescer.submit(visit)

    async def _call(self, visits: Sequence[Visit]) -> list[Destination]:
        body = orjson.dumps(
            {
                "items": [
                    {
                        "code": v.code,
                        "method": v.method,
                        "address": v.address,
                        "user_agent": v.user_agent,
                        "referrer": v.referrer,
                    }
                    for v in visits
                ]
            }
        )
        headers = {
            INTERNAL_TOKEN_HEADER: self.secret,
            "content-type": "application/json",
            # One of its visitors' ids: a batch's lines in metrics lead to one of its requests.
            REQUEST_ID_HEADER: request_id_var.get() or "",
            CORRELATION_ID_HEADER: correlation_id_var.get() or "",
        }
        response = await self.upstream.forward(
            "POST", PATH, headers, body, retries=self.retries, caller=f"ip:{visits[0].address}", idempotent=True
        )
        if (failure := failure_problem(self.upstream.name, response)) is not None:
            raise failure
        name = self.upstream.name
        try:
            items = orjson.loads(response.body)["items"] if response.status == 200 else None
        except (orjson.JSONDecodeError, KeyError, TypeError):
            items = None
        if items is None or len(items) != len(visits):
            log.error("%s answered a batch of %d visits with HTTP %d", name, len(visits), response.status)
            raise Problem(502, f"the {name} service failed (HTTP {response.status})", upstream=name)
        return [Destination(item["status"], item.get("location")) for item in items]

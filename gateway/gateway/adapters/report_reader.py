"""Metrics' campaign report for a share link: asked with the org's tenant as a read-only member
(the analyst role), through metrics' circuit breaker like any proxied call."""

from urllib.parse import urlencode
from uuid import UUID

from gateway.adapters.upstreams import Upstreams
from gateway.application.ports import Fetched
from gateway.domain.identity import Role
from servicekit.context import RequestContext
from servicekit.logs import correlation_id_var, request_id_var

PASSED_ON = ("content-security-policy", "content-disposition", "cache-control", "vary")


class MetricsReports:
    def __init__(self, upstreams: Upstreams, internal_secret: str, caller: str) -> None:
        self.upstreams = upstreams
        self.secret = internal_secret
        self.caller = caller  # the rate-limit identity the breaker counts faults by

    async def report(self, org_id: UUID, campaign_id: UUID, *, format: str | None, accept: str) -> Fetched:
        context = RequestContext(
            tenant_id=org_id,
            user_id=None,
            roles=frozenset({Role.ANALYST.value}),
            request_id=request_id_var.get(),
            correlation_id=correlation_id_var.get(),
        )
        headers = {**context.headers(self.secret), "accept": accept or "text/html"}
        query = f"?{urlencode({'format': format})}" if format else ""
        target = f"/api/v1/campaigns/{campaign_id}/report{query}"
        answer = await self.upstreams["metrics"].forward("GET", target, headers, b"", retries=1, caller=self.caller)
        found = {name.decode("latin-1"): value.decode("latin-1") for name, value in answer.headers}
        kept = {name: found[name] for name in PASSED_ON if name in found}
        return Fetched(answer.status, found.get("content-type", ""), answer.body, kept)

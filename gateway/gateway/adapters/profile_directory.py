"""Discovery's influencer profiles, asked over HTTP with the internal credential."""

from uuid import UUID

from gateway.adapters.upstreams import Upstreams
from gateway.domain.identity import Role
from servicekit.context import RequestContext
from servicekit.problems import Problem


class DiscoveryProfiles:
    def __init__(self, upstreams: Upstreams, internal_secret: str, timeout_s: float) -> None:
        self.upstreams = upstreams
        self.internal_secret = internal_secret
        self.timeout_s = timeout_s

    async def shows(self, influencer_id: UUID, org_id: UUID) -> bool:
        """Asked as a reader of `org_id`, which sees the shared catalogue and its own profiles."""
        context = RequestContext(tenant_id=org_id, user_id=None, roles=frozenset({Role.ANALYST.value}))
        headers = context.headers(self.internal_secret)
        status_code, _ = await self.upstreams["discovery"].get_json(
            f"/api/v1/influencers/{influencer_id}", headers, self.timeout_s
        )
        if status_code == 404:
            return False
        if status_code != 200:
            raise Problem(502, f"discovery answered {status_code} when checking the profile", upstream="discovery")
        return True

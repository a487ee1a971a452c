"""GET /api/v1/campaigns/{id}/overview: campaign, partnerships, content states and KPIs in one
answer. The parts are fetched concurrently; one that fails or is late is named in `missing`."""

import asyncio
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from gateway.application.ports import ServiceReader
from gateway.domain.access import decide
from gateway.domain.identity import Principal
from gateway.domain.overview import Overview, Part, PartFailed, summarize_content
from gateway.domain.routing import resolve
from servicekit.errors import NotFound

MAX_PARTNERSHIPS = 200
MAX_DELIVERABLE_PAGES = 25  # 5,000 deliverables; a campaign with more shows the first


async def campaign_overview(reader: ServiceReader, caller: Principal, campaign_id: UUID) -> dict[str, Any]:
    async def fetch(service: str, path: str) -> Any:
        # Each part is an operation of the API: the caller gets it only where it may call that.
        decision = decide(caller, resolve("GET", path.partition("?")[0]), "GET", path.partition("?")[0])
        if not decision.allowed:
            raise PartFailed(decision.reason)
        return await reader.get(service, path)

    async def part(name: str, service: str, path: str) -> Part:
        try:
            return Part(name, await fetch(service, path))
        except PartFailed as failure:
            if name == "campaign" and failure.status == 404:
                raise NotFound("campaign", campaign_id) from None
            return Part(name, error=str(failure))

    campaign, partnerships, kpis = await asyncio.gather(
        part("campaign", "partnerships", f"/api/v1/campaigns/{campaign_id}"),
        part("partnerships", "partnerships", f"/api/v1/campaigns/{campaign_id}/partnerships?limit={MAX_PARTNERSHIPS}"),
        part("kpis", "metrics", f"/api/v1/campaigns/{campaign_id}/metrics"),
    )
    partnership_items = partnerships.value.get("items", []) if isinstance(partnerships.value, dict) else None
    if partnership_items is not None:
        partnerships.value = partnership_items
    content = await _content_part(campaign_id, partnership_items, fetch)
    return Overview([campaign, partnerships, content, kpis]).body()


async def _content_part(campaign_id: UUID, partnerships: list[dict[str, Any]] | None, fetch: Any) -> Part:
    """The campaign's deliverables by state, and each partnership's (one listing, page by page)."""
    if partnerships is None:
        return Part("content", error="needs the partnerships part")
    deliverables: list[dict[str, Any]] = []
    cursor: str | None = None
    try:
        for _ in range(MAX_DELIVERABLE_PAGES):
            query = urlencode({"campaign_id": str(campaign_id), "limit": 200, **({"cursor": cursor} if cursor else {})})
            body = await fetch("content", f"/api/v1/deliverables?{query}")
            deliverables.extend(body.get("items", []) if isinstance(body, dict) else [])
            cursor = body.get("next_cursor") if isinstance(body, dict) else None
            if not cursor:
                break
    except PartFailed as failure:
        return Part("content", error=str(failure))
    return Part("content", summarize_content([str(p["id"]) for p in partnerships], deliverables))

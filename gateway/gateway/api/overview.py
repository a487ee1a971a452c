"""GET /api/v1/campaigns/{id}/overview: the composite view of a campaign (application/overview.py)."""

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request

from gateway.adapters.security import service_context
from gateway.adapters.service_reader import UpstreamReader
from gateway.api.dependencies import Caller, settings_of
from gateway.application import overview
from gateway.domain.routing import Action

router = APIRouter(prefix="/api/v1/campaigns", tags=["composites"])


@router.get("/{campaign_id}/overview")
async def campaign_overview(campaign_id: UUID, caller: Caller, request: Request) -> dict[str, Any]:
    """Campaign, partnerships, content states and KPIs in one call (partial if a part fails)."""
    settings = settings_of(request)
    headers = service_context(caller, Action.READ).headers(settings.internal_secret)
    reader = UpstreamReader(
        request.app.state.upstreams, headers, settings.overview_part_timeout_s, caller.rate_limit_identity
    )
    return await overview.campaign_overview(reader, caller, campaign_id)

"""Campaign briefs: each change is a new version; deliverables follow the newest until a version
of theirs is under review."""

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID, uuid4

from content.application.ports import Cursor, UnitOfWork
from content.domain.access import Caller, brand_only
from content.domain.briefs import Brief, BriefContent
from servicekit.errors import NotFound


async def _campaign(uow: UnitOfWork, caller: Caller, campaign_id: UUID, *, write: bool = False) -> None:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    brand_only(caller, campaign.tenant_id, "campaign", campaign_id, write=write)


async def publish_brief(
    uow: UnitOfWork, caller: Caller, campaign_id: UUID, content: BriefContent, now: datetime
) -> Brief:
    await _campaign(uow, caller, campaign_id, write=True)
    latest = await uow.briefs.latest(campaign_id)
    if latest is not None and latest.content == content:
        return latest  # the same brief written again: no new version
    brief = Brief(
        id=uuid4(),
        tenant_id=uow.tenant_id,
        campaign_id=campaign_id,
        version=(latest.version if latest is not None else 0) + 1,
        content=content,
        created_at=now,
        created_by=caller.user_id,
    )
    await uow.briefs.add(brief)
    return brief


async def current_brief(uow: UnitOfWork, caller: Caller, campaign_id: UUID) -> Brief:
    await _campaign(uow, caller, campaign_id)
    brief = await uow.briefs.latest(campaign_id)
    if brief is None:
        raise NotFound("brief of campaign", campaign_id)
    return brief


async def brief_versions(
    uow: UnitOfWork, caller: Caller, campaign_id: UUID, *, limit: int, after: Cursor | None
) -> Sequence[Brief]:
    await _campaign(uow, caller, campaign_id)
    return await uow.briefs.versions(campaign_id, limit=limit, after=after)


async def get_brief(uow: UnitOfWork, caller: Caller, brief_id: UUID) -> Brief:
    brief = await uow.briefs.get(brief_id)
    if brief is None:
        raise NotFound("brief", brief_id)
    brand_only(caller, brief.tenant_id, "brief", brief_id)
    return brief

"""Campaign briefs (the brand's) and the brief each deliverable follows (its brand's and creator's)."""

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter

from content.api.brief_schemas import (
    BriefBody,
    BriefOverridesBody,
    BriefPublic,
    EffectiveBriefPublic,
    brief_public,
    effective_public,
)
from content.api.dependencies import CallerDep, Now, UnitOfWorkDep
from content.application import briefs, deliverables
from content.domain.briefs import Brief
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1", tags=["briefs"])


def _created(brief: Brief) -> tuple[datetime, UUID]:
    return brief.created_at, brief.id


@router.put("/campaigns/{campaign_id}/brief")
async def write_brief(
    campaign_id: UUID, body: BriefBody, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> BriefPublic:
    """Brand: the campaign's brief; a new version when it differs from the current one."""
    return brief_public(await briefs.publish_brief(uow, caller, campaign_id, body.content(), now))


@router.get("/campaigns/{campaign_id}/brief")
async def get_campaign_brief(campaign_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> BriefPublic:
    """The campaign brief's current version."""
    return brief_public(await briefs.current_brief(uow, caller, campaign_id))


@router.get("/campaigns/{campaign_id}/brief/versions")
async def list_brief_versions(
    campaign_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, page: Pagination
) -> Page[BriefPublic]:
    """Every version of the campaign brief, newest first."""
    found = await briefs.brief_versions(uow, caller, campaign_id, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(found, page, _created)
    return Page(items=[brief_public(b) for b in shown], next_cursor=next_cursor)


@router.get("/briefs/{brief_id}")
async def get_brief(brief_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> BriefPublic:
    """One version of a campaign brief."""
    return brief_public(await briefs.get_brief(uow, caller, brief_id))


@router.get("/deliverables/{deliverable_id}/brief")
async def get_deliverable_brief(
    deliverable_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> EffectiveBriefPublic:
    """The brief this deliverable follows: the campaign brief's version with its overrides."""
    view = await deliverables.get_deliverable(uow, caller, deliverable_id, now.date())
    return effective_public(view.brief)


@router.put("/deliverables/{deliverable_id}/brief")
async def set_deliverable_brief(
    deliverable_id: UUID, body: BriefOverridesBody, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> EffectiveBriefPublic:
    """Brand: what this deliverable is asked otherwise than the campaign brief says."""
    await deliverables.set_brief_overrides(uow, caller, deliverable_id, body.overrides(), now)
    view = await deliverables.get_deliverable(uow, caller, deliverable_id, now.date())
    return effective_public(view.brief)

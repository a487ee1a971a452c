"""Amplifications of published deliverables, and the brand's asset library."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, status

from content.api.amplification_schemas import AmplificationBody, AmplificationPublic, AssetPublic
from content.api.dependencies import CallerDep, Now, UnitOfWorkDep
from content.api.presenters import amplification_public, asset_public
from content.application import amplifications, assets
from content.application.amplifications import AmplificationRequest
from content.application.ports import AssetFilter
from content.domain.amplifications import Amplification
from content.domain.assets import Asset
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1", tags=["amplifications and assets"])
UsageChannel = Annotated[
    str | None,
    Query(pattern=r"^[a-z][a-z0-9_]{1,31}$", max_length=32, description="Only assets with rights on this channel"),
]


def _requested(a: Amplification) -> tuple[datetime, UUID]:
    return a.requested_at, a.id


def _approved(a: Asset) -> tuple[datetime, UUID]:
    return a.approved_at, a.id


@router.post("/deliverables/{deliverable_id}/amplifications", status_code=status.HTTP_201_CREATED)
async def request_amplification(
    deliverable_id: UUID, body: AmplificationBody, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> AmplificationPublic:
    """Brand: boost or repost a published deliverable; partnerships funds the spend from the budget."""
    wanted = AmplificationRequest(body.kind, body.platform, body.spend.money(), body.starts_on, body.ends_on)
    return amplification_public(await amplifications.request(uow, caller, deliverable_id, wanted, now), now.date())


@router.get("/deliverables/{deliverable_id}/amplifications")
async def list_amplifications(
    deliverable_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, page: Pagination, now: Now
) -> Page[AmplificationPublic]:
    """The deliverable's amplifications, newest first."""
    found = await amplifications.list_amplifications(
        uow, caller, deliverable_id, limit=page.limit + 1, after=created_key(page)
    )
    shown, next_cursor = page_by_created(found, page, _requested)
    return Page(items=[amplification_public(a, now.date()) for a in shown], next_cursor=next_cursor)


@router.get("/amplifications/{amplification_id}")
async def get_amplification(
    amplification_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> AmplificationPublic:
    """One amplification and where its funding stands."""
    return amplification_public(await amplifications.get_amplification(uow, caller, amplification_id), now.date())


@router.get("/assets")
async def list_assets(
    uow: UnitOfWorkDep,
    caller: CallerDep,
    page: Pagination,
    now: Now,
    campaign_id: UUID | None = None,
    channel: UsageChannel = None,
    usable: Annotated[bool | None, Query(description="true: only assets whose rights are in force")] = None,
) -> Page[AssetPublic]:
    """The brand's approved content, newest first, with its usage rights and their expiry."""
    where = AssetFilter(campaign_id=campaign_id, channel=channel, usable_at=now if usable else None)
    found = await assets.list_assets(uow, caller, where, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(found, page, _approved)
    return Page(items=[asset_public(a, now) for a in shown], next_cursor=next_cursor)


@router.get("/assets/{asset_id}")
async def get_asset(asset_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, now: Now) -> AssetPublic:
    """One asset with its rights."""
    return asset_public(await assets.get_asset(uow, caller, asset_id), now)

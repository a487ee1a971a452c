"""Tracking links and promo codes, made by a brand for its partnerships."""

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from metrics.api.dependencies import CanManage, IngestionDep, SettingsDep, UnitOfWorkDep
from metrics.api.presenters import NO_CLICKS, link_public, promo_public
from metrics.api.request_schemas import PromoCodeCreate, TrackingLinkCreate
from metrics.api.schemas import PromoCodePublic, TrackingLinkPublic
from metrics.application import links as link_actions
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1", tags=["tracking"])


@router.post("/tracking-links", status_code=status.HTTP_201_CREATED, dependencies=[CanManage])
async def create_tracking_link(
    body: TrackingLinkCreate, uow: UnitOfWorkDep, settings: SettingsDep, ingestion: IngestionDep, response: Response
) -> TrackingLinkPublic:
    """A short link for a partnership (or one of its deliverables) to the brand's page, with UTM parameters."""
    link = await link_actions.create_link(
        uow,
        partnership_id=body.partnership_id,
        deliverable_id=body.deliverable_id,
        destination_url=body.destination_url,
        utm=body.utm.model_dump(exclude_none=True) if body.utm else {},
        code=body.code,
        now=datetime.now(UTC),
    )
    # It redirects on this replica as soon as it is committed; the others read it within a second.
    uow.after_commit(lambda: ingestion.links.put(link))
    response.headers["Location"] = f"/api/v1/tracking-links/{link.id}"
    return link_public(link, settings.public_url)


@router.get("/tracking-links")
async def list_tracking_links(
    uow: UnitOfWorkDep,
    settings: SettingsDep,
    page: Pagination,
    campaign_id: Annotated[UUID | None, Query()] = None,
    partnership_id: Annotated[UUID | None, Query()] = None,
) -> Page[TrackingLinkPublic]:
    """The org's tracking links, newest first, with their click counts."""
    found = await uow.links.page(
        limit=page.limit + 1, after=created_key(page), campaign_id=campaign_id, partnership_id=partnership_id
    )
    shown, next_cursor = page_by_created(found, page, lambda link: (link.created_at, link.id))
    clicks = await uow.links.clicks([link.id for link in shown])
    items = [link_public(link, settings.public_url, clicks.get(link.id, NO_CLICKS)) for link in shown]
    return Page(items=items, next_cursor=next_cursor)


@router.get("/tracking-links/{link_id}")
async def get_tracking_link(link_id: UUID, uow: UnitOfWorkDep, settings: SettingsDep) -> TrackingLinkPublic:
    """One tracking link with its click counts."""
    link = await link_actions.get_link(uow, link_id)
    clicks = await uow.links.clicks([link.id])
    return link_public(link, settings.public_url, clicks.get(link.id, NO_CLICKS))


@router.delete("/tracking-links/{link_id}", dependencies=[CanManage])
async def deactivate_tracking_link(
    link_id: UUID, uow: UnitOfWorkDep, settings: SettingsDep, ingestion: IngestionDep
) -> TrackingLinkPublic:
    """Stop a link: its code no longer redirects (404, recording nothing); its clicks stay counted."""
    link = await link_actions.deactivate_link(uow, link_id, datetime.now(UTC))
    uow.after_commit(lambda: ingestion.links.put(link))
    clicks = await uow.links.clicks([link.id])
    return link_public(link, settings.public_url, clicks.get(link.id, NO_CLICKS))


@router.post("/promo-codes", status_code=status.HTTP_201_CREATED, dependencies=[CanManage])
async def create_promo_code(body: PromoCodeCreate, uow: UnitOfWorkDep) -> PromoCodePublic:
    """A code the brand gave a partnership: orders reported with it are attributed to the partnership."""
    promo = await link_actions.create_promo_code(
        uow, code=body.code, partnership_id=body.partnership_id, now=datetime.now(UTC)
    )
    return promo_public(promo)


@router.get("/promo-codes")
async def list_promo_codes(
    uow: UnitOfWorkDep, page: Pagination, partnership_id: Annotated[UUID | None, Query()] = None
) -> Page[PromoCodePublic]:
    """The org's promo codes, newest first."""
    found = await uow.promo_codes.page(limit=page.limit + 1, after=created_key(page), partnership_id=partnership_id)
    shown, next_cursor = page_by_created(found, page, lambda p: (p.created_at, p.id))
    return Page(items=[promo_public(p) for p in shown], next_cursor=next_cursor)


@router.delete("/promo-codes/{promo_code_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[CanManage])
async def delete_promo_code(promo_code_id: UUID, uow: UnitOfWorkDep) -> Response:
    """Orders reported from now on are no longer attributed by this code."""
    await link_actions.delete_promo_code(uow, promo_code_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

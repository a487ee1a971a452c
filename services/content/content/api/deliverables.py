"""Deliverables as brands and creators see them, their schedule and live post, and their media.
Who may do what is the domain's rule (`domain/access.py`, `domain/deliverables.py`)."""

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Header, Query, Request, Response, status

from content.api.deliverable_schemas import (
    DeliverableDetail,
    DeliverablePublic,
    MediaPublic,
    PostPublic,
    PublishBody,
    ScheduleBody,
)
from content.api.dependencies import BlobStoreDep, CallerDep, ConnectorDep, Now, UnitOfWorkDep
from content.api.presenters import deliverable_detail, deliverable_public, media_public, post_public
from content.application import deliverables, media, publishing
from content.application.ports import DeliverableFilter
from content.domain.deliverables import Deliverable, DeliverableState
from content.domain.media import LARGEST, MEDIA_TYPES, MediaRefused
from content.domain.posts import LivePost, normalise
from servicekit.pagination import Page, Pagination, created_key, page_by_created
from servicekit.problems import Problem
from servicekit.schemas import SINGLE_LINE

router = APIRouter(prefix="/api/v1", tags=["deliverables"])


def _created(d: Deliverable) -> tuple[datetime, UUID]:
    return d.created_at, d.id


async def _page(
    uow: UnitOfWorkDep, caller: CallerDep, page: Pagination, where: DeliverableFilter, today: date
) -> Page[DeliverablePublic]:
    found = await deliverables.list_deliverables(uow, caller, where, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(found, page, _created)
    return Page(items=[deliverable_public(d, caller, today) for d in shown], next_cursor=next_cursor)


@router.get(
    "/deliverables",
    responses={404: {"description": "campaign_id or partnership_id names none the caller may see"}},
)
async def list_deliverables(
    uow: UnitOfWorkDep,
    caller: CallerDep,
    page: Pagination,
    now: Now,
    campaign_id: UUID | None = None,
    partnership_id: UUID | None = None,
    state: DeliverableState | None = None,
    platform: Annotated[str | None, Query(max_length=32, pattern=SINGLE_LINE)] = None,
    due_before: Annotated[date | None, Query(description="Due before this day")] = None,
    overdue: Annotated[bool | None, Query(description="true: only overdue ones")] = None,
) -> Page[DeliverablePublic]:
    """A brand's deliverables, or a creator's own, newest first."""
    where = DeliverableFilter(
        campaign_id=campaign_id,
        partnership_id=partnership_id,
        state=state,
        platform=platform,
        due_before=due_before,
        overdue_on=now.date() if overdue else None,
    )
    return await _page(uow, caller, page, where, now.date())


@router.get("/partnerships/{partnership_id}/deliverables")
async def list_partnership_deliverables(
    partnership_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, page: Pagination, now: Now
) -> Page[DeliverablePublic]:
    """A partnership's deliverables (one per unit of each line of its signed terms)."""
    found = await deliverables.list_partnership_deliverables(
        uow, caller, partnership_id, limit=page.limit + 1, after=created_key(page)
    )
    shown, next_cursor = page_by_created(found, page, _created)
    return Page(items=[deliverable_public(d, caller, now.date()) for d in shown], next_cursor=next_cursor)


@router.get("/deliverables/{deliverable_id}")
async def get_deliverable(deliverable_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, now: Now) -> DeliverableDetail:
    """The deliverable with the brief it follows, its current version and its live post."""
    return deliverable_detail(await deliverables.get_deliverable(uow, caller, deliverable_id, now.date()))


@router.post("/deliverables/{deliverable_id}/schedule")
async def schedule_deliverable(
    deliverable_id: UUID, body: ScheduleBody, uow: UnitOfWorkDep, caller: CallerDep, now: Now
) -> DeliverablePublic:
    """Either side: when the approved version goes live (again to move it)."""
    deliverable = await publishing.schedule(uow, caller, deliverable_id, body.scheduled_for, now)
    return deliverable_public(deliverable, caller, now.date())


@router.post("/deliverables/{deliverable_id}/publish", status_code=status.HTTP_201_CREATED)
async def publish_deliverable(
    deliverable_id: UUID,
    body: PublishBody,
    uow: UnitOfWorkDep,
    caller: CallerDep,
    connector: ConnectorDep,
    now: Now,
    response: Response,
) -> PostPublic:
    """Record the live post (201; the same post again: 200, still one post)."""
    found = await deliverables.visible(uow, caller, deliverable_id)
    claimed = LivePost(normalise(found[0].platform, body.url), body.published_at or now, body.caption)
    post, new = await publishing.publish(uow, caller, deliverable_id, claimed, connector, now)
    if not new:
        response.status_code = status.HTTP_200_OK
    return post_public(post)


_LIMITS = ", ".join(f"{t.content_type} {t.max_bytes // (1024 * 1024)} MiB" for t in MEDIA_TYPES.values())
_UPLOAD_BODY = {
    "required": True,
    "description": f"The file's bytes; its type is read from them. Limits: {_LIMITS}",
    "content": {content_type: {"schema": {"type": "string", "format": "binary"}} for content_type in MEDIA_TYPES},
}


@router.post(
    "/deliverables/{deliverable_id}/media",
    status_code=status.HTTP_201_CREATED,
    openapi_extra={"requestBody": _UPLOAD_BODY},
    responses={413: {"description": "Too large for its type"}, 415: {"description": "Not a medium taken"}},
)
async def upload_media(
    deliverable_id: UUID,
    request: Request,
    uow: UnitOfWorkDep,
    caller: CallerDep,
    blobs: BlobStoreDep,
    now: Now,
    x_content_sha256: Annotated[
        str | None,
        Header(pattern=r"^[0-9a-fA-F]{64}$", max_length=64, description="The file's SHA-256 (hex), checked if sent"),
    ] = None,
) -> MediaPublic:
    """Upload an image or video for this deliverable's versions (raw bytes as the body)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > LARGEST:
        raise Problem(413, f"{declared} bytes: no medium is larger than {LARGEST}")
    data = await request.body()
    try:
        stored = await media.upload(
            uow, blobs, caller, deliverable_id, data, request.headers.get("content-type"), x_content_sha256, now
        )
    except MediaRefused as refused:
        raise Problem(
            refused.status,
            refused.message,
            errors=[{"field": refused.field, "message": refused.message, "type": "media"}],
        ) from None
    return media_public(stored)


@router.get("/media/{media_id}")
async def get_media(media_id: UUID, uow: UnitOfWorkDep, caller: CallerDep) -> MediaPublic:
    """An uploaded medium's type, size and checksum."""
    return media_public(await media.get_media(uow, caller, media_id))


@router.get(
    "/media/{media_id}/content",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES}, "description": "The file"}},
)
async def get_media_content(media_id: UUID, uow: UnitOfWorkDep, caller: CallerDep, blobs: BlobStoreDep) -> Response:
    """The file itself."""
    found, data = await media.media_bytes(uow, blobs, caller, media_id)
    return Response(
        data,
        media_type=found.content_type,
        headers={"etag": f'"{found.sha256}"', "cache-control": "private, max-age=3600"},
    )

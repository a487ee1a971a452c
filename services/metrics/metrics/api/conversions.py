"""Orders reported by partner shops (scope conversions:write): one or a batch, with refunds and
cancellations; and the org's conversions, attributed or not."""

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response, status

from metrics.api.dependencies import CanManage, SettingsDep, UnitOfWorkDep
from metrics.api.presenters import conversion_public, conversion_result
from metrics.api.request_schemas import ConversionBatch, ConversionIn, ConversionReport
from metrics.api.schemas import ConversionPublic, ConversionResult, ConversionResults
from metrics.application.conversions import ReportedEntry, get_conversion, report
from metrics.domain.conversions import EntryKind
from servicekit.errors import NotFound
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/conversions", tags=["conversions"])


def _entry(item: ConversionIn, field: str) -> ReportedEntry:
    return ReportedEntry(
        field=field,
        kind=EntryKind(item.type),
        order_id=item.order_id,
        occurred_at=item.occurred_at,
        amount_minor=item.amount.amount_minor if item.amount else None,
        currency=item.amount.currency if item.amount else None,
        adjustment_id=item.adjustment_id,
        click_id=item.click_id,
        promo_code=item.promo_code,
    )


@router.post(
    "",
    dependencies=[CanManage],
    responses={
        201: {"model": ConversionResult | ConversionResults, "description": "Something new was stored"},
        200: {"description": "Only repeats"},
    },
    response_model=ConversionResult | ConversionResults,
)
async def report_conversions(
    body: Annotated[ConversionReport, Body()], uow: UnitOfWorkDep, settings: SettingsDep, response: Response
) -> ConversionResult | ConversionResults:
    """Report orders (and refunds or cancellations of them): one, or up to 1000 as `items`. The
    same order twice counts once; with another amount it is a 409. All or nothing."""
    items = body.items if isinstance(body, ConversionBatch) else [body]
    fields = [f"items.{i}" for i in range(len(items))] if isinstance(body, ConversionBatch) else [""]
    entries = [_entry(item, field) for item, field in zip(items, fields, strict=True)]
    outcomes = await report(uow, entries, click_key=settings.click_key(), now=datetime.now(UTC))
    created = any(outcome.created for outcome in outcomes)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    if isinstance(body, ConversionBatch):
        return ConversionResults(items=[conversion_result(o) for o in outcomes])
    return conversion_result(outcomes[0])


@router.get("")
async def list_conversions(
    uow: UnitOfWorkDep,
    page: Pagination,
    attributed: Annotated[bool | None, Query(description="false: only unattributed orders")] = None,
    campaign_id: Annotated[UUID | None, Query()] = None,
    partnership_id: Annotated[UUID | None, Query()] = None,
) -> Page[ConversionPublic]:
    """The org's orders, newest received first; unattributed ones with the reason."""
    found = await uow.conversions.page(
        limit=page.limit + 1,
        after=created_key(page),
        attributed=attributed,
        campaign_id=campaign_id,
        partnership_id=partnership_id,
    )
    shown, next_cursor = page_by_created(found, page, lambda c: (c.received_at, c.id))
    return Page(items=[conversion_public(c) for c in shown], next_cursor=next_cursor)


@router.get("/{conversion_id}")
async def get_one_conversion(conversion_id: UUID, uow: UnitOfWorkDep) -> ConversionPublic:
    """One order with its refunds and cancellation."""
    found = await get_conversion(uow, conversion_id)
    if found is None:
        raise NotFound("conversion", conversion_id)
    return conversion_public(*found)

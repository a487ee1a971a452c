"""Orders reported by partner shops (scope conversions:write): one or a batch, with refunds and
cancellations; and the org's conversions, attributed or not."""

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response, status
from pydantic import BaseModel, Field

from contracts import Money
from metrics.api.dependencies import CanManage, SettingsDep, UnitOfWorkDep
from metrics.api.request_schemas import ConversionBatch, ConversionIn, ConversionReport
from metrics.application.conversions import Outcome, ReportedEntry, get_conversion, report
from metrics.domain.conversions import Entry, EntryKind
from metrics.domain.records import ConversionRecord
from servicekit.errors import NotFound
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/conversions", tags=["conversions"])


class AttributionPublic(BaseModel):
    method: str = Field(description="click, promo_code or none (unattributed)")
    campaign_id: UUID | None
    partnership_id: UUID | None
    influencer_id: UUID | None
    link_id: UUID | None
    deliverable_id: UUID | None
    reason: str | None = Field(description="Why it is unattributed, or why a click id sent was passed over")


class AdjustmentPublic(BaseModel):
    id: UUID
    adjustment_id: str
    type: str
    amount: Money
    occurred_at: datetime


class ConversionPublic(BaseModel):
    id: UUID
    order_id: str
    amount: Money
    net: Money = Field(description="The amount less refunds and cancellations")
    counts: bool = Field(description="Counted as a conversion: net above zero and not cancelled")
    cancelled: bool
    occurred_at: datetime
    received_at: datetime
    click_id: str | None
    promo_code: str | None
    attribution: AttributionPublic
    adjustments: list[AdjustmentPublic] | None = Field(description="Listed on GET of one conversion")


class ConversionResult(BaseModel):
    type: str
    order_id: str
    created: bool = Field(description="False: the same as reported before (a repeat changes nothing)")
    conversion: ConversionPublic


class ConversionResults(BaseModel):
    items: list[ConversionResult]


def conversion_public(record: ConversionRecord, adjustments: list[Entry] | None = None) -> ConversionPublic:
    return ConversionPublic(
        id=record.id,
        order_id=record.order_id,
        amount=Money(amount_minor=record.amount_minor, currency=record.currency),
        net=Money(amount_minor=max(record.net_minor, 0), currency=record.currency),
        counts=record.net_minor > 0 and not record.cancelled,
        cancelled=record.cancelled,
        occurred_at=record.occurred_at,
        received_at=record.received_at,
        click_id=record.click_id,
        promo_code=record.promo_code,
        attribution=AttributionPublic(
            method=record.method,
            campaign_id=record.campaign_id,
            partnership_id=record.partnership_id,
            influencer_id=record.influencer_id,
            link_id=record.link_id,
            deliverable_id=record.deliverable_id,
            reason=record.reason,
        ),
        adjustments=None
        if adjustments is None
        else [
            AdjustmentPublic(
                id=a.id,
                adjustment_id=a.adjustment_id or "",
                type=a.kind.value,
                amount=Money(amount_minor=a.amount_minor, currency=a.currency),
                occurred_at=a.occurred_at,
            )
            for a in adjustments
        ],
    )


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


def _result(outcome: Outcome) -> ConversionResult:
    return ConversionResult(
        type=outcome.entry.kind.value,
        order_id=outcome.entry.order_id,
        created=outcome.created,
        conversion=conversion_public(outcome.record),
    )


@router.post(
    "",
    dependencies=[CanManage],
    responses={201: {"description": "Something new was stored"}, 200: {"description": "Only repeats"}},
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
        return ConversionResults(items=[_result(o) for o in outcomes])
    return _result(outcomes[0])


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

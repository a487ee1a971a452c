"""What an org sets in metrics: exchange rates between currencies and earned-media values."""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from metrics.api.dependencies import CanManage, UnitOfWorkDep
from metrics.api.presenters import emv_public, rate_public
from metrics.api.request_schemas import EmvValuesIn, ExchangeRateCreate
from metrics.api.schemas import EmvValuesPublic, ExchangeRatePublic
from metrics.application import settings as actions
from metrics.domain.measurement import EmvValues
from servicekit.pagination import Page, Pagination, bad_cursor, encode_cursor

router = APIRouter(prefix="/api/v1", tags=["settings"])


@router.post(
    "/exchange-rates",
    status_code=status.HTTP_201_CREATED,
    dependencies=[CanManage],
    responses={200: {"model": ExchangeRatePublic, "description": "The same rate was set before"}},
)
async def add_exchange_rate(body: ExchangeRateCreate, uow: UnitOfWorkDep, response: Response) -> ExchangeRatePublic:
    """A dated rate: amounts in `base` dated from `valid_on` on (until a later rate) convert to `quote` with it."""
    rate, created = await actions.add_rate(
        uow, base=body.base, quote=body.quote, rate=Decimal(body.rate), valid_on=body.valid_on, now=datetime.now(UTC)
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return rate_public(rate)


@router.get("/exchange-rates")
async def list_exchange_rates(
    uow: UnitOfWorkDep,
    page: Pagination,
    base: Annotated[str | None, Query(min_length=3, max_length=3, pattern=r"^[A-Z]{3}$")] = None,
    quote: Annotated[str | None, Query(min_length=3, max_length=3, pattern=r"^[A-Z]{3}$")] = None,
) -> Page[ExchangeRatePublic]:
    """The org's rates by pair, newest day first."""
    after = None
    if page.after:
        if len(page.after) != 4 or not all(isinstance(v, str) for v in page.after):
            raise bad_cursor()
        try:
            date.fromisoformat(page.after[2])
            UUID(page.after[3])
        except ValueError:
            raise bad_cursor() from None
        after = (page.after[0], page.after[1], page.after[2], page.after[3])
    rates = await uow.settings.rate_page(limit=page.limit + 1, after=after, base=base, quote=quote)
    shown = rates[: page.limit]
    next_cursor = None
    if len(rates) > page.limit:
        last = shown[-1]
        next_cursor = encode_cursor([last.base, last.quote, last.valid_on.isoformat(), str(last.id)])
    return Page(items=[rate_public(r) for r in shown], next_cursor=next_cursor)


@router.delete("/exchange-rates/{rate_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[CanManage])
async def delete_exchange_rate(rate_id: UUID, uow: UnitOfWorkDep) -> Response:
    """Figures are converted with the rates in force when they are asked for: the next answer uses the others."""
    await actions.remove_rate(uow, rate_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/emv-values")
async def get_emv_values(uow: UnitOfWorkDep) -> EmvValuesPublic:
    """The org's earned-media value of each action (none set: no EMV)."""
    values = await uow.settings.emv()
    return emv_public(values)


@router.put("/emv-values", dependencies=[CanManage])
async def put_emv_values(body: EmvValuesIn, uow: UnitOfWorkDep) -> EmvValuesPublic:
    """Set the value of a thousand of each action (minor units of `currency`)."""
    values = await actions.set_emv(uow, EmvValues(body.currency, dict(body.per_mille_minor)), datetime.now(UTC))
    return emv_public(values)

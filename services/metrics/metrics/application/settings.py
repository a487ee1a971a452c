"""What an org sets: exchange rates, earned-media values, a campaign's attribution window."""

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from metrics.application.ports import UnitOfWork
from metrics.domain.measurement import EmvValues
from metrics.domain.money import ExchangeRate
from servicekit.errors import Conflict, InvalidField, NotFound


async def add_rate(
    uow: UnitOfWork, *, base: str, quote: str, rate: Decimal, valid_on: date, now: datetime
) -> tuple[ExchangeRate, bool]:
    """The rate and whether it is new. A rate in force for a pair and day does not change (figures
    were converted with it): the same rate again is a repeat, another one a conflict."""
    if base == quote:
        raise InvalidField("quote", "a rate converts between two different currencies")
    if rate <= 0:
        raise InvalidField("rate", "must be above zero")
    new = ExchangeRate(uuid4(), base, quote, rate.normalize(), valid_on)
    if await uow.settings.add_rate(new, now):
        return new, True
    kept = await uow.settings.rate_on(base, quote, valid_on)
    assert kept is not None
    if kept.rate != new.rate:
        raise Conflict(
            f"{base}/{quote} on {valid_on} is {kept.rate} already: delete it to set another",
            field="rate",
            id=str(kept.id),
        )
    return kept, False


async def remove_rate(uow: UnitOfWork, rate_id: UUID) -> None:
    if await uow.settings.rate(rate_id) is None:
        raise NotFound("exchange rate", rate_id)
    await uow.settings.remove_rate(rate_id)


async def set_emv(uow: UnitOfWork, values: EmvValues, now: datetime) -> EmvValues:
    await uow.settings.set_emv(values, now)
    return values


async def attribution_window(uow: UnitOfWork, campaign_id: UUID) -> int | None:
    if await uow.campaigns.get(campaign_id) is None:
        raise NotFound("campaign", campaign_id)
    return await uow.settings.attribution_window(campaign_id)


async def set_attribution_window(uow: UnitOfWork, campaign_id: UUID, days: int, now: datetime) -> None:
    if await uow.campaigns.get(campaign_id) is None:
        raise NotFound("campaign", campaign_id)
    await uow.settings.set_attribution_window(campaign_id, days, now)

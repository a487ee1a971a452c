"""Domain objects as the API shows them: each wire model read from the object's attributes
(servicekit.presenters), with what the object does not hold given beside it."""

from typing import Any

from contracts import Money
from metrics.api.schemas import (
    AdjustmentPublic,
    AttributionPublic,
    ConversionPublic,
    ConversionResult,
    EmvValuesPublic,
    ExchangeRatePublic,
    KpisPublic,
    MoneyFigure,
    MoneyFigures,
    PacingPublic,
    PromoCodePublic,
    RateUsedPublic,
    TotalsPublic,
    TrackingLinkPublic,
)
from metrics.application.conversions import Outcome
from metrics.domain.conversions import Entry
from metrics.domain.kpis import Kpis, Totals
from metrics.domain.links import TrackingLink
from metrics.domain.measurement import EmvValues, Measurement
from metrics.domain.money import Converted, ExchangeRate, RateUse, rate_text
from metrics.domain.pacing import Pacing
from metrics.domain.records import ConversionRecord, PromoCode
from servicekit.presenters import present

NO_CLICKS = (0, 0, 0)


def _rate_used(use: RateUse) -> RateUsedPublic:
    return present(
        RateUsedPublic,
        use.rate,
        rate=rate_text(use.rate.rate),
        source_minor=use.source_minor,
        target_minor=use.target_minor,
    )


def figure(converted: Converted) -> MoneyFigure:
    return present(MoneyFigure, converted, rates_used=[_rate_used(u) for u in converted.rates_used])


def totals_public(measured: Measurement | None) -> TotalsPublic:
    clicks = measured.clicks if measured is not None else None
    emv = measured.emv.known_minor if measured is not None and measured.emv is not None else None
    return present(
        TotalsPublic,
        measured.totals if measured is not None else Totals(),
        tracked_clicks=clicks.tracked if clicks else 0,
        reported_link_clicks=clicks.reported if clicks else 0,
        bot_clicks=clicks.bots if clicks else 0,
        repeat_clicks=clicks.repeats if clicks else 0,
        emv_minor=emv,
    )


def kpis_public(kpis: Kpis | None) -> KpisPublic:
    if kpis is None:
        return KpisPublic(**dict.fromkeys(KpisPublic.model_fields))
    return KpisPublic.model_validate(kpis, from_attributes=True)


def measurement_fields(measured: Measurement | None, currency: str | None) -> dict[str, Any]:
    """The fields every measured scope (campaign, partnership, influencer, post) shows."""
    money = None
    if measured is not None and currency is not None:
        money = MoneyFigures(
            revenue=figure(measured.revenue),
            fees=figure(measured.fees),
            spend=figure(measured.spend),
            emv=figure(measured.emv) if measured.emv is not None else None,
        )
    return {
        "currency": currency,
        "totals": totals_public(measured),
        "kpis": kpis_public(measured.kpis if measured is not None else None),
        "money": money,
    }


def pacing_public(pacing: Pacing | None) -> PacingPublic | None:
    return None if pacing is None else PacingPublic.model_validate(pacing, from_attributes=True)


def _adjustment_public(entry: Entry) -> AdjustmentPublic:
    return present(
        AdjustmentPublic,
        entry,
        adjustment_id=entry.adjustment_id or "",
        type=entry.kind.value,
        amount=Money(amount_minor=entry.amount_minor, currency=entry.currency),
    )


def conversion_public(record: ConversionRecord, adjustments: list[Entry] | None = None) -> ConversionPublic:
    return present(
        ConversionPublic,
        record,
        amount=Money(amount_minor=record.amount_minor, currency=record.currency),
        net=Money(amount_minor=max(record.net_minor, 0), currency=record.currency),
        counts=record.net_minor > 0 and not record.cancelled,
        attribution=AttributionPublic.model_validate(record, from_attributes=True),
        adjustments=None if adjustments is None else [_adjustment_public(a) for a in adjustments],
    )


def conversion_result(outcome: Outcome) -> ConversionResult:
    return ConversionResult(
        type=outcome.entry.kind.value,
        order_id=outcome.entry.order_id,
        created=outcome.created,
        conversion=conversion_public(outcome.record),
    )


def rate_public(rate: ExchangeRate) -> ExchangeRatePublic:
    return present(ExchangeRatePublic, rate, rate=rate_text(rate.rate))


def link_public(link: TrackingLink, public_url: str, clicks: tuple[int, int, int] = NO_CLICKS) -> TrackingLinkPublic:
    """`clicks`: counted, bots', repeats'."""
    counted, bots, repeats = clicks
    return present(
        TrackingLinkPublic,
        link,
        short_url=f"{public_url.rstrip('/')}/r/{link.code}",
        clicks=counted,
        bot_clicks=bots,
        repeat_clicks=repeats,
    )


def promo_public(promo: PromoCode) -> PromoCodePublic:
    return PromoCodePublic.model_validate(promo, from_attributes=True)


def emv_public(values: EmvValues | None) -> EmvValuesPublic:
    if values is None:
        return EmvValuesPublic(currency=None, per_mille_minor={})
    return EmvValuesPublic(currency=values.currency, per_mille_minor=dict(values.per_mille_minor))

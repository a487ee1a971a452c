"""What metrics answers (response models) and how domain results become them."""

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from metrics.domain.kpis import Kpis, Totals
from metrics.domain.measurement import Measurement
from metrics.domain.money import Converted, rate_text
from metrics.domain.pacing import Pacing


class TotalsPublic(BaseModel):
    posts: int
    impressions: int
    reach: int = Field(description="Added over posts (people reached by two posts count twice)")
    views: int
    likes: int
    comments: int
    shares: int
    saves: int
    engagements: int
    watch_time_s: int
    clicks: int = Field(
        description="Counted tracked clicks, plus platform-reported link clicks of posts no link covers"
    )
    tracked_clicks: int
    reported_link_clicks: int
    bot_clicks: int = Field(description="Recorded, not counted")
    repeat_clicks: int = Field(description="Recorded, not counted: the same client within 30 minutes")
    conversions: int
    revenue_minor: int
    fees_minor: int
    spend_minor: int
    cost_minor: int
    emv_minor: int | None


class KpisPublic(BaseModel):
    engagement_rate: float | None
    engagement_rate_by_impressions: float | None
    engagement_rate_by_reach: float | None
    engagement_rate_by_views: float | None
    ctr: float | None
    conversion_rate: float | None
    cpm: float | None = Field(description="Minor units of the currency")
    cpe: float | None
    cpc: float | None
    cpa: float | None
    roi: float | None
    roas: float | None


class RateUsedPublic(BaseModel):
    rate_id: UUID
    source: str = Field(description="The currency converted from")
    target: str
    rate: str = Field(description="Units of `target` per unit of `source` (the inverse of a stored rate if `inverse`)")
    valid_on: date
    inverse: bool
    source_minor: int
    target_minor: int


class AmountPublic(BaseModel):
    amount_minor: int = Field(description="Negative for money taken back (refunds)")
    currency: str


class MoneyFigure(BaseModel):
    """An amount in the scope's currency, the exchange rates it used, and what no rate covered."""

    amount_minor: int
    currency: str
    complete: bool = Field(description="False: part of it is in a currency without a rate (see `unconverted`)")
    rates_used: list[RateUsedPublic]
    unconverted: list[AmountPublic]


class MoneyFigures(BaseModel):
    revenue: MoneyFigure
    fees: MoneyFigure
    spend: MoneyFigure
    emv: MoneyFigure | None


class TargetPacePublic(BaseModel):
    kpi: str
    target: float
    actual: float | None
    expected_by_now: float | None
    reached: bool
    on_track: bool | None


class PacingPublic(BaseModel):
    budget_minor: int | None
    cost_minor: int | None
    budget_spent_share: float | None
    elapsed_share: float | None
    over_budget: bool | None
    targets: list[TargetPacePublic]


class MeasurementPublic(BaseModel):
    currency: str | None
    totals: TotalsPublic
    kpis: KpisPublic
    money: MoneyFigures | None


class CampaignMetrics(MeasurementPublic):
    campaign_id: UUID
    campaign_state: str
    pacing: PacingPublic | None
    updated_at: datetime


class PartnershipMetrics(MeasurementPublic):
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    state: str


class InfluencerPerformance(MeasurementPublic):
    influencer_id: UUID
    partnerships: int
    campaigns: list[UUID]


class PostMetrics(MeasurementPublic):
    post_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    deliverable_id: UUID
    platform: str
    url: str
    external_id: str | None
    published_at: datetime
    click_source: str = Field(
        description="tracking_link: its deliverable's links; partnership_link: counted on the partnership's"
        " link, not per post; reported: the platform's link clicks (no link covers the post)"
    )


class SeriesPointPublic(BaseModel):
    bucket: date = Field(description="The day, or the Monday of the week, in the time zone asked")
    impressions: int
    reach: int
    views: int
    engagements: int
    clicks: int
    conversions: int
    revenue_minor: int | None
    cost_minor: int | None


class Timeseries(BaseModel):
    campaign_id: UUID
    granularity: str
    tz: str
    currency: str | None
    points: list[SeriesPointPublic]


def figure(converted: Converted) -> MoneyFigure:
    return MoneyFigure(
        amount_minor=converted.amount_minor,
        currency=converted.currency,
        complete=converted.complete,
        rates_used=[
            RateUsedPublic(
                rate_id=u.rate.rate_id,
                source=u.rate.source,
                target=u.rate.target,
                rate=rate_text(u.rate.rate),
                valid_on=u.rate.valid_on,
                inverse=u.rate.inverse,
                source_minor=u.source_minor,
                target_minor=u.target_minor,
            )
            for u in converted.rates_used
        ],
        unconverted=[AmountPublic(amount_minor=g.amount_minor, currency=g.currency) for g in converted.unconverted],
    )


def totals_public(measured: Measurement | None) -> TotalsPublic:
    t = measured.totals if measured is not None else Totals()
    clicks = measured.clicks if measured is not None else None
    emv = measured.emv.known_minor if measured is not None and measured.emv is not None else None
    return TotalsPublic(
        posts=t.posts,
        impressions=t.impressions,
        reach=t.reach,
        views=t.views,
        likes=t.likes,
        comments=t.comments,
        shares=t.shares,
        saves=t.saves,
        engagements=t.engagements,
        watch_time_s=t.watch_time_s,
        clicks=t.clicks,
        tracked_clicks=clicks.tracked if clicks else 0,
        reported_link_clicks=clicks.reported if clicks else 0,
        bot_clicks=clicks.bots if clicks else 0,
        repeat_clicks=clicks.repeats if clicks else 0,
        conversions=t.conversions,
        revenue_minor=t.revenue_minor,
        fees_minor=t.fees_minor,
        spend_minor=t.spend_minor,
        cost_minor=t.cost_minor,
        emv_minor=emv,
    )


def kpis_public(kpis: Kpis | None) -> KpisPublic:
    if kpis is None:
        return KpisPublic(**dict.fromkeys(KpisPublic.model_fields))
    return KpisPublic(**vars(kpis))


def measurement_fields(measured: Measurement | None, currency: str | None) -> dict[str, object]:
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
    if pacing is None:
        return None
    return PacingPublic(
        budget_minor=pacing.budget_minor,
        cost_minor=pacing.cost_minor,
        budget_spent_share=pacing.budget_spent_share,
        elapsed_share=pacing.elapsed_share,
        over_budget=pacing.over_budget,
        targets=[TargetPacePublic(**vars(t)) for t in pacing.targets],
    )

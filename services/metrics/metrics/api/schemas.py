"""What metrics answers: the response models (api/presenters.py fills them from domain objects)."""

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from contracts import Money


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


class TrackingLinkPublic(BaseModel):
    id: UUID
    code: str
    short_url: str = Field(description="The public link: the gateway's /r/{code}")
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    deliverable_id: UUID | None
    destination_url: str
    target_url: str = Field(description="Where a click lands: the destination with its UTM parameters and a click_id")
    active: bool
    clicks: int = Field(description="Counted clicks")
    bot_clicks: int
    repeat_clicks: int
    created_at: datetime
    updated_at: datetime


class PromoCodePublic(BaseModel):
    id: UUID
    code: str = Field(description="Compared in upper case")
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    created_at: datetime


class ExchangeRatePublic(BaseModel):
    id: UUID
    base: str
    quote: str
    rate: str = Field(description="Units of `quote` per unit of `base`")
    valid_on: date


class EmvValuesPublic(BaseModel):
    currency: str | None
    per_mille_minor: dict[str, int]


class InsightsAccepted(BaseModel):
    post_id: UUID
    accepted: int = Field(description="New snapshots, counted into the post's totals within a second")
    repeats: int = Field(description="Snapshots kept before with the same numbers: they change nothing")


class InsightSnapshotPublic(BaseModel):
    observed_at: datetime
    received_at: datetime
    metrics: dict[str, int] = Field(description="In metrics' names (see the service's README)")

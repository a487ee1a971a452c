"""Events produced by metrics (topic metrics.events; key: the influencer id for performance, the
campaign id for the others)."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import Field

from contracts.events.base import EventData
from contracts.money import Money


class PerformanceUpdated(EventData):
    """An influencer's measured results changed (folded into discovery's ranking)."""

    event_type = "metrics.performance.updated"
    producer = "metrics"
    kafka_key = "influencer id"

    influencer_id: UUID
    campaign_id: UUID | None = None
    partnership_id: UUID | None = None
    posts: int = Field(ge=0)
    impressions: int = Field(ge=0)
    engagements: int = Field(ge=0)
    clicks: int = Field(ge=0)
    conversions: int = Field(ge=0)
    revenue: Money | None = None
    cost: Money | None = None
    engagement_rate: float | None = Field(default=None, ge=0)
    roi: float | None = None


class ConversionAttributed(EventData):
    """A shop's order, or a refund or cancellation of one, was attributed to a partnership
    (partnerships computes commission fees from these)."""

    event_type = "metrics.conversion.attributed"
    producer = "metrics"

    entry_id: UUID = Field(description="This order or adjustment; each is told once")
    conversion_id: UUID = Field(description="The order in metrics (its adjustments name it too)")
    order_id: str = Field(description="The shop's order id")
    entry_kind: Literal["order", "refund", "cancellation"] = Field(
        description="An order, or a refund or cancellation of one"
    )
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    method: Literal["click", "promo_code"] = Field(description="How the order was attributed")
    amount: Money = Field(description="The order's amount, or what the refund or cancellation took off")
    net_change_minor: int = Field(description="+amount for an order, -amount for a refund or cancellation")
    in_campaign_currency: Money | None = Field(
        default=None,
        description="The amount in the campaign's budget currency (the org's exchange rate where the"
        " currencies differ); null when no rate is known",
    )
    exchange_rate: str | None = Field(default=None, description="The rate used (decimal text), if any")
    occurred_at: datetime


class KpiReached(EventData):
    """A KPI target set on a campaign was reached (told once per campaign and KPI)."""

    event_type = "metrics.kpi.reached"
    producer = "metrics"

    campaign_id: UUID
    kpi: str = Field(description="The KPI's name, as in the campaign's `kpis`")
    target: float
    actual: float
    reached_at: datetime


EVENTS: tuple[type[EventData], ...] = (PerformanceUpdated, ConversionAttributed, KpiReached)

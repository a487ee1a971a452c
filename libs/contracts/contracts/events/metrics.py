"""Events produced by metrics (topic metrics.events, key = influencer id)."""

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


EVENTS: tuple[type[EventData], ...] = (PerformanceUpdated,)

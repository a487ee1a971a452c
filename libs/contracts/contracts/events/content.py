"""Events produced by content (topic content.events, key = campaign id)."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import Field

from contracts.events.base import EventData
from contracts.money import Money


class DeliverableEvent(EventData):
    deliverable_id: UUID
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID


class ContentSubmitted(DeliverableEvent):
    event_type = "content.submitted"
    producer = "content"

    submission_id: UUID
    version: int = Field(ge=1)


class ContentApproved(DeliverableEvent):
    event_type = "content.approved"
    producer = "content"

    submission_id: UUID
    version: int = Field(ge=1)


class ContentChangesRequested(DeliverableEvent):
    event_type = "content.changes_requested"
    producer = "content"

    submission_id: UUID
    version: int = Field(ge=1)


class ContentPublished(DeliverableEvent):
    event_type = "content.published"
    producer = "content"

    post_id: UUID
    platform: str
    url: str
    published_at: datetime


class ContentAmplified(DeliverableEvent):
    event_type = "content.amplified"
    producer = "content"

    amplification_id: UUID
    post_id: UUID | None = None
    kind: Literal["paid_boost", "brand_repost"]
    spend: Money


EVENTS: tuple[type[EventData], ...] = (
    ContentSubmitted,
    ContentApproved,
    ContentChangesRequested,
    ContentPublished,
    ContentAmplified,
)

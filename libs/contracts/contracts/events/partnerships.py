"""Events produced by partnerships (topic partnerships.events, key = campaign id)."""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from contracts.events.base import EventData
from contracts.money import Money

Objective = Literal["awareness", "engagement", "conversions"]
CollaborationType = Literal["sponsored_post", "product_review", "giveaway", "ambassadorship", "affiliate"]


class CampaignCreated(EventData):
    event_type = "campaign.created"
    producer = "partnerships"

    campaign_id: UUID
    name: str
    objective: Objective
    budget: Money | None = None
    starts_on: date | None = None
    ends_on: date | None = None


class CampaignLaunched(EventData):
    event_type = "campaign.launched"
    producer = "partnerships"

    campaign_id: UUID
    budget: Money
    starts_on: date
    ends_on: date


class CampaignCompleted(EventData):
    event_type = "campaign.completed"
    producer = "partnerships"

    campaign_id: UUID


class CampaignCancelled(EventData):
    event_type = "campaign.cancelled"
    producer = "partnerships"

    campaign_id: UUID
    reason: str | None = None


class Deliverable(BaseModel):
    """One line of a partnership's agreed terms."""

    model_config = ConfigDict(frozen=True)

    type: str
    platform: str
    count: int = Field(ge=1)
    due_on: date | None = None


class PartnershipEvent(EventData):
    """Fields every partnership transition carries."""

    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    terms_version: int = Field(ge=1)
    actor: Literal["brand", "creator", "system"]


class PartnershipProposed(PartnershipEvent):
    event_type = "partnership.proposed"
    producer = "partnerships"

    collaboration_type: CollaborationType
    fee: Money | None = None
    deliverables: list[Deliverable] = []


class PartnershipCountered(PartnershipEvent):
    event_type = "partnership.countered"
    producer = "partnerships"

    fee: Money | None = None


class PartnershipAccepted(PartnershipEvent):
    event_type = "partnership.accepted"
    producer = "partnerships"


class PartnershipDeclined(PartnershipEvent):
    event_type = "partnership.declined"
    producer = "partnerships"


class PartnershipWithdrawn(PartnershipEvent):
    event_type = "partnership.withdrawn"
    producer = "partnerships"


class PartnershipSigned(PartnershipEvent):
    event_type = "partnership.signed"
    producer = "partnerships"

    terms_hash: str
    collaboration_type: CollaborationType
    fee: Money | None = None
    deliverables: list[Deliverable] = []


class PartnershipCompleted(PartnershipEvent):
    event_type = "partnership.completed"
    producer = "partnerships"


class PartnershipCancelled(PartnershipEvent):
    event_type = "partnership.cancelled"
    producer = "partnerships"

    reason: str | None = None


class PaymentRecorded(EventData):
    event_type = "payment.recorded"
    producer = "partnerships"

    payment_id: UUID
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    milestone: Literal["on_signing", "on_approval", "on_publish"]
    amount: Money
    paid_at: datetime


EVENTS: tuple[type[EventData], ...] = (
    CampaignCreated,
    CampaignLaunched,
    CampaignCompleted,
    CampaignCancelled,
    PartnershipProposed,
    PartnershipCountered,
    PartnershipAccepted,
    PartnershipDeclined,
    PartnershipWithdrawn,
    PartnershipSigned,
    PartnershipCompleted,
    PartnershipCancelled,
    PaymentRecorded,
)

"""Events produced by partnerships (topic partnerships.events, key = campaign id)."""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from contracts.events.base import EventData
from contracts.money import Money
from contracts.vocabulary import CampaignState, CollaborationType, FeeKind, MilestoneTrigger, Objective, Party


class CampaignCreated(EventData):
    event_type = "campaign.created"
    producer = "partnerships"

    campaign_id: UUID
    name: str
    objective: Objective
    budget: Money | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    kpis: dict[str, float] | None = Field(
        default=None, description="Target value per KPI name (metrics paces against them); null: not told"
    )


class CampaignUpdated(EventData):
    """The campaign's fields after a change (name, objective, budget, dates)."""

    event_type = "campaign.updated"
    producer = "partnerships"

    campaign_id: UUID
    name: str
    objective: Objective
    state: CampaignState
    budget: Money | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    kpis: dict[str, float] | None = Field(
        default=None, description="Target value per KPI name (metrics paces against them); null: not told"
    )
    changed: list[str] = Field(default=[], description="Names of the fields this change touched")


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
    """One line of a partnership's agreed terms: `count` deliverables of one type on one platform."""

    model_config = ConfigDict(frozen=True)

    type: str
    platform: str
    count: int = Field(ge=1)
    due_on: date | None = None


class UsageRights(BaseModel):
    model_config = ConfigDict(frozen=True)

    channels: list[str]
    duration_days: int = Field(ge=0)


class Exclusivity(BaseModel):
    model_config = ConfigDict(frozen=True)

    categories: list[str]
    duration_days: int = Field(ge=1)


class PaymentMilestone(BaseModel):
    model_config = ConfigDict(frozen=True)

    trigger: MilestoneTrigger
    amount: Money


class PartnershipDrafted(EventData):
    """A partnership exists in draft (not yet offered to the influencer)."""

    event_type = "partnership.drafted"
    producer = "partnerships"

    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    origin: Literal["api", "shortlist"]
    actor: Party
    actor_user_id: UUID | None = None


class PartnershipEvent(EventData):
    """Fields every partnership transition carries."""

    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    terms_version: int = Field(ge=0, description="Current terms version; 0 for a draft without terms")
    actor: Party
    actor_user_id: UUID | None = None


class PartnershipProposed(PartnershipEvent):
    event_type = "partnership.proposed"
    producer = "partnerships"

    collaboration_type: CollaborationType
    fee: Money | None = Field(default=None, description="What the terms cost the campaign budget")
    fee_kind: FeeKind | None = None
    commission_rate_bps: int | None = Field(default=None, description="Commission in basis points of sales")
    deliverables: list[Deliverable] = []
    terms_hash: str | None = None


class PartnershipCountered(PartnershipEvent):
    event_type = "partnership.countered"
    producer = "partnerships"

    fee: Money | None = None
    collaboration_type: CollaborationType | None = None
    fee_kind: FeeKind | None = None
    commission_rate_bps: int | None = None
    deliverables: list[Deliverable] = []
    terms_hash: str | None = None


class PartnershipAccepted(PartnershipEvent):
    event_type = "partnership.accepted"
    producer = "partnerships"


class PartnershipSignatureRecorded(PartnershipEvent):
    """One party signed the current terms; the contract is signed when the other does too."""

    event_type = "partnership.signature_recorded"
    producer = "partnerships"

    terms_hash: str


class PartnershipDeclined(PartnershipEvent):
    event_type = "partnership.declined"
    producer = "partnerships"

    reason: str | None = None


class PartnershipWithdrawn(PartnershipEvent):
    event_type = "partnership.withdrawn"
    producer = "partnerships"

    reason: str | None = None


class PartnershipSigned(PartnershipEvent):
    event_type = "partnership.signed"
    producer = "partnerships"

    terms_hash: str
    collaboration_type: CollaborationType
    fee: Money | None = None
    fee_kind: FeeKind | None = None
    commission_rate_bps: int | None = None
    deliverables: list[Deliverable] = []
    usage_rights: UsageRights | None = None
    exclusivity: Exclusivity | None = None
    payment_schedule: list[PaymentMilestone] = []
    signed_at: datetime | None = None


class PartnershipActivated(PartnershipEvent):
    """A signed contract starts running (its campaign is active)."""

    event_type = "partnership.activated"
    producer = "partnerships"


class PartnershipCompleted(PartnershipEvent):
    event_type = "partnership.completed"
    producer = "partnerships"


class PartnershipCancelled(PartnershipEvent):
    event_type = "partnership.cancelled"
    producer = "partnerships"

    reason: str | None = None


class PartnershipMessagePosted(EventData):
    """A message on a partnership (the text stays in partnerships)."""

    event_type = "partnership.message_posted"
    producer = "partnerships"

    message_id: UUID
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    actor: Party
    actor_user_id: UUID | None = None


class PaymentRecorded(EventData):
    event_type = "payment.recorded"
    producer = "partnerships"

    payment_id: UUID
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    milestone: MilestoneTrigger
    amount: Money
    paid_at: datetime
    reason: Literal["milestone_reached", "partnership_completed"] = "milestone_reached"
    trigger_event_id: UUID | None = Field(default=None, description="The content event that made it payable")


class AmplificationDecision(EventData):
    """Partnerships' answer to content's `content.amplification_requested`."""

    amplification_id: UUID
    deliverable_id: UUID
    partnership_id: UUID
    campaign_id: UUID
    spend: Money = Field(description="The spend asked for")


class AmplificationFunded(AmplificationDecision):
    """The spend is committed from the campaign budget."""

    event_type = "amplification.funded"
    producer = "partnerships"


class AmplificationRefused(AmplificationDecision):
    """The campaign budget cannot cover the spend (or the campaign is over): nothing is committed."""

    event_type = "amplification.refused"
    producer = "partnerships"

    reason: str
    remaining: Money | None = Field(default=None, description="What the budget had left when it refused")


class CommissionAccrued(EventData):
    """A commission contract earned (or, after a refund, gave back) commission on attributed sales."""

    event_type = "partnership.commission_accrued"
    producer = "partnerships"

    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    entry_id: UUID = Field(description="The metrics.conversion.attributed entry it follows from")
    change: int = Field(description="Commission earned by this entry, in minor units (negative: given back)")
    accrued: Money = Field(description="The commission earned so far (never above the contract's cap)")
    net_sales: Money = Field(description="Attributed sales so far, less refunds and cancellations")


EVENTS: tuple[type[EventData], ...] = (
    CampaignCreated,
    CampaignUpdated,
    CampaignLaunched,
    CampaignCompleted,
    CampaignCancelled,
    PartnershipDrafted,
    PartnershipProposed,
    PartnershipCountered,
    PartnershipAccepted,
    PartnershipSignatureRecorded,
    PartnershipDeclined,
    PartnershipWithdrawn,
    PartnershipSigned,
    PartnershipActivated,
    PartnershipCompleted,
    PartnershipCancelled,
    PartnershipMessagePosted,
    PaymentRecorded,
    AmplificationFunded,
    AmplificationRefused,
    CommissionAccrued,
)

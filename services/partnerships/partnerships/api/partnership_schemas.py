from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from contracts import Money
from partnerships.api.schemas import Amount
from partnerships.domain.negotiation import Action, PartnershipState, Party
from partnerships.domain.partnerships import Origin
from partnerships.domain.terms import CollaborationType, MilestoneTrigger

DeliverableType = Literal["post", "story", "reel", "short", "video", "live", "blog_post", "podcast"]
UsageChannel = Literal["organic_social", "paid_social", "website", "email", "print", "out_of_home", "tv"]
Platform = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,31}$", examples=["instagram", "tiktok", "youtube"])]
Category = Annotated[str, Field(min_length=1, max_length=64)]


class DeliverableTerms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: DeliverableType
    platform: Platform
    count: int = Field(ge=1, le=100)
    due_on: date | None = None


class FixedFee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["fixed"]
    amount: Amount


class PerDeliverableFee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["per_deliverable"]
    amount: Amount = Field(description="Paid per deliverable; the fee is this times the deliverables' count")


class CommissionFee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["commission"]
    rate_bps: int = Field(ge=1, le=10_000, description="Share of attributed sales in basis points (1000 = 10%)")
    cap: Amount = Field(description="The most the commission may cost; the budget reserves this")


class GiftingFee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["gifting"]
    product: str = Field(min_length=1, max_length=200)
    declared_value: Amount


Fee = Annotated[FixedFee | PerDeliverableFee | CommissionFee | GiftingFee, Field(discriminator="kind")]


class UsageRightsTerms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channels: list[UsageChannel] = Field(min_length=1)
    duration_days: int = Field(ge=0, le=3650)


class ExclusivityTerms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    categories: list[Category] = Field(min_length=1, max_length=20)
    duration_days: int = Field(ge=1, le=3650)


class MilestoneTerms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    trigger: MilestoneTrigger
    percent: int = Field(ge=1, le=100, description="Share of the fee; the schedule adds up to 100")


class TermsDocument(BaseModel):
    """One version of the terms. Without a payment schedule a cash fee is paid in full on
    publication and a gift counts as delivered on signing; a commission has no schedule."""

    model_config = ConfigDict(extra="forbid")

    collaboration_type: CollaborationType
    deliverables: list[DeliverableTerms] = Field(min_length=1, max_length=50)
    fee: Fee
    usage_rights: UsageRightsTerms | None = None
    exclusivity: ExclusivityTerms | None = None
    payment_schedule: list[MilestoneTerms] = Field(default=[], max_length=3)
    notes: str | None = Field(default=None, max_length=4000)


class InfluencerPublic(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platform: Platform | None = None
    handle: str | None = Field(default=None, min_length=1, max_length=200)
    display_name: str | None = Field(default=None, min_length=1, max_length=200)


class PartnershipCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    influencer_id: UUID
    influencer: InfluencerPublic | None = Field(default=None, description="How to address the influencer")
    terms: TermsDocument | None = None
    propose: bool = Field(default=True, description="false keeps it a draft, invisible to the creator")


class ProposeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms: TermsDocument | None = Field(default=None, description="New terms; omit to propose the draft's")


class CounterBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms: TermsDocument
    terms_version: int | None = Field(default=None, ge=0, description="The version you answer (409 if stale)")
    note: str | None = Field(default=None, max_length=2000)


class AcceptBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms_version: int = Field(ge=1, description="The version you accept (409 if it is no longer current)")


class SignBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms_version: int = Field(ge=1, description="The version you sign (409 if it is no longer current)")
    terms_hash: str | None = Field(default=None, description="If sent, must equal the version's hash")


class ReasonBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=2000)


class Allocated(BaseModel):
    reserved: Money
    committed: Money
    paid: Money


class SignaturePublic(BaseModel):
    party: Party
    user_id: UUID | None
    terms_version: int
    terms_hash: str
    signed_at: datetime


class TermsVersionPublic(BaseModel):
    version: int
    author: Party
    author_user_id: UUID | None
    terms_hash: str
    created_at: datetime
    terms: TermsDocument


class HistoryPublic(BaseModel):
    at: datetime
    action: str
    actor: Party
    user_id: UUID | None
    from_state: PartnershipState | None
    to_state: PartnershipState
    terms_version: int
    note: str | None


class PartnershipPublic(BaseModel):
    id: UUID
    campaign_id: UUID
    influencer_id: UUID
    influencer: InfluencerPublic
    state: PartnershipState
    origin: Origin
    you_are: Party = Field(description="The side the caller is on")
    allowed_actions: list[Action] = Field(description="What the caller may do now")
    awaiting: list[Party] = Field(description="Whose move it is")
    terms_version: int
    terms_hash: str | None
    terms: TermsDocument | None
    fee: Money | None = Field(description="What the current terms cost the budget")
    allocated: Allocated | None = Field(description="Reserved, committed and paid for this partnership")
    signatures: list[SignaturePublic]
    contacted_at: datetime | None
    signed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class PartnershipDetail(PartnershipPublic):
    versions: list[TermsVersionPublic]
    history: list[HistoryPublic]


class PayoutPublic(BaseModel):
    id: UUID
    milestone: MilestoneTrigger
    amount: Money
    reason: str
    trigger_event_id: UUID | None
    paid_at: datetime


class MilestonePublic(BaseModel):
    trigger: MilestoneTrigger
    percent: int
    amount: Money
    status: Literal["pending", "paid", "released"]
    payment_id: UUID | None
    paid_at: datetime | None


class PaymentsPublic(BaseModel):
    partnership_id: UUID
    state: PartnershipState
    fee: Money | None
    allocated: Allocated | None
    outstanding: Money | None = Field(description="Committed and not paid yet")
    milestones: list[MilestonePublic]
    payouts: list[PayoutPublic]


class MessageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: str | None = Field(default=None, min_length=1, max_length=10_000)
    template_id: UUID | None = Field(default=None, description="Fill this template instead of sending a body")


class MessagePublic(BaseModel):
    id: UUID
    partnership_id: UUID
    author: Party
    author_user_id: UUID | None
    body: str
    template_id: UUID | None
    created_at: datetime


class TemplateCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    body: str = Field(
        min_length=1,
        max_length=10_000,
        examples=["Hi {{ influencer.name }}, we'd love you on {{ campaign.name }} for {{ partnership.fee }}."],
    )


class TemplateUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    body: str | None = Field(default=None, min_length=1, max_length=10_000)


class TemplatePublic(BaseModel):
    id: UUID
    name: str
    body: str
    fields: list[str] = Field(description="The fields the body fills in")
    created_at: datetime
    updated_at: datetime

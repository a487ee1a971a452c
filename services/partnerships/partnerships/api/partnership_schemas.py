from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from contracts import Money
from partnerships.api.terms_schemas import Platform, TermsDocument, TermsPublic
from partnerships.domain.negotiation import Action, PartnershipState, Party
from partnerships.domain.partnerships import Origin
from partnerships.domain.terms import MilestoneTrigger
from servicekit.schemas import NotNull, RequestModel, Text, left_out, one_of_required

MAX_TERMS_VERSION = 1_000_000


class InfluencerAddress(RequestModel):
    platform: Platform | None = None
    handle: str | None = Field(default=None, min_length=1, max_length=200)
    display_name: str | None = Field(default=None, min_length=1, max_length=200)


class InfluencerAddressPublic(BaseModel):
    platform: str | None = None
    handle: str | None = None
    display_name: str | None = None


class PartnershipCreate(RequestModel):
    influencer_id: UUID
    influencer: InfluencerAddress | None = Field(default=None, description="How to address the influencer")
    terms: TermsDocument | None = None
    propose: bool = Field(default=True, description="false keeps it a draft, invisible to the creator")


class ProposeBody(RequestModel):
    terms: TermsDocument | None = Field(default=None, description="New terms; omit to propose the draft's")


TermsVersion = Annotated[int, Field(ge=1, le=MAX_TERMS_VERSION)]


class CounterBody(RequestModel):
    terms: TermsDocument
    terms_version: Annotated[int, Field(ge=0, le=MAX_TERMS_VERSION)] | None = Field(
        default=None, description="The version you answer (409 if stale)"
    )
    note: Text | None = Field(default=None, max_length=2000)


class AcceptBody(RequestModel):
    terms_version: TermsVersion = Field(description="The version you accept (409 if it is no longer current)")


class SignBody(RequestModel):
    terms_version: TermsVersion = Field(description="The version you sign (409 if it is no longer current)")
    terms_hash: str | None = Field(default=None, max_length=100, description="If sent, must equal the version's hash")


class ReasonBody(RequestModel):
    reason: Text | None = Field(default=None, max_length=2000)


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
    terms: TermsPublic


class HistoryPublic(BaseModel):
    at: datetime
    action: str
    actor: Party = Field(validation_alias="party")
    user_id: UUID | None
    from_state: PartnershipState | None
    to_state: PartnershipState
    terms_version: int
    note: str | None


class PartnershipPublic(BaseModel):
    id: UUID
    campaign_id: UUID
    influencer_id: UUID
    influencer: InfluencerAddressPublic
    state: PartnershipState
    origin: Origin
    you_are: Party = Field(description="The side the caller is on")
    allowed_actions: list[Action] = Field(description="What the caller may do now")
    awaiting: list[Party] = Field(description="Whose move it is")
    terms_version: int
    terms_hash: str | None
    terms: TermsPublic | None
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


class MessageCreate(RequestModel):
    """A body, or a template_id to fill: one of the two."""

    model_config = ConfigDict(json_schema_extra=one_of_required("body", "template_id"))

    body: Annotated[Text, Field(min_length=1, max_length=10_000)] | NotNull = left_out()
    template_id: Annotated[UUID, Field(description="Fill this template instead of sending a body")] | NotNull = (
        left_out()
    )


class MessagePublic(BaseModel):
    id: UUID
    partnership_id: UUID
    author: Party
    author_user_id: UUID | None
    body: str
    template_id: UUID | None
    created_at: datetime


class TemplateCreate(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    body: Text = Field(
        min_length=1,
        max_length=10_000,
        examples=["Hi {{ influencer.name }}, we'd love you on {{ campaign.name }} for {{ partnership.fee }}."],
    )


class TemplateUpdate(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=200)] | NotNull = left_out()
    body: Annotated[Text, Field(min_length=1, max_length=10_000)] | NotNull = left_out()


class TemplatePublic(BaseModel):
    id: UUID
    name: str
    body: str
    fields: list[str] = Field(description="The fields the body fills in")
    created_at: datetime
    updated_at: datetime

"""The terms document: as a caller sends it (strict, checked against the rules of terms that need
no campaign) and as the API shows a stored version."""

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator

from contracts import Money
from contracts.money import MAX_AMOUNT_MINOR
from partnerships.domain.terms import CollaborationType, MilestoneTrigger, Terms, check_terms
from servicekit.schemas import PositiveMoneyIn, RequestModel, Text, domain_rules, raise_for

DeliverableType = Literal["post", "story", "reel", "short", "video", "live", "blog_post", "podcast"]
UsageChannel = Literal["organic_social", "paid_social", "website", "email", "print", "out_of_home", "tv"]
Platform = Annotated[
    str, Field(max_length=32, pattern=r"^[a-z][a-z0-9_]{1,31}$", examples=["instagram", "tiktok", "youtube"])
]
Category = Annotated[str, Field(min_length=1, max_length=64)]
MAX_DAYS = 3650


class DeliverableTerms(RequestModel):
    type: DeliverableType
    platform: Platform
    count: int = Field(ge=1, le=100)
    due_on: date | None = None


class FixedFee(RequestModel):
    kind: Literal["fixed"]
    amount: PositiveMoneyIn


class PerDeliverableFee(RequestModel):
    kind: Literal["per_deliverable"]
    amount: PositiveMoneyIn = Field(description="Paid per deliverable; the fee is this times the deliverables' count")


class CommissionFee(RequestModel):
    kind: Literal["commission"]
    rate_bps: int = Field(ge=1, le=10_000, description="Share of attributed sales in basis points (1000 = 10%)")
    cap: PositiveMoneyIn = Field(description="The most the commission may cost; the budget reserves this")


class GiftingFee(RequestModel):
    kind: Literal["gifting"]
    product: str = Field(min_length=1, max_length=200)
    declared_value: PositiveMoneyIn


Fee = Annotated[FixedFee | PerDeliverableFee | CommissionFee | GiftingFee, Field(discriminator="kind")]


class UsageRightsTerms(RequestModel):
    channels: list[UsageChannel] = Field(min_length=1, max_length=7)
    duration_days: int = Field(ge=0, le=MAX_DAYS)


class ExclusivityTerms(RequestModel):
    categories: list[Category] = Field(min_length=1, max_length=20)
    duration_days: int = Field(ge=1, le=MAX_DAYS)


class MilestoneTerms(RequestModel):
    trigger: MilestoneTrigger
    percent: int = Field(ge=1, le=100, description="Share of the fee; the schedule adds up to 100")


class TermsDocument(RequestModel):
    """One version of the terms. Without a payment schedule a cash fee is paid in full on
    publication and a gift counts as delivered on signing; a commission has no schedule."""

    collaboration_type: CollaborationType
    deliverables: list[DeliverableTerms] = Field(min_length=1, max_length=50)
    fee: Fee
    usage_rights: UsageRightsTerms | None = None
    exclusivity: ExclusivityTerms | None = None
    payment_schedule: list[MilestoneTerms] = Field(default=[], max_length=3)
    notes: Text | None = Field(default=None, max_length=4000)

    @model_validator(mode="after")
    def _rules(self) -> "TermsDocument":
        """The rules of terms that need no campaign, with the other bad fields of the request."""
        with domain_rules(prefix="terms."):
            terms = self.terms()
            check_terms(terms, currency=None, starts_on=None, ends_on=None)
        if terms.budgeted_minor > MAX_AMOUNT_MINOR:
            where = terms.fee.amount_field.removeprefix("terms.")
            raise_for([(where, f"the fee comes to more than {MAX_AMOUNT_MINOR}")])
        return self

    def terms(self) -> Terms:
        return Terms.from_document(self.model_dump(mode="json"))


class DeliverableTermsPublic(BaseModel):
    type: str
    platform: str
    count: int
    due_on: date | None = None


class FixedFeePublic(BaseModel):
    kind: Literal["fixed"]
    amount: Money


class PerDeliverableFeePublic(BaseModel):
    kind: Literal["per_deliverable"]
    amount: Money


class CommissionFeePublic(BaseModel):
    kind: Literal["commission"]
    rate_bps: int
    cap: Money


class GiftingFeePublic(BaseModel):
    kind: Literal["gifting"]
    product: str
    declared_value: Money


class UsageRightsPublic(BaseModel):
    channels: list[str]
    duration_days: int


class ExclusivityPublic(BaseModel):
    categories: list[str]
    duration_days: int


class ScheduledPaymentPublic(BaseModel):
    trigger: MilestoneTrigger
    percent: int


class TermsPublic(BaseModel):
    """One version of the terms as it was agreed or offered."""

    collaboration_type: CollaborationType
    deliverables: list[DeliverableTermsPublic]
    fee: Annotated[
        FixedFeePublic | PerDeliverableFeePublic | CommissionFeePublic | GiftingFeePublic, Field(discriminator="kind")
    ]
    usage_rights: UsageRightsPublic | None = None
    exclusivity: ExclusivityPublic | None = None
    payment_schedule: list[ScheduledPaymentPublic] = []
    notes: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_terms(cls, value: Any) -> Any:
        """Domain terms are shown as their document, the one shape they are stored and hashed in."""
        return value.to_document() if isinstance(value, Terms) else value

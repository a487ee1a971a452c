from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from contracts import Money
from contracts.money import MAX_AMOUNT_MINOR
from partnerships.domain.campaigns import CampaignAction, CampaignState, Objective, check_dates
from servicekit.errors import InvalidField
from servicekit.schemas import MoneyIn, NotNull, RequestModel, Text, left_out

AgeBucket = Literal["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
KpiName = Literal[
    "impressions",
    "reach",
    "engagements",
    "engagement_rate",
    "clicks",
    "ctr",
    "conversions",
    "revenue_minor",
    "cpm",
    "cpe",
    "cpc",
    "cpa",
    "roi",
    "roas",
]
# A KPI target is a count, a ratio or an amount in minor units: finite, never beyond an amount.
KpiTarget = Annotated[float, Field(ge=0, le=MAX_AMOUNT_MINOR)]
Kpis = Annotated[dict[KpiName, KpiTarget], Field(description="Target value per KPI")]
Code = Annotated[str, Field(min_length=2, max_length=3, pattern=r"^[A-Za-z]{2,3}$")]
Interest = Annotated[str, Field(min_length=1, max_length=100)]


def ends_after_start(ends_on: date | None, info: ValidationInfo) -> date | None:
    """A check across fields as a validator of the later one: reported with the other bad fields."""
    try:
        check_dates(info.data.get("starts_on"), ends_on)
    except InvalidField as exc:
        raise ValueError(exc.message) from None
    return ends_on


class TargetAudienceIn(RequestModel):
    countries: list[Code] = Field(default=[], max_length=250, description="ISO 3166-1 alpha-2 codes")
    age_buckets: list[AgeBucket] = Field(default=[], max_length=7)
    genders: list[Literal["female", "male", "other"]] = Field(default=[], max_length=3)
    languages: list[Code] = Field(default=[], max_length=200, description="ISO 639-1 codes")
    interests: list[Interest] = Field(default=[], max_length=50)


class TargetAudience(BaseModel):
    countries: list[str] = []
    age_buckets: list[str] = []
    genders: list[str] = []
    languages: list[str] = []
    interests: list[str] = []


class CampaignCreate(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    objective: Objective
    budget: MoneyIn | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    target_audience: TargetAudienceIn | None = None
    kpis: Kpis = {}

    _ends_after_start = field_validator("ends_on")(ends_after_start)


class CampaignUpdate(RequestModel):
    """Only the fields sent change; null clears budget or dates (not while the campaign runs), and
    only those."""

    name: Annotated[str, Field(min_length=1, max_length=200)] | NotNull = left_out()
    objective: Objective | NotNull = left_out()
    budget: MoneyIn | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    target_audience: TargetAudienceIn | NotNull = left_out()
    kpis: Kpis | NotNull = left_out()

    _ends_after_start = field_validator("ends_on")(ends_after_start)


class CampaignCancel(RequestModel):
    reason: Text | None = Field(default=None, max_length=2000)


class CampaignPublic(BaseModel):
    id: UUID
    name: str
    objective: Objective
    state: CampaignState
    allowed_actions: list[CampaignAction]
    budget: Money | None
    starts_on: date | None
    ends_on: date | None
    target_audience: TargetAudience
    kpis: dict[str, float]
    created_at: datetime
    updated_at: datetime


class BudgetPublic(BaseModel):
    """budget = reserved + committed + paid + remaining; null figures: the campaign has no budget."""

    campaign_id: UUID
    currency: str | None
    budget: Money | None
    reserved: Money | None = Field(description="Held by open offers (proposed, countered, accepted)")
    committed: Money | None = Field(description="Owed under signed contracts, not paid yet")
    paid: Money | None
    remaining: Money | None
    reconciled: bool = Field(description="The double-entry ledger's balances agree with these figures")
    amplification: Money | None = Field(
        default=None, description="Committed to content's paid boosts and brand reposts (part of committed)"
    )

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from contracts import Money
from partnerships.domain.campaigns import CampaignAction, CampaignState, Objective

# Beyond this a sum of amounts could overflow a 64-bit column; no campaign is that large.
MAX_AMOUNT_MINOR = 10**15


def _bounded(money: Money) -> Money:
    if money.amount_minor > MAX_AMOUNT_MINOR:
        raise ValueError(f"amount_minor is more than {MAX_AMOUNT_MINOR}")
    return money


Amount = Annotated[Money, AfterValidator(_bounded)]

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


class TargetAudience(BaseModel):
    model_config = ConfigDict(extra="forbid")

    countries: list[str] = Field(default=[], description="ISO 3166-1 alpha-2 codes")
    age_buckets: list[AgeBucket] = []
    genders: list[Literal["female", "male", "other"]] = []
    languages: list[str] = Field(default=[], description="ISO 639-1 codes")
    interests: list[str] = []


class CampaignCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    objective: Objective
    budget: Amount | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    target_audience: TargetAudience | None = None
    kpis: dict[KpiName, float] = Field(default={}, description="Target value per KPI")


class CampaignUpdate(BaseModel):
    """Only the fields sent change; null clears budget or dates (not while the campaign runs)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    objective: Objective | None = None
    budget: Amount | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    target_audience: TargetAudience | None = None
    kpis: dict[KpiName, float] | None = None


class CampaignCancel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=2000)


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

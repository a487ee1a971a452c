from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from contracts import Money
from partnerships.domain.campaigns import CampaignState, Objective

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
    budget: Money | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    target_audience: TargetAudience | None = None
    kpis: dict[KpiName, float] = Field(default={}, description="Target value per KPI")


class CampaignPublic(BaseModel):
    id: UUID
    name: str
    objective: Objective
    state: CampaignState
    budget: Money | None
    starts_on: date | None
    ends_on: date | None
    target_audience: TargetAudience
    kpis: dict[str, float]
    created_at: datetime
    updated_at: datetime

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from contracts import Money
from discovery.domain.places import UnknownPlace, normalize_country, normalize_language
from discovery.domain.profiles import Deliverable, Platform, Tier
from discovery.domain.search import Visibility

AgeBucket = Literal["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
Gender = Literal["female", "male", "other"]
Share = Annotated[float, Field(ge=0, le=1)]
Weight = Annotated[float, Field(ge=0)]


def _country(value: str | None) -> str | None:
    try:
        return normalize_country(value)
    except UnknownPlace as exc:
        raise ValueError(str(exc)) from None


def _language(value: str | None) -> str | None:
    try:
        return normalize_language(value)
    except UnknownPlace as exc:
        raise ValueError(str(exc)) from None


def _country_keys(value: dict[str, Any]) -> dict[str, Any]:
    normalized: dict[str, Any] = {}
    for key, share in value.items():
        code = _country(key)
        if code is None:
            raise ValueError(f"{key!r} is not a country")
        normalized[code] = share
    return normalized


def _countries(value: list[str]) -> list[str]:
    return [c for c in (_country(v) for v in value) if c is not None]


CountryCode = Annotated[str | None, AfterValidator(_country), Field(description="ISO 3166-1 alpha-2, or a name")]
LanguageCode = Annotated[str | None, AfterValidator(_language), Field(description="ISO 639-1, or a name")]
CountryShares = Annotated[dict[str, Share], AfterValidator(_country_keys)]
CountryWeights = Annotated[dict[str, Weight], AfterValidator(_country_keys)]
CountryList = Annotated[list[str], AfterValidator(_countries)]


class AudienceIn(BaseModel):
    """Shares of the audience per segment, each 0..1, each dimension summing to at most 1."""

    model_config = ConfigDict(extra="forbid")

    ages: dict[AgeBucket, Share] = {}
    genders: dict[Gender, Share] = {}
    countries: CountryShares = Field(default={}, description="ISO country code -> share")


class ContactIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=60)
    website: str | None = Field(default=None, max_length=300)
    agent: str | None = Field(default=None, max_length=300)


Handle = Annotated[str, Field(min_length=1, max_length=101, examples=["@jane.doe"])]
Category = Annotated[str, Field(min_length=1, max_length=60)]
Sponsor = Annotated[str, Field(min_length=1, max_length=120)]


class InfluencerFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(default=None, max_length=200)
    bio: str | None = Field(default=None, max_length=5000)
    categories: list[Category] = Field(default=[], max_length=20)
    country: CountryCode = None
    language: LanguageCode = None
    following: int | None = Field(default=None, ge=0)
    posts: int | None = Field(default=None, ge=0)
    avg_likes: float | None = Field(default=None, ge=0)
    avg_comments: float | None = Field(default=None, ge=0)
    avg_views: float | None = Field(default=None, ge=0)
    avg_shares: float | None = Field(default=None, ge=0)
    avg_engagements: float | None = Field(
        default=None, ge=0, description="Likes+comments+shares per post, if only the total is known"
    )
    engagement_rate: float | None = Field(
        default=None, ge=0, description="A rate a data provider measured per post (fraction); else it is computed"
    )
    audience: AudienceIn | None = None
    rate_card: dict[Deliverable, Money] | None = Field(default=None, description="Price per deliverable, one currency")
    past_sponsors: list[Sponsor] = Field(default=[], max_length=50)
    contact: ContactIn | None = None
    last_refreshed_at: AwareDatetime | None = None


class InfluencerCreate(InfluencerFields):
    platform: Platform
    handle: Handle
    followers: int = Field(ge=0)
    visibility: Visibility | None = Field(
        default=None, description="shared (platform admins only; their default) or private to the org (the default)"
    )


class InfluencerUpdate(InfluencerFields):
    """Only the fields sent change; null clears a field."""

    handle: Handle | None = None
    followers: int | None = Field(default=None, ge=0)


class AudiencePublic(BaseModel):
    ages: dict[str, float]
    genders: dict[str, float]
    countries: dict[str, float]


class PerformancePublic(BaseModel):
    measured: bool
    score: float | None
    posts: int


class GrowthPublic(BaseModel):
    followers_change_30d: int | None = Field(description="Followers gained over the last 30 days of snapshots")
    followers_growth_30d: float | None = Field(description="The same as a fraction of the followers 30 days ago")


class InfluencerSummary(BaseModel):
    id: UUID
    visibility: Visibility
    platform: Platform
    handle: str
    display_name: str | None
    country: str | None
    categories: list[str]
    followers: int
    tier: Tier
    engagement_rate: float | None
    authenticity_score: float
    price_per_post: Money | None


class InfluencerPublic(InfluencerSummary):
    bio: str | None
    language: str | None
    following: int | None
    posts: int | None
    avg_likes: float | None
    avg_comments: float | None
    avg_views: float | None
    avg_shares: float | None
    avg_engagements: float | None
    engagement_rate_source: Literal["reported", "computed"] | None
    performance_score: float | None
    audience: AudiencePublic
    rate_card: dict[str, Money] | None
    past_sponsors: list[str]
    contact: dict[str, str]
    tags: list[str] = Field(description="The org's own tags")
    last_refreshed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class InfluencerDetail(InfluencerPublic):
    growth: GrowthPublic
    past_performance: PerformancePublic


class SnapshotPublic(BaseModel):
    taken_at: datetime
    followers: int
    following: int | None
    posts: int | None
    avg_likes: float | None
    avg_comments: float | None
    avg_views: float | None
    avg_shares: float | None
    avg_engagements: float | None
    engagement_rate: float | None


class ReasonPublic(BaseModel):
    code: str
    penalty: int
    detail: str


class AuthenticityPublic(BaseModel):
    influencer_id: UUID
    score: int = Field(ge=0, le=100)
    reasons: list[ReasonPublic] = Field(description="What lowered the score, with the points each cost")
    not_assessed: list[str] = Field(description="Signals the profile's data cannot show")
    engagement_rate: float | None
    benchmark_engagement_rate: float


class TargetAudienceIn(BaseModel):
    """Segments to reach: a list (equal weights) or segment -> weight."""

    model_config = ConfigDict(extra="forbid")

    countries: CountryWeights | CountryList = []
    age_buckets: dict[AgeBucket, Weight] | list[AgeBucket] = []
    genders: dict[Gender, Weight] | list[Gender] = []


class FiltersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platforms: list[Platform] = []
    countries: CountryList = []
    languages: list[str] = []
    categories: list[Category] = []
    tiers: list[Tier] = []
    min_followers: int | None = Field(default=None, ge=0)
    max_followers: int | None = Field(default=None, ge=0)
    min_engagement_rate: float | None = Field(default=None, ge=0)
    max_engagement_rate: float | None = Field(default=None, ge=0)
    min_authenticity: float | None = Field(default=None, ge=0, le=100)
    min_audience_country_share: CountryShares = {}
    min_audience_age_share: dict[AgeBucket, Share] = {}
    min_audience_gender_share: dict[Gender, Share] = {}
    max_price_minor: int | None = Field(default=None, ge=0, description="In the budget's currency (default USD)")
    q: str | None = Field(default=None, max_length=200)
    tags: list[str] = []
    visibility: Visibility | None = None


class WeightsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    audience_match: Weight = 0.30
    engagement: Weight = 0.20
    authenticity: Weight = 0.15
    brand_affinity: Weight = 0.15
    past_performance: Weight = 0.10
    price_fit: Weight = 0.10


class RankedSearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    target_audience: TargetAudienceIn = TargetAudienceIn()
    brief: str | None = Field(default=None, max_length=5000, description="The brand brief, compared with profiles")
    budget_per_post: Money | None = None
    filters: FiltersIn = FiltersIn()
    weights: WeightsIn = WeightsIn()
    limit: int = Field(default=20, ge=1, le=200)
    cursor: str | None = None


class ScorePart(BaseModel):
    score: float = Field(description="0..1")
    weight: float
    detail: str


class RankedHitPublic(BaseModel):
    influencer: InfluencerSummary
    score: float = Field(description="Σ weight·part / Σ weight over the parts that apply, 0..1")
    parts: dict[str, ScorePart]


class RankedSearchResponse(BaseModel):
    items: list[RankedHitPublic]
    next_cursor: str | None
    weights: dict[str, float]
    candidates: int = Field(description="How many profiles passed the filters into scoring")


class LookalikePublic(BaseModel):
    influencer: InfluencerSummary
    similarity: float
    text_similarity: float
    audience_similarity: float | None


class LookalikesResponse(BaseModel):
    items: list[LookalikePublic]
    next_cursor: str | None = None


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=5000)


class NotePublic(BaseModel):
    id: UUID
    influencer_id: UUID
    text: str
    author_id: UUID | None
    created_at: datetime


class TagsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tags: list[Annotated[str, Field(max_length=40)]] = Field(max_length=30)


class TagsPublic(BaseModel):
    influencer_id: UUID
    tags: list[str]


class RejectionPublic(BaseModel):
    line: int
    field: str
    reason: str


class ImportJobPublic(BaseModel):
    id: UUID
    state: Literal["queued", "running", "succeeded", "failed"]
    format: str
    filename: str | None
    encoding: str | None
    size_bytes: int
    visibility: Visibility
    platform: str | None
    mapping: dict[str, str] = Field(description="Canonical field -> the file's column")
    unmapped_columns: list[str]
    rows_read: int
    rows_imported: int = Field(description="Created + updated + unchanged")
    rows_created: int
    rows_updated: int
    rows_unchanged: int
    rows_rejected: int
    rejected: list[RejectionPublic] = Field(description="Each rejected row's line and reason (first 1000)")
    rejected_truncated: bool
    error: str | None
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class ShortlistAdd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    influencer_id: UUID
    note: str | None = Field(default=None, max_length=2000)


class ShortlistEntryPublic(BaseModel):
    campaign_id: UUID
    influencer: InfluencerSummary
    note: str | None
    added_by: UUID | None
    added_at: datetime

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    create_model,
    field_validator,
    model_validator,
)

from contracts import Money
from contracts.money import MAX_AMOUNT_MINOR
from discovery.api.content_schemas import ContentQualityPublic, CoveragePublic
from discovery.api.post_schemas import CompetitorWorkPublic, InfluencerPostPublic, SponsoredHistoryPublic
from discovery.domain.facts import FACT_TYPES, FACTS, NUMBERS, Kind, ProfileFacts, Snapshot
from discovery.domain.notes import MAX_TAGS, normalize_tags
from discovery.domain.places import UnknownPlace, normalize_country, normalize_language
from discovery.domain.profiles import (
    MAX_AUDIENCE_COUNTRIES,
    Audience,
    Contact,
    Deliverable,
    Platform,
    RateCard,
    Tier,
    normalize_categories,
    normalize_handle,
)
from discovery.domain.search import Visibility
from servicekit.schemas import SPACES, MoneyIn, NotNull, RequestModel, Text, domain_rules, left_out

# What the API accepts, documented in its OpenAPI and the README. Counts are far beyond any real
# profile's yet well inside 2**53; rates are fractions (100 = 10,000 %), weights relative.
MAX_COUNT = 10**12
MAX_AVERAGE = 1e12
MAX_RATE = 100.0
MAX_WEIGHT = 1_000.0
MAX_PLACES = 250

AgeBucket = Literal["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
Gender = Literal["female", "male", "other"]
Share = Annotated[float, Field(ge=0, le=1)]
Weight = Annotated[float, Field(ge=0, le=MAX_WEIGHT)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Average = Annotated[float, Field(ge=0, le=MAX_AVERAGE)]
Rate = Annotated[float, Field(ge=0, le=MAX_RATE, description="A fraction: 0.02 is 2 %")]
PriceMinor = Annotated[int, Field(ge=0, le=MAX_AMOUNT_MINOR, description="Price per post, minor units")]
Place = Annotated[str, Field(min_length=1, max_length=100)]


def as_country(value: str | None) -> str | None:
    try:
        return normalize_country(value)
    except UnknownPlace as exc:
        raise ValueError(str(exc)) from None


def as_language(value: str | None) -> str | None:
    try:
        return normalize_language(value)
    except UnknownPlace as exc:
        raise ValueError(str(exc)) from None


def country_keys(value: dict[str, Any]) -> dict[str, Any]:
    normalized: dict[str, Any] = {}
    for key, share in value.items():
        code = as_country(key)
        if code is None:
            raise ValueError(f"{key!r} is not a country")
        normalized[code] = share
    return normalized


def _countries(value: list[str]) -> list[str]:
    return [c for c in (as_country(v) for v in value) if c is not None]


CountryCode = Annotated[Place | None, AfterValidator(as_country), Field(description="ISO 3166-1 alpha-2, or a name")]
LanguageCode = Annotated[Place | None, AfterValidator(as_language), Field(description="ISO 639-1, or a name")]
CountryShares = Annotated[dict[Place, Share], Field(max_length=MAX_PLACES), AfterValidator(country_keys)]
CountryList = Annotated[list[Place], Field(max_length=MAX_PLACES), AfterValidator(_countries)]
LanguageList = Annotated[list[Annotated[Place, AfterValidator(as_language)]], Field(max_length=MAX_PLACES)]


class AudienceIn(RequestModel):
    """Shares of the audience per segment, each 0..1, each dimension summing to at most 1."""

    ages: dict[AgeBucket, Share] = {}
    genders: dict[Gender, Share] = {}
    countries: Annotated[dict[Place, Share], Field(max_length=MAX_AUDIENCE_COUNTRIES), AfterValidator(country_keys)] = (
        Field(default={}, description="ISO country code -> share")
    )

    @model_validator(mode="after")
    def _sums(self) -> "AudienceIn":
        with domain_rules(prefix="audience."):
            Audience(ages=dict(self.ages), genders=dict(self.genders), countries=dict(self.countries))
        return self


class ContactIn(RequestModel):
    email: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=60)
    website: str | None = Field(default=None, max_length=300)
    agent: str | None = Field(default=None, max_length=300)


Handle = Annotated[str, Field(min_length=1, max_length=101, examples=["@jane.doe"])]
Category = Annotated[str, Field(min_length=1, max_length=60)]
Sponsor = Annotated[str, Field(min_length=1, max_length=120)]
# As normalize_tags reads it (spaces around are dropped, inside collapsed), in JSON Schema.
Tag = Annotated[
    str,
    Field(
        max_length=40,
        description="1 to 40 letters, digits, spaces or . : & + - _ (compared without case)",
        json_schema_extra={"pattern": rf"^{SPACES}*\w(\w|{SPACES}|[.:&+-])*$"},
    ),
]


def _one_currency(card: dict[Deliverable, MoneyIn] | None) -> dict[Deliverable, MoneyIn] | None:
    currencies = {money.currency for money in (card or {}).values()}
    if len(currencies) > 1:
        raise ValueError(f"prices in several currencies ({', '.join(sorted(currencies))}); use one")
    return card


RateCardIn = Annotated[
    dict[Deliverable, MoneyIn] | None,
    AfterValidator(_one_currency),
    Field(description="Price per deliverable, one currency"),
]


# Each number a profile states, as the API takes it (its range) and shows it (domain/facts.py).
_NUMBER_IN = {Kind.COUNT: Count, Kind.AVERAGE: Average, Kind.RATE: Rate}
_STATED_NUMBERS = [f for f in NUMBERS if not f.required]


class _ProfileWords(RequestModel):
    display_name: str | None = Field(default=None, max_length=200)
    bio: Text | None = Field(default=None, max_length=5000)
    categories: list[Category] = Field(default=[], max_length=20)
    country: CountryCode = None
    language: LanguageCode = None


_ProfileNumbers: Any = create_model(
    "_ProfileNumbers",
    __base__=_ProfileWords,
    **{f.called: (_NUMBER_IN[f.kind] | None, Field(default=None, description=f.doc)) for f in _STATED_NUMBERS},
)


class InfluencerFields(_ProfileNumbers):  # type: ignore[misc]
    audience: AudienceIn | None = None
    rate_card: RateCardIn = None
    past_sponsors: list[Sponsor] = Field(default=[], max_length=50)
    contact: ContactIn | None = None
    last_refreshed_at: datetime | None = None


def _audience_of(body: AudienceIn | None) -> Audience:
    if body is None:
        return Audience()
    return Audience(ages=dict(body.ages), genders=dict(body.genders), countries=dict(body.countries))


def _rate_card_of(card: dict[Deliverable, Any] | None) -> RateCard | None:
    if not card:
        return None
    currency = next(iter(card.values())).currency  # one: the schema checks it
    return RateCard(currency=currency, prices={d.value: money.amount_minor for d, money in card.items()})


def _contact_of(body: ContactIn | None) -> Contact:
    return Contact(**body.model_dump()) if body else Contact()


# How an API field becomes the fact it sets (domain/facts.py), by the fact's kind; the others as they are.
_AS_FACT: dict[Kind, Callable[[Any], Any]] = {
    Kind.HANDLE: normalize_handle,
    Kind.CATEGORIES: lambda categories: normalize_categories(categories or []),
    Kind.LIST: lambda texts: tuple(text.strip() for text in texts or []),
    Kind.AUDIENCE: _audience_of,
    Kind.RATE_CARD: _rate_card_of,
    Kind.CONTACT: _contact_of,
}
_FACT_CALLED = {f.called: f for f in FACTS}


def _converted(name: str, value: Any) -> tuple[str, Any]:
    """An API field as the profile fact it sets."""
    fact = _FACT_CALLED[name]
    convert = _AS_FACT.get(fact.kind)
    return fact.name, value if convert is None else convert(value)


class InfluencerCreate(InfluencerFields):
    platform: Platform
    handle: Handle
    followers: Count
    visibility: Visibility | None = Field(
        default=None, description="shared (platform admins only; their default) or private to the org (the default)"
    )

    def facts(self) -> ProfileFacts:
        given = self.model_dump(exclude={"visibility", "platform", "handle", "followers"})
        stated = dict(_converted(name, getattr(self, name)) for name in given)
        return ProfileFacts(
            platform=self.platform, handle=normalize_handle(self.handle), followers=self.followers, **stated
        )


class InfluencerUpdate(InfluencerFields):
    """Only the fields sent change; null clears a field (but handle and followers)."""

    handle: Handle | NotNull = left_out()
    followers: Count | NotNull = left_out()

    @field_validator("handle", "followers", mode="before")
    @classmethod
    def _kept(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be cleared")
        return value

    def changes(self) -> dict[str, Any]:
        """The facts the body sets (null clears), by their names in the profile."""
        return dict(_converted(name, getattr(self, name)) for name in self.model_fields_set)


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
    authenticity_score: float = Field(description="0-100: 50 + 12.5 per signal assessed - penalties")
    authenticity_coverage: CoveragePublic
    price_per_post: Money | None


class _PublicWords(InfluencerSummary):
    bio: str | None
    language: str | None


# The counts and averages as stated (a stated rate shows as engagement_rate, with its source).
PUBLIC_NUMBERS = [f for f in _STATED_NUMBERS if f.kind is not Kind.RATE]
_PublicNumbers: Any = create_model(
    "_PublicNumbers", __base__=_PublicWords, **{f.called: (FACT_TYPES[f.name], ...) for f in PUBLIC_NUMBERS}
)


class InfluencerPublic(_PublicNumbers):  # type: ignore[misc]
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
    recent_posts: list[InfluencerPostPublic] = Field(description="The newest imported posts (5)")
    sponsored_history: SponsoredHistoryPublic
    competitors: list[CompetitorWorkPublic] | None = Field(description="Per ?competitors= name; null without")
    content_quality: ContentQualityPublic | None = Field(description="From its own posts; null: no posts imported")


# A snapshot as the API shows it: each of its fields (domain.facts.Snapshot), none with a default.
SnapshotPublic: Any = create_model(
    "SnapshotPublic", __base__=BaseModel, **{spec.name: (spec.type, ...) for spec in fields(Snapshot)}
)


class ReasonPublic(BaseModel):
    code: str
    penalty: int
    detail: str


class AuthenticityPublic(BaseModel):
    influencer_id: UUID
    score: int = Field(ge=0, le=100, description="50 + 12.5 per signal assessed - the penalties, at least 0")
    reasons: list[ReasonPublic] = Field(description="What lowered the score, with the points each cost")
    not_assessed: list[str] = Field(description="Signals the profile's data cannot show (each counted as neutral)")
    coverage: CoveragePublic
    engagement_rate: float | None
    benchmark_engagement_rate: float


class NoteCreate(RequestModel):
    text: Text = Field(min_length=1, max_length=5000)


class NotePublic(BaseModel):
    id: UUID
    influencer_id: UUID
    text: str
    author_id: UUID | None
    created_at: datetime


class TagsIn(RequestModel):
    tags: list[Tag] = Field(max_length=MAX_TAGS)

    @model_validator(mode="after")
    def _well_formed(self) -> "TagsIn":
        with domain_rules():
            normalize_tags(self.tags)
        return self


class TagsPublic(BaseModel):
    influencer_id: UUID
    tags: list[str]


class RejectionPublic(BaseModel):
    line: int
    field: str
    reason: str


class CellWarningPublic(BaseModel):
    line: int
    column: str = Field(description="The file's column")
    field: str = Field(description="The field it feeds")
    reason: str


class ImportJobPublic(BaseModel):
    id: UUID
    state: Literal["queued", "running", "succeeded", "failed"]
    kind: Literal["profiles", "posts"] = Field(description="What the file holds: profiles, or posts of profiles")
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
    warnings: int = Field(
        description="Cells read as empty (a spreadsheet error, an unreadable optional figure) or doubted "
        "(two columns of one figure apart), in rows imported all the same"
    )
    warned: list[CellWarningPublic] = Field(description="The first warnings, each with its line and column")
    error: str | None
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class ShortlistAdd(RequestModel):
    influencer_id: UUID
    note: Text | None = Field(default=None, max_length=2000)


class ShortlistEntryPublic(BaseModel):
    campaign_id: UUID
    influencer: InfluencerSummary
    note: str | None
    added_by: UUID | None
    added_at: datetime


class ColumnChoicePublic(BaseModel):
    column: str
    field: str | None = Field(description="The field the column feeds; null: nothing reads it")
    confidence: float = Field(ge=0, le=1)
    reason: str
    samples: list[str] = Field(description="Its first values")


class ImportPreviewPublic(BaseModel):
    """What the import would do, nothing written: confirm it by importing with `mapping`."""

    dry_run: Literal[True] = True
    format: str
    encoding: str | None
    platform: str | None
    visibility: Visibility
    columns: list[ColumnChoicePublic]
    mapping: dict[str, str] = Field(description="Canonical field -> column: pass it as the import's mapping")
    checks: dict[str, str] = Field(description="Field -> a second column of the same figure, checked against it")
    unmapped_columns: list[str]
    rows_read: int
    rows_imported: int = Field(description="Rows that would be created, updated or left unchanged")
    rows_created: int
    rows_updated: int
    rows_unchanged: int
    rows_rejected: int
    rejected: list[RejectionPublic] = Field(description="The first rows that would be rejected")
    warnings: int
    warned: list[CellWarningPublic] = Field(description="The first warnings")

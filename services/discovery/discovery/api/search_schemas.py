"""Search requests: the ranked search's body, and the query parameters of filtered search (GET
/api/v1/influencers, parsed from text, then held to their ranges). Both make their filters with
domain.search.search_filters, whose rule across fields (a minimum above its maximum) the body also
checks while it is validated, so that it is reported with every other bad field."""

from typing import Annotated, Any

from fastapi import Depends, Query
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from contracts.money import MAX_AMOUNT_MINOR, Currency
from discovery.api.schemas import (
    MAX_COUNT,
    MAX_PLACES,
    MAX_RATE,
    AgeBucket,
    Category,
    Count,
    CountryList,
    CountryShares,
    CoveragePublic,
    Gender,
    InfluencerSummary,
    LanguageList,
    Place,
    PriceMinor,
    Rate,
    Share,
    Tag,
    Weight,
    as_country,
    as_language,
    country_keys,
)
from discovery.domain.notes import MAX_TAGS
from discovery.domain.profiles import Platform, Tier
from discovery.domain.ranking import Weights
from discovery.domain.search import InvalidFilters, Range, SearchFilters, Sort, Visibility, search_filters
from servicekit.pagination import CURSOR_MAX_LENGTH
from servicekit.problems import Problem
from servicekit.schemas import SINGLE_LINE, MoneyIn, RequestModel, Text, domain_rules


def _listed_as_weights(value: Any) -> Any:
    """A list of segments stands for equal weights."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return dict.fromkeys(value, 1.0)
    return value


def _weighted(segment: Any, most: int) -> Any:
    return Annotated[
        dict[segment, Weight],
        Field(max_length=most),
        BeforeValidator(
            _listed_as_weights,
            json_schema_input_type=Annotated[dict[segment, Weight], Field(max_length=most)]
            | Annotated[list[segment], Field(max_length=most)],
        ),
    ]


class WeightedAudienceIn(RequestModel):
    """Segments to reach: a list (equal weights) or segment -> weight."""

    countries: Annotated[_weighted(Place, MAX_PLACES), AfterValidator(country_keys)] = {}  # type: ignore[valid-type]
    age_buckets: _weighted(AgeBucket, 7) = {}  # type: ignore[valid-type]
    genders: _weighted(Gender, 3) = {}  # type: ignore[valid-type]


class FiltersIn(RequestModel):
    platforms: list[Platform] = Field(default=[], max_length=len(Platform))
    countries: CountryList = []
    languages: LanguageList = []
    categories: list[Category] = Field(default=[], max_length=50)
    tiers: list[Tier] = Field(default=[], max_length=len(Tier))
    min_followers: Count | None = None
    max_followers: Count | None = None
    min_engagement_rate: Rate | None = None
    max_engagement_rate: Rate | None = None
    min_authenticity: float | None = Field(default=None, ge=0, le=100)
    min_audience_country_share: CountryShares = {}
    min_audience_age_share: dict[AgeBucket, Share] = {}
    min_audience_gender_share: dict[Gender, Share] = {}
    max_price_minor: PriceMinor | None = Field(default=None, description="In the budget's currency (default USD)")
    q: str | None = Field(default=None, max_length=200)
    tags: list[Tag] = Field(default=[], max_length=MAX_TAGS)
    visibility: Visibility | None = None

    @field_validator("max_followers", "max_engagement_rate")
    @classmethod
    def _not_below_min(cls, ceiling: float | None, info: ValidationInfo) -> float | None:
        """search_filters' rule, run here too so that it is reported with every other bad field."""
        name = info.field_name.removeprefix("max_")
        problem = Range(name, info.data.get(f"min_{name}"), ceiling).problem()  # min_ validated before
        if problem is not None:
            raise ValueError(problem.message)
        return ceiling

    def filters(self, currency: str) -> SearchFilters:
        return search_filters(
            platforms=self.platforms,
            countries=self.countries,
            languages=self.languages,
            categories=self.categories,
            tiers=self.tiers,
            followers=Range("followers", self.min_followers, self.max_followers),
            price=Range("price_minor", None, self.max_price_minor),
            engagement_rate=Range("engagement_rate", self.min_engagement_rate, self.max_engagement_rate),
            min_authenticity=self.min_authenticity,
            audience_countries=self.min_audience_country_share,
            audience_ages=self.min_audience_age_share,
            audience_genders=self.min_audience_gender_share,
            price_currency=currency,
            text=self.q,
            tags=self.tags,
            visibility=self.visibility,
        )


class WeightsIn(RequestModel):
    audience_match: Weight = 0.30
    engagement: Weight = 0.20
    authenticity: Weight = 0.15
    brand_affinity: Weight = 0.15
    past_performance: Weight = 0.10
    price_fit: Weight = 0.10
    content_quality: Weight = 0.15

    @model_validator(mode="after")
    def _some_weight(self) -> "WeightsIn":
        with domain_rules(prefix="weights."):
            Weights(**self.model_dump())
        return self


class RankedSearchRequest(RequestModel):
    target_audience: WeightedAudienceIn = WeightedAudienceIn()
    brief: Text | None = Field(default=None, max_length=5000, description="The brand brief, compared with profiles")
    budget_per_post: MoneyIn | None = None
    filters: FiltersIn = FiltersIn()
    weights: WeightsIn = WeightsIn()
    limit: int = Field(default=20, ge=1, le=200)
    cursor: str | None = Field(default=None, max_length=CURSOR_MAX_LENGTH)


class ScorePart(BaseModel):
    score: float = Field(description="0..1; what was not assessed counts as neutral")
    weight: float
    detail: str
    coverage: CoveragePublic


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


CountryParam = Annotated[Place, AfterValidator(as_country)]
LanguageParam = Annotated[Place, AfterValidator(as_language)]
Word = Annotated[str, Field(min_length=1, max_length=60, pattern=SINGLE_LINE)]
CountParam = Annotated[int | None, Query(ge=0, le=MAX_COUNT)]
RateParam = Annotated[
    float | None, Query(ge=0, le=MAX_RATE, allow_inf_nan=False, description="A fraction: 0.02 is 2 %")
]
ShareParam = Annotated[float | None, Query(ge=0, le=1, allow_inf_nan=False)]
PriceParam = Annotated[int | None, Query(ge=0, le=MAX_AMOUNT_MINOR, description="Price per post, minor units")]


def bad_query(errors: list[tuple[str, str]]) -> Problem:
    fields = [{"field": f"query.{name}", "message": message, "type": "value_error"} for name, message in errors]
    return Problem(422, "Invalid fields: " + ", ".join(f["field"] for f in fields), errors=fields)


def _least_share(
    segment: str | None, share: float | None, field: str, errors: list[tuple[str, str]]
) -> dict[str, float]:
    """A segment's least share of the audience, from its two query parameters (1 % by default)."""
    if segment is None:
        if share is not None:
            errors.append((f"min_{field}_share", f"give {field} too"))
        return {}
    return {segment: share if share is not None else 0.01}


async def search_query_filters(
    platform: Annotated[
        list[Platform] | None, Query(max_length=len(Platform), description="One or more platforms")
    ] = None,
    country: Annotated[
        list[CountryParam] | None,
        Query(max_length=MAX_PLACES, description="ISO country code or name; repeat for several"),
    ] = None,
    language: Annotated[
        list[LanguageParam] | None, Query(max_length=MAX_PLACES, description="ISO 639-1 code or name")
    ] = None,
    category: Annotated[list[Word] | None, Query(max_length=50, description="Any of these categories")] = None,
    tier: Annotated[
        list[Tier] | None,
        Query(max_length=len(Tier), description="nano <10k, micro 10k-50k, mid 50k-500k, macro 500k-1M, mega >=1M"),
    ] = None,
    min_followers: CountParam = None,
    max_followers: CountParam = None,
    min_engagement_rate: RateParam = None,
    max_engagement_rate: RateParam = None,
    min_authenticity: Annotated[float | None, Query(ge=0, le=100, allow_inf_nan=False)] = None,
    audience_country: Annotated[CountryParam | None, Query(description="With min_audience_country_share")] = None,
    min_audience_country_share: ShareParam = None,
    audience_age: Annotated[AgeBucket | None, Query()] = None,
    min_audience_age_share: ShareParam = None,
    audience_gender: Annotated[Gender | None, Query()] = None,
    min_audience_gender_share: ShareParam = None,
    min_price: PriceParam = None,
    max_price: PriceParam = None,
    currency: Annotated[Currency, Query(description="Of min_price and max_price")] = "USD",
    q: Annotated[
        str | None,
        Query(max_length=200, pattern=SINGLE_LINE, description="Words in handle, name, bio, categories"),
    ] = None,
    tag: Annotated[
        list[Annotated[str, Field(max_length=40, pattern=SINGLE_LINE)]] | None,
        Query(max_length=MAX_TAGS, description="The org's own tags"),
    ] = None,
    visibility: Annotated[Visibility | None, Query()] = None,
) -> SearchFilters:
    errors: list[tuple[str, str]] = []
    shares = {
        "audience_countries": _least_share(audience_country, min_audience_country_share, "audience_country", errors),
        "audience_ages": _least_share(audience_age, min_audience_age_share, "audience_age", errors),
        "audience_genders": _least_share(audience_gender, min_audience_gender_share, "audience_gender", errors),
    }
    try:
        filters = search_filters(
            platforms=platform or (),
            countries=country or (),
            languages=language or (),
            categories=category or (),
            tiers=tier or (),
            followers=Range("followers", min_followers, max_followers),
            price=Range("price", min_price, max_price),
            engagement_rate=Range("engagement_rate", min_engagement_rate, max_engagement_rate),
            min_authenticity=min_authenticity,
            price_currency=currency,
            text=q,
            tags=tag or (),
            visibility=visibility,
            **shares,
        )
    except InvalidFilters as invalid:
        raise bad_query([(p.field, p.message) for p in invalid.problems] + errors) from None
    if errors:
        raise bad_query(errors)
    return filters


FilterQuery = Annotated[SearchFilters, Depends(search_query_filters)]
SortQuery = Annotated[Sort, Query()]

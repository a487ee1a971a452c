"""The query parameters of filtered search (GET /api/v1/influencers), each with its range, read
into the domain's SearchFilters. Query parameters arrive as text: they are parsed, then held to
their ranges; the checks across parameters report every failure at once."""

from typing import Annotated

from fastapi import Depends, Query
from pydantic import AfterValidator, Field

from contracts.money import MAX_AMOUNT_MINOR, Currency
from discovery.api.schemas import (
    MAX_COUNT,
    MAX_PLACES,
    MAX_RATE,
    AgeBucket,
    Gender,
    Place,
    as_country,
    as_language,
)
from discovery.domain.notes import MAX_TAGS
from discovery.domain.profiles import Platform, Tier, normalize_categories
from discovery.domain.search import SearchFilters, ShareAtLeast, Sort, Visibility
from servicekit.problems import Problem
from servicekit.schemas import SINGLE_LINE

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


def _share_filter(
    segment: str | None, share: float | None, field: str, errors: list[tuple[str, str]]
) -> tuple[ShareAtLeast, ...]:
    if segment is None:
        if share is not None:
            errors.append((f"min_{field}_share", f"give {field} too"))
        return ()
    return (ShareAtLeast(segment, share if share is not None else 0.01),)


async def _filters(
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
    for low, high, name in (
        (min_followers, max_followers, "followers"),
        (min_price, max_price, "price"),
        (min_engagement_rate, max_engagement_rate, "engagement_rate"),
    ):
        if low is not None and high is not None and low > high:
            errors.append((f"max_{name}", f"is below min_{name}"))
    filters = SearchFilters(
        platforms=tuple(platform or ()),
        countries=tuple(c for c in country or () if c),
        languages=tuple(code for code in language or () if code),
        categories=normalize_categories(category or []),
        tiers=tuple(tier or ()),
        min_followers=min_followers,
        max_followers=max_followers,
        min_engagement_rate=min_engagement_rate,
        max_engagement_rate=max_engagement_rate,
        min_authenticity=min_authenticity,
        audience_countries=_share_filter(audience_country, min_audience_country_share, "audience_country", errors),
        audience_ages=_share_filter(audience_age, min_audience_age_share, "audience_age", errors),
        audience_genders=_share_filter(audience_gender, min_audience_gender_share, "audience_gender", errors),
        min_price_minor=min_price,
        max_price_minor=max_price,
        price_currency=currency,
        text=q.strip() if q and q.strip() else None,
        tags=tuple(t.strip().lower() for t in tag or ()),
        visibility=visibility,
    )
    if errors:
        raise bad_query(errors)
    return filters


FilterQuery = Annotated[SearchFilters, Depends(_filters)]
SortQuery = Annotated[Sort, Query()]

"""The one builder of a search's filters (domain.search.search_filters), for filtered and ranked
search alike."""

import pytest

from discovery.api.search_schemas import FiltersIn, search_query_filters
from discovery.domain.profiles import Platform, Tier
from discovery.domain.search import InvalidFilters, Range, SearchFilters, ShareAtLeast, Visibility, search_filters
from servicekit.problems import Problem


def test_each_minimum_above_its_maximum_is_named_at_once() -> None:
    with pytest.raises(InvalidFilters) as refused:
        search_filters(
            followers=Range("followers", 10, 1),
            price=Range("price", 5, 1),
            engagement_rate=Range("engagement_rate", 0.1, 0.2),
        )
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("max_followers", "is below min_followers"),
        ("max_price", "is below min_price"),
    ]


def test_filters_are_normalised_as_profiles_are_stored() -> None:
    filters = search_filters(
        countries=["GB", None],
        languages=[None, "en"],
        categories=[" Vegan  Food", "vegan food", "Travel"],
        tags=[" Summer "],
        text="   ",
        audience_countries={"GB": 0.3},
    )
    assert filters.countries == ("GB",)
    assert filters.languages == ("en",)
    assert filters.categories == ("vegan food", "travel")
    assert filters.tags == ("summer",)
    assert filters.text is None
    assert filters.audience_countries == (ShareAtLeast("GB", 0.3),)


async def test_filtered_and_ranked_search_ask_the_same_of_the_same_criteria() -> None:
    query = await search_query_filters(
        platform=[Platform.TIKTOK],
        country=["GB"],
        language=["en"],
        category=["Food"],
        tier=[Tier.MICRO],
        min_followers=1_000,
        max_followers=90_000,
        min_engagement_rate=0.01,
        max_engagement_rate=0.2,
        min_authenticity=50,
        audience_country="US",
        min_audience_country_share=0.2,
        audience_age="18-24",
        min_audience_age_share=None,
        audience_gender=None,
        min_audience_gender_share=None,
        min_price=None,
        max_price=50_000,
        currency="EUR",
        q=" yoga ",
        tag=["Summer"],
        visibility=Visibility.SHARED,
    )
    body = FiltersIn(
        platforms=["tiktok"],
        countries=["GB"],
        languages=["en"],
        categories=["Food"],
        tiers=["micro"],
        min_followers=1_000,
        max_followers=90_000,
        min_engagement_rate=0.01,
        max_engagement_rate=0.2,
        min_authenticity=50,
        min_audience_country_share={"US": 0.2},
        min_audience_age_share={"18-24": 0.01},
        max_price_minor=50_000,
        q=" yoga ",
        tags=["Summer"],
        visibility="shared",
    )
    assert isinstance(query, SearchFilters)
    assert body.filters("EUR") == query


async def test_a_share_without_its_segment_is_named_with_the_contradictions() -> None:
    with pytest.raises(Problem) as refused:
        await search_query_filters(min_followers=10, max_followers=1, min_audience_gender_share=0.5)
    assert [e["field"] for e in refused.value.errors or []] == [
        "query.max_followers",
        "query.min_audience_gender_share",
    ]

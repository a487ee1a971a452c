from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_influencers_audience_age_type_0 import ListInfluencersAudienceAgeType0
from ...models.list_influencers_audience_gender_type_0 import ListInfluencersAudienceGenderType0
from ...models.list_influencers_currency import ListInfluencersCurrency
from ...models.page_influencer_public import PageInfluencerPublic
from ...models.platform import Platform
from ...models.problem import Problem
from ...models.sort import Sort
from ...models.tier import Tier
from ...models.visibility import Visibility
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    platform: list[Platform] | None | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    category: list[str] | None | Unset = UNSET,
    tier: list[Tier] | None | Unset = UNSET,
    min_followers: int | None | Unset = UNSET,
    max_followers: int | None | Unset = UNSET,
    min_engagement_rate: float | None | Unset = UNSET,
    max_engagement_rate: float | None | Unset = UNSET,
    min_authenticity: float | None | Unset = UNSET,
    audience_country: None | str | Unset = UNSET,
    min_audience_country_share: float | None | Unset = UNSET,
    audience_age: ListInfluencersAudienceAgeType0 | None | Unset = UNSET,
    min_audience_age_share: float | None | Unset = UNSET,
    audience_gender: ListInfluencersAudienceGenderType0 | None | Unset = UNSET,
    min_audience_gender_share: float | None | Unset = UNSET,
    min_price: int | None | Unset = UNSET,
    max_price: int | None | Unset = UNSET,
    currency: ListInfluencersCurrency | Unset = ListInfluencersCurrency.USD,
    q: None | str | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_platform: list[str] | None | Unset
    if isinstance(platform, Unset):
        json_platform = UNSET
    elif isinstance(platform, list):
        json_platform = []
        for platform_type_0_item_data in platform:
            platform_type_0_item = platform_type_0_item_data.value
            json_platform.append(platform_type_0_item)

    else:
        json_platform = platform
    params["platform"] = json_platform

    json_country: list[str] | None | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    elif isinstance(country, list):
        json_country = country

    else:
        json_country = country
    params["country"] = json_country

    json_language: list[str] | None | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    elif isinstance(language, list):
        json_language = language

    else:
        json_language = language
    params["language"] = json_language

    json_category: list[str] | None | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, list):
        json_category = category

    else:
        json_category = category
    params["category"] = json_category

    json_tier: list[str] | None | Unset
    if isinstance(tier, Unset):
        json_tier = UNSET
    elif isinstance(tier, list):
        json_tier = []
        for tier_type_0_item_data in tier:
            tier_type_0_item = tier_type_0_item_data.value
            json_tier.append(tier_type_0_item)

    else:
        json_tier = tier
    params["tier"] = json_tier

    json_min_followers: int | None | Unset
    if isinstance(min_followers, Unset):
        json_min_followers = UNSET
    else:
        json_min_followers = min_followers
    params["min_followers"] = json_min_followers

    json_max_followers: int | None | Unset
    if isinstance(max_followers, Unset):
        json_max_followers = UNSET
    else:
        json_max_followers = max_followers
    params["max_followers"] = json_max_followers

    json_min_engagement_rate: float | None | Unset
    if isinstance(min_engagement_rate, Unset):
        json_min_engagement_rate = UNSET
    else:
        json_min_engagement_rate = min_engagement_rate
    params["min_engagement_rate"] = json_min_engagement_rate

    json_max_engagement_rate: float | None | Unset
    if isinstance(max_engagement_rate, Unset):
        json_max_engagement_rate = UNSET
    else:
        json_max_engagement_rate = max_engagement_rate
    params["max_engagement_rate"] = json_max_engagement_rate

    json_min_authenticity: float | None | Unset
    if isinstance(min_authenticity, Unset):
        json_min_authenticity = UNSET
    else:
        json_min_authenticity = min_authenticity
    params["min_authenticity"] = json_min_authenticity

    json_audience_country: None | str | Unset
    if isinstance(audience_country, Unset):
        json_audience_country = UNSET
    else:
        json_audience_country = audience_country
    params["audience_country"] = json_audience_country

    json_min_audience_country_share: float | None | Unset
    if isinstance(min_audience_country_share, Unset):
        json_min_audience_country_share = UNSET
    else:
        json_min_audience_country_share = min_audience_country_share
    params["min_audience_country_share"] = json_min_audience_country_share

    json_audience_age: None | str | Unset
    if isinstance(audience_age, Unset):
        json_audience_age = UNSET
    elif isinstance(audience_age, ListInfluencersAudienceAgeType0):
        json_audience_age = audience_age.value
    else:
        json_audience_age = audience_age
    params["audience_age"] = json_audience_age

    json_min_audience_age_share: float | None | Unset
    if isinstance(min_audience_age_share, Unset):
        json_min_audience_age_share = UNSET
    else:
        json_min_audience_age_share = min_audience_age_share
    params["min_audience_age_share"] = json_min_audience_age_share

    json_audience_gender: None | str | Unset
    if isinstance(audience_gender, Unset):
        json_audience_gender = UNSET
    elif isinstance(audience_gender, ListInfluencersAudienceGenderType0):
        json_audience_gender = audience_gender.value
    else:
        json_audience_gender = audience_gender
    params["audience_gender"] = json_audience_gender

    json_min_audience_gender_share: float | None | Unset
    if isinstance(min_audience_gender_share, Unset):
        json_min_audience_gender_share = UNSET
    else:
        json_min_audience_gender_share = min_audience_gender_share
    params["min_audience_gender_share"] = json_min_audience_gender_share

    json_min_price: int | None | Unset
    if isinstance(min_price, Unset):
        json_min_price = UNSET
    else:
        json_min_price = min_price
    params["min_price"] = json_min_price

    json_max_price: int | None | Unset
    if isinstance(max_price, Unset):
        json_max_price = UNSET
    else:
        json_max_price = max_price
    params["max_price"] = json_max_price

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency.value

    params["currency"] = json_currency

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_tag: list[str] | None | Unset
    if isinstance(tag, Unset):
        json_tag = UNSET
    elif isinstance(tag, list):
        json_tag = tag

    else:
        json_tag = tag
    params["tag"] = json_tag

    json_visibility: None | str | Unset
    if isinstance(visibility, Unset):
        json_visibility = UNSET
    elif isinstance(visibility, Visibility):
        json_visibility = visibility.value
    else:
        json_visibility = visibility
    params["visibility"] = json_visibility

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/influencers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageInfluencerPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageInfluencerPublic.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageInfluencerPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    platform: list[Platform] | None | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    category: list[str] | None | Unset = UNSET,
    tier: list[Tier] | None | Unset = UNSET,
    min_followers: int | None | Unset = UNSET,
    max_followers: int | None | Unset = UNSET,
    min_engagement_rate: float | None | Unset = UNSET,
    max_engagement_rate: float | None | Unset = UNSET,
    min_authenticity: float | None | Unset = UNSET,
    audience_country: None | str | Unset = UNSET,
    min_audience_country_share: float | None | Unset = UNSET,
    audience_age: ListInfluencersAudienceAgeType0 | None | Unset = UNSET,
    min_audience_age_share: float | None | Unset = UNSET,
    audience_gender: ListInfluencersAudienceGenderType0 | None | Unset = UNSET,
    min_audience_gender_share: float | None | Unset = UNSET,
    min_price: int | None | Unset = UNSET,
    max_price: int | None | Unset = UNSET,
    currency: ListInfluencersCurrency | Unset = ListInfluencersCurrency.USD,
    q: None | str | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
) -> Response[PageInfluencerPublic | Problem]:
    """List Influencers

     Filtered search over the shared catalogue and the org's own profiles.

    Args:
        sort (Sort | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page
        platform (list[Platform] | None | Unset): One or more platforms
        country (list[str] | None | Unset): ISO country code or name; repeat for several
        language (list[str] | None | Unset): ISO 639-1 code or name
        category (list[str] | None | Unset): Any of these categories
        tier (list[Tier] | None | Unset): nano <10k, micro 10k-50k, mid 50k-500k, macro 500k-1M,
            mega >=1M
        min_followers (int | None | Unset):
        max_followers (int | None | Unset):
        min_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        max_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        min_authenticity (float | None | Unset):
        audience_country (None | str | Unset): With min_audience_country_share
        min_audience_country_share (float | None | Unset):
        audience_age (ListInfluencersAudienceAgeType0 | None | Unset):
        min_audience_age_share (float | None | Unset):
        audience_gender (ListInfluencersAudienceGenderType0 | None | Unset):
        min_audience_gender_share (float | None | Unset):
        min_price (int | None | Unset): Price per post, minor units
        max_price (int | None | Unset): Price per post, minor units
        currency (ListInfluencersCurrency | Unset): Of min_price and max_price Default:
            ListInfluencersCurrency.USD.
        q (None | str | Unset): Words in handle, name, bio, categories
        tag (list[str] | None | Unset): The org's own tags
        visibility (None | Unset | Visibility):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInfluencerPublic | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        limit=limit,
        cursor=cursor,
        platform=platform,
        country=country,
        language=language,
        category=category,
        tier=tier,
        min_followers=min_followers,
        max_followers=max_followers,
        min_engagement_rate=min_engagement_rate,
        max_engagement_rate=max_engagement_rate,
        min_authenticity=min_authenticity,
        audience_country=audience_country,
        min_audience_country_share=min_audience_country_share,
        audience_age=audience_age,
        min_audience_age_share=min_audience_age_share,
        audience_gender=audience_gender,
        min_audience_gender_share=min_audience_gender_share,
        min_price=min_price,
        max_price=max_price,
        currency=currency,
        q=q,
        tag=tag,
        visibility=visibility,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    platform: list[Platform] | None | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    category: list[str] | None | Unset = UNSET,
    tier: list[Tier] | None | Unset = UNSET,
    min_followers: int | None | Unset = UNSET,
    max_followers: int | None | Unset = UNSET,
    min_engagement_rate: float | None | Unset = UNSET,
    max_engagement_rate: float | None | Unset = UNSET,
    min_authenticity: float | None | Unset = UNSET,
    audience_country: None | str | Unset = UNSET,
    min_audience_country_share: float | None | Unset = UNSET,
    audience_age: ListInfluencersAudienceAgeType0 | None | Unset = UNSET,
    min_audience_age_share: float | None | Unset = UNSET,
    audience_gender: ListInfluencersAudienceGenderType0 | None | Unset = UNSET,
    min_audience_gender_share: float | None | Unset = UNSET,
    min_price: int | None | Unset = UNSET,
    max_price: int | None | Unset = UNSET,
    currency: ListInfluencersCurrency | Unset = ListInfluencersCurrency.USD,
    q: None | str | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
) -> PageInfluencerPublic | Problem | None:
    """List Influencers

     Filtered search over the shared catalogue and the org's own profiles.

    Args:
        sort (Sort | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page
        platform (list[Platform] | None | Unset): One or more platforms
        country (list[str] | None | Unset): ISO country code or name; repeat for several
        language (list[str] | None | Unset): ISO 639-1 code or name
        category (list[str] | None | Unset): Any of these categories
        tier (list[Tier] | None | Unset): nano <10k, micro 10k-50k, mid 50k-500k, macro 500k-1M,
            mega >=1M
        min_followers (int | None | Unset):
        max_followers (int | None | Unset):
        min_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        max_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        min_authenticity (float | None | Unset):
        audience_country (None | str | Unset): With min_audience_country_share
        min_audience_country_share (float | None | Unset):
        audience_age (ListInfluencersAudienceAgeType0 | None | Unset):
        min_audience_age_share (float | None | Unset):
        audience_gender (ListInfluencersAudienceGenderType0 | None | Unset):
        min_audience_gender_share (float | None | Unset):
        min_price (int | None | Unset): Price per post, minor units
        max_price (int | None | Unset): Price per post, minor units
        currency (ListInfluencersCurrency | Unset): Of min_price and max_price Default:
            ListInfluencersCurrency.USD.
        q (None | str | Unset): Words in handle, name, bio, categories
        tag (list[str] | None | Unset): The org's own tags
        visibility (None | Unset | Visibility):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInfluencerPublic | Problem
    """

    return sync_detailed(
        client=client,
        sort=sort,
        limit=limit,
        cursor=cursor,
        platform=platform,
        country=country,
        language=language,
        category=category,
        tier=tier,
        min_followers=min_followers,
        max_followers=max_followers,
        min_engagement_rate=min_engagement_rate,
        max_engagement_rate=max_engagement_rate,
        min_authenticity=min_authenticity,
        audience_country=audience_country,
        min_audience_country_share=min_audience_country_share,
        audience_age=audience_age,
        min_audience_age_share=min_audience_age_share,
        audience_gender=audience_gender,
        min_audience_gender_share=min_audience_gender_share,
        min_price=min_price,
        max_price=max_price,
        currency=currency,
        q=q,
        tag=tag,
        visibility=visibility,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    platform: list[Platform] | None | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    category: list[str] | None | Unset = UNSET,
    tier: list[Tier] | None | Unset = UNSET,
    min_followers: int | None | Unset = UNSET,
    max_followers: int | None | Unset = UNSET,
    min_engagement_rate: float | None | Unset = UNSET,
    max_engagement_rate: float | None | Unset = UNSET,
    min_authenticity: float | None | Unset = UNSET,
    audience_country: None | str | Unset = UNSET,
    min_audience_country_share: float | None | Unset = UNSET,
    audience_age: ListInfluencersAudienceAgeType0 | None | Unset = UNSET,
    min_audience_age_share: float | None | Unset = UNSET,
    audience_gender: ListInfluencersAudienceGenderType0 | None | Unset = UNSET,
    min_audience_gender_share: float | None | Unset = UNSET,
    min_price: int | None | Unset = UNSET,
    max_price: int | None | Unset = UNSET,
    currency: ListInfluencersCurrency | Unset = ListInfluencersCurrency.USD,
    q: None | str | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
) -> Response[PageInfluencerPublic | Problem]:
    """List Influencers

     Filtered search over the shared catalogue and the org's own profiles.

    Args:
        sort (Sort | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page
        platform (list[Platform] | None | Unset): One or more platforms
        country (list[str] | None | Unset): ISO country code or name; repeat for several
        language (list[str] | None | Unset): ISO 639-1 code or name
        category (list[str] | None | Unset): Any of these categories
        tier (list[Tier] | None | Unset): nano <10k, micro 10k-50k, mid 50k-500k, macro 500k-1M,
            mega >=1M
        min_followers (int | None | Unset):
        max_followers (int | None | Unset):
        min_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        max_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        min_authenticity (float | None | Unset):
        audience_country (None | str | Unset): With min_audience_country_share
        min_audience_country_share (float | None | Unset):
        audience_age (ListInfluencersAudienceAgeType0 | None | Unset):
        min_audience_age_share (float | None | Unset):
        audience_gender (ListInfluencersAudienceGenderType0 | None | Unset):
        min_audience_gender_share (float | None | Unset):
        min_price (int | None | Unset): Price per post, minor units
        max_price (int | None | Unset): Price per post, minor units
        currency (ListInfluencersCurrency | Unset): Of min_price and max_price Default:
            ListInfluencersCurrency.USD.
        q (None | str | Unset): Words in handle, name, bio, categories
        tag (list[str] | None | Unset): The org's own tags
        visibility (None | Unset | Visibility):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInfluencerPublic | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        limit=limit,
        cursor=cursor,
        platform=platform,
        country=country,
        language=language,
        category=category,
        tier=tier,
        min_followers=min_followers,
        max_followers=max_followers,
        min_engagement_rate=min_engagement_rate,
        max_engagement_rate=max_engagement_rate,
        min_authenticity=min_authenticity,
        audience_country=audience_country,
        min_audience_country_share=min_audience_country_share,
        audience_age=audience_age,
        min_audience_age_share=min_audience_age_share,
        audience_gender=audience_gender,
        min_audience_gender_share=min_audience_gender_share,
        min_price=min_price,
        max_price=max_price,
        currency=currency,
        q=q,
        tag=tag,
        visibility=visibility,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    platform: list[Platform] | None | Unset = UNSET,
    country: list[str] | None | Unset = UNSET,
    language: list[str] | None | Unset = UNSET,
    category: list[str] | None | Unset = UNSET,
    tier: list[Tier] | None | Unset = UNSET,
    min_followers: int | None | Unset = UNSET,
    max_followers: int | None | Unset = UNSET,
    min_engagement_rate: float | None | Unset = UNSET,
    max_engagement_rate: float | None | Unset = UNSET,
    min_authenticity: float | None | Unset = UNSET,
    audience_country: None | str | Unset = UNSET,
    min_audience_country_share: float | None | Unset = UNSET,
    audience_age: ListInfluencersAudienceAgeType0 | None | Unset = UNSET,
    min_audience_age_share: float | None | Unset = UNSET,
    audience_gender: ListInfluencersAudienceGenderType0 | None | Unset = UNSET,
    min_audience_gender_share: float | None | Unset = UNSET,
    min_price: int | None | Unset = UNSET,
    max_price: int | None | Unset = UNSET,
    currency: ListInfluencersCurrency | Unset = ListInfluencersCurrency.USD,
    q: None | str | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
) -> PageInfluencerPublic | Problem | None:
    """List Influencers

     Filtered search over the shared catalogue and the org's own profiles.

    Args:
        sort (Sort | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page
        platform (list[Platform] | None | Unset): One or more platforms
        country (list[str] | None | Unset): ISO country code or name; repeat for several
        language (list[str] | None | Unset): ISO 639-1 code or name
        category (list[str] | None | Unset): Any of these categories
        tier (list[Tier] | None | Unset): nano <10k, micro 10k-50k, mid 50k-500k, macro 500k-1M,
            mega >=1M
        min_followers (int | None | Unset):
        max_followers (int | None | Unset):
        min_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        max_engagement_rate (float | None | Unset): A fraction: 0.02 is 2 %
        min_authenticity (float | None | Unset):
        audience_country (None | str | Unset): With min_audience_country_share
        min_audience_country_share (float | None | Unset):
        audience_age (ListInfluencersAudienceAgeType0 | None | Unset):
        min_audience_age_share (float | None | Unset):
        audience_gender (ListInfluencersAudienceGenderType0 | None | Unset):
        min_audience_gender_share (float | None | Unset):
        min_price (int | None | Unset): Price per post, minor units
        max_price (int | None | Unset): Price per post, minor units
        currency (ListInfluencersCurrency | Unset): Of min_price and max_price Default:
            ListInfluencersCurrency.USD.
        q (None | str | Unset): Words in handle, name, bio, categories
        tag (list[str] | None | Unset): The org's own tags
        visibility (None | Unset | Visibility):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInfluencerPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            sort=sort,
            limit=limit,
            cursor=cursor,
            platform=platform,
            country=country,
            language=language,
            category=category,
            tier=tier,
            min_followers=min_followers,
            max_followers=max_followers,
            min_engagement_rate=min_engagement_rate,
            max_engagement_rate=max_engagement_rate,
            min_authenticity=min_authenticity,
            audience_country=audience_country,
            min_audience_country_share=min_audience_country_share,
            audience_age=audience_age,
            min_audience_age_share=min_audience_age_share,
            audience_gender=audience_gender,
            min_audience_gender_share=min_audience_gender_share,
            min_price=min_price,
            max_price=max_price,
            currency=currency,
            q=q,
            tag=tag,
            visibility=visibility,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.influencer_detail import InfluencerDetail
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    influencer_id: UUID,
    *,
    competitors: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_competitors: None | str | Unset
    if isinstance(competitors, Unset):
        json_competitors = UNSET
    else:
        json_competitors = competitors
    params["competitors"] = json_competitors

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/influencers/{influencer_id}".format(
            influencer_id=quote(str(influencer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InfluencerDetail | Problem | None:
    if response.status_code == 200:
        response_200 = InfluencerDetail.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[InfluencerDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    competitors: None | str | Unset = UNSET,
) -> Response[InfluencerDetail | Problem]:
    """Get Influencer

     One profile with its growth, past performance, the org's tags, its recent posts and
    sponsored history (brands, count, last date).

    Args:
        influencer_id (UUID):
        competitors (None | str | Unset): Brands, comma-separated: whether the profile's sponsored
            posts named each

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InfluencerDetail | Problem]
    """

    kwargs = _get_kwargs(
        influencer_id=influencer_id,
        competitors=competitors,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    competitors: None | str | Unset = UNSET,
) -> InfluencerDetail | Problem | None:
    """Get Influencer

     One profile with its growth, past performance, the org's tags, its recent posts and
    sponsored history (brands, count, last date).

    Args:
        influencer_id (UUID):
        competitors (None | str | Unset): Brands, comma-separated: whether the profile's sponsored
            posts named each

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InfluencerDetail | Problem
    """

    return sync_detailed(
        influencer_id=influencer_id,
        client=client,
        competitors=competitors,
    ).parsed


async def asyncio_detailed(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    competitors: None | str | Unset = UNSET,
) -> Response[InfluencerDetail | Problem]:
    """Get Influencer

     One profile with its growth, past performance, the org's tags, its recent posts and
    sponsored history (brands, count, last date).

    Args:
        influencer_id (UUID):
        competitors (None | str | Unset): Brands, comma-separated: whether the profile's sponsored
            posts named each

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InfluencerDetail | Problem]
    """

    kwargs = _get_kwargs(
        influencer_id=influencer_id,
        competitors=competitors,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    competitors: None | str | Unset = UNSET,
) -> InfluencerDetail | Problem | None:
    """Get Influencer

     One profile with its growth, past performance, the org's tags, its recent posts and
    sponsored history (brands, count, last date).

    Args:
        influencer_id (UUID):
        competitors (None | str | Unset): Brands, comma-separated: whether the profile's sponsored
            posts named each

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InfluencerDetail | Problem
    """

    return (
        await asyncio_detailed(
            influencer_id=influencer_id,
            client=client,
            competitors=competitors,
        )
    ).parsed

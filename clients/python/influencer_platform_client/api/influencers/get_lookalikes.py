from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lookalikes_response import LookalikesResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    influencer_id: UUID,
    *,
    limit: int | Unset = 20,
    any_platform: bool | Unset = False,
    text_weight: float | Unset = 0.5,
    audience_weight: float | Unset = 0.5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["any_platform"] = any_platform

    params["text_weight"] = text_weight

    params["audience_weight"] = audience_weight

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/influencers/{influencer_id}/lookalikes".format(
            influencer_id=quote(str(influencer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LookalikesResponse | Problem | None:
    if response.status_code == 200:
        response_200 = LookalikesResponse.from_dict(response.json())

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
) -> Response[LookalikesResponse | Problem]:
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
    limit: int | Unset = 20,
    any_platform: bool | Unset = False,
    text_weight: float | Unset = 0.5,
    audience_weight: float | Unset = 0.5,
) -> Response[LookalikesResponse | Problem]:
    """Get Lookalikes

     The nearest profiles by text similarity and audience, the profile itself excluded.

    Args:
        influencer_id (UUID):
        limit (int | Unset):  Default: 20.
        any_platform (bool | Unset): Look on every platform, not only the profile's Default:
            False.
        text_weight (float | Unset):  Default: 0.5.
        audience_weight (float | Unset):  Default: 0.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookalikesResponse | Problem]
    """

    kwargs = _get_kwargs(
        influencer_id=influencer_id,
        limit=limit,
        any_platform=any_platform,
        text_weight=text_weight,
        audience_weight=audience_weight,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    any_platform: bool | Unset = False,
    text_weight: float | Unset = 0.5,
    audience_weight: float | Unset = 0.5,
) -> LookalikesResponse | Problem | None:
    """Get Lookalikes

     The nearest profiles by text similarity and audience, the profile itself excluded.

    Args:
        influencer_id (UUID):
        limit (int | Unset):  Default: 20.
        any_platform (bool | Unset): Look on every platform, not only the profile's Default:
            False.
        text_weight (float | Unset):  Default: 0.5.
        audience_weight (float | Unset):  Default: 0.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookalikesResponse | Problem
    """

    return sync_detailed(
        influencer_id=influencer_id,
        client=client,
        limit=limit,
        any_platform=any_platform,
        text_weight=text_weight,
        audience_weight=audience_weight,
    ).parsed


async def asyncio_detailed(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    any_platform: bool | Unset = False,
    text_weight: float | Unset = 0.5,
    audience_weight: float | Unset = 0.5,
) -> Response[LookalikesResponse | Problem]:
    """Get Lookalikes

     The nearest profiles by text similarity and audience, the profile itself excluded.

    Args:
        influencer_id (UUID):
        limit (int | Unset):  Default: 20.
        any_platform (bool | Unset): Look on every platform, not only the profile's Default:
            False.
        text_weight (float | Unset):  Default: 0.5.
        audience_weight (float | Unset):  Default: 0.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookalikesResponse | Problem]
    """

    kwargs = _get_kwargs(
        influencer_id=influencer_id,
        limit=limit,
        any_platform=any_platform,
        text_weight=text_weight,
        audience_weight=audience_weight,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    any_platform: bool | Unset = False,
    text_weight: float | Unset = 0.5,
    audience_weight: float | Unset = 0.5,
) -> LookalikesResponse | Problem | None:
    """Get Lookalikes

     The nearest profiles by text similarity and audience, the profile itself excluded.

    Args:
        influencer_id (UUID):
        limit (int | Unset):  Default: 20.
        any_platform (bool | Unset): Look on every platform, not only the profile's Default:
            False.
        text_weight (float | Unset):  Default: 0.5.
        audience_weight (float | Unset):  Default: 0.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookalikesResponse | Problem
    """

    return (
        await asyncio_detailed(
            influencer_id=influencer_id,
            client=client,
            limit=limit,
            any_platform=any_platform,
            text_weight=text_weight,
            audience_weight=audience_weight,
        )
    ).parsed

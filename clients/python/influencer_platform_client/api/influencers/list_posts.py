from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_influencer_post_public import PageInfluencerPostPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    influencer_id: UUID,
    *,
    sponsored: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sponsored: bool | None | Unset
    if isinstance(sponsored, Unset):
        json_sponsored = UNSET
    else:
        json_sponsored = sponsored
    params["sponsored"] = json_sponsored

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/influencers/{influencer_id}/posts".format(
            influencer_id=quote(str(influencer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageInfluencerPostPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageInfluencerPostPublic.from_dict(response.json())

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
) -> Response[PageInfluencerPostPublic | Problem]:
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
    sponsored: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageInfluencerPostPublic | Problem]:
    """List Posts

     The profile's imported posts the org sees, newest first, each with whether it was sponsored
    and why; the org's own copy of a post where the shared catalogue holds one too.

    Args:
        influencer_id (UUID):
        sponsored (bool | None | Unset): Only sponsored (true) or organic (false) posts
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInfluencerPostPublic | Problem]
    """

    kwargs = _get_kwargs(
        influencer_id=influencer_id,
        sponsored=sponsored,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    sponsored: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageInfluencerPostPublic | Problem | None:
    """List Posts

     The profile's imported posts the org sees, newest first, each with whether it was sponsored
    and why; the org's own copy of a post where the shared catalogue holds one too.

    Args:
        influencer_id (UUID):
        sponsored (bool | None | Unset): Only sponsored (true) or organic (false) posts
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInfluencerPostPublic | Problem
    """

    return sync_detailed(
        influencer_id=influencer_id,
        client=client,
        sponsored=sponsored,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    sponsored: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageInfluencerPostPublic | Problem]:
    """List Posts

     The profile's imported posts the org sees, newest first, each with whether it was sponsored
    and why; the org's own copy of a post where the shared catalogue holds one too.

    Args:
        influencer_id (UUID):
        sponsored (bool | None | Unset): Only sponsored (true) or organic (false) posts
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInfluencerPostPublic | Problem]
    """

    kwargs = _get_kwargs(
        influencer_id=influencer_id,
        sponsored=sponsored,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    influencer_id: UUID,
    *,
    client: AuthenticatedClient,
    sponsored: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageInfluencerPostPublic | Problem | None:
    """List Posts

     The profile's imported posts the org sees, newest first, each with whether it was sponsored
    and why; the org's own copy of a post where the shared catalogue holds one too.

    Args:
        influencer_id (UUID):
        sponsored (bool | None | Unset): Only sponsored (true) or organic (false) posts
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInfluencerPostPublic | Problem
    """

    return (
        await asyncio_detailed(
            influencer_id=influencer_id,
            client=client,
            sponsored=sponsored,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

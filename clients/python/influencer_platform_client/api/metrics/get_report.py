from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.report_format import ReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: UUID,
    *,
    format_: None | ReportFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ReportFormat):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/campaigns/{campaign_id}/report".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: None | ReportFormat | Unset = UNSET,
) -> Response[Problem | str]:
    """Get Report

     The campaign's report: headline KPIs against targets, spend against budget, daily charts, top
    posts and partnerships, per-platform and per-influencer tables and each figure's formula. The
    same figures as `GET /campaigns/{id}/metrics`.

    Args:
        campaign_id (UUID):
        format_ (None | ReportFormat | Unset): html, pdf or csv; without it the Accept header
            decides

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: None | ReportFormat | Unset = UNSET,
) -> Problem | str | None:
    """Get Report

     The campaign's report: headline KPIs against targets, spend against budget, daily charts, top
    posts and partnerships, per-platform and per-influencer tables and each figure's formula. The
    same figures as `GET /campaigns/{id}/metrics`.

    Args:
        campaign_id (UUID):
        format_ (None | ReportFormat | Unset): html, pdf or csv; without it the Accept header
            decides

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: None | ReportFormat | Unset = UNSET,
) -> Response[Problem | str]:
    """Get Report

     The campaign's report: headline KPIs against targets, spend against budget, daily charts, top
    posts and partnerships, per-platform and per-influencer tables and each figure's formula. The
    same figures as `GET /campaigns/{id}/metrics`.

    Args:
        campaign_id (UUID):
        format_ (None | ReportFormat | Unset): html, pdf or csv; without it the Accept header
            decides

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: None | ReportFormat | Unset = UNSET,
) -> Problem | str | None:
    """Get Report

     The campaign's report: headline KPIs against targets, spend against budget, daily charts, top
    posts and partnerships, per-platform and per-influencer tables and each figure's formula. The
    same figures as `GET /campaigns/{id}/metrics`.

    Args:
        campaign_id (UUID):
        format_ (None | ReportFormat | Unset): html, pdf or csv; without it the Accept header
            decides

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            format_=format_,
        )
    ).parsed

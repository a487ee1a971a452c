import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.granularity import Granularity
from ...models.problem import Problem
from ...models.timeseries import Timeseries
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: UUID,
    *,
    granularity: Granularity | Unset = UNSET,
    tz: str | Unset = "UTC",
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_granularity: str | Unset = UNSET
    if not isinstance(granularity, Unset):
        json_granularity = granularity.value

    params["granularity"] = json_granularity

    params["tz"] = tz

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/campaigns/{campaign_id}/metrics/timeseries".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Timeseries | None:
    if response.status_code == 200:
        response_200 = Timeseries.from_dict(response.json())

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
) -> Response[Problem | Timeseries]:
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
    granularity: Granularity | Unset = UNSET,
    tz: str | Unset = "UTC",
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | Timeseries]:
    """Get Campaign Timeseries

     What a campaign gained per day or week, in a time zone (at most 1000 points).

    Args:
        campaign_id (UUID):
        granularity (Granularity | Unset):
        tz (str | Unset): IANA time zone Default: 'UTC'.
        from_ (datetime.date | None | Unset): First day (default: the campaign's start)
        to (datetime.date | None | Unset): Last day (default: the last with data)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeseries]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        granularity=granularity,
        tz=tz,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    granularity: Granularity | Unset = UNSET,
    tz: str | Unset = "UTC",
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Problem | Timeseries | None:
    """Get Campaign Timeseries

     What a campaign gained per day or week, in a time zone (at most 1000 points).

    Args:
        campaign_id (UUID):
        granularity (Granularity | Unset):
        tz (str | Unset): IANA time zone Default: 'UTC'.
        from_ (datetime.date | None | Unset): First day (default: the campaign's start)
        to (datetime.date | None | Unset): Last day (default: the last with data)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeseries
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        granularity=granularity,
        tz=tz,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    granularity: Granularity | Unset = UNSET,
    tz: str | Unset = "UTC",
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | Timeseries]:
    """Get Campaign Timeseries

     What a campaign gained per day or week, in a time zone (at most 1000 points).

    Args:
        campaign_id (UUID):
        granularity (Granularity | Unset):
        tz (str | Unset): IANA time zone Default: 'UTC'.
        from_ (datetime.date | None | Unset): First day (default: the campaign's start)
        to (datetime.date | None | Unset): Last day (default: the last with data)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeseries]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        granularity=granularity,
        tz=tz,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    granularity: Granularity | Unset = UNSET,
    tz: str | Unset = "UTC",
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Problem | Timeseries | None:
    """Get Campaign Timeseries

     What a campaign gained per day or week, in a time zone (at most 1000 points).

    Args:
        campaign_id (UUID):
        granularity (Granularity | Unset):
        tz (str | Unset): IANA time zone Default: 'UTC'.
        from_ (datetime.date | None | Unset): First day (default: the campaign's start)
        to (datetime.date | None | Unset): Last day (default: the last with data)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeseries
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            granularity=granularity,
            tz=tz,
            from_=from_,
            to=to,
        )
    ).parsed

import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deliverable_state import DeliverableState
from ...models.page_deliverable_public import PageDeliverablePublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    campaign_id: None | Unset | UUID = UNSET,
    partnership_id: None | Unset | UUID = UNSET,
    state: DeliverableState | None | Unset = UNSET,
    platform: None | str | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_campaign_id: None | str | Unset
    if isinstance(campaign_id, Unset):
        json_campaign_id = UNSET
    elif isinstance(campaign_id, UUID):
        json_campaign_id = str(campaign_id)
    else:
        json_campaign_id = campaign_id
    params["campaign_id"] = json_campaign_id

    json_partnership_id: None | str | Unset
    if isinstance(partnership_id, Unset):
        json_partnership_id = UNSET
    elif isinstance(partnership_id, UUID):
        json_partnership_id = str(partnership_id)
    else:
        json_partnership_id = partnership_id
    params["partnership_id"] = json_partnership_id

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, DeliverableState):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_platform: None | str | Unset
    if isinstance(platform, Unset):
        json_platform = UNSET
    else:
        json_platform = platform
    params["platform"] = json_platform

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.date):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

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
        "url": "/api/v1/deliverables",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDeliverablePublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageDeliverablePublic.from_dict(response.json())

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
) -> Response[PageDeliverablePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    campaign_id: None | Unset | UUID = UNSET,
    partnership_id: None | Unset | UUID = UNSET,
    state: DeliverableState | None | Unset = UNSET,
    platform: None | str | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageDeliverablePublic | Problem]:
    """List Deliverables

     A brand's deliverables, or a creator's own, newest first.

    Args:
        campaign_id (None | Unset | UUID):
        partnership_id (None | Unset | UUID):
        state (DeliverableState | None | Unset):
        platform (None | str | Unset):
        due_before (datetime.date | None | Unset): Due before this day
        overdue (bool | None | Unset): true: only overdue ones
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDeliverablePublic | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        partnership_id=partnership_id,
        state=state,
        platform=platform,
        due_before=due_before,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    campaign_id: None | Unset | UUID = UNSET,
    partnership_id: None | Unset | UUID = UNSET,
    state: DeliverableState | None | Unset = UNSET,
    platform: None | str | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageDeliverablePublic | Problem | None:
    """List Deliverables

     A brand's deliverables, or a creator's own, newest first.

    Args:
        campaign_id (None | Unset | UUID):
        partnership_id (None | Unset | UUID):
        state (DeliverableState | None | Unset):
        platform (None | str | Unset):
        due_before (datetime.date | None | Unset): Due before this day
        overdue (bool | None | Unset): true: only overdue ones
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDeliverablePublic | Problem
    """

    return sync_detailed(
        client=client,
        campaign_id=campaign_id,
        partnership_id=partnership_id,
        state=state,
        platform=platform,
        due_before=due_before,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    campaign_id: None | Unset | UUID = UNSET,
    partnership_id: None | Unset | UUID = UNSET,
    state: DeliverableState | None | Unset = UNSET,
    platform: None | str | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageDeliverablePublic | Problem]:
    """List Deliverables

     A brand's deliverables, or a creator's own, newest first.

    Args:
        campaign_id (None | Unset | UUID):
        partnership_id (None | Unset | UUID):
        state (DeliverableState | None | Unset):
        platform (None | str | Unset):
        due_before (datetime.date | None | Unset): Due before this day
        overdue (bool | None | Unset): true: only overdue ones
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDeliverablePublic | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        partnership_id=partnership_id,
        state=state,
        platform=platform,
        due_before=due_before,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    campaign_id: None | Unset | UUID = UNSET,
    partnership_id: None | Unset | UUID = UNSET,
    state: DeliverableState | None | Unset = UNSET,
    platform: None | str | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageDeliverablePublic | Problem | None:
    """List Deliverables

     A brand's deliverables, or a creator's own, newest first.

    Args:
        campaign_id (None | Unset | UUID):
        partnership_id (None | Unset | UUID):
        state (DeliverableState | None | Unset):
        platform (None | str | Unset):
        due_before (datetime.date | None | Unset): Due before this day
        overdue (bool | None | Unset): true: only overdue ones
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDeliverablePublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            campaign_id=campaign_id,
            partnership_id=partnership_id,
            state=state,
            platform=platform,
            due_before=due_before,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.member_public import MemberPublic
from ...models.member_update import MemberUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org_id: UUID,
    user_id: UUID,
    *,
    body: MemberUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/orgs/{org_id}/members/{user_id}".format(
            org_id=quote(str(org_id), safe=""),
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MemberPublic | Problem | None:
    if response.status_code == 200:
        response_200 = MemberPublic.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MemberPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> Response[MemberPublic | Problem]:
    """Change Member Role

     Change a member's role. Owners only; the last owner cannot step down. Their tokens
    carrying the old role stop working at once (a refresh gives the new role).

    Args:
        org_id (UUID):
        user_id (UUID):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberPublic | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> MemberPublic | Problem | None:
    """Change Member Role

     Change a member's role. Owners only; the last owner cannot step down. Their tokens
    carrying the old role stop working at once (a refresh gives the new role).

    Args:
        org_id (UUID):
        user_id (UUID):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberPublic | Problem
    """

    return sync_detailed(
        org_id=org_id,
        user_id=user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> Response[MemberPublic | Problem]:
    """Change Member Role

     Change a member's role. Owners only; the last owner cannot step down. Their tokens
    carrying the old role stop working at once (a refresh gives the new role).

    Args:
        org_id (UUID):
        user_id (UUID):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberPublic | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> MemberPublic | Problem | None:
    """Change Member Role

     Change a member's role. Owners only; the last owner cannot step down. Their tokens
    carrying the old role stop working at once (a refresh gives the new role).

    Args:
        org_id (UUID):
        user_id (UUID):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberPublic | Problem
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            user_id=user_id,
            client=client,
            body=body,
        )
    ).parsed

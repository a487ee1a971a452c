from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.amplification_body import AmplificationBody
from ...models.amplification_public import AmplificationPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    deliverable_id: UUID,
    *,
    body: AmplificationBody,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/deliverables/{deliverable_id}/amplifications".format(
            deliverable_id=quote(str(deliverable_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AmplificationPublic | Problem | None:
    if response.status_code == 201:
        response_201 = AmplificationPublic.from_dict(response.json())

        return response_201

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
) -> Response[AmplificationPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    deliverable_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AmplificationBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[AmplificationPublic | Problem]:
    """Request Amplification

     Brand: boost or repost a published deliverable; partnerships funds the spend from the budget.

    Args:
        deliverable_id (UUID):
        idempotency_key (str | Unset):
        body (AmplificationBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AmplificationPublic | Problem]
    """

    kwargs = _get_kwargs(
        deliverable_id=deliverable_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    deliverable_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AmplificationBody,
    idempotency_key: str | Unset = UNSET,
) -> AmplificationPublic | Problem | None:
    """Request Amplification

     Brand: boost or repost a published deliverable; partnerships funds the spend from the budget.

    Args:
        deliverable_id (UUID):
        idempotency_key (str | Unset):
        body (AmplificationBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AmplificationPublic | Problem
    """

    return sync_detailed(
        deliverable_id=deliverable_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    deliverable_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AmplificationBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[AmplificationPublic | Problem]:
    """Request Amplification

     Brand: boost or repost a published deliverable; partnerships funds the spend from the budget.

    Args:
        deliverable_id (UUID):
        idempotency_key (str | Unset):
        body (AmplificationBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AmplificationPublic | Problem]
    """

    kwargs = _get_kwargs(
        deliverable_id=deliverable_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    deliverable_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AmplificationBody,
    idempotency_key: str | Unset = UNSET,
) -> AmplificationPublic | Problem | None:
    """Request Amplification

     Brand: boost or repost a published deliverable; partnerships funds the spend from the budget.

    Args:
        deliverable_id (UUID):
        idempotency_key (str | Unset):
        body (AmplificationBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AmplificationPublic | Problem
    """

    return (
        await asyncio_detailed(
            deliverable_id=deliverable_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

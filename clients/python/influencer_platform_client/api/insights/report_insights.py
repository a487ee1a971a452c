from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insights_accepted import InsightsAccepted
from ...models.problem import Problem
from ...models.snapshot_batch import SnapshotBatch
from ...models.snapshot_in import SnapshotIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    post_id: UUID,
    *,
    body: SnapshotBatch | SnapshotIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/posts/{post_id}/insights".format(
            post_id=quote(str(post_id), safe=""),
        ),
    }

    if isinstance(body, SnapshotIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InsightsAccepted | Problem | None:
    if response.status_code == 200:
        response_200 = InsightsAccepted.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = InsightsAccepted.from_dict(response.json())

        return response_202

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
) -> Response[InsightsAccepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SnapshotBatch | SnapshotIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[InsightsAccepted | Problem]:
    """Report Insights

     Report cumulative snapshots of a post: one, or up to 1000 as `items`. The latest by
    observation time wins for each metric; repeats change nothing; other numbers for a time
    already kept are a 409.

    Args:
        post_id (UUID):
        idempotency_key (str | Unset):
        body (SnapshotBatch | SnapshotIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsightsAccepted | Problem]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SnapshotBatch | SnapshotIn,
    idempotency_key: str | Unset = UNSET,
) -> InsightsAccepted | Problem | None:
    """Report Insights

     Report cumulative snapshots of a post: one, or up to 1000 as `items`. The latest by
    observation time wins for each metric; repeats change nothing; other numbers for a time
    already kept are a 409.

    Args:
        post_id (UUID):
        idempotency_key (str | Unset):
        body (SnapshotBatch | SnapshotIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsightsAccepted | Problem
    """

    return sync_detailed(
        post_id=post_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SnapshotBatch | SnapshotIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[InsightsAccepted | Problem]:
    """Report Insights

     Report cumulative snapshots of a post: one, or up to 1000 as `items`. The latest by
    observation time wins for each metric; repeats change nothing; other numbers for a time
    already kept are a 409.

    Args:
        post_id (UUID):
        idempotency_key (str | Unset):
        body (SnapshotBatch | SnapshotIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsightsAccepted | Problem]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SnapshotBatch | SnapshotIn,
    idempotency_key: str | Unset = UNSET,
) -> InsightsAccepted | Problem | None:
    """Report Insights

     Report cumulative snapshots of a post: one, or up to 1000 as `items`. The latest by
    observation time wins for each metric; repeats change nothing; other numbers for a time
    already kept are a 409.

    Args:
        post_id (UUID):
        idempotency_key (str | Unset):
        body (SnapshotBatch | SnapshotIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsightsAccepted | Problem
    """

    return (
        await asyncio_detailed(
            post_id=post_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

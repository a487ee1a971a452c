from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversion_batch import ConversionBatch
from ...models.conversion_in import ConversionIn
from ...models.conversion_result import ConversionResult
from ...models.conversion_results import ConversionResults
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ConversionBatch | ConversionIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/conversions",
    }

    if isinstance(body, ConversionIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConversionResult | ConversionResults | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ConversionResult | ConversionResults:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ConversionResult.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ConversionResults.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 201:

        def _parse_response_201(data: object) -> ConversionResult | ConversionResults:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_201_type_0 = ConversionResult.from_dict(data)

                return response_201_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_201_type_1 = ConversionResults.from_dict(data)

            return response_201_type_1

        response_201 = _parse_response_201(response.json())

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
) -> Response[ConversionResult | ConversionResults | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ConversionBatch | ConversionIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ConversionResult | ConversionResults | Problem]:
    """Report Conversions

     Report orders (and refunds or cancellations of them): one, or up to 1000 as `items`. The
    same order twice counts once; with another amount it is a 409. All or nothing.

    Args:
        idempotency_key (str | Unset):
        body (ConversionBatch | ConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversionResult | ConversionResults | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ConversionBatch | ConversionIn,
    idempotency_key: str | Unset = UNSET,
) -> ConversionResult | ConversionResults | Problem | None:
    """Report Conversions

     Report orders (and refunds or cancellations of them): one, or up to 1000 as `items`. The
    same order twice counts once; with another amount it is a 409. All or nothing.

    Args:
        idempotency_key (str | Unset):
        body (ConversionBatch | ConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversionResult | ConversionResults | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ConversionBatch | ConversionIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ConversionResult | ConversionResults | Problem]:
    """Report Conversions

     Report orders (and refunds or cancellations of them): one, or up to 1000 as `items`. The
    same order twice counts once; with another amount it is a 409. All or nothing.

    Args:
        idempotency_key (str | Unset):
        body (ConversionBatch | ConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversionResult | ConversionResults | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ConversionBatch | ConversionIn,
    idempotency_key: str | Unset = UNSET,
) -> ConversionResult | ConversionResults | Problem | None:
    """Report Conversions

     Report orders (and refunds or cancellations of them): one, or up to 1000 as `items`. The
    same order twice counts once; with another amount it is a 409. All or nothing.

    Args:
        idempotency_key (str | Unset):
        body (ConversionBatch | ConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversionResult | ConversionResults | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_format import ImportFormat
from ...models.import_influencers_currency_type_0 import ImportInfluencersCurrencyType0
from ...models.import_influencers_files_body import ImportInfluencersFilesBody
from ...models.import_job_public import ImportJobPublic
from ...models.import_preview_public import ImportPreviewPublic
from ...models.platform import Platform
from ...models.problem import Problem
from ...models.visibility import Visibility
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportInfluencersFilesBody | str | Unset = UNSET,
    platform: None | Platform | Unset = UNSET,
    format_: ImportFormat | None | Unset = UNSET,
    currency: ImportInfluencersCurrencyType0 | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    mapping: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_platform: None | str | Unset
    if isinstance(platform, Unset):
        json_platform = UNSET
    elif isinstance(platform, Platform):
        json_platform = platform.value
    else:
        json_platform = platform
    params["platform"] = json_platform

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ImportFormat):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_currency: None | str | Unset
    if isinstance(currency, Unset):
        json_currency = UNSET
    elif isinstance(currency, ImportInfluencersCurrencyType0):
        json_currency = currency.value
    else:
        json_currency = currency
    params["currency"] = json_currency

    json_visibility: None | str | Unset
    if isinstance(visibility, Unset):
        json_visibility = UNSET
    elif isinstance(visibility, Visibility):
        json_visibility = visibility.value
    else:
        json_visibility = visibility
    params["visibility"] = json_visibility

    json_mapping: None | str | Unset
    if isinstance(mapping, Unset):
        json_mapping = UNSET
    else:
        json_mapping = mapping
    params["mapping"] = json_mapping

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/influencers/import",
        "params": params,
    }

    if isinstance(body, ImportInfluencersFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/csv"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/tab-separated-values"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/x-ndjson"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/ndjson"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/jsonl"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/x-jsonlines"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportJobPublic | ImportPreviewPublic | Problem | None:
    if response.status_code == 200:
        response_200 = ImportPreviewPublic.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = ImportJobPublic.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ImportJobPublic | ImportPreviewPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportInfluencersFilesBody | str | Unset = UNSET,
    platform: None | Platform | Unset = UNSET,
    format_: ImportFormat | None | Unset = UNSET,
    currency: ImportInfluencersCurrencyType0 | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    mapping: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportJobPublic | ImportPreviewPublic | Problem]:
    """Import Influencers

     Upload CSV, TSV or NDJSON (multipart `file`, or the raw body): 202 with the queued job; with
    `dry_run=true`, 200 with a preview of the import, nothing written (confirm with its `mapping`).

    Args:
        platform (None | Platform | Unset): Platform of rows without a platform column
        format_ (ImportFormat | None | Unset): Otherwise from the file name or content type
        currency (ImportInfluencersCurrencyType0 | None | Unset): Currency of prices
        visibility (None | Unset | Visibility): shared: platform admins only
        mapping (None | str | Unset): JSON: canonical field -> column, e.g. {"followers": "#Subs",
            "bio": null}
        dry_run (bool | Unset): Only preview: the mapping of each column, the rows imported,
            warned of and rejected Default: False.
        idempotency_key (str | Unset):
        body (ImportInfluencersFilesBody):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobPublic | ImportPreviewPublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        platform=platform,
        format_=format_,
        currency=currency,
        visibility=visibility,
        mapping=mapping,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportInfluencersFilesBody | str | Unset = UNSET,
    platform: None | Platform | Unset = UNSET,
    format_: ImportFormat | None | Unset = UNSET,
    currency: ImportInfluencersCurrencyType0 | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    mapping: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ImportJobPublic | ImportPreviewPublic | Problem | None:
    """Import Influencers

     Upload CSV, TSV or NDJSON (multipart `file`, or the raw body): 202 with the queued job; with
    `dry_run=true`, 200 with a preview of the import, nothing written (confirm with its `mapping`).

    Args:
        platform (None | Platform | Unset): Platform of rows without a platform column
        format_ (ImportFormat | None | Unset): Otherwise from the file name or content type
        currency (ImportInfluencersCurrencyType0 | None | Unset): Currency of prices
        visibility (None | Unset | Visibility): shared: platform admins only
        mapping (None | str | Unset): JSON: canonical field -> column, e.g. {"followers": "#Subs",
            "bio": null}
        dry_run (bool | Unset): Only preview: the mapping of each column, the rows imported,
            warned of and rejected Default: False.
        idempotency_key (str | Unset):
        body (ImportInfluencersFilesBody):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobPublic | ImportPreviewPublic | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        platform=platform,
        format_=format_,
        currency=currency,
        visibility=visibility,
        mapping=mapping,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportInfluencersFilesBody | str | Unset = UNSET,
    platform: None | Platform | Unset = UNSET,
    format_: ImportFormat | None | Unset = UNSET,
    currency: ImportInfluencersCurrencyType0 | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    mapping: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportJobPublic | ImportPreviewPublic | Problem]:
    """Import Influencers

     Upload CSV, TSV or NDJSON (multipart `file`, or the raw body): 202 with the queued job; with
    `dry_run=true`, 200 with a preview of the import, nothing written (confirm with its `mapping`).

    Args:
        platform (None | Platform | Unset): Platform of rows without a platform column
        format_ (ImportFormat | None | Unset): Otherwise from the file name or content type
        currency (ImportInfluencersCurrencyType0 | None | Unset): Currency of prices
        visibility (None | Unset | Visibility): shared: platform admins only
        mapping (None | str | Unset): JSON: canonical field -> column, e.g. {"followers": "#Subs",
            "bio": null}
        dry_run (bool | Unset): Only preview: the mapping of each column, the rows imported,
            warned of and rejected Default: False.
        idempotency_key (str | Unset):
        body (ImportInfluencersFilesBody):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobPublic | ImportPreviewPublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        platform=platform,
        format_=format_,
        currency=currency,
        visibility=visibility,
        mapping=mapping,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportInfluencersFilesBody | str | Unset = UNSET,
    platform: None | Platform | Unset = UNSET,
    format_: ImportFormat | None | Unset = UNSET,
    currency: ImportInfluencersCurrencyType0 | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    mapping: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ImportJobPublic | ImportPreviewPublic | Problem | None:
    """Import Influencers

     Upload CSV, TSV or NDJSON (multipart `file`, or the raw body): 202 with the queued job; with
    `dry_run=true`, 200 with a preview of the import, nothing written (confirm with its `mapping`).

    Args:
        platform (None | Platform | Unset): Platform of rows without a platform column
        format_ (ImportFormat | None | Unset): Otherwise from the file name or content type
        currency (ImportInfluencersCurrencyType0 | None | Unset): Currency of prices
        visibility (None | Unset | Visibility): shared: platform admins only
        mapping (None | str | Unset): JSON: canonical field -> column, e.g. {"followers": "#Subs",
            "bio": null}
        dry_run (bool | Unset): Only preview: the mapping of each column, the rows imported,
            warned of and rejected Default: False.
        idempotency_key (str | Unset):
        body (ImportInfluencersFilesBody):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobPublic | ImportPreviewPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            platform=platform,
            format_=format_,
            currency=currency,
            visibility=visibility,
            mapping=mapping,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed

"""Strict input at metrics' edge: every body a RequestModel with documented limits, and no value a
client sends (64-bit overflows, NaN, NUL, huge strings and lists, wrong types, in every parameter
and body field of the OpenAPI) is answered with a 5xx."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.bad_input import UNIQUE, Probe, misanswered, probes, unbounded
from devstack.databases import DatabaseFactory
from servicekit.app import lax_request_bodies

from .conftest import Brand, metrics_service

NAMED = {
    "currency": "EUR",
    "base": "USD",
    "quote": "EUR",
    "rate": "1.25",
    "amount_minor": 1_000,
    "metrics": {"views": 10},
    "order_id": UNIQUE,
    "code": UNIQUE,
    "destination_url": "https://shop.example/p",
    "tz": "Europe/Paris",
    "click_id": None,
    "promo_code": None,
    "adjustment_id": None,
    "deliverable_id": None,
}


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(databases, messaging_settings, "metrics_bad_input") as client:
        yield client


async def test_every_request_body_is_a_request_model(service: httpx.AsyncClient) -> None:
    assert lax_request_bodies(service.app) == []  # type: ignore[attr-defined]


async def test_every_number_string_and_list_a_request_takes_has_a_documented_limit(
    service: httpx.AsyncClient,
) -> None:
    assert unbounded(service.app.openapi()) == []  # type: ignore[attr-defined]


def _last(probe: Probe) -> bool:
    return probe.method == "DELETE"


async def test_no_bad_value_is_answered_with_a_server_error(service: httpx.AsyncClient, internal_secret: str) -> None:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    partnership_id, influencer_id = await brand.partnership()
    post_id, _ = await brand.post(partnership_id, influencer_id)
    link = await brand.link(partnership_id)
    promo = await service.post(
        "/api/v1/promo-codes", json={"code": "PROBE", "partnership_id": str(partnership_id)}, headers=brand.headers
    )
    ids = {
        "campaign_id": str(brand.campaign_id),
        "partnership_id": str(partnership_id),
        "influencer_id": str(influencer_id),
        "post_id": str(post_id),
        "link_id": link["id"],
        "promo_code_id": promo.json()["id"],
        "code": link["code"],
    }
    named = NAMED | {"partnership_id": str(partnership_id)}
    every = sorted(probes(service.app.openapi(), ids, named_samples=named), key=_last)  # type: ignore[attr-defined]
    failures = []
    for probe in every:
        headers = {**brand.headers, "content-type": probe.content_type} if probe.content_type else brand.headers
        try:
            response = await service.request(
                probe.method, probe.path, params=probe.params, content=probe.content, headers=headers
            )
        except Exception as exc:
            failures.append(f"{probe.what}: {type(exc).__name__} {str(exc)[:160]}")
            continue
        if probe.what.endswith("as valid as the schema says"):
            assert response.status_code not in (400, 422), f"{probe.what}: {response.text}"
        if (wrong := misanswered(probe, response)) is not None:
            failures.append(wrong)
        if response.status_code >= 500:
            failures.append(f"{probe.what}: {response.status_code} {response.text[:160]}")
        elif response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json", probe.what
    assert len(every) > 500
    assert not failures, f"{len(failures)} of {len(every)} probes:\n" + "\n".join(failures)


async def test_the_currencies_a_query_takes_are_the_ones_its_openapi_lists(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    path = "/api/v1/influencers/{influencer_id}/performance"
    (parameter,) = [p for p in service.app.openapi()["paths"][path]["get"]["parameters"] if p["name"] == "currency"]  # type: ignore[attr-defined]
    listed = next(option for option in parameter["schema"]["anyOf"] if option.get("type") == "string")["enum"]
    assert "EUR" in listed
    assert "XTS" not in listed  # ISO 4217's code for tests, no money
    brand = Brand(service, internal_secret)
    refused = await service.get(
        path.format(influencer_id=uuid.uuid4()), params={"currency": "XTS"}, headers=brand.headers
    )
    assert (refused.status_code, [e["field"] for e in refused.json()["errors"]]) == (422, ["query.currency"])

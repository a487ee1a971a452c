"""Strict input at partnerships' edge: amounts within a documented ceiling, finite KPI targets, no
numbers as strings, ISO currencies, clean names, every bad field reported at once (the rules of
terms too); and no value a client sends (64-bit overflows, NaN, NUL, huge strings and lists,
wrong types, in every parameter and body field of the OpenAPI) is answered with a 5xx."""

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from devstack.bad_input import UNIQUE, Probe, misanswered, probes, unbounded
from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import serve_in_process, service_headers
from partnerships.main import create_app
from partnerships.settings import PartnershipsSettings
from servicekit.app import lax_request_bodies

from .conftest import known_influencer

NAMED = {
    "currency": "EUR",
    "countries": "US",
    "languages": "en",
    "terms_hash": None,
    "platform": "instagram",
    "percent": 100,
    "amount_minor": 1_000,
    "name": UNIQUE,
    "template_id": None,
}
JSON = {"content-type": "application/json"}
TERMS = {
    "collaboration_type": "sponsored_post",
    "deliverables": [{"type": "reel", "platform": "instagram", "count": 1}],
    "fee": {"kind": "fixed", "amount": {"amount_minor": 1_000, "currency": "EUR"}},
}
ENDINGS = ("/cancel", "/complete", "/withdraw", "/decline")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    settings = PartnershipsSettings(
        database_url=await databases.new("partnerships_bad_input"), consumer_enabled=False, **messaging_settings
    )
    app = create_app(settings)
    async with serve_in_process(app) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


async def _created(service: httpx.AsyncClient, path: str, body: dict[str, Any], headers: dict[str, str]) -> str:
    response = await service.post(path, json=body, headers=headers)
    assert response.status_code in (200, 201), response.text
    created: str = response.json()["id"]
    return created


@pytest.fixture
def brand(internal_secret: str) -> dict[str, str]:
    return service_headers(internal_secret, uuid.uuid4(), roles="owner")


def bad_fields(response: httpx.Response) -> set[str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {e["field"] for e in response.json()["errors"]}


def with_raw(body: dict[str, Any], field: str, raw_value: str) -> bytes:
    """The body as JSON with `field` set to raw JSON text (NaN, 1e309: what json.dumps cannot write)."""
    return (json.dumps({k: v for k, v in body.items() if k != field})[:-1] + f', "{field}": {raw_value}}}').encode()


async def names_of_campaigns(service: httpx.AsyncClient, brand: dict[str, str]) -> list[str]:
    return [c["name"] for c in (await service.get("/api/v1/campaigns", headers=brand)).json()["items"]]


@pytest.mark.parametrize(
    ("field", "raw", "named"),
    [
        ("budget", '{"amount_minor": "100000", "currency": "EUR"}', "body.budget.amount_minor"),
        ("budget", '{"amount_minor": 1000.5, "currency": "EUR"}', "body.budget.amount_minor"),
        ("budget", f'{{"amount_minor": {2**63}, "currency": "EUR"}}', "body.budget.amount_minor"),
        ("budget", '{"amount_minor": 100, "currency": "ZZZ"}', "body.budget.currency"),
        ("kpis", '{"roi": NaN}', "body.kpis.roi"),
        ("kpis", '{"roas": Infinity}', "body.kpis.roas"),
        ("kpis", '{"ctr": 1e309}', "body.kpis.ctr"),
        ("kpis", '{"conversions": "500"}', "body.kpis.conversions"),
        ("kpis", f'{{"reach": {2**63}}}', "body.kpis.reach"),
        ("name", '"Spring\\u0000Sale"', "body.name"),
        ("name", '"Spring\\nSale"', "body.name"),
        ("starts_on", "0", "body.starts_on"),
        ("starts_on", '"9999-12-31"', "body.starts_on"),
        ("target_audience", '{"countries": ["US\\u0000"]}', "body.target_audience.countries.0"),
    ],
)
async def test_a_bad_campaign_field_is_422_and_nothing_is_stored(
    service: httpx.AsyncClient, brand: dict[str, str], field: str, raw: str, named: str
) -> None:
    body = {"name": "Strict", "objective": "awareness"}
    response = await service.post("/api/v1/campaigns", content=with_raw(body, field, raw), headers={**brand, **JSON})
    assert bad_fields(response) == {named}
    assert await names_of_campaigns(service, brand) == []


async def test_every_bad_field_of_a_campaign_is_reported_at_once(
    service: httpx.AsyncClient, brand: dict[str, str]
) -> None:
    raw = (
        b'{"name": "a\\u0000b", "objective": "fame", "budget": {"amount_minor": "5", "currency": "ZZZ"},'
        b' "kpis": {"roi": NaN, "vibes": 1}, "starts_on": 0, "colour": "red"}'
    )
    response = await service.post("/api/v1/campaigns", content=raw, headers={**brand, **JSON})
    assert bad_fields(response) == {
        "body.name",
        "body.objective",
        "body.budget.amount_minor",
        "body.budget.currency",
        "body.kpis.roi",
        "body.kpis.vibes.[key]",
        "body.starts_on",
        "body.colour",
    }
    backwards = {"name": "x\u0007", "objective": "awareness", "starts_on": "2027-02-01", "ends_on": "2027-01-01"}
    response = await service.post("/api/v1/campaigns", json=backwards, headers=brand)
    assert bad_fields(response) == {"body.name", "body.ends_on"}


async def test_the_rules_of_terms_are_reported_with_the_other_bad_fields(
    service: httpx.AsyncClient, brand: dict[str, str]
) -> None:
    campaign = {"name": "Terms", "objective": "awareness", "budget": {"amount_minor": 10**6, "currency": "EUR"}}
    campaign_id = await _created(service, "/api/v1/campaigns", campaign, brand)
    terms = {**TERMS, "payment_schedule": [{"trigger": "on_signing", "percent": 90}]}
    body = {"influencer_id": "not-a-uuid", "terms": terms, "influencer": {"handle": "ana\u0000"}}
    response = await service.post(f"/api/v1/campaigns/{campaign_id}/partnerships", json=body, headers=brand)
    assert bad_fields(response) == {"body.influencer_id", "body.terms.payment_schedule", "body.influencer.handle"}
    many = {**TERMS, "fee": {"kind": "per_deliverable", "amount": {"amount_minor": 10**15, "currency": "EUR"}}}
    many["deliverables"] = [{"type": "reel", "platform": "instagram", "count": 100}]
    body = {"influencer_id": str(uuid.uuid4()), "terms": many}
    response = await service.post(f"/api/v1/campaigns/{campaign_id}/partnerships", json=body, headers=brand)
    assert bad_fields(response) == {"body.terms.fee.amount"}
    listed = await service.get(f"/api/v1/campaigns/{campaign_id}/partnerships", headers=brand)
    assert listed.json()["items"] == []


async def test_names_and_messages_hold_no_control_characters(service: httpx.AsyncClient, brand: dict[str, str]) -> None:
    named = await service.post("/api/v1/message-templates", json={"name": "t\u0000", "body": "Hi"}, headers=brand)
    assert bad_fields(named) == {"body.name"}
    body = await service.post("/api/v1/message-templates", json={"name": "t", "body": "Hi\u0000"}, headers=brand)
    assert bad_fields(body) == {"body.body"}
    lines = await service.post("/api/v1/message-templates", json={"name": "t", "body": "Hi,\n\tthanks"}, headers=brand)
    assert lines.status_code == 201, lines.text


async def test_every_request_body_is_a_request_model(service: httpx.AsyncClient) -> None:
    assert lax_request_bodies(service.app) == []  # type: ignore[attr-defined]


async def test_every_number_string_and_list_a_request_takes_has_a_documented_limit(
    service: httpx.AsyncClient,
) -> None:
    assert unbounded(service.app.openapi()) == []  # type: ignore[attr-defined]


def _last(probe: Probe) -> bool:
    """Ending things last, so that the other probes meet live objects."""
    return probe.method == "DELETE" or probe.path.endswith(ENDINGS)


async def test_no_bad_value_is_answered_with_a_server_error(service: httpx.AsyncClient, brand: dict[str, str]) -> None:
    money = {"amount_minor": 1_000_000, "currency": "EUR"}
    campaign = {"name": "Probed", "objective": "awareness", "budget": money}
    campaign_id = await _created(
        service, "/api/v1/campaigns", campaign | {"starts_on": "2027-06-01", "ends_on": "2099-06-30"}, brand
    )
    assert (await service.post(f"/api/v1/campaigns/{campaign_id}/launch", headers=brand)).status_code == 200
    terms = TERMS
    influencer_id = str(await known_influencer(service))
    partnership_id = await _created(
        service,
        f"/api/v1/campaigns/{campaign_id}/partnerships",
        {"influencer_id": influencer_id, "terms": terms},
        brand,
    )
    template_id = await _created(service, "/api/v1/message-templates", {"name": "t", "body": "Hi"}, brand)
    ids = {"campaign_id": campaign_id, "partnership_id": partnership_id, "template_id": template_id}
    app = service.app  # type: ignore[attr-defined]
    named = NAMED | {"influencer_id": influencer_id}  # proposals name an influencer partnerships knows
    every = sorted(probes(app.openapi(), ids, named_samples=named), key=_last)
    failures = []
    for probe in every:
        headers = {**brand, "content-type": probe.content_type} if probe.content_type else brand
        try:  # the in-process transport raises what the app raised after answering 500
            response = await service.request(
                probe.method, probe.path, params=probe.params, content=probe.content, headers=headers
            )
        except Exception as exc:
            failures.append(f"{probe.what}: {type(exc).__name__} {str(exc)[:160]}")
            continue
        if probe.what.endswith("as valid as the schema says"):  # then its mutations meet the code behind
            assert response.status_code != 422, f"{probe.what}: {response.text}"
        if (wrong := misanswered(probe, response)) is not None:
            failures.append(wrong)
        if response.status_code >= 500:
            failures.append(f"{probe.what}: {response.status_code} {response.text[:160]}")
        elif response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json", probe.what
    assert len(every) > 1000
    assert not failures, f"{len(failures)} of {len(every)} probes:\n" + "\n".join(failures)

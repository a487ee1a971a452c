"""Tracking links: made for a brand's partnership, with a validated destination and UTM parameters;
the redirect answers 302 from memory with a click id, an unknown or stopped code is a 404 that
records nothing, and a link made on one replica redirects on another within a second."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import orjson
import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import service_headers
from metrics.adapters.click_log import CLICKS_APPENDED
from metrics.adapters.tables import click_spool
from metrics.api.visits import Visits, read_visits
from metrics.domain.clicks import read_click_id

from .conftest import Brand, metrics_service


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(databases, messaging_settings, "metrics_tracking") as client:
        yield client


@pytest.fixture
async def brand(service: httpx.AsyncClient, internal_secret: str) -> Brand:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    return brand


async def test_a_link_redirects_to_its_destination_with_utm_parameters_and_a_click_id(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id, utm={"medium": "reel"})
    assert link["short_url"] == f"http://127.0.0.1:8000/r/{link['code']}"
    assert len(link["code"]) == 7
    query = parse_qs(urlsplit(link["target_url"]).query)
    assert query == {
        "utm_medium": ["reel"],
        "utm_source": ["influencer"],
        "utm_campaign": ["spring-sale"],
        "utm_content": [str(partnership_id)],
    }

    followed = await brand.click(link["code"])

    assert followed.status_code == 302, followed.text
    assert followed.headers["cache-control"] == "no-store"
    location = followed.headers["location"]
    assert location.startswith(link["target_url"] + "&click_id=")
    click_id = parse_qs(urlsplit(location).query)["click_id"][0]
    runtime = brand.service.app.state.runtime  # type: ignore[attr-defined]
    ref = read_click_id(runtime.settings.click_key(), click_id)
    assert ref is not None
    assert str(ref.link_id) == link["id"]


async def test_an_unknown_or_stopped_code_is_a_404_and_records_nothing(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id, code=f"stop-{uuid.uuid4().hex[:6]}")
    clicks = brand.service.app.state.ingestion.clicks  # type: ignore[attr-defined]
    sent: list[bytes] = []
    original = clicks.append

    async def spy(key: bytes, payload: bytes) -> str:
        sent.append(payload)
        return await original(key, payload)

    clicks.append = spy
    try:
        assert (await brand.click("no-such-code")).status_code == 404
        stopped = await brand.service.delete(f"/api/v1/tracking-links/{link['id']}", headers=brand.headers)
        assert stopped.status_code == 200, stopped.text
        assert stopped.json()["active"] is False
        missing = await brand.click(link["code"])
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"
    finally:
        clicks.append = original
    assert sent == []


async def test_a_destination_or_code_that_cannot_be_is_refused_naming_the_field(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    cases = [
        ({"destination_url": "javascript:alert(1)"}, "body.destination_url", 422),
        ({"destination_url": "https://u:p@shop.example/"}, "body.destination_url", 422),
        ({"code": "a b"}, "body.code", 422),
        ({"destination_url": "https://shop.example/?click_id=1"}, "body.destination_url", 422),
    ]
    for body, field, status in cases:
        response = await brand.service.post(
            "/api/v1/tracking-links",
            json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/", **body},
            headers=brand.headers,
        )
        assert response.status_code == status, (body, response.text)
        assert field in {e["field"] for e in response.json()["errors"]}, response.text
    taken = await brand.link(partnership_id)
    again = await brand.service.post(
        "/api/v1/tracking-links",
        json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/", "code": taken["code"]},
        headers=brand.headers,
    )
    assert again.status_code == 409, again.text


async def test_a_partnership_not_heard_of_yet_is_a_retryable_422(brand: Brand) -> None:
    response = await brand.service.post(
        "/api/v1/tracking-links",
        json={"partnership_id": str(uuid.uuid4()), "destination_url": "https://shop.example/"},
        headers=brand.headers,
    )
    assert response.status_code == 422, response.text
    assert response.json()["retryable"] is True
    assert response.headers["retry-after"] == "5"
    assert [e["field"] for e in response.json()["errors"]] == ["body.partnership_id"]


async def test_another_orgs_partnership_and_links_are_not_found(brand: Brand, internal_secret: str) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    other = Brand(brand.service, internal_secret)
    response = await other.service.post(
        "/api/v1/tracking-links",
        json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/"},
        headers=other.headers,
    )
    assert response.status_code == 422
    assert (await other.service.get(f"/api/v1/tracking-links/{link['id']}", headers=other.headers)).status_code == 404
    listed = await other.service.get("/api/v1/tracking-links", headers=other.headers)
    assert listed.json()["items"] == []
    analyst = await brand.service.post(
        "/api/v1/tracking-links",
        json={"partnership_id": str(partnership_id), "destination_url": "https://shop.example/"},
        headers=brand.as_role("analyst"),
    )
    assert analyst.status_code == 403


async def test_a_link_made_on_one_replica_redirects_on_another_within_a_second(
    brand: Brand, databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> None:
    runtime = brand.service.app.state.runtime  # type: ignore[attr-defined]
    async with metrics_service(
        databases,
        messaging_settings,
        "unused",
        database_url=runtime.settings.database_url,
        run_migrations_on_start=False,
    ) as replica:
        partnership_id, _ = await brand.partnership()
        link = await brand.link(partnership_id)
        other = Brand(replica, brand.secret, brand.org, brand.campaign_id)
        started = asyncio.get_running_loop().time()
        while (await other.click(link["code"])).status_code != 302:
            assert asyncio.get_running_loop().time() - started < 1.5, "the other replica never learned the link"
            await asyncio.sleep(0.05)


async def test_while_the_broker_is_unreachable_a_click_goes_to_the_spool_and_still_redirects(
    databases: DatabaseFactory, messaging_settings: dict[str, object], internal_secret: str
) -> None:
    unreachable = {**messaging_settings, "kafka_bootstrap_servers": "127.0.0.1:9", "click_send_timeout_ms": 300}
    async with metrics_service(databases, unreachable, "metrics_no_broker") as service:
        brand = Brand(service, internal_secret)
        await brand.campaign()
        partnership_id, _ = await brand.partnership()
        link = await brand.link(partnership_id)
        spooled = _appended("spool")
        answers = [await brand.click(link["code"], address=f"198.51.100.{i}") for i in range(5)]
        assert [a.status_code for a in answers] == [302] * 5
        assert _appended("spool") - spooled == 5
        database = service.app.state.runtime.database  # type: ignore[attr-defined]
        async with database.session(read_only=True) as session:
            assert await session.scalar(select(func.count()).select_from(click_spool)) == 5


async def test_the_click_producer_sends_each_flush_at_once_rather_than_lingering(brand: Brand) -> None:
    # A 302 waits for the broker's acknowledgement, so a linger is added to every redirect's time
    # (and, under load, to the time every batch holds the gateway's visitors). Nothing is lost by
    # not lingering: the click log flushes a batch of clicks, and the producer keeps one request
    # in flight per broker, so clicks arriving meanwhile travel in the next request together.
    ingestion = brand.service.app.state.ingestion  # type: ignore[attr-defined]
    options = ingestion.click_producer_options()
    assert options["linger_ms"] == 0
    assert options["acks"] == "all"
    assert ingestion.clicks.producer_factory == ingestion._producer


async def test_the_gateways_batch_of_visits_is_answered_item_by_item_in_order(brand: Brand) -> None:
    partnership_id, _ = await brand.partnership()
    link = await brand.link(partnership_id)
    visit = {"code": link["code"], "method": "GET", "address": "203.0.113.7", "user_agent": "Mozilla/5.0 (iPhone)"}
    # Whatever one visitor sent (a code no link can have, a long user agent) fails no other visit.
    junk = {**visit, "code": "x" * 5_000, "user_agent": "y" * 20_000, "referrer": "z" * 20_000}
    body = {"items": [visit, junk, {**visit, "method": "HEAD", "referrer": None}]}
    gateway = service_headers(brand.secret, None, roles="")
    to_broker = _appended("broker")

    answered = await brand.service.post("/internal/redirects", json=body, headers=gateway)

    assert answered.status_code == 200, answered.text
    assert _appended("broker") - to_broker == 2  # metrics_clicks_appended_total{to="broker"}
    first, unknown, head = answered.json()["items"]
    assert unknown == {"status": 404}
    for item in (first, head):
        assert item["status"] == 302
        assert item["location"].startswith(link["target_url"] + "&click_id=")
    assert first["location"] != head["location"]


async def test_a_batch_without_the_internal_credential_or_with_a_bad_item_is_refused(brand: Brand) -> None:
    visit = {"code": "abc", "method": "GET", "address": "203.0.113.7", "user_agent": "x"}
    gateway = service_headers(brand.secret, None, roles="")
    no_token = await brand.service.post("/internal/redirects", json={"items": [visit]})
    assert no_token.status_code == 401
    cases = [
        ({"items": [visit, {**visit, "code": 7}]}, "body.items.1.code"),
        ({"items": [{**visit, "method": "POST"}]}, "body.items.0.method"),
        ({"items": [visit] * 1001}, "body.items"),
        ({"visits": []}, "body.items"),
    ]
    for body, field in cases:
        refused = await brand.service.post("/internal/redirects", json=body, headers=gateway)
        assert refused.status_code == 422, refused.text
        assert field in {e["field"] for e in refused.json()["errors"]}, refused.text
    broken = await brand.service.post("/internal/redirects", content=b"{", headers=gateway)
    assert broken.status_code == 422, broken.text


def _appended(where: str) -> float:
    return CLICKS_APPENDED.labels(where)._value.get()  # type: ignore[no-any-return]


VISIT = {"code": "abc", "method": "GET", "address": "203.0.113.7", "user_agent": "x"}


@pytest.mark.parametrize(
    "body",
    [
        {"items": [VISIT, {**VISIT, "method": "HEAD", "referrer": "https://a.example/"}, {**VISIT, "referrer": None}]},
        {"items": []},
        {"items": [{**VISIT, "code": 7}]},
        {"items": [{**VISIT, "method": "POST"}]},
        {"items": [{**VISIT, "method": "get"}]},
        {"items": [{**VISIT, "referrer": 3}]},
        {"items": [{**VISIT, "extra": 1}]},
        {"items": [{k: v for k, v in VISIT.items() if k != "address"}]},
        {"items": [VISIT] * 1001},
        {"items": [VISIT], "more": 1},
        {"items": {"0": VISIT}},
        {"items": [[VISIT]]},
        [VISIT],
        {"visits": []},
    ],
)
def test_the_fast_reading_of_a_batch_takes_exactly_what_the_model_takes(body: object) -> None:
    """A batch is read without pydantic when it is well formed; anything the model refuses is left
    to the model, which names the field."""
    raw = orjson.dumps(body)
    try:
        expected: list[tuple[str, str, str, str, str | None]] | None = [
            (v.code, v.method, v.address, v.user_agent, v.referrer) for v in Visits.model_validate_json(raw).items
        ]
    except ValidationError:
        expected = None
    assert read_visits(raw) == expected

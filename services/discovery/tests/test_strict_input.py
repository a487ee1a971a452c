"""Strict input at discovery's edge: every integer within a documented range, finite numbers, no
numbers as strings, ISO currencies, clean text, every bad field reported at once; and no value a
client sends (64-bit overflows, NaN, NUL, huge strings and lists, wrong types, in every parameter
and body field of the OpenAPI) is answered with a 5xx."""

import base64
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest

from devstack.bad_input import UNIQUE, misanswered, probes, unbounded
from devstack.databases import DatabaseFactory
from servicekit.app import lax_request_bodies

from .conftest import Org, app_of, campaign_created, discovery_service, profile

pytestmark = pytest.mark.asyncio(loop_scope="session")

# Valid values where the schema cannot tell one.
NAMED = {
    "country": "US",
    "language": "en",
    "languages": "en",
    "countries": "US",
    "handle": UNIQUE,
    "visibility": "private",
    "cursor": None,
}
WEIGHTS = (
    "audience_match",
    "engagement",
    "authenticity",
    "brand_affinity",
    "past_performance",
    "price_fit",
    "content_quality",
)
CSV = (b"platform,handle,followers\ninstagram,probe.one,1200\n", "text/csv")
POSTS_CSV = (b"platform,handle,post id,time\ninstagram,probed,P1,2026-11-01T00:00:00Z\n", "text/csv")
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_strict_input") as client:
        yield client


@pytest.fixture(scope="module")
def org(internal_secret: str) -> Org:
    return Org(internal_secret)


def bad_fields(response: httpx.Response) -> set[str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {e["field"] for e in response.json()["errors"]}


async def post_raw(service: httpx.AsyncClient, org: Org, path: str, raw: str) -> httpx.Response:
    return await service.post(path, content=raw.encode(), headers={**org.headers, **JSON})


@pytest.mark.parametrize(
    "params",
    [
        {"min_followers": 2**63},
        {"max_followers": 2**63},
        {"min_price": 2**63},
        {"max_price": 10**40},
        {"min_followers": -(2**63) - 1},
        {"min_engagement_rate": "nan"},
        {"max_engagement_rate": "inf"},
    ],
)
async def test_a_filter_out_of_range_is_422_naming_it(
    service: httpx.AsyncClient, org: Org, params: dict[str, Any]
) -> None:
    response = await service.get("/api/v1/influencers", params=params, headers=org.headers)
    assert bad_fields(response) == {f"query.{next(iter(params))}"}


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("followers", str(2**63)),
        ("following", str(2**63)),
        ("posts", str(-(2**63) - 1)),
        ("rate_card", f'{{"post": {{"amount_minor": {2**63}, "currency": "USD"}}}}'),
        ("avg_likes", "1e309"),
        ("avg_views", "NaN"),
        ("engagement_rate", "Infinity"),
        ("followers", '"25000"'),
        ("avg_likes", '"1.5"'),
        ("last_refreshed_at", "1700000000"),
    ],
)
async def test_a_profile_field_out_of_range_or_of_the_wrong_kind_is_422(
    service: httpx.AsyncClient, org: Org, field: str, raw: str
) -> None:
    body = orjson.dumps(profile("out.of.range")).decode()[:-1] + f', "{field}": {raw}}}'
    response = await post_raw(service, org, "/api/v1/influencers", body)
    assert {f.split(".")[1] for f in bad_fields(response)} == {field}
    listed = await service.get("/api/v1/influencers", params={"q": "out.of.range"}, headers=org.headers)
    assert listed.json()["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"filters": {"max_price_minor": 2**63}},
        {"filters": {"min_followers": 2**63}},
        {"budget_per_post": {"amount_minor": 2**63, "currency": "USD"}},
        {"limit": "20"},
        {"weights": {"engagement": 1e300}},
    ],
)
async def test_a_ranked_search_out_of_range_is_422(service: httpx.AsyncClient, org: Org, body: dict[str, Any]) -> None:
    response = await service.post("/api/v1/influencers/search", json=body, headers=org.headers)
    assert bad_fields(response)


@pytest.mark.parametrize(
    ("path", "cursor"),
    [
        ("/api/v1/influencers", ["-followers", 2**63, str(uuid.uuid4())]),
        ("/api/v1/influencers", ["-followers", "99999999999999999999999", str(uuid.uuid4())]),
        ("/api/v1/influencers", ["-followers", "NaN", str(uuid.uuid4())]),
        ("/api/v1/influencers", ["-engagement_rate", "inf", str(uuid.uuid4())]),
        ("/api/v1/import-jobs/{job}/rejections", [2**63]),
    ],
)
async def test_a_forged_cursor_with_a_huge_number_is_400(
    service: httpx.AsyncClient, org: Org, path: str, cursor: list[Any]
) -> None:
    if "{job}" in path:
        job = await service.post(
            "/api/v1/influencers/import", content=CSV[0], headers={**org.headers, "content-type": CSV[1]}
        )
        path = path.format(job=job.json()["id"])
    forged = base64.urlsafe_b64encode(orjson.dumps(cursor, option=orjson.OPT_PASSTHROUGH_SUBCLASS)).decode().rstrip("=")
    params = {"cursor": forged, "sort": cursor[0]} if path == "/api/v1/influencers" else {"cursor": forged}
    response = await service.get(path, params=params, headers=org.headers)
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["field"] == "query.cursor"


async def test_currencies_are_iso_4217(service: httpx.AsyncClient, org: Org) -> None:
    query = await service.get("/api/v1/influencers", params={"currency": "ZZZ", "max_price": 1}, headers=org.headers)
    assert bad_fields(query) == {"query.currency"}
    card = {"post": {"amount_minor": 100, "currency": "ZZZ"}}
    created = await service.post("/api/v1/influencers", json=profile("zzz", rate_card=card), headers=org.headers)
    assert bad_fields(created) == {"body.rate_card.post.currency"}
    budget = {"budget_per_post": {"amount_minor": 100, "currency": "ZZZ"}}
    ranked = await service.post("/api/v1/influencers/search", json=budget, headers=org.headers)
    assert bad_fields(ranked) == {"body.budget_per_post.currency"}
    imported = await service.post(
        "/api/v1/influencers/import",
        params={"currency": "ZZZ"},
        content=CSV[0],
        headers={**org.headers, "content-type": CSV[1]},
    )
    assert bad_fields(imported) == {"query.currency"}


@pytest.mark.parametrize("field", ["display_name", "handle", "bio", "categories", "past_sponsors"])
async def test_no_nul_or_control_character_is_stored(service: httpx.AsyncClient, org: Org, field: str) -> None:
    value: Any = "nul\u0000name"
    if field in ("categories", "past_sponsors"):
        value = [value]
    body = {**profile(f"clean.{field}"), field: value}
    assert next(iter(bad_fields(await service.post("/api/v1/influencers", json=body, headers=org.headers)))).startswith(
        f"body.{field}"
    )
    tagged = await service.post("/api/v1/influencers", json=profile(f"ok.{field}"), headers=org.headers)
    influencer_id = tagged.json()["id"]
    patched = await service.patch(f"/api/v1/influencers/{influencer_id}", json={field: value}, headers=org.headers)
    assert bad_fields(patched)
    note = await service.post(
        f"/api/v1/influencers/{influencer_id}/notes", json={"text": "line\u0000"}, headers=org.headers
    )
    assert bad_fields(note) == {"body.text"}
    stored = (await service.get(f"/api/v1/influencers/{influencer_id}", headers=org.headers)).json()[field]
    assert "\u0000" not in str(stored)
    multiline = await service.post(
        f"/api/v1/influencers/{influencer_id}/notes", json={"text": "line one\nline two"}, headers=org.headers
    )
    assert multiline.status_code == 201, multiline.text


async def test_every_bad_field_of_a_profile_is_reported_at_once(service: httpx.AsyncClient, org: Org) -> None:
    raw = (
        '{"platform": "instagram", "handle": "all\\u0000at.once", "followers": "25000", "avg_likes": NaN,'
        ' "last_refreshed_at": 0, "audience": {"ages": {"18-24": 0.8, "25-34": 0.5}},'
        ' "rate_card": {"post": {"amount_minor": 1, "currency": "USD"},'
        ' "story": {"amount_minor": 1, "currency": "EUR"}}}'
    )
    assert bad_fields(await post_raw(service, org, "/api/v1/influencers", raw)) == {
        "body.handle",
        "body.followers",
        "body.avg_likes",
        "body.last_refreshed_at",
        "body.audience.ages",
        "body.rate_card",
    }


async def test_every_bad_field_of_a_search_is_reported_at_once(service: httpx.AsyncClient, org: Org) -> None:
    filters = {"min_followers": 10, "max_followers": 1, "languages": ["en", "Klingonese"]}
    body = {"filters": filters, "weights": {"engagement": -1}, "limit": 0}
    response = await service.post("/api/v1/influencers/search", json=body, headers=org.headers)
    assert bad_fields(response) == {
        "body.filters.max_followers",
        "body.filters.languages.1",
        "body.weights.engagement",
        "body.limit",
    }
    # A rule of the whole (some weight must count) once its fields are well-formed.
    filters = {"min_engagement_rate": 0.5, "max_engagement_rate": 0.1, "min_followers": 10, "max_followers": 1}
    body = {"filters": filters, "weights": dict.fromkeys(WEIGHTS, 0), "limit": 0}
    response = await service.post("/api/v1/influencers/search", json=body, headers=org.headers)
    assert bad_fields(response) == {
        "body.filters.max_followers",
        "body.filters.max_engagement_rate",
        "body.weights",
        "body.limit",
    }
    query = {"min_followers": 2**63, "currency": "ZZZ", "language": "Klingonese", "limit": 0}
    listed = await service.get("/api/v1/influencers", params=query, headers=org.headers)
    assert bad_fields(listed) == {"query.min_followers", "query.currency", "query.language.0", "query.limit"}
    query = {"min_followers": 10, "max_followers": 1, "min_price": 5, "max_price": 1, "min_audience_age_share": 0.1}
    listed = await service.get("/api/v1/influencers", params=query, headers=org.headers)
    assert bad_fields(listed) == {"query.max_followers", "query.max_price", "query.min_audience_age_share"}


async def test_every_request_body_is_a_request_model(service: httpx.AsyncClient) -> None:
    assert lax_request_bodies(app_of(service)) == []


async def test_every_number_string_and_list_a_request_takes_has_a_documented_limit(service: httpx.AsyncClient) -> None:
    assert unbounded(app_of(service).openapi()) == []


async def test_no_bad_value_is_answered_with_a_server_error(service: httpx.AsyncClient, org: Org) -> None:
    created = await service.post("/api/v1/influencers", json=profile("probed"), headers=org.headers)
    assert created.status_code == 201, created.text
    influencer_id = created.json()["id"]
    note = await service.post(f"/api/v1/influencers/{influencer_id}/notes", json={"text": "n"}, headers=org.headers)
    campaign_id = await campaign_created(service, org.id)
    job = await service.post(
        "/api/v1/influencers/import", content=CSV[0], headers={**org.headers, "content-type": CSV[1]}
    )
    ids = {
        "influencer_id": influencer_id,
        "note_id": note.json()["id"],
        "campaign_id": str(campaign_id),
        "job_id": job.json()["id"],
    }
    every = list(
        probes(
            app_of(service).openapi(),
            ids,
            {("post", "/api/v1/influencers/import"): CSV, ("post", "/api/v1/influencers/posts/import"): POSTS_CSV},
            named_samples={**NAMED, "influencer_id": influencer_id},
        )
    )
    failures = []
    for probe in every:
        headers = {**org.headers, "content-type": probe.content_type} if probe.content_type else org.headers
        try:  # the in-process transport raises what the app raised after answering 500
            response = await service.request(
                probe.method, probe.path, params=probe.params, content=probe.content, headers=headers
            )
        except Exception as exc:
            failures.append(f"{probe.what}: {type(exc).__name__} {str(exc)[:160]}")
            continue
        if probe.what.endswith("as valid as the schema says"):
            assert response.status_code < 400 or probe.method == "DELETE", f"{probe.what}: {response.text}"
        if (wrong := misanswered(probe, response)) is not None:
            failures.append(wrong)
        if response.status_code >= 500:
            failures.append(f"{probe.what}: {response.status_code} {response.text[:160]}")
        elif response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json", probe.what
    assert len(every) > 1000
    assert not failures, f"{len(failures)} of {len(every)} probes:\n" + "\n".join(failures)

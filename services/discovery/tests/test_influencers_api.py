"""Profiles through the API: create, read, change, filter, tenancy, notes and tags, authenticity,
lookalikes, snapshots. In-process on real migrations (SQLite, or PostgreSQL with TEST_POSTGRES_URL)."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from devstack.databases import DatabaseFactory
from devstack.pytest_plugin import service_headers

from .conftest import Org, discovery_service, profile

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_influencers") as client:
        yield client


@pytest.fixture
def org(internal_secret: str) -> Org:
    return Org(internal_secret)


@pytest.fixture
def admin(internal_secret: str) -> Org:
    return Org(internal_secret, roles="admin")


async def create(client: httpx.AsyncClient, org: Org, handle: str, **fields: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/influencers", json=profile(handle, **fields), headers=org.headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_create_then_read_with_derived_figures(service: httpx.AsyncClient, org: Org) -> None:
    response = await service.post(
        "/api/v1/influencers",
        json=profile(
            "@Vegan.Vera",
            display_name="Vera",
            bio="Plant-based recipes",
            categories=["Food", "Vegan"],
            country="United Kingdom",
            language="English",
            followers=40_000,
            following=300,
            posts=420,
            avg_likes=1_100,
            avg_comments=100,
            audience={"ages": {"18-24": 0.5, "25-34": 0.3}, "genders": {"female": 0.7}, "countries": {"GB": 0.6}},
            rate_card={"post": {"amount_minor": 40_000, "currency": "GBP"}},
            past_sponsors=["Oatly"],
            contact={"email": "vera@example.com"},
        ),
        headers=org.headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"/api/v1/influencers/{body['id']}"
    assert body["handle"] == "vegan.vera"
    assert body["country"] == "GB"
    assert body["language"] == "en"
    assert body["categories"] == ["food", "vegan"]
    assert body["tier"] == "micro"
    assert body["engagement_rate"] == pytest.approx(0.03)
    assert body["engagement_rate_source"] == "computed"
    assert body["authenticity_score"] == 88  # follower spikes need history: 3 of 4 signals assessed
    assert body["authenticity_coverage"] == {"assessed": 3, "of": 4, "missing": ["follower_spikes"]}
    assert body["visibility"] == "private"
    assert body["price_per_post"] == {"amount_minor": 40_000, "currency": "GBP"}
    assert body["past_performance"] == {"measured": False, "score": None, "posts": 0}
    fetched = await service.get(f"/api/v1/influencers/{body['id']}", headers=org.headers)
    assert fetched.json() == body


async def test_zero_followers_give_no_rate_not_an_error(service: httpx.AsyncClient, org: Org) -> None:
    body = await create(service, org, "ghost", followers=0, avg_likes=10)
    assert body["engagement_rate"] is None
    assert body["tier"] == "nano"


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"followers": -1}, {"body.followers"}),
        ({"platform": "myspace"}, {"body.platform"}),
        ({"country": "Atlantis"}, {"body.country"}),
        ({"colour": "red"}, {"body.colour"}),
        ({"audience": {"ages": {"18-21": 0.2}}}, {"body.audience.ages.18-21.[key]"}),
        ({"audience": {"genders": {"female": 1.2}}}, {"body.audience.genders.female"}),
        ({"audience": {"ages": {"18-24": 0.8, "25-34": 0.5}}}, {"body.audience.ages"}),
        (
            {
                "rate_card": {
                    "post": {"amount_minor": 1, "currency": "USD"},
                    "story": {"amount_minor": 1, "currency": "EUR"},
                }
            },
            {"body.rate_card"},
        ),
        ({"followers": "many", "handle": ""}, {"body.followers", "body.handle"}),
    ],
)
async def test_bad_input_names_each_field(
    service: httpx.AsyncClient, org: Org, change: dict[str, Any], fields: set[str]
) -> None:
    response = await service.post("/api/v1/influencers", json={**profile("bad"), **change}, headers=org.headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert {e["field"] for e in response.json()["errors"]} == fields


async def test_roles(service: httpx.AsyncClient, org: Org, internal_secret: str) -> None:
    analyst = org.as_role("analyst")
    assert (await service.post("/api/v1/influencers", json=profile("a1"), headers=analyst)).status_code == 403
    assert (await service.get("/api/v1/influencers", headers=analyst)).status_code == 200
    assert (await service.get("/api/v1/influencers", headers=org.as_role("creator"))).status_code == 403
    no_tenant = service_headers(internal_secret, None)
    assert (await service.get("/api/v1/influencers", headers=no_tenant)).status_code == 401
    assert (await service.get("/api/v1/influencers")).status_code == 401


async def test_handles_are_unique_per_platform_and_catalogue(service: httpx.AsyncClient, org: Org, admin: Org) -> None:
    await create(service, org, "twice")
    again = await service.post("/api/v1/influencers", json=profile("@TWICE"), headers=org.headers)
    assert again.status_code == 409
    elsewhere = await service.post("/api/v1/influencers", json=profile("twice", platform="tiktok"), headers=org.headers)
    assert elsewhere.status_code == 201
    shared = await create(service, admin, "famous")
    copy = await service.post("/api/v1/influencers", json=profile("famous"), headers=org.headers)
    assert copy.status_code == 409
    assert copy.json()["influencer_id"] == shared["id"]


async def test_the_shared_catalogue_is_written_by_admins_and_read_by_all(
    service: httpx.AsyncClient, org: Org, admin: Org
) -> None:
    refused = await service.post(
        "/api/v1/influencers", json=profile("wannabe", visibility="shared"), headers=org.headers
    )
    assert refused.status_code == 403
    shared = await create(service, admin, "catalogued")
    assert shared["visibility"] == "shared"
    seen = await service.get(f"/api/v1/influencers/{shared['id']}", headers=org.headers)
    assert seen.status_code == 200
    patched = await service.patch(f"/api/v1/influencers/{shared['id']}", json={"bio": "mine"}, headers=org.headers)
    assert patched.status_code == 403
    by_admin = await service.patch(f"/api/v1/influencers/{shared['id']}", json={"bio": "fixed"}, headers=admin.headers)
    assert by_admin.json()["bio"] == "fixed"


async def test_another_orgs_private_profile_is_not_found(
    service: httpx.AsyncClient, org: Org, internal_secret: str
) -> None:
    mine = await create(service, org, "secret-find", categories=["secretcategory"])
    stranger = Org(internal_secret)
    for method, path in (
        ("GET", ""),
        ("PATCH", ""),
        ("GET", "/authenticity"),
        ("GET", "/lookalikes"),
        ("GET", "/notes"),
    ):
        response = await service.request(
            method,
            f"/api/v1/influencers/{mine['id']}{path}",
            headers=stranger.headers,
            json={} if method == "PATCH" else None,
        )
        assert response.status_code == 404, (method, path)
    listed = await service.get("/api/v1/influencers", params={"category": "secretcategory"}, headers=stranger.headers)
    assert listed.json()["items"] == []
    own = await service.get("/api/v1/influencers", params={"category": "secretcategory"}, headers=org.headers)
    assert [i["id"] for i in own.json()["items"]] == [mine["id"]]


async def test_patch_changes_only_what_is_sent_and_snapshots_count_changes(
    service: httpx.AsyncClient, org: Org
) -> None:
    created = await create(service, org, "grower", bio="keeps", followers=20_000, avg_likes=600)
    unchanged = await service.patch(f"/api/v1/influencers/{created['id']}", json={"bio": "keeps"}, headers=org.headers)
    assert unchanged.json()["updated_at"] == created["updated_at"]
    grown = await service.patch(
        f"/api/v1/influencers/{created['id']}", json={"followers": 60_000, "country": "de"}, headers=org.headers
    )
    body = grown.json()
    assert body["bio"] == "keeps"
    assert body["followers"] == 60_000
    assert body["tier"] == "mid"
    assert body["country"] == "DE"
    cleared = await service.patch(f"/api/v1/influencers/{created['id']}", json={"country": None}, headers=org.headers)
    assert cleared.json()["country"] is None
    refused = await service.patch(f"/api/v1/influencers/{created['id']}", json={"followers": None}, headers=org.headers)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.followers"
    snapshots = (await service.get(f"/api/v1/influencers/{created['id']}/snapshots", headers=org.headers)).json()
    assert [s["followers"] for s in snapshots["items"]] == [60_000, 20_000]


async def test_authenticity_lists_what_lowered_the_score(service: httpx.AsyncClient, org: Org) -> None:
    created = await create(
        service, org, "suspicious", followers=12_000, following=15_000, avg_likes=5_000, avg_comments=2
    )
    response = await service.get(f"/api/v1/influencers/{created['id']}/authenticity", headers=org.headers)
    body = response.json()
    assert {r["code"] for r in body["reasons"]} == {
        "mass_following",
        "engagement_far_above_benchmark",
        "few_comments_for_likes",
    }
    assert body["coverage"] == {"assessed": 3, "of": 4, "missing": ["follower_spikes"]}
    assert body["not_assessed"] == ["follower_spikes"]
    # 50 + 12.5 per signal assessed - the penalties: 87.5 - 80, rounded half up
    assert body["score"] == 8 == created["authenticity_score"]
    assert body["benchmark_engagement_rate"] == 0.03


async def test_a_profile_whose_data_shows_no_signal_scores_the_neutral_50(service: httpx.AsyncClient, org: Org) -> None:
    created = await create(service, org, "followers-only", followers=12_000)
    assert created["authenticity_score"] == 50
    assert created["authenticity_coverage"]["assessed"] == 0
    body = (await service.get(f"/api/v1/influencers/{created['id']}/authenticity", headers=org.headers)).json()
    assert body["score"] == 50
    assert body["reasons"] == []
    assert body["coverage"] == {
        "assessed": 0,
        "of": 4,
        "missing": ["engagement_vs_benchmark", "follower_spikes", "following_ratio", "comment_to_like_ratio"],
    }


async def test_the_stored_score_and_the_authenticity_answer_agree_after_changes(
    service: httpx.AsyncClient, org: Org
) -> None:
    """A change stores the current state as a snapshot; read back, that snapshot is no second
    observation of it (follower spikes are assessed only from two observations in 45 days)."""
    facts = {"following": 300, "avg_likes": 400, "avg_comments": 20}
    created = await create(
        service, org, "refreshed", followers=12_000, last_refreshed_at="2026-01-01T00:00:00Z", **facts
    )
    url = f"/api/v1/influencers/{created['id']}"
    later = {"followers": 12_500, "last_refreshed_at": "2026-03-01T00:00:00Z"}
    changed = (await service.patch(url, json=later, headers=org.headers)).json()
    assert changed["authenticity_coverage"]["missing"] == ["follower_spikes"]  # 59 days apart
    body = (await service.get(f"{url}/authenticity", headers=org.headers)).json()
    assert body["score"] == changed["authenticity_score"] == 88
    assert body["coverage"] == changed["authenticity_coverage"]
    sooner = (
        await service.patch(
            url, json={"followers": 12_600, "last_refreshed_at": "2026-03-20T00:00:00Z"}, headers=org.headers
        )
    ).json()
    assert sooner["authenticity_coverage"] == {"assessed": 4, "of": 4, "missing": []}
    body = (await service.get(f"{url}/authenticity", headers=org.headers)).json()
    assert body["score"] == sooner["authenticity_score"] == 100


async def test_lookalikes_are_nearest_first_and_exclude_the_profile(service: httpx.AsyncClient, org: Org) -> None:
    audience = {"countries": {"ES": 0.7}, "genders": {"female": 0.8, "male": 0.2}}
    source = await create(
        service, org, "padel-pro", bio="padel tournaments and racket reviews", categories=["padel"], audience=audience
    )
    twin = await create(
        service, org, "padel-fan", bio="padel racket reviews every week", categories=["padel"], audience=audience
    )
    far = await create(service, org, "padel-chef", bio="cooking", categories=["padel"], country="JP")
    other_platform = await create(
        service, org, "padel-tok", platform="tiktok", bio="padel racket reviews", categories=["padel"]
    )
    found = (await service.get(f"/api/v1/influencers/{source['id']}/lookalikes", headers=org.headers)).json()
    ids = [hit["influencer"]["id"] for hit in found["items"]]
    assert source["id"] not in ids
    assert ids.index(twin["id"]) < ids.index(far["id"])
    assert other_platform["id"] not in ids
    assert found["items"][0]["audience_similarity"] == pytest.approx(1.0)
    anywhere = await service.get(
        f"/api/v1/influencers/{source['id']}/lookalikes", params={"any_platform": "true"}, headers=org.headers
    )
    assert other_platform["id"] in [hit["influencer"]["id"] for hit in anywhere.json()["items"]]
    bad = await service.get(
        f"/api/v1/influencers/{source['id']}/lookalikes",
        params={"text_weight": 0, "audience_weight": 0},
        headers=org.headers,
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "query.text_weight"


async def test_notes_and_tags_are_the_orgs_own(
    service: httpx.AsyncClient, org: Org, admin: Org, internal_secret: str
) -> None:
    shared = await create(service, admin, "annotated")
    path = f"/api/v1/influencers/{shared['id']}"
    tags = await service.put(f"{path}/tags", json={"tags": ["Shortlist 2027", "vip", "vip"]}, headers=org.headers)
    assert tags.json()["tags"] == ["shortlist 2027", "vip"]
    note = await service.post(f"{path}/notes", json={"text": "Great on camera"}, headers=org.headers)
    assert note.status_code == 201
    other = Org(internal_secret)
    assert (await service.get(f"{path}/tags", headers=other.headers)).json()["tags"] == []
    assert (await service.get(f"{path}/notes", headers=other.headers)).json()["items"] == []
    assert (await service.get(path, headers=org.headers)).json()["tags"] == ["shortlist 2027", "vip"]
    tagged = await service.get("/api/v1/influencers", params={"tag": "vip"}, headers=org.headers)
    assert [i["id"] for i in tagged.json()["items"]] == [shared["id"]]
    assert (await service.get("/api/v1/influencers", params={"tag": "vip"}, headers=other.headers)).json()[
        "items"
    ] == []
    notes = (await service.get(f"{path}/notes", headers=org.headers)).json()["items"]
    assert [n["text"] for n in notes] == ["Great on camera"]
    stolen = await service.delete(f"{path}/notes/{notes[0]['id']}", headers=other.headers)
    assert stolen.status_code == 404
    assert (await service.delete(f"{path}/notes/{notes[0]['id']}", headers=org.headers)).status_code == 204
    bad = await service.put(f"{path}/tags", json={"tags": ["ok", "<script>"]}, headers=org.headers)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "body.tags.1"
    empty = await service.post(f"{path}/notes", json={"text": ""}, headers=org.headers)
    assert empty.json()["errors"][0]["field"] == "body.text"


async def seed_for_filters(service: httpx.AsyncClient, org: Org) -> dict[str, str]:
    specs: dict[str, dict[str, Any]] = {
        "f-nano": {"followers": 5_000, "country": "US", "categories": ["fitness"], "avg_likes": 400},
        "f-micro": {
            "followers": 30_000,
            "country": "US",
            "categories": ["fitness", "food"],
            "avg_likes": 300,
            "audience": {"countries": {"US": 0.6}, "ages": {"18-24": 0.5}, "genders": {"female": 0.8}},
            "rate_card": {"post": {"amount_minor": 20_000, "currency": "USD"}},
        },
        "f-mid": {
            "followers": 200_000,
            "country": "GB",
            "language": "en",
            "categories": ["food"],
            "bio": "Sourdough baking filters",
            "avg_likes": 5_000,
            "audience": {"countries": {"GB": 0.5, "US": 0.2}, "ages": {"25-34": 0.6}, "genders": {"male": 0.7}},
            "rate_card": {"post": {"amount_minor": 90_000, "currency": "USD"}},
        },
        "f-macro": {"followers": 700_000, "country": "BR", "categories": ["music"], "platform": "youtube"},
        "f-mega": {"followers": 3_000_000, "country": "US", "categories": ["music"], "avg_likes": 20_000},
    }
    ids = {}
    for handle, fields in specs.items():
        ids[handle] = (await create(service, org, handle, **{"bio": f"{handle} filters", **fields}))["id"]
    return ids


async def handles(service: httpx.AsyncClient, org: Org, **params: Any) -> list[str]:
    response = await service.get("/api/v1/influencers", params={"q": "filters", **params}, headers=org.headers)
    assert response.status_code == 200, response.text
    return [i["handle"] for i in response.json()["items"]]


async def test_filters(service: httpx.AsyncClient, org: Org) -> None:
    await seed_for_filters(service, org)
    assert await handles(service, org) == ["f-mega", "f-macro", "f-mid", "f-micro", "f-nano"]
    assert await handles(service, org, platform="youtube") == ["f-macro"]
    assert await handles(service, org, country=["US", "United Kingdom"]) == ["f-mega", "f-mid", "f-micro", "f-nano"]
    assert await handles(service, org, language="English") == ["f-mid"]
    assert await handles(service, org, category="FOOD") == ["f-mid", "f-micro"]
    assert await handles(service, org, category=["music", "fitness"]) == ["f-mega", "f-macro", "f-micro", "f-nano"]
    assert await handles(service, org, tier=["micro", "macro"]) == ["f-macro", "f-micro"]
    assert await handles(service, org, min_followers=30_000, max_followers=700_000) == ["f-macro", "f-mid", "f-micro"]
    assert await handles(service, org, tier="mega", max_followers=100_000) == []
    assert await handles(service, org, min_engagement_rate=0.02) == ["f-mid", "f-nano"]
    assert await handles(service, org, audience_country="US", min_audience_country_share=0.3) == ["f-micro"]
    assert await handles(service, org, audience_country="US") == ["f-mid", "f-micro"]
    assert await handles(service, org, audience_age="25-34", min_audience_age_share=0.5) == ["f-mid"]
    assert await handles(service, org, audience_gender="female", min_audience_gender_share=0.5) == ["f-micro"]
    assert await handles(service, org, max_price=50_000) == ["f-micro"]
    assert await handles(service, org, min_price=50_000, currency="USD") == ["f-mid"]
    assert await handles(service, org, max_price=50_000, currency="EUR") == []
    assert await handles(service, org, q="sourdough filters") == ["f-mid"]
    assert await handles(service, org, q="f-mi") == ["f-mid", "f-micro"]
    assert await handles(service, org, q="100%_") == []
    assert await handles(service, org, sort="followers") == ["f-nano", "f-micro", "f-mid", "f-macro", "f-mega"]
    assert await handles(service, org, sort="-engagement_rate") == ["f-nano", "f-mid", "f-micro", "f-mega", "f-macro"]


async def test_free_text_finds_part_of_a_name_or_the_beginning_of_a_word(service: httpx.AsyncClient, org: Org) -> None:
    await create(service, org, "q-baker", display_name="The Crusty Loaf", bio="Sourdough every morning")
    await create(
        service, org, "q-cook", display_name="Kitchen Notes", bio="Crème brûlée, three ways", categories=["Food"]
    )
    await create(service, org, "q-hiker", bio="Weekend 2024 hikes", past_sponsors=["Acme Outdoors"])

    async def found(q: str) -> list[str]:
        response = await service.get(
            "/api/v1/influencers", params={"q": q, "visibility": "private"}, headers=org.headers
        )
        assert response.status_code == 200, response.text
        return sorted(i["handle"] for i in response.json()["items"])

    assert await found("sourd") == ["q-baker"]  # the beginning of a word of the bio
    assert await found("dough") == []  # not the beginning of one
    assert await found("rusty") == ["q-baker"]  # any part of the name
    assert await found("creme brulee") == ["q-cook"]  # accents and case do not matter
    assert await found("food kitchen") == ["q-cook"]  # a category and the name
    assert await found("acme") == ["q-hiker"]  # past sponsors are words of the profile too
    assert await found("three") == []  # stop words and bare numbers are looked for in names only
    assert await found("2024") == []
    assert await found("the") == ["q-baker"]
    assert await found("q-") == ["q-baker", "q-cook", "q-hiker"]


async def test_pages_follow_each_sort_without_gaps(service: httpx.AsyncClient, org: Org) -> None:
    for i in range(7):
        await create(service, org, f"paged-{i}", bio="paging", followers=1_000 * (i % 3), avg_likes=10 * i)
    for sort in ("-followers", "followers", "-engagement_rate", "engagement_rate", "-created_at", "created_at"):
        everything = await handles(service, org, q="paging", sort=sort, limit=200)
        seen: list[str] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"q": "paging", "sort": sort, "limit": 3} | ({"cursor": cursor} if cursor else {})
            page = (await service.get("/api/v1/influencers", params=params, headers=org.headers)).json()
            seen.extend(i["handle"] for i in page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == everything, sort
        assert len(seen) == 7


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"min_followers": 10, "max_followers": 5}, 422, "query.max_followers"),
        ({"country": "Atlantis"}, 422, "query.country.0"),
        ({"language": "Klingonese"}, 422, "query.language.0"),
        ({"sort": "popularity"}, 422, "query.sort"),
        ({"tier": "giga"}, 422, "query.tier.0"),
        ({"min_audience_age_share": 0.2}, 422, "query.min_audience_age_share"),
        ({"min_engagement_rate": -1}, 422, "query.min_engagement_rate"),
        ({"limit": 500}, 422, "query.limit"),
        ({"cursor": "garbage"}, 400, "query.cursor"),
    ],
)
async def test_bad_queries_name_the_field(
    service: httpx.AsyncClient, org: Org, params: dict[str, Any], status: int, field: str
) -> None:
    response = await service.get("/api/v1/influencers", params=params, headers=org.headers)
    assert response.status_code == status, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]


async def test_a_cursor_of_another_sort_is_refused(service: httpx.AsyncClient, org: Org) -> None:
    for i in range(3):
        await create(service, org, f"cursor-{i}", bio="cursors")
    page = (await service.get("/api/v1/influencers", params={"q": "cursors", "limit": 1}, headers=org.headers)).json()
    response = await service.get(
        "/api/v1/influencers",
        params={"q": "cursors", "limit": 1, "sort": "created_at", "cursor": page["next_cursor"]},
        headers=org.headers,
    )
    assert response.status_code == 400


async def test_unknown_profile_is_404(service: httpx.AsyncClient, org: Org) -> None:
    response = await service.get(f"/api/v1/influencers/{uuid.uuid4()}", headers=org.headers)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"

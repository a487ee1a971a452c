"""Ranked search through the API: the score and its parts per hit, weights, filters, pages."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from devstack.databases import DatabaseFactory
from discovery.domain.ranking import PARTS as RANKING_PARTS

from .conftest import DATASETS, Org, discovery_service, profile, wait_for_job

pytestmark = pytest.mark.asyncio(loop_scope="session")

PARTS = set(RANKING_PARTS)


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_search") as client:
        yield client


@pytest.fixture(scope="module")
def org(internal_secret: str) -> Org:
    return Org(internal_secret)


@pytest.fixture(scope="module")
async def seeded(service: httpx.AsyncClient, org: Org, internal_secret: str) -> dict[str, str]:
    usd = "USD"
    specs: dict[str, dict[str, Any]] = {
        "uk-yoga": {
            "country": "GB",
            "bio": "Yoga flows and mindful living",
            "categories": ["yoga", "wellness"],
            "audience": {"countries": {"GB": 0.7}, "ages": {"18-24": 0.5, "25-34": 0.3}, "genders": {"female": 0.8}},
            "rate_card": {"post": {"amount_minor": 30_000, "currency": usd}},
        },
        "us-gamer": {
            "country": "US",
            "bio": "FPS gaming streams",
            "categories": ["gaming"],
            "audience": {"countries": {"US": 0.8}, "ages": {"18-24": 0.6}, "genders": {"male": 0.85}},
            "rate_card": {"post": {"amount_minor": 30_000, "currency": usd}},
        },
        "uk-gamer": {
            "country": "GB",
            "bio": "Retro gaming and consoles",
            "categories": ["gaming"],
            "audience": {"countries": {"GB": 0.6}, "ages": {"13-17": 0.5}, "genders": {"male": 0.7}},
            "rate_card": {"post": {"amount_minor": 200_000, "currency": usd}},
        },
        "fr-cook": {"country": "FR", "bio": "French pastry", "categories": ["food"], "platform": "tiktok"},
    }
    ids = {}
    for handle, fields in specs.items():
        body = profile(handle, followers=40_000, avg_likes=1_200, **fields)
        response = await service.post("/api/v1/influencers", json=body, headers=org.headers)
        assert response.status_code == 201, response.text
        ids[handle] = response.json()["id"]
    stranger = Org(internal_secret)
    secret = profile(
        "secret-yogi",
        followers=40_000,
        avg_likes=4_000,
        country="GB",
        bio="Yoga flows and mindful living",
        audience={"countries": {"GB": 1.0}, "ages": {"18-24": 1.0}, "genders": {"female": 1.0}},
    )
    assert (await service.post("/api/v1/influencers", json=secret, headers=stranger.headers)).status_code == 201
    return ids


async def ranked(service: httpx.AsyncClient, org: Org, body: dict[str, Any]) -> dict[str, Any]:
    response = await service.post("/api/v1/influencers/search", json=body, headers=org.headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def order(result: dict[str, Any]) -> list[str]:
    return [hit["influencer"]["handle"] for hit in result["items"]]


async def test_the_best_match_comes_first_with_every_part_explained(
    service: httpx.AsyncClient, org: Org, seeded: dict[str, str]
) -> None:
    result = await ranked(
        service,
        org,
        {
            "target_audience": {"countries": ["GB"], "age_buckets": {"18-24": 2, "25-34": 1}, "genders": ["female"]},
            "brief": "Mindful yoga apparel for young women",
            "budget_per_post": {"amount_minor": 50_000, "currency": "USD"},
        },
    )
    assert order(result)[0] == "uk-yoga"
    assert "secret-yogi" not in order(result)
    assert result["candidates"] == 4
    assert result["weights"]["audience_match"] == 0.3
    top = result["items"][0]
    assert set(top["parts"]) == PARTS
    assert top["parts"]["audience_match"]["score"] == pytest.approx((0.7 + 0.5 + 0.3 * 0.5 + 0.8) / 3, abs=1e-6)
    assert top["parts"]["price_fit"] == {
        "score": 1.0,
        "weight": 0.1,
        "detail": "30000 USD minor units per post, within the budget of 50000",
        "coverage": {"assessed": 1, "of": 1, "missing": []},
    }
    assert top["parts"]["audience_match"]["coverage"] == {"assessed": 3, "of": 3, "missing": []}
    assert top["parts"]["brand_affinity"]["score"] > 0
    weighted = sum(p["score"] * p["weight"] for p in top["parts"].values()) / sum(
        p["weight"] for p in top["parts"].values()
    )
    assert top["score"] == pytest.approx(weighted, abs=1e-5)
    scores = [hit["score"] for hit in result["items"]]
    assert scores == sorted(scores, reverse=True)


async def test_parts_without_input_are_left_out(service: httpx.AsyncClient, org: Org, seeded: dict[str, str]) -> None:
    result = await ranked(service, org, {})
    assert set(result["items"][0]["parts"]) == {"engagement", "authenticity", "past_performance", "content_quality"}


async def test_weights_steer_the_ranking(service: httpx.AsyncClient, org: Org, seeded: dict[str, str]) -> None:
    target = {"countries": ["GB"], "genders": ["male"], "age_buckets": ["13-17"]}
    by_audience = await ranked(
        service,
        org,
        {"target_audience": target, "weights": {"audience_match": 1, "engagement": 0, "authenticity": 0}},
    )
    assert order(by_audience)[0] == "uk-gamer"
    by_price = await ranked(
        service,
        org,
        {
            "target_audience": target,
            "budget_per_post": {"amount_minor": 50_000, "currency": "USD"},
            "weights": {
                "audience_match": 0,
                "engagement": 0,
                "authenticity": 0,
                "past_performance": 0,
                "price_fit": 1,
            },
        },
    )
    assert order(by_price)[-2:] == ["fr-cook", "uk-gamer"]
    brief = await ranked(
        service, org, {"brief": "retro consoles", "weights": {"brand_affinity": 1, "engagement": 0, "authenticity": 0}}
    )
    assert order(brief)[0] == "uk-gamer"


async def test_filters_bound_the_candidates(service: httpx.AsyncClient, org: Org, seeded: dict[str, str]) -> None:
    tiktok = await ranked(service, org, {"filters": {"platforms": ["tiktok"]}})
    assert order(tiktok) == ["fr-cook"]
    gaming = await ranked(service, org, {"filters": {"categories": ["Gaming"], "countries": ["United Kingdom"]}})
    assert order(gaming) == ["uk-gamer"]
    cheap = await ranked(
        service,
        org,
        {"filters": {"max_price_minor": 50_000}, "budget_per_post": {"amount_minor": 1, "currency": "USD"}},
    )
    assert set(order(cheap)) == {"uk-yoga", "us-gamer"}
    audience = await ranked(service, org, {"filters": {"min_audience_country_share": {"US": 0.5}}})
    assert order(audience) == ["us-gamer"]


async def test_pages_of_a_ranking(service: httpx.AsyncClient, org: Org, seeded: dict[str, str]) -> None:
    body: dict[str, Any] = {"target_audience": {"countries": ["GB"]}, "limit": 1}
    everything = order(await ranked(service, org, {**body, "limit": 50}))
    seen: list[str] = []
    while True:
        page = await ranked(service, org, body)
        seen.extend(order(page))
        if page["next_cursor"] is None:
            break
        body["cursor"] = page["next_cursor"]
    assert seen == everything


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"weights": {"engagement": -1}}, 422, "body.weights.engagement"),
        (
            {
                "weights": {
                    "audience_match": 0,
                    "engagement": 0,
                    "authenticity": 0,
                    "brand_affinity": 0,
                    "past_performance": 0,
                    "price_fit": 0,
                    "content_quality": 0,
                }
            },
            422,
            "body.weights",
        ),
        ({"budget_per_post": {"amount_minor": 10, "currency": "usd"}}, 422, "body.budget_per_post.currency"),
        ({"filters": {"min_followers": 10, "max_followers": 1}}, 422, "body.filters.max_followers"),
        ({"filters": {"languages": ["Klingonese"]}}, 422, "body.filters.languages.0"),
        ({"limit": 0}, 422, "body.limit"),
        ({"colour": "red"}, 422, "body.colour"),
        ({"cursor": "garbage"}, 400, "body.cursor"),
    ],
)
async def test_bad_requests_name_the_field(
    service: httpx.AsyncClient, org: Org, body: dict[str, Any], status: int, field: str
) -> None:
    response = await service.post("/api/v1/influencers/search", json=body, headers=org.headers)
    assert response.status_code == status, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]


async def test_unknown_segments_are_refused(service: httpx.AsyncClient, org: Org) -> None:
    for target in ({"age_buckets": ["18-21"]}, {"genders": {"robot": 1}}, {"countries": ["Atlantis"]}):
        response = await service.post(
            "/api/v1/influencers/search", json={"target_audience": target}, headers=org.headers
        )
        assert response.status_code == 422, target
        fields = [e["field"] for e in response.json()["errors"]]
        assert all(f.startswith(f"body.target_audience.{next(iter(target))}") for f in fields), fields


async def test_analysts_search_creators_do_not(service: httpx.AsyncClient, org: Org) -> None:
    assert (
        await service.post("/api/v1/influencers/search", json={}, headers=org.as_role("analyst"))
    ).status_code == 200
    assert (
        await service.post("/api/v1/influencers/search", json={}, headers=org.as_role("creator"))
    ).status_code == 403


async def test_a_profile_checked_and_clean_ranks_above_one_whose_data_shows_less(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    """Equal in what both state (followers, engagement rate); the first also shows whom it follows
    and its comments per like, both clean; the third shows mass following. Unchecked signals count
    as neutral: the checked clean profile leads, the checked bad one trails."""
    org = Org(internal_secret)
    same = {"followers": 40_000, "engagement_rate": 0.0315}
    bodies = [
        profile("checked", **same, following=500, avg_likes=1_200, avg_comments=60),
        profile("unchecked", **{**same, "followers": 40_100}),  # more followers: it wins a tie
        profile("mass-follower", **same, following=60_000),
    ]
    for body in bodies:
        assert (await service.post("/api/v1/influencers", json=body, headers=org.headers)).status_code == 201
    result = await ranked(service, org, {})
    assert order(result) == ["checked", "unchecked", "mass-follower"]
    parts = {hit["influencer"]["handle"]: hit["parts"]["authenticity"] for hit in result["items"]}
    assert parts["checked"]["coverage"] == {"assessed": 3, "of": 4, "missing": ["follower_spikes"]}
    assert parts["unchecked"]["coverage"]["assessed"] == 1
    assert parts["unchecked"]["detail"] == "audience quality 63/100, 1 of 4 signals assessed"


async def import_export(service: httpx.AsyncClient, org: Org, name: str, platform: str) -> None:
    response = await service.post(
        "/api/v1/influencers/import",
        content=(DATASETS / name).read_bytes(),
        params={"platform": platform},
        headers={**org.headers, "content-type": "text/csv"},
    )
    assert response.status_code == 202, response.text
    assert (await wait_for_job(service, response.json()["id"], org.headers))["state"] == "succeeded"


async def test_a_real_export_that_shows_little_is_not_taken_for_clean(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    """The Instagram export states followers, posts, likes and a measured engagement rate: one of
    the four authenticity signals. No profile passes for 100/100; each says what was assessed."""
    org = Org(internal_secret)
    await import_export(service, org, "instagram_top200.csv", "instagram")
    result = await ranked(service, org, {"limit": 200})
    assert result["candidates"] == 200
    for hit in result["items"]:
        assert hit["influencer"]["authenticity_score"] <= 63, hit
        authenticity = hit["parts"]["authenticity"]
        assert authenticity["coverage"]["of"] == 4
        assert authenticity["coverage"]["assessed"] <= 1
        assert hit["influencer"]["authenticity_coverage"] == authenticity["coverage"]
    top = result["items"][0]
    answer = await service.get(f"/api/v1/influencers/{top['influencer']['id']}/authenticity", headers=org.headers)
    assert answer.json()["coverage"] == top["parts"]["authenticity"]["coverage"]
    assert answer.json()["score"] == top["influencer"]["authenticity_score"]


async def test_a_real_export_without_engagement_counts_it_as_typical(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    """The YouTube export has no likes or comments: an unknown engagement rate counts as the
    benchmark (0.5), as a never-measured past performance does, not as no engagement at all (0)."""
    org = Org(internal_secret)
    await import_export(service, org, "youtube_global_2023.csv", "youtube")
    result = await ranked(service, org, {"limit": 50, "brief": "gaming"})
    for hit in result["items"]:
        engagement = hit["parts"]["engagement"]
        assert engagement["score"] == 0.5, hit
        assert engagement["coverage"] == {"assessed": 0, "of": 1, "missing": ["engagement_rate"]}
        assert hit["parts"]["past_performance"]["score"] == 0.5
        assert hit["influencer"]["authenticity_score"] == 50

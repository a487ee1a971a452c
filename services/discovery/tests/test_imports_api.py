"""Bulk import through the API, on the real exports in shared/datasets and on messy files."""

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from devstack.databases import DatabaseFactory

from .conftest import DATASETS, Org, discovery_service, profile, wait_for_job

pytestmark = pytest.mark.asyncio(loop_scope="session")

MAX_BYTES = 1_000_000

MESSY = """Rank,Username,Name,#Followers,Eng. (Avg.),ER,Country,Category,Bio,Price (post)
1,@Lena.Fit,Lena Fit,"1,234",56,4.5%,Germany,Fitness; Health,"Morning workouts
and smoothies",€450
2,@badnumber,Bad,12x,5,1%,France,Fitness,,
3,,No Handle,5000,10,1%,Spain,Food,,
4,@atlantis,Lost,3.3k,20,2%,Atlantis,Travel,,
5,@lena.fit,Lena again,2000,10,1%,Germany,Fitness,,
6,@extra,Extra,5000,10,1%,Italy,Food,,,surprise
7,@NaNs,N/A,nan,,NaN%,NaN,,,
8,@ok.two,Ok Two,475.8m,1.2m,0.25%,United States,Music,,$1.2k

9,@ok.three,Ok Three,"12,5k",300,,CÃ´te d'Ivoire,Comedy,,
"""


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(
        databases, messaging_settings, "discovery_imports", import_max_bytes=MAX_BYTES
    ) as client:
        yield client


@pytest.fixture
def org(internal_secret: str) -> Org:
    return Org(internal_secret)


async def upload(
    client: httpx.AsyncClient,
    org: Org,
    content: bytes,
    content_type: str = "text/csv",
    **params: Any,
) -> httpx.Response:
    return await client.post(
        "/api/v1/influencers/import",
        content=content,
        params=params,
        headers={**org.headers, "content-type": content_type},
    )


async def imported(client: httpx.AsyncClient, org: Org, content: bytes, **kwargs: Any) -> dict[str, Any]:
    response = await upload(client, org, content, **kwargs)
    assert response.status_code == 202, response.text
    assert response.json()["state"] == "queued"
    assert response.headers["location"] == f"/api/v1/import-jobs/{response.json()['id']}"
    job: dict[str, Any] = await wait_for_job(client, response.json()["id"], org.headers)
    assert job["state"] == "succeeded", job
    return job


async def search(client: httpx.AsyncClient, org: Org, **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/influencers", params={"limit": 200, **params}, headers=org.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_instagram_top_200(service: httpx.AsyncClient, org: Org) -> None:
    job = await imported(service, org, (DATASETS / "instagram_top200.csv").read_bytes(), platform="instagram")
    assert (job["rows_read"], job["rows_imported"], job["rows_created"], job["rows_rejected"]) == (200, 200, 200, 0)
    assert job["encoding"] == "utf-8-sig"
    assert job["mapping"]["handle"] == "channel_info"
    assert job["mapping"]["engagement_rate"] == "60d_eng_rate"
    india = await search(service, org, country="India", min_engagement_rate=0.02)
    assert len(india) == 5
    assert {i["handle"] for i in india} >= {"narendramodi", "aliaabhatt", "karolg"}
    assert len(await search(service, org, country="IN")) == 12
    ivory_coast = await search(service, org, country="CI")
    assert len(ivory_coast) == 1
    top = (await search(service, org, limit=1))[0]
    assert (top["handle"], top["followers"], top["posts"], top["tier"]) == ("cristiano", 475_800_000, 3_300, "mega")
    assert top["engagement_rate"] == pytest.approx(0.0139)
    assert top["avg_likes"] == 8_700_000
    rkive = (await search(service, org, q="rkive"))[0]
    assert rkive["engagement_rate_source"] == "computed"
    assert rkive["engagement_rate"] == pytest.approx(10.9 / 37.0)
    assert rkive["country"] is None


async def test_youtube_global_2023(service: httpx.AsyncClient, org: Org) -> None:
    job = await imported(service, org, (DATASETS / "youtube_global_2023.csv").read_bytes(), platform="youtube")
    assert job["encoding"] == "latin-1"
    assert (job["rows_read"], job["rows_imported"], job["rows_rejected"]) == (995, 995, 0)
    gaming_uk = await search(service, org, platform="youtube", country="United Kingdom", category="Gaming")
    assert len(gaming_uk) == 7
    assert [i["handle"] for i in gaming_uk][:2] == ["dantdm", "jelly"]
    bright_side = (await search(service, org, q="bright side"))[0]
    assert bright_side["posts"] == 0
    assert bright_side["avg_views"] is None
    series = (await search(service, org, q="t-series"))[0]
    assert (series["followers"], series["categories"], series["country"]) == (245_000_000, ["music"], "IN")
    assert series["avg_views"] == pytest.approx(2.28e11 / 20_082)


async def test_reimporting_the_same_file_changes_nothing(service: httpx.AsyncClient, org: Org) -> None:
    content = (DATASETS / "instagram_top200.csv").read_bytes()
    await imported(service, org, content, platform="instagram")
    before = await search(service, org)
    again = await imported(service, org, content, platform="instagram")
    assert (again["rows_created"], again["rows_updated"], again["rows_unchanged"]) == (0, 0, 200)
    assert await search(service, org) == before
    snapshots = await service.get(f"/api/v1/influencers/{before[0]['id']}/snapshots", headers=org.headers)
    assert len(snapshots.json()["items"]) == 1


async def test_a_changed_file_updates_and_snapshots(service: httpx.AsyncClient, org: Org) -> None:
    await imported(service, org, b"handle,followers,bio\nalpha,1000,first\nbeta,2000,second\n", platform="tiktok")
    job = await imported(service, org, b"handle,followers\nalpha,1500\nbeta,2000\ngamma,10\n", platform="tiktok")
    assert (job["rows_created"], job["rows_updated"], job["rows_unchanged"]) == (1, 1, 1)
    alpha = (await search(service, org, q="alpha"))[0]
    assert (alpha["followers"], alpha["bio"]) == (1500, "first")
    history = (await service.get(f"/api/v1/influencers/{alpha['id']}/snapshots", headers=org.headers)).json()
    assert [s["followers"] for s in history["items"]] == [1500, 1000]


async def test_messy_rows_are_reported_and_good_rows_kept(service: httpx.AsyncClient, org: Org) -> None:
    job = await imported(service, org, MESSY.encode(), platform="instagram")
    assert (job["rows_read"], job["rows_imported"], job["rows_rejected"], job["warnings"]) == (9, 4, 5, 1)
    rejected = {r["line"]: (r["field"], r["reason"]) for r in job["rejected"]}
    assert rejected == {
        4: ("followers", "followers: '12x' has an unknown suffix 'x'"),
        5: ("handle", "handle: missing"),
        7: ("handle", "handle: 'lena.fit' repeats line 2 of this file"),
        8: ("row", "row: has 11 cells, the header has 10"),
        9: ("followers", "followers: missing"),
    }
    # An unknown country is a bad optional cell: the profile is imported without it.
    assert job["warned"] == [
        {"line": 6, "column": "Country", "field": "country", "reason": "'Atlantis' is not a known country"}
    ]
    assert (await search(service, org, q="atlantis"))[0]["country"] is None
    assert job["unmapped_columns"] == ["Rank"]
    lena = (await search(service, org, q="lena.fit"))[0]
    assert lena["display_name"] == "Lena Fit"
    assert lena["followers"] == 1_234
    assert lena["bio"] == "Morning workouts\nand smoothies"
    assert lena["categories"] == ["fitness", "health"]
    assert lena["engagement_rate"] == pytest.approx(0.045)
    assert lena["avg_engagements"] == 56
    assert lena["price_per_post"] == {"amount_minor": 45_000, "currency": "EUR"}
    two = (await search(service, org, q="ok.two"))[0]
    assert two["followers"] == 475_800_000
    assert two["price_per_post"] == {"amount_minor": 120_000, "currency": "USD"}
    three = (await search(service, org, q="ok.three"))[0]
    assert (three["followers"], three["country"], three["engagement_rate"]) == (12_500, "CI", pytest.approx(0.024))
    pages = await service.get(f"/api/v1/import-jobs/{job['id']}/rejections", params={"limit": 4}, headers=org.headers)
    first = pages.json()
    assert [r["line"] for r in first["items"]] == [4, 5, 7, 8]
    rest = await service.get(
        f"/api/v1/import-jobs/{job['id']}/rejections", params={"cursor": first["next_cursor"]}, headers=org.headers
    )
    assert [r["line"] for r in rest.json()["items"]] == [9]


async def test_tsv_latin_1(service: httpx.AsyncClient, org: Org) -> None:
    content = "username\tsubscribers\tcountry\tcategory\nJosé\t1.2k\tEspaña\tcocina\n".encode("latin-1")
    job = await imported(service, org, content, content_type="text/tab-separated-values", platform="youtube")
    assert job["format"] == "tsv"
    assert job["encoding"] == "latin-1"
    jose = (await search(service, org, q="josé"))[0]
    assert (jose["handle"], jose["followers"], jose["country"]) == ("josé", 1_200, "ES")


async def test_ndjson_with_nested_fields_and_a_bad_line(service: httpx.AsyncClient, org: Org) -> None:
    lines = [
        {
            "platform": "tiktok",
            "handle": "@Dancer",
            "followers": 82_000,
            "avg_likes": 5_000,
            "audience": {"ages": {"18-24": 0.7}, "genders": {"female": 0.6}, "countries": {"US": 0.5}},
            "rate_card": {"post": {"amount_minor": 70_000, "currency": "USD"}},
            "categories": ["Dance"],
        },
        {"platform": "x", "handle": "writer", "followers": "3.3k", "bio": "Essays"},
        {"platform": "tiktok", "handle": "greedy", "followers": 10, "audience": {"ages": {"18-24": 0.9, "25-34": 0.2}}},
    ]
    content = "\n".join(json.dumps(line) for line in lines).encode() + b"\n{broken\n"
    job = await imported(service, org, content, content_type="application/x-ndjson")
    assert (job["rows_read"], job["rows_imported"], job["rows_rejected"], job["warnings"]) == (4, 3, 1, 1)
    assert {r["line"]: r["field"] for r in job["rejected"]} == {4: "line"}
    assert [(w["line"], w["field"]) for w in job["warned"]] == [(3, "audience.ages")]
    dancer = (await search(service, org, q="dancer"))[0]
    assert dancer["audience"] == {"ages": {"18-24": 0.7}, "genders": {"female": 0.6}, "countries": {"US": 0.5}}
    assert dancer["platform"] == "tiktok"
    assert (await search(service, org, audience_country="US", min_audience_country_share=0.5))[0]["handle"] == "dancer"


async def test_multipart_upload_with_a_mapping(service: httpx.AsyncClient, org: Org) -> None:
    content = b"Creator,Subs,Where\nmapped.one,5000,Canada\n"
    response = await service.post(
        "/api/v1/influencers/import",
        files={"file": ("export.csv", content, "application/octet-stream")},
        data={"mapping": json.dumps({"handle": "Creator", "followers": "Subs", "country": "Where"}), "platform": "x"},
        headers=org.headers,
    )
    assert response.status_code == 202, response.text
    assert response.json()["filename"] == "export.csv"
    job = await wait_for_job(service, response.json()["id"], org.headers)
    assert job["rows_imported"] == 1
    assert (await search(service, org, q="mapped.one"))[0]["country"] == "CA"


@pytest.mark.parametrize(
    ("content", "params", "field"),
    [
        (b"handle,followers\na,1\n", {"mapping": "{not json"}, "query.mapping"),
        (b"handle,followers\na,1\n", {"mapping": '{"likes_per_day": "x"}'}, "mapping.likes_per_day"),
        (b"handle,followers\na,1\n", {"mapping": '{"followers": "Subs"}'}, "mapping.followers"),
        (b"notes,followers\nhello there,1\n", {}, "mapping.handle"),
        (b"handle,followers\na,1\n", {"platform": None}, "platform"),
        (b"handle,followers\na,1\n", {"platform": "myspace"}, "query.platform"),
        (b"   \n", {}, "body.file"),
    ],
)
async def test_upload_problems_name_the_field(
    service: httpx.AsyncClient, org: Org, content: bytes, params: dict[str, Any], field: str
) -> None:
    query = {k: v for k, v in ({"platform": "instagram"} | params).items() if v is not None}
    response = await upload(service, org, content, **query)
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]


async def test_unsupported_type_and_too_large(service: httpx.AsyncClient, org: Org) -> None:
    pdf = await upload(service, org, b"%PDF-1.4", content_type="application/pdf", platform="instagram")
    assert pdf.status_code == 415
    huge = b"handle,followers\n" + b"a,1\n" * (MAX_BYTES // 4 + 1)
    assert (await upload(service, org, huge, platform="instagram")).status_code == 413


async def test_who_may_import_and_see_jobs(service: httpx.AsyncClient, org: Org, internal_secret: str) -> None:
    analyst = await service.post(
        "/api/v1/influencers/import",
        content=b"handle,followers\na,1\n",
        params={"platform": "instagram"},
        headers={**org.as_role("analyst"), "content-type": "text/csv"},
    )
    assert analyst.status_code == 403
    shared = await upload(service, org, b"handle,followers\na,1\n", platform="instagram", visibility="shared")
    assert shared.status_code == 403
    job = await imported(service, org, b"handle,followers\nseen.by.one,1\n", platform="instagram")
    stranger = Org(internal_secret)
    assert (await service.get(f"/api/v1/import-jobs/{job['id']}", headers=stranger.headers)).status_code == 404
    assert (await service.get(f"/api/v1/import-jobs/{job['id']}", headers=org.as_role("analyst"))).status_code == 200


async def test_an_orgs_import_never_changes_a_shared_profile(
    service: httpx.AsyncClient, org: Org, internal_secret: str
) -> None:
    admin = Org(internal_secret, roles="admin")
    shared_job = await imported(service, admin, b"handle,followers,bio\ncelebrity,900000,official\n", platform="x")
    assert shared_job["visibility"] == "shared"
    job = await imported(service, org, b"handle,followers,bio\ncelebrity,5,hijacked\nnewcomer,50,mine\n", platform="x")
    assert (job["rows_imported"], job["rows_rejected"]) == (1, 1)
    assert job["rejected"][0]["field"] == "handle"
    assert "shared catalogue" in job["rejected"][0]["reason"]
    celebrity = (await search(service, org, q="celebrity", platform="x"))[0]
    assert (celebrity["followers"], celebrity["bio"], celebrity["visibility"]) == (900_000, "official", "shared")
    newcomer = (await search(service, org, q="newcomer"))[0]
    assert newcomer["visibility"] == "private"
    other = Org(internal_secret)
    assert await search(service, other, q="newcomer") == []
    assert len(await search(service, other, q="celebrity", platform="x")) == 1


async def test_a_profile_created_by_hand_is_updated_by_import(service: httpx.AsyncClient, org: Org) -> None:
    created = await service.post("/api/v1/influencers", json=profile("handmade", bio="kept"), headers=org.headers)
    await imported(service, org, b"handle,followers\nhandmade,77000\n", platform="instagram")
    updated = (await service.get(f"/api/v1/influencers/{created.json()['id']}", headers=org.headers)).json()
    assert (updated["followers"], updated["bio"], updated["tier"]) == (77_000, "kept", "mid")

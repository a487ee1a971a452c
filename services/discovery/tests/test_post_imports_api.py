"""Posts imports through the API: each format with bad rows, re-imports, tenant isolation, and
the profile's recent posts and sponsored history."""

import io
import json
import lzma
import zipfile
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from contracts.events.discovery import InfluencerPostsImported
from devstack.databases import DatabaseFactory

from .conftest import Org, discovery_service, profile, wait_for_job

pytestmark = pytest.mark.asyncio(loop_scope="session")

IG = "https://www.instagram.com/p"
CSV = f"""Username,Platform,Post URL,Posted at,Caption,Type,Likes,Comments,Views,Paid partnership
lena.posts,instagram,{IG}/AAA111/,2026-11-20T10:00:00Z,Morning run #ad with @nike,image,"1,200",30,,no
lena.posts,instagram,{IG}/AAA222/,2026-11-18T10:00:00+01:00,Sunset with friends,video,900,12,15.2k,
lena.posts,instagram,{IG}/AAA333/,2026-11-15,Loving @gymshark - code LENA20 for 20% off,carousel,lots,10,,
lena.posts,instagram,{IG}/AAA444/,1763200000,Collab day,reel,500,5,,yes
nobody.here,instagram,{IG}/BBB111/,2026-11-20T10:00:00Z,Who am I,image,10,1,,
lena.posts,instagram,,2026-11-20T10:00:00Z,No id at all,image,10,1,,
lena.posts,instagram,{IG}/AAA555/,last tuesday,Bad time,image,10,1,,
lena.posts,instagram,{IG}/AAA111/,2026-11-20T10:00:00Z,Repeated,image,10,1,,
"""


def _instaloader(
    owner: str, code: str, at: int, caption: str, *, likes: int = 100, sponsors: tuple[str, ...] = ()
) -> Any:
    return {
        "node": {
            "__typename": "GraphImage",
            "shortcode": code,
            "owner": {"username": owner, "id": "1"},
            "taken_at_timestamp": at,
            "edge_media_to_caption": {"edges": [{"node": {"text": caption}}]},
            "edge_media_preview_like": {"count": likes},
            "edge_media_to_parent_comment": {"count": 4},
            "is_video": False,
            "edge_media_to_sponsor_user": {"edges": [{"node": {"sponsor": {"username": s}}} for s in sponsors]},
        },
        "instaloader": {"version": "4.14", "node_type": "Post"},
    }


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(
        databases, messaging_settings, "discovery_posts", import_max_bytes=2_000_000
    ) as client:
        yield client


async def _profile(client: httpx.AsyncClient, org: Org, handle: str, **fields: Any) -> str:
    response = await client.post("/api/v1/influencers", json=profile(handle, **fields), headers=org.headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _import(client: httpx.AsyncClient, org: Org, content: bytes, content_type: str, **params: Any) -> Any:
    response = await client.post(
        "/api/v1/influencers/posts/import",
        content=content,
        params=params,
        headers={**org.headers, "content-type": content_type},
    )
    assert response.status_code == 202, response.text
    assert response.json()["kind"] == "posts"
    job = await wait_for_job(client, response.json()["id"], org.headers)
    assert job["state"] == "succeeded", job
    return job


async def _detail(client: httpx.AsyncClient, org: Org, influencer_id: str, **params: Any) -> Any:
    response = await client.get(f"/api/v1/influencers/{influencer_id}", params=params, headers=org.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_csv_imports_its_good_posts_and_rejects_each_bad_row_with_its_reason(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org = Org(internal_secret)
    lena = await _profile(service, org, "lena.posts", visibility="private")
    job = await _import(service, org, CSV.encode(), "text/csv")
    assert (job["rows_read"], job["rows_created"], job["rows_rejected"], job["warnings"]) == (8, 4, 4, 1)
    rejected = {r["line"]: (r["field"], r["reason"]) for r in job["rejected"]}
    assert rejected[6][0] == "handle"
    assert "no instagram profile 'nobody.here'" in rejected[6][1]
    assert rejected[7] == ("post_id", "post_id: no post id or URL")
    assert rejected[8][0] == "posted_at"
    assert "'last tuesday' is not a time" in rejected[8][1]
    assert rejected[9][0] == "post_id"
    assert "repeats line 2" in rejected[9][1]
    assert [(w["line"], w["field"]) for w in job["warned"]] == [(4, "likes")]

    shown = await _detail(service, org, lena, competitors="Nike, Adidas")
    posts = shown["recent_posts"]
    assert [p["post_id"] for p in posts] == ["AAA111", "AAA222", "AAA333", "AAA444"]
    first = posts[0]
    assert (first["likes"], first["comments"], first["media_type"]) == (1200, 30, "image")
    assert first["sponsorship"] == {
        "sponsored": True,
        "signal": "disclosure",
        "reason": "discloses with '#ad'",
        "brands": ["nike"],
    }
    assert (posts[1]["views"], posts[1]["sponsorship"]["sponsored"]) == (15200, False)
    assert posts[3]["sponsorship"]["signal"] == "paid_partnership_label"
    assert (posts[2]["likes"], posts[2]["sponsorship"]["signal"]) == (None, "brand_with_commercial_cues")
    history = shown["sponsored_history"]
    assert (history["posts_seen"], history["sponsored_posts"]) == (4, 3)
    assert history["last_sponsored_at"] == "2026-11-20T10:00:00Z"
    assert [(b["brand"], b["posts"]) for b in history["brands"]] == [("nike", 1), ("gymshark", 1)]
    assert [(c["competitor"], c["worked_with"], c["posts"]) for c in shown["competitors"]] == [
        ("Nike", True, 1),
        ("Adidas", False, 0),
    ]
    assert (await _detail(service, org, lena))["competitors"] is None


async def test_a_reimported_post_is_updated_never_duplicated(service: httpx.AsyncClient, internal_secret: str) -> None:
    org = Org(internal_secret)
    mia = await _profile(service, org, "mia.posts", visibility="private")
    rows = [{"handle": "mia.posts", "platform": "tiktok", "id": "7001", "time": "2026-11-01T00:00:00Z", "likes": 5}]
    await _profile(service, org, "mia.posts", platform="tiktok", visibility="private")
    ndjson = "\n".join(json.dumps(r) for r in rows).encode()
    assert (await _import(service, org, ndjson, "application/x-ndjson"))["rows_created"] == 1
    again = await _import(service, org, ndjson, "application/x-ndjson")
    assert (again["rows_created"], again["rows_updated"], again["rows_unchanged"]) == (0, 0, 1)
    rows[0]["likes"] = 50
    changed = await _import(service, org, "\n".join(json.dumps(r) for r in rows).encode(), "application/x-ndjson")
    assert (changed["rows_created"], changed["rows_updated"]) == (0, 1)
    tiktok = [
        i
        for i in (await service.get("/api/v1/influencers", params={"platform": "tiktok"}, headers=org.headers)).json()[
            "items"
        ]
    ]
    shown = await _detail(service, org, str(tiktok[0]["id"]))
    assert [(p["post_id"], p["likes"]) for p in shown["recent_posts"]] == [("7001", 50)]
    assert (await _detail(service, org, mia))["recent_posts"] == []


async def test_instaloader_json_as_ndjson_and_as_a_zip_of_files(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org = Org(internal_secret)
    ana = await _profile(service, org, "ana.gram", visibility="private", past_sponsors=["Oatly"])
    posts = [
        _instaloader("ana.gram", "CX1", 1_763_000_000, "Sunny day"),
        _instaloader("ana.gram", "CX2", 1_763_100_000, "My morning", sponsors=("oatly",)),
        _instaloader("ghost.gram", "CX3", 1_763_200_000, "Nobody"),
    ]
    ndjson = "\n".join(json.dumps(p) for p in posts).encode() + b"\n{broken"
    job = await _import(service, org, ndjson, "application/x-ndjson")
    assert (job["rows_created"], job["rows_rejected"]) == (2, 2)
    assert {r["field"] for r in job["rejected"]} == {"handle", "line"}

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ana.gram/2026-11-13_CX1.json", json.dumps(posts[0]))
        archive.writestr(
            "ana.gram/2026-11-14_CX4.json.xz",
            lzma.compress(
                json.dumps(
                    _instaloader("ana.gram", "CX4", 1_763_300_000, "Use code ANA10 at @oatly, link in bio")
                ).encode()
            ),
        )
        archive.writestr("ana.gram/2026-11-14_CX4.jpg", b"\xff\xd8 not read")
        archive.writestr("ana.gram/broken.json", "[1, 2]")
    job = await _import(service, org, buffer.getvalue(), "application/zip")
    assert (job["format"], job["rows_read"], job["rows_created"], job["rows_unchanged"], job["rows_rejected"]) == (
        "zip",
        3,
        1,
        1,
        1,
    )
    assert "broken.json does not hold one JSON object" in job["rejected"][0]["reason"]
    shown = await _detail(service, org, ana, competitors="oatly")
    signals = {p["post_id"]: p["sponsorship"]["signal"] for p in shown["recent_posts"]}
    assert signals == {"CX1": "none", "CX2": "sponsor_tag", "CX4": "brand_with_commercial_cues"}
    assert (shown["competitors"][0]["worked_with"], shown["competitors"][0]["posts"]) == (True, 2)


async def test_a_zip_bomb_or_a_broken_zip_is_refused_whole(service: httpx.AsyncClient, internal_secret: str) -> None:
    org = Org(internal_secret)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.json", b" " * 3_000_000)
    for content in (buffer.getvalue(), b"PK\x03\x04 not really a zip"):
        response = await service.post(
            "/api/v1/influencers/posts/import",
            content=content,
            headers={**org.headers, "content-type": "application/zip"},
        )
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == "file"


async def test_an_org_cannot_attach_posts_to_another_orgs_profile_nor_see_its_posts(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    owner, other = Org(internal_secret), Org(internal_secret)
    admin = Org(internal_secret, roles="admin")
    private = await _profile(service, owner, "kept.private", visibility="private")
    shared = await _profile(service, admin, "open.to.all")
    rows = (
        "handle,platform,post id,time,likes\n"
        "kept.private,instagram,P1,2026-11-01T00:00:00Z,5\n"
        "open.to.all,instagram,P2,2026-11-01T00:00:00Z,7\n"
    )
    job = await _import(service, other, rows.encode(), "text/csv")
    assert (job["rows_created"], job["rows_rejected"]) == (1, 1)
    assert "no instagram profile 'kept.private'" in job["rejected"][0]["reason"]
    assert (await _detail(service, owner, private))["recent_posts"] == []
    assert [p["post_id"] for p in (await _detail(service, other, shared))["recent_posts"]] == ["P2"]
    assert (await _detail(service, owner, shared))["recent_posts"] == []


async def test_a_dry_run_writes_nothing(service: httpx.AsyncClient, internal_secret: str) -> None:
    org = Org(internal_secret)
    sam = await _profile(service, org, "sam.dry", visibility="private")
    rows = "handle,platform,post id,time\nsam.dry,instagram,D1,2026-11-01T00:00:00Z\nghost,instagram,D2,2026-11-01\n"
    response = await service.post(
        "/api/v1/influencers/posts/import",
        content=rows.encode(),
        params={"dry_run": "true"},
        headers={**org.headers, "content-type": "text/csv"},
    )
    assert response.status_code == 200, response.text
    preview = response.json()
    assert (preview["rows_created"], preview["rows_rejected"]) == (1, 1)
    assert (await _detail(service, org, sam))["recent_posts"] == []


async def test_the_job_tells_what_it_imported(service: httpx.AsyncClient, internal_secret: str) -> None:
    org = Org(internal_secret)
    zoe = await _profile(service, org, "zoe.events", visibility="private")
    rows = (
        "handle,platform,post id,time\nzoe.events,instagram,E1,2026-11-01T00:00Z\nzoe.events,instagram,E2,2026-11-02\n"
    )
    job = await _import(service, org, rows.encode(), "text/csv")
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    from sqlalchemy import select

    from discovery.adapters.tables import messaging

    async with runtime.database.session() as session:
        payloads = [
            json.loads(r.payload)
            for r in await session.execute(
                select(messaging.outbox.c.payload).where(
                    messaging.outbox.c.event_type == InfluencerPostsImported.event_type
                )
            )
        ]
    mine = [p for p in payloads if p["data"]["job_id"] == job["id"]]
    assert len(mine) == 1
    data = InfluencerPostsImported.model_validate(mine[0]["data"])
    assert (data.posts_created, data.profiles_touched, [str(i) for i in data.influencer_ids]) == (2, 1, [zoe])
    assert (data.org_id, mine[0]["tenant_id"]) == (org.id, str(org.id))


async def test_a_file_without_the_columns_a_post_needs_is_refused_at_once(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org = Org(internal_secret)
    for rows, missing in (
        ("who,likes\nlena,5\n", "handle, posted_at, post_id"),
        ("handle,when\nlena,x\n", "posted_at"),
    ):
        response = await service.post(
            "/api/v1/influencers/posts/import",
            content=rows.encode(),
            headers={**org.headers, "content-type": "text/csv"},
        )
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == "mapping"
        assert f"no column holds {missing}" in response.text


async def test_a_profiles_posts_are_read_a_page_at_a_time_newest_first(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org = Org(internal_secret)
    lena = await _profile(service, org, "lena.posts", visibility="private")
    await _import(service, org, CSV.encode(), "text/csv")
    url = f"/api/v1/influencers/{lena}/posts"
    first = await service.get(url, params={"limit": 3}, headers=org.headers)
    assert first.status_code == 200, first.text
    assert [p["post_id"] for p in first.json()["items"]] == ["AAA111", "AAA222", "AAA333"]
    rest = await service.get(url, params={"limit": 3, "cursor": first.json()["next_cursor"]}, headers=org.headers)
    assert ([p["post_id"] for p in rest.json()["items"]], rest.json()["next_cursor"]) == (["AAA444"], None)
    organic = await service.get(url, params={"sponsored": "false"}, headers=org.headers)
    assert [p["post_id"] for p in organic.json()["items"]] == ["AAA222"]
    ads = await service.get(url, params={"sponsored": "true"}, headers=org.headers)
    assert [p["post_id"] for p in ads.json()["items"]] == ["AAA111", "AAA333", "AAA444"]

    bad = await service.get(url, params={"cursor": "nonsense"}, headers=org.headers)
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "query.cursor"
    assert (await service.get(url, params={"limit": 0}, headers=org.headers)).status_code == 422
    other = Org(internal_secret)
    assert (await service.get(url, headers=other.headers)).status_code == 404

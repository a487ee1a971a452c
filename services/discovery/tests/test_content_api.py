"""What a profile's posts give it, through the service on its real migrations: content quality on
the profile and in ranked search, brand affinity from captions, `influencer.updated`, voice match."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import insert, select

from contracts import REGISTRY
from contracts.envelope import decode
from contracts.events.discovery import InfluencerUpdated
from devstack.databases import DatabaseFactory
from discovery.adapters.post_repository import post_row
from discovery.adapters.tables import influencer_posts, messaging
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application.content import refresh_from_posts
from discovery.domain.posts import Post, Sponsorship, SponsorSignal
from discovery.domain.profiles import Platform
from servicekit.db import Database

from .conftest import Org, app_of, discovery_service, profile, wait_for_job

AD = Sponsorship(True, SponsorSignal.PAID_PARTNERSHIP_LABEL, "paid partnership label", ("trailco",))


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_content") as client:
        yield client


async def make(service: httpx.AsyncClient, org: Org, handle: str, **fields: Any) -> uuid.UUID:
    body = profile(handle, avg_likes=750, categories=["lifestyle"], **fields)
    created = await service.post("/api/v1/influencers", json=body, headers=org.headers)
    assert created.status_code == 201, created.text
    return uuid.UUID(created.json()["id"])


async def keep_posts(
    service: httpx.AsyncClient, org: Org, influencer_id: uuid.UUID, posts: list[tuple[int, str, bool]]
) -> None:
    """Stores posts (days ago, caption, sponsored) as the posts import would, then refreshes the profile."""
    database: Database = app_of(service).state.runtime.database
    now = datetime.now(UTC)
    rows = [
        post_row(
            Post(
                id=uuid.uuid4(),
                catalogue_id=org.id,
                influencer_id=influencer_id,
                platform=Platform.INSTAGRAM,
                post_id=uuid.uuid4().hex,
                posted_at=now - timedelta(days=days),
                caption=caption,
                likes=750,
                comments=20,
                sponsorship=AD if sponsored else Sponsorship(False, SponsorSignal.NONE, "none"),
            ),
            "h",
        )
        for days, caption, sponsored in posts
    ]
    async with database.session() as session:
        await session.execute(insert(influencer_posts), rows)
        uow = SqlUnitOfWork(session, app_of(service).state.runtime.outbox, org.id)
        await refresh_from_posts(uow, [influencer_id], now)
        await session.commit()


async def told(service: httpx.AsyncClient) -> list[InfluencerUpdated]:
    outbox = messaging.outbox
    async with app_of(service).state.runtime.database.sessionmaker() as session:
        rows = await session.execute(select(outbox.c.payload).where(outbox.c.event_type == "influencer.updated"))
        return [REGISTRY.parse(decode(payload)) for (payload,) in rows]  # type: ignore[misc]


async def test_posts_show_on_the_profile_rank_it_and_are_told(service: httpx.AsyncClient, internal_secret: str) -> None:
    org = Org(internal_secret)
    steady = await make(service, org, "steady.runner")
    unknown = await make(service, org, "no.posts.yet")
    await keep_posts(
        service,
        org,
        steady,
        [(7 * i, f"long trail run number {i} in the hills", False) for i in range(12)]
        + [(3, "my trailco shoes", True)],
    )
    shown = (await service.get(f"/api/v1/influencers/{steady}", headers=org.headers)).json()
    quality = shown["content_quality"]
    assert quality["score"] >= 80
    assert quality["coverage"] == {"assessed": 8, "of": 8, "missing": []}
    assert {p["signal"] for p in quality["parts"]} >= {"cadence", "ad_saturation", "repeated_captions"}
    assert (await service.get(f"/api/v1/influencers/{unknown}", headers=org.headers)).json()["content_quality"] is None

    [event] = [e for e in await told(service) if any(p.influencer_id == steady for p in e.profiles)]
    assert event.profiles[0].org_id == org.id
    assert event.profiles[0].content_quality.score == quality["score"]

    body = {"brief": "trailco hill running shoes", "filters": {"visibility": "private"}}
    ranked = (await service.post("/api/v1/influencers/search", json=body, headers=org.headers)).json()
    by_handle = {h["influencer"]["handle"]: h for h in ranked["items"]}
    assert next(h["influencer"]["handle"] for h in ranked["items"]) == "steady.runner"
    assert by_handle["steady.runner"]["parts"]["content_quality"]["score"] == quality["score"] / 100
    assert by_handle["steady.runner"]["parts"]["brand_affinity"]["score"] > 0  # only its posts name trailco
    no_posts = by_handle["no.posts.yet"]["parts"]["content_quality"]
    assert no_posts["score"] == 0.5
    assert no_posts["coverage"]["assessed"] == 0


async def test_voice_match_of_a_draft(service: httpx.AsyncClient, internal_secret: str) -> None:
    org = Org(internal_secret)
    creator = await make(service, org, "voice.creator")
    await keep_posts(service, org, creator, [(1, "Sunrise trail run in the forest, legs burning", False)])
    url = f"/api/v1/influencers/{creator}/voice-match"
    close = await service.post(url, json={"caption": "a trail run in the forest at sunrise"}, headers=org.headers)
    assert close.status_code == 200, close.text
    assert close.json()["verdict"] == "close"
    assert close.json()["nearest"][0]["caption"].startswith("Sunrise trail run")

    silent = await make(service, org, "voice.silent")
    none = await service.post(
        f"/api/v1/influencers/{silent}/voice-match", json={"caption": "hello"}, headers=org.headers
    )
    assert none.status_code == 200
    assert none.json()["verdict"] == "not_assessed"
    assert none.json()["closeness"] is None

    blank = await service.post(url, json={"caption": "   "}, headers=org.headers)
    assert blank.status_code == 422
    assert blank.json()["errors"][0]["field"] == "body.caption"
    other = Org(internal_secret)
    assert (await service.post(url, json={"caption": "hi"}, headers=other.headers)).status_code == 404


async def test_a_posts_import_gives_the_profile_its_content_quality(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org = Org(internal_secret)
    influencer_id = await make(service, org, "imported.runner", visibility="private")
    now = datetime.now(UTC)
    lines = ["handle,platform,post url,posted at,caption,likes,comments,paid partnership"]
    for week in range(12):
        at = (now - timedelta(days=7 * week, hours=1)).isoformat()
        sponsored = "yes" if week == 4 else "no"
        lines.append(
            f"imported.runner,instagram,https://www.instagram.com/p/RUN{week}/,{at},hill run {week},740,30,{sponsored}"
        )
    response = await service.post(
        "/api/v1/influencers/posts/import",
        content="\n".join(lines).encode(),
        headers={**org.headers, "content-type": "text/csv"},
    )
    assert response.status_code == 202, response.text
    job = await wait_for_job(service, response.json()["id"], org.headers)
    assert (job["state"], job["rows_created"]) == ("succeeded", 12), job
    quality = (await service.get(f"/api/v1/influencers/{influencer_id}", headers=org.headers)).json()["content_quality"]
    assert quality["score"] >= 80
    parts = {p["signal"]: p for p in quality["parts"]}
    assert parts["cadence"]["score"] > 0.9
    assert parts["ad_saturation"]["score"] == 1.0
    assert parts["sponsored_engagement"]["score"] == 1.0
    assert any(any(p.influencer_id == uuid.UUID(str(influencer_id)) for p in e.profiles) for e in await told(service))


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs."""


def _interleaved_posts(handles: list[str], weeks: int) -> bytes:
    """Each handle's weekly posts, the handles' rows interleaved so that every chunk touches each."""
    now = datetime.now(UTC)
    lines = ["handle,platform,post url,posted at,caption,likes,comments"]
    for week in range(weeks):
        at = (now - timedelta(days=7 * week, hours=1)).isoformat()
        lines += [
            f"{h},instagram,https://www.instagram.com/p/{h.replace('.', '')}W{week}/,{at},trail run {week},740,30"
            for h in handles
        ]
    return "\n".join(lines).encode()


async def test_a_posts_import_in_many_chunks_tells_each_profile_once_even_when_resumed(
    databases: DatabaseFactory, messaging_settings: dict[str, object], internal_secret: str
) -> None:
    """Profiles are worked out once per job, from all its posts, after its last chunk: a job
    whose worker died half-way gives them their quality when it is resumed."""
    from discovery.adapters.import_worker import ImportWorker

    async with discovery_service(
        databases, messaging_settings, "discovery_posts_resumed", import_worker_enabled=False
    ) as service:
        org = Org(internal_secret)
        ids = [await make(service, org, handle, visibility="private") for handle in ("chunky.one", "chunky.two")]
        response = await service.post(
            "/api/v1/influencers/posts/import",
            content=_interleaved_posts(["chunky.one", "chunky.two"], 12),
            headers={**org.headers, "content-type": "text/csv"},
        )
        assert response.status_code == 202, response.text
        job_id = uuid.UUID(response.json()["id"])
        database: Database = app_of(service).state.runtime.database
        dying = ImportWorker(database, chunk_rows=5, lease_s=0.3, worker_id="dying")
        assert await dying.claim() == job_id

        def crash_after_first_chunk(done: int, counts: object) -> None:
            raise Crash

        with pytest.raises(Crash):
            await dying.run(job_id, progress=crash_after_first_chunk)
        assert await told(service) == []  # nothing worked out from a part of the job

        await asyncio.sleep(0.4)
        heir = ImportWorker(database, chunk_rows=5, lease_s=0.3, worker_id="heir")
        await heir.run_next()
        job = await wait_for_job(service, str(job_id), org.headers)
        assert (job["state"], job["rows_created"]) == ("succeeded", 24), job
        for influencer_id in ids:
            shown = (await service.get(f"/api/v1/influencers/{influencer_id}", headers=org.headers)).json()
            parts = {p["signal"]: p for p in shown["content_quality"]["parts"]}
            assert parts["cadence"]["score"] > 0.9  # all twelve weeks, not the first chunk's
        mentions = [p.influencer_id for e in await told(service) for p in e.profiles]
        assert sorted(mentions) == sorted(ids)


async def test_a_posts_import_that_fails_half_way_still_works_out_what_it_wrote(
    databases: DatabaseFactory, messaging_settings: dict[str, object], internal_secret: str
) -> None:
    from discovery.adapters.import_worker import ImportWorker

    async with discovery_service(
        databases, messaging_settings, "discovery_posts_failed", import_worker_enabled=False
    ) as service:
        org = Org(internal_secret)
        first = await make(service, org, "half.way", visibility="private")
        response = await service.post(
            "/api/v1/influencers/posts/import",
            content=_interleaved_posts(["half.way"], 12),
            headers={**org.headers, "content-type": "text/csv"},
        )
        job_id = uuid.UUID(response.json()["id"])
        worker = ImportWorker(app_of(service).state.runtime.database, chunk_rows=5, lease_s=60)
        assert await worker.claim() == job_id

        def database_gone(done: int, counts: object) -> None:
            raise ConnectionRefusedError(111, "Connect call failed")

        await worker.run(job_id, progress=database_gone)
        job = (await service.get(f"/api/v1/import-jobs/{job_id}", headers=org.headers)).json()
        assert (job["state"], job["rows_created"]) == ("failed", 5), job
        shown = (await service.get(f"/api/v1/influencers/{first}", headers=org.headers)).json()
        assert shown["content_quality"]["coverage"]["assessed"] > 0
        assert [p.influencer_id for e in await told(service) for p in e.profiles] == [first]

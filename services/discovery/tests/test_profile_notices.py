"""Other services hear of each profile created, and of each change of who it is (platform, handle,
name), through the outbox: by hand one event per change, by import one per catalogue and 500
profiles of a chunk. Nothing is told of a profile an import could not store."""

import asyncio
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy import delete, select

from contracts import REGISTRY, Envelope, decode
from contracts.events.discovery import InfluencerProfilesChanged
from devstack.databases import DatabaseFactory
from discovery.adapters.tables import messaging
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head

from .conftest import Org, app_of, discovery_service, profile, wait_for_job
from .test_import_refusals import export, run

pytestmark = pytest.mark.asyncio(loop_scope="session")

SHARED = UUID(int=0)


async def told(database: Database, since: int = 0) -> list[tuple[Envelope, str, InfluencerProfilesChanged]]:
    """The profile events in the outbox after row `since`, with their keys."""
    outbox = messaging.outbox
    async with database.sessionmaker() as session:
        rows = await session.execute(
            select(outbox.c.payload, outbox.c.key)
            .where(outbox.c.event_type == InfluencerProfilesChanged.event_type, outbox.c.id > since)
            .order_by(outbox.c.id)
        )
        found = []
        for payload, key in rows:
            envelope = decode(payload)
            data = REGISTRY.parse(envelope)
            assert isinstance(data, InfluencerProfilesChanged)
            found.append((envelope, key, data))
        return found


async def last_outbox_id(database: Database) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(select(messaging.outbox.c.id).order_by(messaging.outbox.c.id.desc())) or 0)


@pytest.fixture
async def imports(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("discovery_import_notices"))
    await upgrade_to_head(database, "discovery:migrations")
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_notices") as client:
        yield client


async def test_a_profile_made_or_renamed_by_hand_is_told_in_one_event(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    database: Database = app_of(service).state.runtime.database
    org = Org(internal_secret)
    before = await last_outbox_id(database)
    created = await service.post("/api/v1/influencers", json=profile("told.by.hand"), headers=org.headers)
    assert created.status_code == 201, created.text
    influencer_id = UUID(created.json()["id"])
    for change in ({"followers": 30_000}, {"display_name": "Told By Hand"}):
        patched = await service.patch(f"/api/v1/influencers/{influencer_id}", json=change, headers=org.headers)
        assert patched.status_code == 200, patched.text

    events = await told(database, before)
    assert [(e.tenant_id, e.subject, key) for e, key, _ in events] == [(org.id, str(org.id), str(org.id))] * 2
    first, renamed = (data.profiles for _, _, data in events)
    assert [(p.influencer_id, p.org_id, p.platform, p.handle, p.display_name) for p in first] == [
        (influencer_id, org.id, "instagram", "told.by.hand", None)
    ]
    assert [p.display_name for p in renamed] == ["Told By Hand"]  # the follower count told nothing
    assert renamed[0].updated_at > first[0].updated_at


@pytest.mark.parametrize("pipeline_min_bytes", [None, 0], ids=["in-process", "pipelined"])
async def test_an_import_tells_its_new_and_renamed_profiles_in_events_of_500(
    imports: Database, pipeline_min_bytes: int | None
) -> None:
    database = imports
    content = export(1_200)  # and 6 rows refused: never told
    job, _ = await run(database, content, pipeline_min_bytes=pipeline_min_bytes, chunk_rows=2_000)
    assert job.counts.rows_created == 1_200
    events = await told(database)
    assert [len(data.profiles) for _, _, data in events] == [500, 500, 200]
    assert {(e.tenant_id, key) for e, key, _ in events} == {(None, str(SHARED))}
    profiles = [p for _, _, data in events for p in data.profiles]
    assert sorted(p.handle for p in profiles) == sorted(f"good.{i}" for i in range(1_200))
    assert {p.org_id for p in profiles} == {None}

    mark = await last_outbox_id(database)
    await run(database, content, pipeline_min_bytes=pipeline_min_bytes, chunk_rows=2_000)
    assert await told(database, mark) == []  # nothing changed: nothing told
    renamed = content.replace(b",Good 7,", b",Good Seven,").replace(b",1007,", b",9999,")
    await run(database, renamed.replace(b",1008,", b",8888,"), pipeline_min_bytes=pipeline_min_bytes)
    [(_, _, data)] = await told(database, mark)
    assert [(p.handle, p.display_name) for p in data.profiles] == [("good.7", "Good Seven")]


async def test_an_import_into_an_orgs_catalogue_is_told_as_the_orgs(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    database: Database = app_of(service).state.runtime.database
    org = Org(internal_secret)
    before = await last_outbox_id(database)
    response = await service.post(
        "/api/v1/influencers/import",
        content=b"handle,followers\nmine.one,10\nmine.two,20\n",
        params={"platform": "tiktok"},
        headers={**org.headers, "content-type": "text/csv"},
    )
    job: dict[str, Any] = await wait_for_job(service, response.json()["id"], org.headers)
    assert job["rows_created"] == 2
    [(envelope, key, data)] = await told(database, before)
    assert (envelope.tenant_id, key) == (org.id, str(org.id))
    assert {(p.handle, p.org_id) for p in data.profiles} == {("mine.one", org.id), ("mine.two", org.id)}
    assert uuid.UUID(envelope.subject) == org.id


async def test_the_profiles_stored_before_anyone_was_told_can_be_told_again(imports: Database) -> None:
    await run(imports, export(12))
    async with imports.session() as session:  # as a deploy finds them: stored, never told
        await session.execute(delete(messaging.outbox))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "discovery.cli",
        "announce-profiles",
        "--database-url",
        imports.url,
        "--batch",
        "5",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, stderr.decode()
    assert "told of 12 profiles" in stdout.decode()
    events = await told(imports)
    assert [len(data.profiles) for _, _, data in events] == [5, 5, 2]
    assert sorted(p.handle for _, _, data in events for p in data.profiles) == sorted(f"good.{i}" for i in range(12))

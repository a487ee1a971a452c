"""A note sent again under its Idempotency-Key (the gateway died before it kept the answer) is
written once: the retry answers the first note."""

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.databases import DatabaseFactory
from servicekit.testing import with_idempotency_key

from .conftest import Org, discovery_service, profile

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_idempotent") as client:
        yield client


async def test_a_note_sent_twice_under_one_key_is_written_once(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    org = Org(internal_secret)
    created = await service.post("/api/v1/influencers", json=profile("once.only"), headers=org.headers)
    assert created.status_code == 201, created.text
    path = f"/api/v1/influencers/{created.json()['id']}/notes"
    headers = with_idempotency_key(org.headers, "note-1")

    first = await service.post(path, json={"text": "Great on camera"}, headers=headers)
    again = await service.post(path, json={"text": "Great on camera"}, headers=headers)

    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    notes = (await service.get(path, headers=org.headers)).json()["items"]
    assert [n["id"] for n in notes] == [first.json()["id"]]

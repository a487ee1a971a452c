"""The overdue job tells once per deliverable, even with two replicas at it; the migrations make
the tables the code describes."""

import asyncio
from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest

from content.adapters.overdue import OverdueLoop
from content.adapters.tables import metadata
from contracts.events.partnerships import Deliverable
from devstack.databases import DatabaseFactory
from servicekit.testing import schema_drift

from .conftest import Deal, content_service, deliverables_of, runtime_of, sign, told


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with content_service(
        databases, messaging_settings, "content_overdue", tmp_path_factory.mktemp("overdue")
    ) as client:
        yield client


async def test_an_overdue_deliverable_is_marked_and_told_once(service: httpx.AsyncClient, internal_secret: str) -> None:
    deal = Deal(internal_secret)
    lines = [
        Deliverable(type="post", platform="instagram", count=2, due_on=date(2021, 3, 1)),
        Deliverable(type="story", platform="instagram", count=1, due_on=date(2999, 1, 1)),
    ]
    await sign(service, deal, lines=lines)
    runtime = runtime_of(service)
    replicas = [OverdueLoop(runtime, 3600), OverdueLoop(runtime, 3600)]
    await asyncio.gather(*(replica.run_once() for replica in replicas))
    await replicas[0].run_once()

    overdue = [e for e in await told(service, "content.overdue") if e["partnership_id"] == str(deal.partnership_id)]
    assert len(overdue) == 2
    assert {(e["due_on"], e["state"]) for e in overdue} == {("2021-03-01", "draft")}
    flagged = {d["type"]: d["overdue"] for d in await deliverables_of(service, deal)}
    assert flagged == {"post": True, "story": False}
    only = await service.get("/api/v1/deliverables", params={"overdue": "true"}, headers=deal.brand())
    assert [d["type"] for d in only.json()["items"]] == ["post", "post"]


async def test_the_migrated_tables_are_the_codes(service: httpx.AsyncClient) -> None:
    assert await schema_drift(runtime_of(service).database, metadata) == []

"""A submission sent again under its Idempotency-Key (the gateway died before it kept the answer)
is made once: the retry answers the first version, not a second one."""

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.databases import DatabaseFactory
from servicekit.testing import with_idempotency_key

from .conftest import Deal, content_service, deliverables_of, sign, told


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with content_service(
        databases, messaging_settings, "content_idempotent", tmp_path_factory.mktemp("idempotent")
    ) as client:
        yield client


async def test_a_submission_sent_twice_under_one_key_is_made_once(
    service: httpx.AsyncClient, internal_secret: str
) -> None:
    deal = Deal(internal_secret)
    await sign(service, deal)
    (deliverable,) = await deliverables_of(service, deal)
    path = f"/api/v1/deliverables/{deliverable['id']}/submissions"
    body = {"caption": "#ad Morning miles in the new trainers from @nike.", "platform": "instagram", "format": "post"}
    headers = with_idempotency_key(deal.creator(), "draft-1")

    first = await service.post(path, json=body, headers=headers)
    again = await service.post(path, json=body, headers=headers)

    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    versions = (await service.get(path, headers=deal.creator())).json()["items"]
    assert [v["id"] for v in versions] == [first.json()["id"]]
    submitted = [e for e in await told(service, "content.submitted") if e["deliverable_id"] == deliverable["id"]]
    assert len(submitted) == 1

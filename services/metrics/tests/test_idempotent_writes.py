"""A tracking link made under an Idempotency-Key and sent again (the gateway died before it kept
the answer) is made once: the retry answers the first link."""

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.databases import DatabaseFactory
from servicekit.testing import with_idempotency_key

from .conftest import Brand, metrics_service


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with metrics_service(databases, messaging_settings, "metrics_idempotent") as client:
        yield client


async def test_a_link_sent_twice_under_one_key_is_made_once(service: httpx.AsyncClient, internal_secret: str) -> None:
    brand = Brand(service, internal_secret)
    await brand.campaign()
    partnership_id, _ = await brand.partnership()
    body = {"partnership_id": str(partnership_id), "destination_url": "https://shop.example/once"}
    headers = with_idempotency_key(brand.headers, "link-1")

    first = await service.post("/api/v1/tracking-links", json=body, headers=headers)
    again = await service.post("/api/v1/tracking-links", json=body, headers=headers)

    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    listed = await service.get("/api/v1/tracking-links", headers=brand.headers)
    assert [link["id"] for link in listed.json()["items"]] == [first.json()["id"]]

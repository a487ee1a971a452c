"""Uploads: the type is read from the bytes, each type has its size limit, a file that ends early
is refused, and what is taken is stored under its checksum and read back whole."""

import hashlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from content.domain.media import MIB, MediaRefused, check_upload
from devstack.databases import DatabaseFactory

from . import media_samples as samples
from .conftest import Deal, content_service, deliverables_of, sign


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with content_service(
        databases, messaging_settings, "content_media", tmp_path_factory.mktemp("media")
    ) as client:
        yield client


@pytest.fixture
async def deal(service: httpx.AsyncClient, internal_secret: str) -> tuple[Deal, dict[str, Any]]:
    deal = Deal(internal_secret)
    await sign(service, deal)
    (deliverable,) = await deliverables_of(service, deal)
    return deal, deliverable


async def upload(
    service: httpx.AsyncClient, deal: tuple[Deal, dict[str, Any]], data: bytes, content_type: str, **headers: str
) -> httpx.Response:
    who, deliverable = deal
    return await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/media",
        content=data,
        headers={**who.creator(), "content-type": content_type, **headers},
    )


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(samples.png(), "image/png"), (samples.jpeg(), "image/jpeg"), (samples.mp4(), "video/mp4")],
    ids=["png", "jpeg", "mp4"],
)
async def test_a_medium_is_stored_with_its_checksum_and_read_back(
    service: httpx.AsyncClient, deal: tuple[Deal, dict[str, Any]], data: bytes, content_type: str
) -> None:
    digest = hashlib.sha256(data).hexdigest()
    stored = await upload(service, deal, data, content_type, **{"x-content-sha256": digest})
    assert stored.status_code == 201, stored.text
    assert (stored.json()["content_type"], stored.json()["size"], stored.json()["sha256"]) == (
        content_type,
        len(data),
        digest,
    )
    who, _ = deal
    back = await service.get(f"/api/v1/media/{stored.json()['id']}/content", headers=who.brand())
    assert back.status_code == 200
    assert back.content == data
    assert back.headers["content-type"] == content_type


async def test_a_version_names_its_uploaded_media(
    service: httpx.AsyncClient, deal: tuple[Deal, dict[str, Any]]
) -> None:
    who, deliverable = deal
    stored = (await upload(service, deal, samples.png(), "image/png")).json()
    elsewhere = "https://cdn.example.com/cut-2.mp4"
    version = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={
            "caption": "#ad new kicks",
            "platform": "instagram",
            "format": "carousel",
            "media": [{"media_id": stored["id"]}, {"url": elsewhere}],
        },
        headers=who.creator(),
    )
    assert version.status_code == 201, version.text
    assert version.json()["media"] == [{"media_id": stored["id"], "url": None}, {"media_id": None, "url": elsewhere}]
    foreign = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={"caption": "x", "platform": "instagram", "format": "post", "media": [{"media_id": deliverable["id"]}]},
        headers=who.creator(),
    )
    assert foreign.status_code in (409, 422)


@pytest.mark.parametrize(
    ("data", "content_type", "status", "field"),
    [
        (samples.PDF, "application/pdf", 415, "body"),
        (samples.PDF, "image/png", 415, "body"),  # named an image, is none
        (samples.png(), "image/jpeg", 415, "header.content-type"),  # the bytes say PNG
        (samples.png()[:-20], "image/png", 422, "body"),  # cut short
        (samples.jpeg()[:-2], "image/jpeg", 422, "body"),
        (samples.mp4()[:-10], "video/mp4", 422, "body"),
        (samples.mp4_without_movie_header(), "video/mp4", 422, "body"),
        (samples.jpeg(padding=10 * MIB), "image/jpeg", 413, "body"),  # over the image limit
    ],
    ids=["pdf", "pdf-as-png", "png-as-jpeg", "png-truncated", "jpeg-truncated", "mp4-truncated", "mp4-no-moov", "big"],
)
async def test_wrong_type_too_large_or_truncated_is_refused(
    service: httpx.AsyncClient,
    deal: tuple[Deal, dict[str, Any]],
    data: bytes,
    content_type: str,
    status: int,
    field: str,
) -> None:
    refused = await upload(service, deal, data, content_type)
    assert refused.status_code == status, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in refused.json()["errors"]] == [field]


async def test_a_changed_file_is_refused_by_its_checksum(
    service: httpx.AsyncClient, deal: tuple[Deal, dict[str, Any]]
) -> None:
    refused = await upload(service, deal, samples.png(), "image/png", **{"x-content-sha256": "0" * 64})
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["header.x-content-sha256"]


async def test_only_the_deliverables_parties_upload_and_read(
    service: httpx.AsyncClient, deal: tuple[Deal, dict[str, Any]], internal_secret: str
) -> None:
    who, deliverable = deal
    stranger = Deal(internal_secret)
    refused = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/media",
        content=samples.png(),
        headers={**stranger.creator(), "content-type": "image/png"},
    )
    assert refused.status_code == 404
    stored = (await upload(service, deal, samples.png(), "image/png")).json()
    assert (await service.get(f"/api/v1/media/{stored['id']}", headers=stranger.brand())).status_code == 404
    assert (await service.get(f"/api/v1/media/{stored['id']}", headers=who.brand("analyst"))).status_code == 200


def test_a_video_may_be_larger_than_an_image() -> None:
    big_video = samples.mp4(payload=11 * MIB)
    assert check_upload(big_video, "video/mp4").size == len(big_video)
    with pytest.raises(MediaRefused) as refused:
        check_upload(samples.mp4(payload=50 * MIB), None)
    assert refused.value.status == 413

"""One blob-store contract, held by the local directory and by the S3 store against a real
S3-compatible server (s3proxy, which deploy/local/integration.sh starts and names in
TEST_S3_ENDPOINT_URL). The S3 cases carry the marker s3: make test leaves them out (it needs only
Python), make test-integration runs them, and fails them if no server was started."""

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from content.adapters.blob_store import BlobMissing, LocalDirectoryStore, S3Store
from devstack.databases import DatabaseFactory

from . import media_samples as samples
from .conftest import Deal, content_service, deliverables_of, sign

S3_ENDPOINT = os.environ.get("TEST_S3_ENDPOINT_URL")
S3_KEYS = {
    "access_key_id": os.environ.get("TEST_S3_ACCESS_KEY_ID", ""),
    "secret_access_key": os.environ.get("TEST_S3_SECRET_ACCESS_KEY", ""),
}
needs_s3 = pytest.mark.s3


def s3_endpoint() -> str:
    if S3_ENDPOINT is None:
        pytest.fail("no S3-compatible server: TEST_S3_ENDPOINT_URL is set by make test-integration")
    return S3_ENDPOINT


@pytest.fixture(params=["local", pytest.param("s3", marks=needs_s3)])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[LocalDirectoryStore | S3Store]:
    made: LocalDirectoryStore | S3Store
    if request.param == "local":
        made = LocalDirectoryStore(tmp_path / "blobs")
    else:
        made = S3Store(f"test-{uuid.uuid4().hex[:12]}", endpoint_url=s3_endpoint(), create_bucket=True, **S3_KEYS)
    await made.start()
    try:
        yield made
    finally:
        await made.stop()


async def test_what_is_put_is_got_whole_and_deleted(store: LocalDirectoryStore | S3Store) -> None:
    data = samples.mp4(payload=3 * 1024 * 1024)
    key = f"{uuid.uuid4()}/{uuid.uuid4()}/{uuid.uuid4()}.mp4"
    await store.put(key, data, "video/mp4")
    assert await store.get(key) == data
    await store.put(key, b"replaced", "video/mp4")
    assert await store.get(key) == b"replaced"
    await store.delete(key)
    with pytest.raises(BlobMissing):
        await store.get(key)


@pytest.mark.parametrize("key", ["../escape", "a//b", "", "a/./b"])
async def test_a_key_never_leaves_the_store(store: LocalDirectoryStore | S3Store, key: str) -> None:
    with pytest.raises(ValueError, match="not a blob key"):
        await store.put(key, b"x", "image/png")


@needs_s3
async def test_the_service_keeps_media_in_s3(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path: Path, internal_secret: str
) -> None:
    async with content_service(
        databases,
        messaging_settings,
        "content_s3",
        tmp_path,
        blob_store="s3",
        s3_bucket=f"media-{uuid.uuid4().hex[:12]}",
        s3_endpoint_url=s3_endpoint(),
        s3_create_bucket=True,
        s3_access_key_id=S3_KEYS["access_key_id"],
        s3_secret_access_key=S3_KEYS["secret_access_key"],
    ) as service:
        deal = Deal(internal_secret)
        await sign(service, deal)
        (deliverable,) = await deliverables_of(service, deal)
        data = samples.jpeg(padding=200_000)
        stored = await service.post(
            f"/api/v1/deliverables/{deliverable['id']}/media",
            content=data,
            headers={**deal.creator(), "content-type": "image/jpeg"},
        )
        assert stored.status_code == 201, stored.text
        back = await service.get(f"/api/v1/media/{stored.json()['id']}/content", headers=deal.brand())
        assert back.content == data
        assert not (tmp_path / "media").exists()  # nothing on the local disk

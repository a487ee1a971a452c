"""Where media bytes live, behind one interface (content.application.ports.BlobStore): a local
directory by default (under var/), an S3-compatible bucket in production.

S3 goes through aiobotocore: the asyncio build of botocore that boto3 users know, with its
credential chain (environment, shared files, instance and pod roles), retries, and SigV4 signing
that S3-compatible stores (MinIO, Ceph, R2, s3proxy) accept as AWS does.
"""

import asyncio
import os
import tempfile
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import ClientError


class BlobMissing(LookupError):
    pass


def _safe(key: str) -> str:
    parts = key.split("/")
    if not key or any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"not a blob key: {key!r}")
    return key


class LocalDirectoryStore:
    """Each blob a file under `root`, written to a temporary file first and renamed into place, so
    a reader never sees half a file."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    async def start(self) -> None:
        await asyncio.to_thread(self.root.mkdir, parents=True, exist_ok=True)

    async def stop(self) -> None:
        return None

    def _path(self, key: str) -> Path:
        return self.root / _safe(key)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    async def get(self, key: str) -> bytes:
        try:
            return await asyncio.to_thread(self._path(key).read_bytes)
        except FileNotFoundError:
            raise BlobMissing(key) from None

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)


class S3Store:
    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        create_bucket: bool = False,
    ) -> None:
        self.bucket = bucket
        self.endpoint_url = endpoint_url
        self.region = region
        self.access_key_id = access_key_id
        self.secret_access_key = secret_access_key
        self.create_bucket = create_bucket
        self._stack = AsyncExitStack()
        self._client: Any = None

    async def start(self) -> None:
        config = AioConfig(
            signature_version="s3v4",
            s3={"addressing_style": "path"},
            retries={"max_attempts": 3, "mode": "standard"},
            connect_timeout=5,
            read_timeout=30,
            # botocore 1.36+ adds CRC checksums (and aws-chunked bodies) to every upload by default,
            # which many S3-compatible stores refuse (s3proxy: 501 NotImplemented): only when required.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        self._client = await self._stack.enter_async_context(
            get_session().create_client(
                "s3",
                region_name=self.region,
                endpoint_url=self.endpoint_url,
                aws_access_key_id=self.access_key_id,
                aws_secret_access_key=self.secret_access_key,
                config=config,
            )
        )
        if self.create_bucket:
            try:
                await self._client.head_bucket(Bucket=self.bucket)
            except ClientError:
                await self._client.create_bucket(Bucket=self.bucket)

    async def stop(self) -> None:
        await self._stack.aclose()
        self._client = None

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await self._client.put_object(Bucket=self.bucket, Key=_safe(key), Body=data, ContentType=content_type)

    async def get(self, key: str) -> bytes:
        try:
            answer = await self._client.get_object(Bucket=self.bucket, Key=_safe(key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise BlobMissing(key) from None
            raise
        async with answer["Body"] as body:
            data: bytes = await body.read()
        return data

    async def delete(self, key: str) -> None:
        await self._client.delete_object(Bucket=self.bucket, Key=_safe(key))

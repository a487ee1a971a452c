"""Media a creator uploads: the type is read from the bytes (never from the name or the declared
type alone), each type has its size limit, a file that ends early is refused, and every file is
stored under its SHA-256.

Limits (bytes) and why: images 10 MiB (Instagram takes photos up to 8 MB, X up to 5 MB: room for a
master copy), videos 50 MiB (what the gateway takes on an upload path: GATEWAY_MAX_UPLOAD_BYTES;
longer videos are referenced by URL).
"""

import hashlib
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

import filetype

from servicekit.errors import DomainError

MIB = 1024 * 1024


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"


@dataclass(frozen=True)
class MediaType:
    content_type: str
    kind: MediaKind
    max_bytes: int
    extension: str


MEDIA_TYPES: dict[str, MediaType] = {
    t.content_type: t
    for t in (
        MediaType("image/jpeg", MediaKind.IMAGE, 10 * MIB, "jpg"),
        MediaType("image/png", MediaKind.IMAGE, 10 * MIB, "png"),
        MediaType("image/webp", MediaKind.IMAGE, 10 * MIB, "webp"),
        MediaType("video/mp4", MediaKind.VIDEO, 50 * MIB, "mp4"),
        MediaType("video/quicktime", MediaKind.VIDEO, 50 * MIB, "mov"),
    )
}
LARGEST = max(t.max_bytes for t in MEDIA_TYPES.values())


class MediaRefused(DomainError):
    """An upload that is not taken: `status` is the HTTP answer (413, 415, 422), `field` what is wrong."""

    def __init__(self, status: int, field: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.field = field
        self.message = message


@dataclass(frozen=True)
class CheckedMedia:
    media_type: MediaType
    size: int
    sha256: str


def identify(data: bytes) -> MediaType | None:
    guessed = filetype.guess_mime(data[:512]) if data else None
    return MEDIA_TYPES.get(guessed) if guessed else None


def check_upload(data: bytes, declared: str | None, sha256: str | None = None) -> CheckedMedia:
    """What the bytes are, checked against the declared content type, the type's size limit, the
    file's own structure (a truncated file fails it) and, when the client sent one, its checksum."""
    if len(data) > LARGEST:
        raise MediaRefused(413, "body", f"{len(data)} bytes: no medium is larger than {LARGEST}")
    media_type = identify(data)
    accepted = ", ".join(MEDIA_TYPES)
    if media_type is None:
        raise MediaRefused(415, "body", f"the file is none of the media taken ({accepted})")
    declared_type = (declared or "").partition(";")[0].strip().lower()
    if declared_type not in ("", "application/octet-stream") and declared_type != media_type.content_type:
        raise MediaRefused(
            415,
            "header.content-type",
            f"declared {declared_type}, but the file is {media_type.content_type}",
        )
    if len(data) > media_type.max_bytes:
        raise MediaRefused(
            413, "body", f"{len(data)} bytes: {media_type.content_type} is taken up to {media_type.max_bytes}"
        )
    problem = _incomplete(media_type, data)
    if problem is not None:
        raise MediaRefused(
            422, "body", f"the {media_type.content_type} file is incomplete ({problem}): upload it again"
        )
    digest = hashlib.sha256(data).hexdigest()
    if sha256 is not None and sha256.lower() != digest:
        raise MediaRefused(
            422, "header.x-content-sha256", "the file's SHA-256 differs from the one sent: it changed on the way"
        )
    return CheckedMedia(media_type, len(data), digest)


def _incomplete(media_type: MediaType, data: bytes) -> str | None:
    match media_type.content_type:
        case "image/jpeg":
            return None if data.rstrip(b"\x00").endswith(b"\xff\xd9") else "no end-of-image marker"
        case "image/png":
            return _png_problem(data)
        case "image/webp":
            (size,) = struct.unpack_from("<I", data, 4)
            return None if 8 + size <= len(data) <= 8 + size + 1 else "its RIFF size is not the file's"
        case _:
            return _iso_bmff_problem(data)


def _png_problem(data: bytes) -> str | None:
    position = 8
    while position + 12 <= len(data):
        (length,) = struct.unpack_from(">I", data, position)
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            return f"chunk {kind.decode('latin-1')} runs past the end"
        (crc,) = struct.unpack_from(">I", data, end - 4)
        if zlib.crc32(data[position + 4 : end - 4]) != crc:
            return f"chunk {kind.decode('latin-1')} is damaged"
        if kind == b"IEND":
            return None
        position = end
    return "no IEND chunk"


def _iso_bmff_problem(data: bytes) -> str | None:
    """MP4 and QuickTime: top-level boxes that add up to the file, with the movie header (moov)."""
    position = 0
    kinds: set[bytes] = set()
    while position < len(data):
        if position + 8 > len(data):
            return "a box header is cut off"
        size, kind = struct.unpack_from(">I4s", data, position)
        if size == 1:
            if position + 16 > len(data):
                return "a box header is cut off"
            (size,) = struct.unpack_from(">Q", data, position + 8)
        elif size == 0:
            size = len(data) - position
        if size < 8 or position + size > len(data):
            return f"box {kind.decode('latin-1')} runs past the end"
        kinds.add(kind)
        position += size
    return None if b"moov" in kinds else "no movie header (moov)"


@dataclass(frozen=True)
class Media:
    id: UUID
    tenant_id: UUID
    deliverable_id: UUID
    content_type: str
    kind: MediaKind
    size: int
    sha256: str
    storage_key: str
    uploaded_by: UUID | None
    uploaded_at: datetime


def storage_key(tenant_id: UUID, deliverable_id: UUID, media_id: UUID, media_type: MediaType) -> str:
    return f"{tenant_id}/{deliverable_id}/{media_id}.{media_type.extension}"

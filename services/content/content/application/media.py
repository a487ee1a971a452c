"""Media uploads: checked by their content, stored once under their checksum's key, then recorded."""

from datetime import datetime
from uuid import UUID, uuid4

from content.application.deliverables import visible
from content.application.ports import BlobStore, UnitOfWork
from content.domain.access import Caller, acting_party
from content.domain.deliverables import OPEN_STATES
from content.domain.media import Media, check_upload, storage_key
from servicekit.errors import Conflict, NotFound


async def upload(
    uow: UnitOfWork,
    blobs: BlobStore,
    caller: Caller,
    deliverable_id: UUID,
    data: bytes,
    declared_type: str | None,
    sha256: str | None,
    now: datetime,
) -> Media:
    deliverable = await uow.deliverables.get(deliverable_id)
    if deliverable is None:
        raise NotFound("deliverable", deliverable_id)
    acting_party(caller, deliverable.tenant_id, deliverable.influencer_id, "deliverable", deliverable_id)
    if deliverable.state not in OPEN_STATES:
        raise Conflict(
            f"a {deliverable.state.value} deliverable takes no new media", current_state=deliverable.state.value
        )
    checked = check_upload(data, declared_type, sha256)
    media_id = uuid4()
    media = Media(
        id=media_id,
        tenant_id=deliverable.tenant_id,
        deliverable_id=deliverable.id,
        content_type=checked.media_type.content_type,
        kind=checked.media_type.kind,
        size=checked.size,
        sha256=checked.sha256,
        storage_key=storage_key(deliverable.tenant_id, deliverable.id, media_id, checked.media_type),
        uploaded_by=caller.user_id,
        uploaded_at=now,
    )
    # The bytes first: a row never names a missing file (a failed commit leaves an unnamed file).
    await blobs.put(media.storage_key, data, media.content_type)
    await uow.media.add(media)
    return media


async def get_media(uow: UnitOfWork, caller: Caller, media_id: UUID) -> Media:
    media = await uow.media.get(media_id)
    if media is None:
        raise NotFound("media", media_id)
    try:
        await visible(uow, caller, media.deliverable_id)
    except NotFound:
        raise NotFound("media", media_id) from None
    return media


async def media_bytes(uow: UnitOfWork, blobs: BlobStore, caller: Caller, media_id: UUID) -> tuple[Media, bytes]:
    media = await get_media(uow, caller, media_id)
    return media, await blobs.get(media.storage_key)

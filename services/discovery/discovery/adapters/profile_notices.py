"""Profile notices as `influencer.profiles.changed` events in the outbox: one event per catalogue
and per MAX_PROFILES profiles, keyed by the catalogue (so one profile's notices stay in order),
with the owning org as tenant (none for the shared catalogue, which belongs to no org).

An import tells of up to a chunk's profiles at a time: their payloads are built as plain JSON
values straight from what the chunk wrote, not through the contract's models (the tests check
that the events parse as the contract says)."""

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import groupby
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Envelope
from contracts.events.discovery import InfluencerProfilesChanged, InfluencerUpdated
from discovery.adapters.profile_rows import IDENTITY_AT
from discovery.adapters.tables import influencers
from discovery.domain.profile_notices import ProfileNotice
from discovery.domain.profiles import SHARED_CATALOGUE
from servicekit.db import Database
from servicekit.logs import correlation_id_var
from servicekit.outbox import Outbox

_ID, _PLATFORM, _HANDLE, _NAME, _UPDATED = IDENTITY_AT


def _org_of(catalogue_id: UUID) -> UUID | None:
    return None if catalogue_id == SHARED_CATALOGUE else catalogue_id


def _catalogue(notice: ProfileNotice) -> UUID:
    return notice.catalogue_id


def _dashed(hex_id: str) -> str:
    return f"{hex_id[:8]}-{hex_id[8:12]}-{hex_id[12:16]}-{hex_id[16:20]}-{hex_id[20:]}"


def _profile(influencer_id: str, org: str | None, platform: str, handle: str, name: str | None, at: datetime) -> Any:
    return {
        "influencer_id": influencer_id,
        "org_id": org,
        "platform": platform,
        "handle": handle,
        "display_name": name,
        "updated_at": at.isoformat(),
    }


def profile_events(
    outbox: Outbox,
    catalogue_id: UUID,
    profiles: Sequence[Any],
    event: type[InfluencerProfilesChanged | InfluencerUpdated] = InfluencerProfilesChanged,
) -> list[tuple[Envelope, str]]:
    """The events telling of these profiles (JSON values) of one catalogue: `influencer.profiles.changed`,
    or `influencer.updated` for the figures their posts give them."""
    org_id, key = _org_of(catalogue_id), str(catalogue_id)
    each = event.MAX_PROFILES
    return [
        (
            Envelope(
                id=uuid4(),
                type=event.event_type,
                version=event.event_version,
                source=outbox.source,
                time=datetime.now(UTC),
                tenant_id=org_id,
                subject=key,
                correlation_id=correlation_id_var.get(),
                data={"profiles": list(profiles[start : start + each])},
            ),
            key,
        )
        for start in range(0, len(profiles), each)
    ]


class OutboxProfileNotices:
    """Notices written in the unit of work's transaction: told if, and only if, it commits."""

    def __init__(self, session: AsyncSession, outbox: Outbox) -> None:
        self.session = session
        self.outbox = outbox

    async def announce(self, notices: Sequence[ProfileNotice]) -> None:
        events: list[tuple[Envelope, str]] = []
        for catalogue_id, in_catalogue in groupby(
            sorted(notices, key=lambda n: n.catalogue_id), lambda n: n.catalogue_id
        ):
            org = _org_of(catalogue_id)
            org_text = None if org is None else str(org)
            profiles = [
                _profile(str(n.influencer_id), org_text, n.platform, n.handle, n.display_name, n.updated_at)
                for n in in_catalogue
            ]
            events.extend(profile_events(self.outbox, catalogue_id, profiles))
        await self.outbox.add_envelopes(self.session, events)

    async def announce_records(self, catalogue_id: UUID, records: Sequence[tuple[Any, ...]]) -> None:
        """Tells of the profiles of these COPY records (see ChangeRows), all of one catalogue."""
        org = _org_of(catalogue_id)
        org_text = None if org is None else str(org)
        profiles = [
            _profile(_dashed(r[_ID]), org_text, r[_PLATFORM], r[_HANDLE], r[_NAME], r[_UPDATED]) for r in records
        ]
        await self.outbox.add_envelopes(self.session, profile_events(self.outbox, catalogue_id, profiles))


async def announce_every_profile(database: Database, outbox: Outbox, *, batch: int = 5000) -> int:
    """Tells of every stored profile again (for services that came after them, e.g. partnerships
    the first time it keeps them): `batch` profiles per transaction, in id order. Returns how many."""
    t = influencers
    columns = (t.c.id, t.c.catalogue_id, t.c.platform, t.c.handle, t.c.display_name, t.c.updated_at)
    after: UUID | None = None
    told = 0
    while True:
        async with database.session() as session:
            query = select(*columns).order_by(t.c.id).limit(batch)
            if after is not None:
                query = query.where(t.c.id > after)
            notices = [ProfileNotice(*row) for row in await session.execute(query)]
            await OutboxProfileNotices(session, outbox).announce(notices)
        if not notices:
            return told
        told += len(notices)
        after = notices[-1].influencer_id

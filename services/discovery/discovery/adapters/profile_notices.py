"""Profile notices as `influencer.profiles.changed` events in the outbox: one event per catalogue
and per MAX_PROFILES profiles, keyed by the catalogue (so one profile's notices stay in order),
with the owning org as tenant (none for the shared catalogue, which belongs to no org)."""

from collections.abc import Sequence
from itertools import groupby
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Envelope
from contracts.events.discovery import InfluencerProfile, InfluencerProfilesChanged
from discovery.adapters.tables import influencers
from discovery.domain.profile_notices import ProfileNotice
from discovery.domain.profiles import SHARED_CATALOGUE
from servicekit.db import Database
from servicekit.outbox import Outbox


def profile_events(outbox: Outbox, notices: Sequence[ProfileNotice]) -> list[tuple[Envelope, str]]:
    events: list[tuple[Envelope, str]] = []
    ordered = sorted(notices, key=lambda n: n.catalogue_id)
    for catalogue_id, in_catalogue in groupby(ordered, key=lambda n: n.catalogue_id):
        org_id = None if catalogue_id == SHARED_CATALOGUE else catalogue_id
        profiles = [
            # Built from values discovery checked when it stored them: no validation again.
            InfluencerProfile.model_construct(
                influencer_id=n.influencer_id,
                org_id=org_id,
                platform=n.platform,
                handle=n.handle,
                display_name=n.display_name,
                updated_at=n.updated_at,
            )
            for n in in_catalogue
        ]
        for start in range(0, len(profiles), InfluencerProfilesChanged.MAX_PROFILES):
            data = InfluencerProfilesChanged.model_construct(
                profiles=profiles[start : start + InfluencerProfilesChanged.MAX_PROFILES]
            )
            envelope = outbox.envelope(data, tenant_id=org_id, subject=catalogue_id)
            events.append((envelope, str(catalogue_id)))
    return events


class OutboxProfileNotices:
    """Notices written in the unit of work's transaction: told if, and only if, it commits."""

    def __init__(self, session: AsyncSession, outbox: Outbox) -> None:
        self.session = session
        self.outbox = outbox

    async def announce(self, notices: Sequence[ProfileNotice]) -> None:
        if notices:
            await self.outbox.add_envelopes(self.session, profile_events(self.outbox, notices))


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

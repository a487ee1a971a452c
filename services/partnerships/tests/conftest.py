"""Helpers for partnerships' tests."""

import uuid
from datetime import UTC, datetime

import httpx

from contracts import new_event
from contracts.events.discovery import InfluencerProfile, InfluencerProfilesChanged
from partnerships.adapters.event_handlers import event_handlers
from partnerships.adapters.tables import messaging
from servicekit.outbox import Outbox

HANDLERS = event_handlers(Outbox(messaging.outbox, source="partnerships", topic="partnerships.events"))


async def known_influencer(
    service: httpx.AsyncClient,
    influencer_id: uuid.UUID | None = None,
    *,
    org_id: uuid.UUID | None = None,
    handle: str = "ana",
    display_name: str | None = "Ana",
    updated_at: datetime | None = None,
) -> uuid.UUID:
    """What partnerships does when discovery tells of a profile (its handler, called directly):
    the shared catalogue's by default, else `org_id`'s private one."""
    influencer_id = influencer_id or uuid.uuid4()
    data = InfluencerProfilesChanged(
        profiles=[
            InfluencerProfile(
                influencer_id=influencer_id,
                org_id=org_id,
                platform="instagram",
                handle=handle,
                display_name=display_name,
                updated_at=updated_at or datetime.now(UTC),
            )
        ]
    )
    catalogue = org_id or uuid.UUID(int=0)
    envelope = new_event(data, source="discovery", tenant_id=org_id, subject=catalogue)
    handler = HANDLERS.get(data.event_type)
    assert handler is not None
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.database.session() as session:
        await handler(session, envelope, data)
    return influencer_id

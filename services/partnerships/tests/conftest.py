"""Helpers for partnerships' tests."""

import uuid
from datetime import UTC, datetime

import httpx

from contracts.events.discovery import InfluencerProfile, InfluencerProfilesChanged
from servicekit.testing import deliver


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
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    await deliver(runtime, data, tenant_id=org_id, subject=org_id or uuid.UUID(int=0))
    return influencer_id

"""Events produced by discovery (topic discovery.events, key = campaign id)."""

from uuid import UUID

from pydantic import Field

from contracts.events.base import EventData


class ShortlistAdded(EventData):
    event_type = "shortlist.added"
    producer = "discovery"

    campaign_id: UUID
    influencer_id: UUID
    platform: str
    handle: str
    display_name: str | None = None
    followers: int | None = Field(default=None, ge=0)
    note: str | None = None
    added_by: UUID | None = None


class ShortlistRemoved(EventData):
    event_type = "shortlist.removed"
    producer = "discovery"

    campaign_id: UUID
    influencer_id: UUID
    removed_by: UUID | None = None


EVENTS: tuple[type[EventData], ...] = (ShortlistAdded, ShortlistRemoved)

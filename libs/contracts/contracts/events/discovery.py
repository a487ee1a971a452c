"""Events produced by discovery (topic discovery.events; key = campaign id for shortlist events,
catalogue id for profile events)."""

from datetime import datetime
from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

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


class InfluencerProfile(BaseModel):
    """Who an influencer is and who may see the profile: what other services need to name one."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    influencer_id: UUID
    org_id: UUID | None = Field(description="The org whose private profile this is; null: the shared catalogue")
    platform: str
    handle: str
    display_name: str | None = None
    updated_at: datetime = Field(description="The profile's version: a later change has a later time")


class InfluencerProfilesChanged(EventData):
    """Profiles were created, or changed who they are (platform, handle, name), in one catalogue:
    one event per profile added or edited by hand, one per part of an import's chunk."""

    event_type = "influencer.profiles.changed"
    producer = "discovery"
    kafka_key = "catalogue id (the owning org's id; the nil UUID for the shared catalogue)"
    # A Kafka message stays far under its 1 MB default with this many profiles of the longest names.
    MAX_PROFILES: ClassVar[int] = 500

    profiles: list[InfluencerProfile] = Field(min_length=1, max_length=500)


class InfluencerPostsImported(EventData):
    """A posts import finished: what it read, stored and rejected, and whose posts it changed. One
    event per job, told with the job's end (its org as tenant; none for the shared catalogue)."""

    event_type = "influencer.posts.imported"
    producer = "discovery"
    kafka_key = "catalogue id (the owning org's id; the nil UUID for the shared catalogue)"
    MAX_INFLUENCERS: ClassVar[int] = 1000

    job_id: UUID
    org_id: UUID | None = Field(description="The org whose posts these are; null: the shared catalogue")
    state: str = Field(description="succeeded or failed (a failed job keeps the chunks it stored)")
    posts_read: int = Field(ge=0)
    posts_created: int = Field(ge=0)
    posts_updated: int = Field(ge=0)
    posts_unchanged: int = Field(ge=0)
    posts_rejected: int = Field(ge=0)
    profiles_touched: int = Field(ge=0, description="Profiles with a post created or changed by the job")
    influencer_ids: list[UUID] = Field(
        max_length=1000, description="Those profiles, the first 1000 by id (profiles_touched counts them all)"
    )


class ContentQualitySummary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    score: int = Field(ge=0, le=100, description="0-100 from the profile's own posts; 50: nothing assessed")
    assessed: int = Field(ge=0, description="Signals its posts showed")
    of: int = Field(ge=0, description="Signals the score reads")
    missing: list[str] = Field(description="The signals not assessed (each counted as neutral)")


class InfluencerScores(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    influencer_id: UUID
    org_id: UUID | None = Field(description="The org whose private profile this is; null: the shared catalogue")
    content_quality: ContentQualitySummary
    assessed_at: datetime = Field(description="When the posts were read: a later figure has a later time")


class InfluencerUpdated(EventData):
    """Profiles' figures derived from their posts changed (after a posts import), in one catalogue:
    one event per MAX_PROFILES profiles."""

    event_type = "influencer.updated"
    producer = "discovery"
    kafka_key = "catalogue id (the owning org's id; the nil UUID for the shared catalogue)"
    MAX_PROFILES: ClassVar[int] = 500

    profiles: list[InfluencerScores] = Field(min_length=1, max_length=500)


EVENTS: tuple[type[EventData], ...] = (
    ShortlistAdded,
    ShortlistRemoved,
    InfluencerProfilesChanged,
    InfluencerPostsImported,
    InfluencerUpdated,
)

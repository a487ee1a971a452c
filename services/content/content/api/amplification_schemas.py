"""Amplifications and assets on the wire."""

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field, field_validator

from content.api.deliverable_schemas import MediaItemPublic, PlatformName
from content.domain.amplifications import AmplificationState
from content.domain.assets import AssetStatus
from contracts import AmplificationKind, Money
from servicekit.schemas import MoneyIn, RequestModel


class AmplificationBody(RequestModel):
    kind: AmplificationKind
    platform: PlatformName = Field(description="Where it runs: a paid boost on the post's own platform")
    spend: MoneyIn = Field(description="In the campaign's currency; 0 only for a repost that costs nothing")
    starts_on: date
    ends_on: date

    @field_validator("ends_on")
    @classmethod
    def _after_start(cls, ends_on: date, info: object) -> date:
        starts_on = getattr(info, "data", {}).get("starts_on")
        if starts_on is not None and ends_on < starts_on:
            raise ValueError("on or after starts_on")
        return ends_on


class AmplificationPublic(BaseModel):
    id: UUID
    deliverable_id: UUID
    campaign_id: UUID
    post_id: UUID | None
    kind: AmplificationKind
    platform: str
    spend: Money
    starts_on: date
    ends_on: date
    state: AmplificationState = Field(
        description="requested, then funded (or refused) by partnerships from the budget; running, then done"
    )
    requested_at: datetime
    requested_by: UUID | None
    decided_at: datetime | None
    refusal_reason: str | None


class UsageRightsPublic(BaseModel):
    channels: list[str]
    duration_days: int


class AssetPublic(BaseModel):
    id: UUID
    deliverable_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    submission_id: UUID
    caption: str
    platform: str
    format: str
    media: list[MediaItemPublic]
    post_url: str | None
    usage_rights: UsageRightsPublic | None
    rights_from: datetime = Field(description="Publication, or approval until it is published")
    expires_at: datetime | None
    status: AssetStatus = Field(description="usable; expired; no_rights (the terms gave none)")
    approved_at: datetime

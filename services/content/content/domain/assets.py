"""The asset library: approved content the brand may reuse, under the usage rights of the signed
terms. The rights run from publication (until then from approval) for their duration; an asset
whose rights expired, or whose terms gave none, is listed as such and is never "usable"."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID, uuid5

from content.domain.deliverables import UsageRights
from content.domain.submissions import MediaRef


class AssetStatus(StrEnum):
    USABLE = "usable"
    EXPIRED = "expired"
    NO_RIGHTS = "no_rights"


@dataclass
class Asset:
    id: UUID
    tenant_id: UUID
    deliverable_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    submission_id: UUID
    caption: str
    platform: str
    format: str
    media: tuple[MediaRef, ...]
    usage_rights: UsageRights | None
    approved_at: datetime
    rights_from: datetime
    post_url: str | None = None

    @property
    def expires_at(self) -> datetime | None:
        if self.usage_rights is None:
            return None
        return self.rights_from + timedelta(days=self.usage_rights.duration_days)

    def status(self, now: datetime) -> AssetStatus:
        if self.usage_rights is None or not self.usage_rights.channels:
            return AssetStatus.NO_RIGHTS
        expires_at = self.expires_at
        return AssetStatus.EXPIRED if expires_at is not None and now >= expires_at else AssetStatus.USABLE

    def published(self, at: datetime, url: str) -> None:
        self.rights_from, self.post_url = at, url


def asset_id(deliverable_id: UUID) -> UUID:
    """One asset per deliverable: its approved version."""
    return uuid5(deliverable_id, "asset")

"""Shortlists: the influencers a brand considers for one of its campaigns. Partnerships learns of
each change from `shortlist.added` / `shortlist.removed` (key = campaign id)."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class CampaignState(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def accepts_shortlist_changes(self) -> bool:
        return self in (CampaignState.DRAFT, CampaignState.ACTIVE)


@dataclass(frozen=True)
class Campaign:
    """What discovery knows of a campaign, from partnerships' events: whose it is and its state."""

    id: UUID
    tenant_id: UUID
    name: str
    state: CampaignState


@dataclass(frozen=True)
class ShortlistEntry:
    campaign_id: UUID
    influencer_id: UUID
    tenant_id: UUID
    note: str | None
    added_by: UUID | None
    added_at: datetime

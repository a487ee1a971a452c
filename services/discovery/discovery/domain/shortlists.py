"""Shortlists: the influencers a brand considers for one of its campaigns. Partnerships learns of
each change from `shortlist.added` / `shortlist.removed` (key = campaign id)."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from contracts import CampaignState

# A shortlist changes while its campaign is being prepared or runs; after that it is a record.
OPEN_FOR_SHORTLISTS = frozenset({CampaignState.DRAFT, CampaignState.ACTIVE})


@dataclass(frozen=True)
class ShortlistEntry:
    campaign_id: UUID
    influencer_id: UUID
    tenant_id: UUID
    note: str | None
    added_by: UUID | None
    added_at: datetime

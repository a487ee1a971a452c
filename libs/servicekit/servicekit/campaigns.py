"""What a service knows of a campaign from partnerships' events, and the one rule that folds each
event in, whatever order the events arrive in (no I/O here: the table and its repository are in
servicekit.campaign_directory).

Events of one campaign share its Kafka key and so arrive in order, but not always: a record
retried from the dead-letter topic, a resend without the idempotent producer, or a campaign
launched before the consumer saw it created. So:

- the state only moves forward in the campaign's life (draft, active, then completed or
  cancelled): an event that would take it back changes nothing, whatever its time, so no clock
  can undo a launch or a cancellation;
- the details (name, objective, budget, dates) are those of the newest event that carries them,
  by the envelope's time (partnerships stamps it inside the transaction that changed the
  campaign, holding its row lock); an older one arriving late changes nothing;
- a state change before the campaign's created event is kept, with no details until they come;
- an event of another org for a campaign already known changes nothing.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from contracts import CampaignState, Money, Objective

_STAGE = {
    CampaignState.DRAFT: 0,
    CampaignState.ACTIVE: 1,
    CampaignState.COMPLETED: 2,
    CampaignState.CANCELLED: 2,
}


@dataclass(frozen=True)
class CampaignDetails:
    name: str
    objective: Objective
    budget: Money | None
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True)
class CampaignNews:
    """What one campaign event tells."""

    campaign_id: UUID
    tenant_id: UUID
    at: datetime
    state: CampaignState
    details: CampaignDetails | None = None
    created: bool = False


@dataclass(frozen=True)
class KnownCampaign:
    id: UUID
    tenant_id: UUID
    state: CampaignState
    # None until an event that carries them (campaign.created or .updated) arrives.
    name: str | None
    objective: Objective | None
    budget: Money | None
    starts_on: date | None
    ends_on: date | None
    # When the campaign.created event says it was created; None until it arrives.
    created_at: datetime | None
    # The time of the newest event folded in, and of the one the details are from.
    updated_at: datetime
    details_at: datetime | None

    @property
    def is_open(self) -> bool:
        """Being prepared or running: not over."""
        return self.state in (CampaignState.DRAFT, CampaignState.ACTIVE)


def _with_details(known: KnownCampaign, details: CampaignDetails, at: datetime) -> KnownCampaign:
    return replace(
        known,
        name=details.name,
        objective=details.objective,
        budget=details.budget,
        starts_on=details.starts_on,
        ends_on=details.ends_on,
        details_at=at,
    )


def fold_campaign(known: KnownCampaign | None, news: CampaignNews) -> KnownCampaign:
    """The campaign as known after this event."""
    if known is None:
        known = KnownCampaign(
            id=news.campaign_id,
            tenant_id=news.tenant_id,
            state=news.state,
            name=None,
            objective=None,
            budget=None,
            starts_on=None,
            ends_on=None,
            created_at=None,
            updated_at=news.at,
            details_at=None,
        )
    elif known.tenant_id != news.tenant_id:
        return known
    if _STAGE[news.state] > _STAGE[known.state]:
        known = replace(known, state=news.state)
    if news.details is not None and (known.details_at is None or news.at > known.details_at):
        known = _with_details(known, news.details, news.at)
    if news.created and known.created_at is None:
        known = replace(known, created_at=news.at)
    if news.at > known.updated_at:
        known = replace(known, updated_at=news.at)
    return known

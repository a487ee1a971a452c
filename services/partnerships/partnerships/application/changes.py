"""One change to a partnership: the locked campaign and partnership, who acts, and the unit of
work of the brand's tenant; what every change saves and what every event of it carries."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from contracts import EventData
from contracts.events import partnerships as events
from partnerships.application.ports import UnitOfWork
from partnerships.domain.access import Caller, actor_for, party_for
from partnerships.domain.budget import Posting, Purse
from partnerships.domain.campaigns import Campaign
from partnerships.domain.negotiation import Party
from partnerships.domain.partnerships import Actor, Partnership
from partnerships.domain.terms import Terms, check_terms
from servicekit.errors import NotFound


def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Change:
    """One locked partnership being changed, with its campaign and the unit of work of its tenant."""

    uow: UnitOfWork
    campaign: Campaign
    partnership: Partnership
    actor: Actor
    now: datetime

    def purse(self) -> Purse:
        return Purse(
            self.campaign.budget_view(), self.campaign.allocation, self.partnership.allocation, self.partnership.id
        )

    async def record(self, data: EventData) -> None:
        await self.uow.events.record(data, subject=self.partnership.id, key=self.campaign.id)

    def fields(self, actor: Actor | None = None) -> dict[str, object]:
        """What every partnership event carries."""
        who = actor or self.actor
        return {
            "partnership_id": self.partnership.id,
            "campaign_id": self.campaign.id,
            "influencer_id": self.partnership.influencer_id,
            "terms_version": self.partnership.terms_version,
            "actor": who.party.value,
            "actor_user_id": who.user_id,
        }

    async def save(self, postings: Sequence[Posting] = (), *, new: bool = False) -> None:
        if postings:
            await self.uow.ledger.record(self.campaign.id, postings, self.now)
            await self.uow.campaigns.save(self.campaign)
        if new:
            await self.uow.partnerships.add(self.partnership)
        else:
            await self.uow.partnerships.save(self.partnership)


async def visible(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> tuple[Partnership, Party]:
    """The partnership and the caller's side of it; NotFound when the caller may not see it."""
    partnership = await uow.partnerships.get(partnership_id)
    if partnership is None:
        raise NotFound("partnership", partnership_id)
    return partnership, party_for(caller, partnership)


async def lock(uow: UnitOfWork, partnership_id: UUID) -> tuple[Campaign, Partnership]:
    """Locks the campaign, then the partnership: the one order every change takes locks in."""
    campaign = await uow.campaigns.lock_of_partnership(partnership_id)
    partnership = await uow.partnerships.get(partnership_id, for_update=True)
    if campaign is None or partnership is None:
        raise NotFound("partnership", partnership_id)
    return campaign, partnership


async def change_by(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> Change:
    """The caller's change to a partnership, locked; NotFound or PermissionDenied when it may not."""
    campaign, partnership = await lock(uow, partnership_id)
    actor = actor_for(caller, partnership)
    return Change(uow.scoped_to(partnership.tenant_id), campaign, partnership, actor, now())


def check_for_campaign(terms: Terms, campaign: Campaign) -> None:
    check_terms(
        terms,
        currency=campaign.budget.currency if campaign.budget else None,
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
    )


def offer_fields(terms: Terms) -> dict[str, object]:
    """What the events of an offer (proposed, countered, signed) tell of its terms."""
    return {
        "collaboration_type": terms.collaboration_type.value,
        "fee": terms.budgeted,
        "fee_kind": terms.fee.kind.value,
        "commission_rate_bps": terms.fee.rate_bps,
        "deliverables": [
            events.Deliverable(type=d.type, platform=d.platform, count=d.count, due_on=d.due_on)
            for d in terms.deliverables
        ],
    }

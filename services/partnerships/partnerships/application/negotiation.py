"""What brands and creators do while they negotiate a partnership, each step with its effect on
the campaign budget, its ledger postings and the events that tell of it; and what they read.

Money: a brand's offer (proposal, counter, or signing the creator's counter) reserves its fee
against the campaign budget, and a creator's counter-offer moves no brand money until the brand
agrees to it; signing by both commits the reservation; declining and withdrawing release it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from contracts import Money
from contracts.events import partnerships as events
from partnerships.application.changes import (
    Change,
    change_by,
    check_for_campaign,
    now,
    offer_fields,
    visible,
)
from partnerships.application.lifecycle import activate
from partnerships.application.payments import pay_due
from partnerships.application.ports import Cursor, UnitOfWork
from partnerships.domain.access import Caller, visibility
from partnerships.domain.budget import Posting
from partnerships.domain.campaigns import CampaignState
from partnerships.domain.influencers import addressed, proposable
from partnerships.domain.negotiation import Action, PartnershipState, Party
from partnerships.domain.partnerships import (
    Actor,
    HistoryEntry,
    InfluencerProfile,
    Origin,
    Partnership,
    TermsVersion,
)
from partnerships.domain.payments import PayoutReason
from partnerships.domain.terms import MilestoneTrigger, Terms
from servicekit.errors import Conflict, InvalidField, NotFound


async def create_partnership(
    uow: UnitOfWork,
    caller: Caller,
    campaign_id: UUID,
    *,
    influencer_id: UUID,
    influencer: InfluencerProfile,
    terms: Terms | None,
    propose: bool,
) -> Partnership:
    """A brand offers a partnership to an influencer (or keeps it as a draft to finish later): one
    discovery told partnerships of, whose profile the brand may see."""
    actor = Actor(Party.BRAND, caller.user_id)
    campaign = await uow.campaigns.get(campaign_id, for_update=True)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    if not campaign.is_open:
        raise Conflict(f"a {campaign.state} campaign takes no new partnerships", current_state=campaign.state.value)
    known = proposable(await uow.influencers.get(influencer_id), campaign.tenant_id)
    existing = await uow.partnerships.open_for(campaign_id, influencer_id)
    if existing is not None:
        raise Conflict(
            "this influencer already has an open partnership in this campaign",
            partnership_id=str(existing.id),
            current_state=existing.state.value,
        )
    if propose and terms is None:
        raise InvalidField("terms", "a proposal needs its terms (or send propose: false for a draft)")
    if terms is not None:
        check_for_campaign(terms, campaign)
    at = now()
    partnership = Partnership.start(
        tenant_id=campaign.tenant_id,
        campaign_id=campaign.id,
        influencer_id=influencer_id,
        influencer=addressed(known, influencer),
        origin=Origin.API,
        actor=actor,
        now=at,
        terms=terms,
    )
    change = Change(uow, campaign, partnership, actor, at)
    if propose:
        await _propose(change, None, new=True)
    else:
        await change.save(new=True)
        await change.record(
            events.PartnershipDrafted(
                partnership_id=partnership.id,
                campaign_id=campaign.id,
                influencer_id=influencer_id,
                origin=Origin.API.value,
                actor=actor.party.value,
                actor_user_id=actor.user_id,
            )
        )
    return partnership


async def propose(uow: UnitOfWork, caller: Caller, partnership_id: UUID, terms: Terms | None) -> Partnership:
    """A brand offers a draft (with its terms, or new ones)."""
    change = await change_by(uow, caller, partnership_id)
    await _propose(change, terms)
    return change.partnership


async def _propose(change: Change, terms: Terms | None, *, new: bool = False) -> None:
    partnership = change.partnership
    partnership.apply(Action.PROPOSE, change.actor, now=change.now, terms=terms)
    assert partnership.terms is not None
    check_for_campaign(partnership.terms, change.campaign)
    postings = change.purse().reserve_exactly(partnership.terms.budgeted_minor)
    await change.save(postings, new=new)
    assert partnership.current is not None
    await change.record(
        events.PartnershipProposed(
            **change.fields(), **offer_fields(partnership.terms), terms_hash=partnership.current.terms_hash
        )
    )


async def counter(
    uow: UnitOfWork,
    caller: Caller,
    partnership_id: UUID,
    terms: Terms,
    *,
    expected_version: int | None = None,
    note: str | None = None,
) -> Partnership:
    """Either side answers an offer with new terms (a new version)."""
    change = await change_by(uow, caller, partnership_id)
    partnership = change.partnership
    partnership.apply(
        Action.COUNTER, change.actor, now=change.now, terms=terms, expected_version=expected_version, note=note
    )
    check_for_campaign(terms, change.campaign)
    postings: list[Posting] = []
    if change.actor.party is Party.BRAND:
        postings = change.purse().reserve_exactly(terms.budgeted_minor)
    await change.save(postings)
    assert partnership.current is not None
    await change.record(
        events.PartnershipCountered(**change.fields(), **offer_fields(terms), terms_hash=partnership.current.terms_hash)
    )
    return partnership


async def accept(uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, expected_version: int) -> Partnership:
    """The creator accepts the brand's current offer."""
    change = await change_by(uow, caller, partnership_id)
    change.partnership.apply(Action.ACCEPT, change.actor, now=change.now, expected_version=expected_version)
    await change.save()
    await change.record(events.PartnershipAccepted(**change.fields()))
    return change.partnership


async def sign(
    uow: UnitOfWork,
    caller: Caller,
    partnership_id: UUID,
    *,
    expected_version: int,
    expected_hash: str | None = None,
) -> Partnership:
    """Either side signs the current terms version; both signatures make the contract."""
    change = await change_by(uow, caller, partnership_id)
    partnership = change.partnership
    before = partnership.state
    after = partnership.apply(
        Action.SIGN, change.actor, now=change.now, expected_version=expected_version, expected_hash=expected_hash
    )
    assert partnership.current is not None
    assert partnership.terms is not None
    postings: list[Posting] = []
    purse = change.purse()
    if before is not PartnershipState.ACCEPTED and change.actor.party is Party.BRAND:
        # The brand signs the creator's counter-offer: its fee is now the brand's offer.
        postings += purse.reserve_exactly(partnership.terms.budgeted_minor)
    if before is not PartnershipState.ACCEPTED:
        await change.record(events.PartnershipAccepted(**change.fields()))
    if after is PartnershipState.SIGNED:
        postings += purse.commit_reservation()
        await change.record(_signed_event(change))
        paid, _ = await pay_due(change, purse, {MilestoneTrigger.ON_SIGNING}, PayoutReason.MILESTONE_REACHED)
        await change.save(postings + paid)
        if change.campaign.state is CampaignState.ACTIVE:
            await activate(change)
    else:
        await change.save(postings)
        await change.record(
            events.PartnershipSignatureRecorded(**change.fields(), terms_hash=partnership.current.terms_hash)
        )
    return partnership


def _signed_event(change: Change) -> events.PartnershipSigned:
    partnership = change.partnership
    assert partnership.current is not None
    terms = partnership.current.terms
    amounts = terms.milestone_amounts()
    return events.PartnershipSigned(
        **change.fields(),
        **offer_fields(terms),
        terms_hash=partnership.current.terms_hash,
        usage_rights=(
            events.UsageRights(
                channels=list(terms.usage_rights.channels), duration_days=terms.usage_rights.duration_days
            )
            if terms.usage_rights
            else None
        ),
        exclusivity=(
            events.Exclusivity(
                categories=list(terms.exclusivity.categories), duration_days=terms.exclusivity.duration_days
            )
            if terms.exclusivity
            else None
        ),
        payment_schedule=[
            events.PaymentMilestone(
                trigger=m.trigger.value, amount=Money(amount_minor=amounts[m.trigger], currency=terms.fee.currency)
            )
            for m in terms.payment_schedule
        ],
        signed_at=partnership.signed_at,
    )


async def decline(uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, reason: str | None) -> Partnership:
    """The creator turns the partnership down; the brand's reservation is released."""
    return await _end_negotiation(uow, caller, partnership_id, Action.DECLINE, reason)


async def withdraw(uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, reason: str | None) -> Partnership:
    """The brand takes its offer back; its reservation is released."""
    return await _end_negotiation(uow, caller, partnership_id, Action.WITHDRAW, reason)


async def _end_negotiation(
    uow: UnitOfWork, caller: Caller, partnership_id: UUID, action: Action, reason: str | None
) -> Partnership:
    change = await change_by(uow, caller, partnership_id)
    change.partnership.apply(action, change.actor, now=change.now, note=reason)
    await change.save(change.purse().release_reservation())
    event_type = events.PartnershipDeclined if action is Action.DECLINE else events.PartnershipWithdrawn
    await change.record(event_type(**change.fields(), reason=reason))
    return change.partnership


@dataclass(frozen=True)
class PartnershipDetails:
    partnership: Partnership
    party: Party
    versions: Sequence[TermsVersion]
    history: Sequence[HistoryEntry]


async def get_partnership(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> PartnershipDetails:
    partnership, party = await visible(uow, caller, partnership_id)
    return PartnershipDetails(
        partnership=partnership,
        party=party,
        versions=await uow.partnerships.versions(partnership_id),
        history=await uow.partnerships.history(partnership_id),
    )


async def list_partnerships(
    uow: UnitOfWork,
    caller: Caller,
    *,
    limit: int,
    after: Cursor | None,
    campaign_id: UUID | None = None,
    state: PartnershipState | None = None,
) -> Sequence[Partnership]:
    if campaign_id is not None and await uow.campaigns.get(campaign_id) is None:
        raise NotFound("campaign", campaign_id)
    return await uow.partnerships.list(
        visibility(caller), limit=limit, after=after, campaign_id=campaign_id, state=state
    )

"""What brands, creators and the system do with partnerships: each step of the negotiation with
its effect on the campaign budget, its ledger postings and the events that tell of it.

Money rules: a brand's offer (proposal, counter, or signing the creator's counter) reserves its
fee against the campaign budget, and a creator's counter-offer moves no brand money until the brand
agrees to it; signing by both commits the reservation; declining, withdrawing and cancelling a
negotiation release it; cancelling a contract releases what it had not paid yet.

Locks: the campaign row first, then the partnership row, on every path, so that no two changes
can deadlock.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from contracts import EventData, Money
from contracts.events import partnerships as events
from partnerships.domain.access import Caller, actor_for, party_for, visibility
from partnerships.domain.budget import Posting, Purse
from partnerships.domain.campaigns import Campaign, CampaignState
from partnerships.domain.influencers import addressed, proposable
from partnerships.domain.negotiation import (
    CONTRACT_STATES,
    Action,
    PartnershipState,
    Party,
)
from partnerships.domain.partnerships import (
    SYSTEM,
    Actor,
    HistoryEntry,
    InfluencerProfile,
    Origin,
    Partnership,
    TermsVersion,
)
from partnerships.domain.payments import (
    DeliverableStage,
    MilestoneLine,
    Payout,
    PayoutReason,
    due_milestones,
    milestone_lines,
    reached_milestones,
)
from partnerships.domain.ports import Cursor, UnitOfWork
from partnerships.domain.terms import MilestoneTrigger, Terms, check_terms
from servicekit.errors import Conflict, InvalidField, NotFound


def _now() -> datetime:
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


async def _visible(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> tuple[Partnership, Party]:
    partnership = await uow.partnerships.get(partnership_id)
    if partnership is None:
        raise NotFound("partnership", partnership_id)
    return partnership, party_for(caller, partnership)


async def _lock(uow: UnitOfWork, partnership_id: UUID) -> tuple[Campaign, Partnership]:
    """Locks the campaign, then the partnership: the one order every change takes locks in."""
    campaign = await uow.campaigns.lock_of_partnership(partnership_id)
    partnership = await uow.partnerships.get(partnership_id, for_update=True)
    if campaign is None or partnership is None:
        raise NotFound("partnership", partnership_id)
    return campaign, partnership


async def _change(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> Change:
    campaign, partnership = await _lock(uow, partnership_id)
    actor = actor_for(caller, partnership)
    return Change(uow.scoped_to(partnership.tenant_id), campaign, partnership, actor, _now())


def _check(terms: Terms, campaign: Campaign) -> None:
    check_terms(
        terms,
        currency=campaign.budget.currency if campaign.budget else None,
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
    )


def _offer_fields(terms: Terms) -> dict[str, object]:
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


# ---- creating and proposing


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
        _check(terms, campaign)
    now = _now()
    partnership = Partnership.start(
        tenant_id=campaign.tenant_id,
        campaign_id=campaign.id,
        influencer_id=influencer_id,
        influencer=addressed(known, influencer),
        origin=Origin.API,
        actor=actor,
        now=now,
        terms=terms,
    )
    change = Change(uow, campaign, partnership, actor, now)
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
    change = await _change(uow, caller, partnership_id)
    await _propose(change, terms)
    return change.partnership


async def _propose(change: Change, terms: Terms | None, *, new: bool = False) -> None:
    partnership = change.partnership
    partnership.apply(Action.PROPOSE, change.actor, now=change.now, terms=terms)
    assert partnership.terms is not None
    _check(partnership.terms, change.campaign)
    postings = change.purse().reserve_exactly(partnership.terms.budgeted_minor)
    await change.save(postings, new=new)
    assert partnership.current is not None
    await change.record(
        events.PartnershipProposed(
            **change.fields(), **_offer_fields(partnership.terms), terms_hash=partnership.current.terms_hash
        )
    )


# ---- negotiating


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
    change = await _change(uow, caller, partnership_id)
    partnership = change.partnership
    partnership.apply(
        Action.COUNTER, change.actor, now=change.now, terms=terms, expected_version=expected_version, note=note
    )
    _check(terms, change.campaign)
    postings: list[Posting] = []
    if change.actor.party is Party.BRAND:
        postings = change.purse().reserve_exactly(terms.budgeted_minor)
    await change.save(postings)
    assert partnership.current is not None
    await change.record(
        events.PartnershipCountered(
            **change.fields(), **_offer_fields(terms), terms_hash=partnership.current.terms_hash
        )
    )
    return partnership


async def accept(uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, expected_version: int) -> Partnership:
    """The creator accepts the brand's current offer."""
    change = await _change(uow, caller, partnership_id)
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
    change = await _change(uow, caller, partnership_id)
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
        paid, _ = await _pay_due(change, purse, {MilestoneTrigger.ON_SIGNING}, PayoutReason.MILESTONE_REACHED)
        await change.save(postings + paid)
        if change.campaign.state is CampaignState.ACTIVE:
            await _activate(change)
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
        **_offer_fields(terms),
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
    change = await _change(uow, caller, partnership_id)
    change.partnership.apply(action, change.actor, now=change.now, note=reason)
    await change.save(change.purse().release_reservation())
    event_type = events.PartnershipDeclined if action is Action.DECLINE else events.PartnershipWithdrawn
    await change.record(event_type(**change.fields(), reason=reason))
    return change.partnership


# ---- the contract


async def _activate(change: Change) -> None:
    change.partnership.apply(Action.ACTIVATE, SYSTEM, now=change.now)
    await change.save()
    await change.record(events.PartnershipActivated(**change.fields(SYSTEM)))


async def complete(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> Partnership:
    """The brand confirms the work is done: what is still owed is paid."""
    change = await _change(uow, caller, partnership_id)
    await _complete(change)
    return change.partnership


async def _complete(change: Change) -> None:
    change.partnership.apply(Action.COMPLETE, change.actor, now=change.now)
    purse = change.purse()
    postings, _ = await _pay_due(change, purse, set(MilestoneTrigger), PayoutReason.PARTNERSHIP_COMPLETED)
    # Whatever no milestone pays (a commission's cap) goes back to the budget.
    postings += purse.release_commitment()
    await change.save(postings)
    await change.record(events.PartnershipCompleted(**change.fields()))


async def cancel(uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, reason: str | None) -> Partnership:
    """The brand discards a draft or ends a contract; what was not paid goes back to the budget."""
    change = await _change(uow, caller, partnership_id)
    await _cancel(change, reason)
    return change.partnership


async def _cancel(change: Change, reason: str | None) -> None:
    change.partnership.apply(Action.CANCEL, change.actor, now=change.now, note=reason)
    purse = change.purse()
    postings = purse.release_reservation() + purse.release_commitment()
    await change.save(postings)
    await change.record(events.PartnershipCancelled(**change.fields(), reason=reason))


async def _pay_due(
    change: Change,
    purse: Purse,
    reached: set[MilestoneTrigger],
    reason: PayoutReason,
    trigger_event_id: UUID | None = None,
) -> tuple[list[Posting], list[Payout]]:
    """Pays the reached milestones not paid yet (each at most once), recording each payout."""
    partnership = change.partnership
    assert partnership.terms is not None
    paid = await change.uow.payouts.for_partnership(partnership.id)
    postings: list[Posting] = []
    payouts: list[Payout] = []
    for trigger, amount in due_milestones(partnership.terms, reached, [p.milestone for p in paid]):
        postings += purse.pay(amount)
        payout = Payout(
            id=uuid4(),
            partnership_id=partnership.id,
            campaign_id=change.campaign.id,
            tenant_id=partnership.tenant_id,
            influencer_id=partnership.influencer_id,
            milestone=trigger,
            amount=Money(amount_minor=amount, currency=partnership.terms.fee.currency),
            paid_at=change.now,
            reason=reason,
            trigger_event_id=trigger_event_id,
        )
        await change.uow.payouts.add(payout)
        payouts.append(payout)
        await change.record(
            events.PaymentRecorded(
                payment_id=payout.id,
                partnership_id=partnership.id,
                campaign_id=change.campaign.id,
                influencer_id=partnership.influencer_id,
                milestone=trigger.value,
                amount=payout.amount,
                paid_at=payout.paid_at,
                reason=reason.value,
                trigger_event_id=trigger_event_id,
            )
        )
    return postings, payouts


# ---- what the campaign and other services' events do to partnerships


async def activate_signed(uow: UnitOfWork, campaign: Campaign, now: datetime) -> None:
    """The campaign went live: its signed contracts start running."""
    for partnership in await uow.partnerships.list_open(campaign.id, for_update=True):
        if partnership.state is PartnershipState.SIGNED:
            await _activate(Change(uow, campaign, partnership, SYSTEM, now))


async def close_all(uow: UnitOfWork, campaign: Campaign, now: datetime, *, completed: bool) -> None:
    """The campaign ended. Negotiations and drafts are cancelled; running contracts complete with
    the campaign (and are paid what they are owed) or, when it is cancelled, are cancelled too."""
    reason = f"the campaign was {'completed' if completed else 'cancelled'}"
    for partnership in await uow.partnerships.list_open(campaign.id, for_update=True):
        change = Change(uow, campaign, partnership, SYSTEM, now)
        if completed and partnership.state is PartnershipState.ACTIVE:
            await _complete(change)
        else:
            await _cancel(change, reason)


async def draft_from_shortlist(
    uow: UnitOfWork, *, campaign_id: UUID, influencer_id: UUID, influencer: InfluencerProfile
) -> Partnership | None:
    """A shortlisted influencer gets a draft the brand can complete and propose. None when the
    campaign is not this tenant's or is over, or the influencer already has an open partnership."""
    campaign = await uow.campaigns.get(campaign_id, for_update=True)
    if campaign is None or not campaign.is_open:
        return None
    if await uow.partnerships.open_for(campaign_id, influencer_id) is not None:
        return None
    now = _now()
    partnership = Partnership.start(
        tenant_id=campaign.tenant_id,
        campaign_id=campaign.id,
        influencer_id=influencer_id,
        influencer=influencer,
        origin=Origin.SHORTLIST,
        actor=SYSTEM,
        now=now,
    )
    await uow.partnerships.add(partnership)
    await uow.events.record(
        events.PartnershipDrafted(
            partnership_id=partnership.id,
            campaign_id=campaign.id,
            influencer_id=influencer_id,
            origin=Origin.SHORTLIST.value,
            actor=Party.SYSTEM.value,
        ),
        subject=partnership.id,
        key=campaign.id,
    )
    return partnership


async def discard_shortlist_draft(uow: UnitOfWork, *, campaign_id: UUID, influencer_id: UUID) -> bool:
    """Taken off the shortlist: its draft goes too, unless the brand has already reached out."""
    campaign = await uow.campaigns.get(campaign_id, for_update=True)
    if campaign is None:
        return False
    found = await uow.partnerships.open_for(campaign_id, influencer_id)
    if (
        found is None
        or found.state is not PartnershipState.DRAFT
        or found.origin is not Origin.SHORTLIST
        or found.contacted_at is not None
    ):
        return False
    locked = await uow.partnerships.get(found.id, for_update=True)
    assert locked is not None
    await _cancel(Change(uow, campaign, locked, SYSTEM, _now()), "removed from the shortlist")
    return True


async def record_deliverable_progress(
    uow: UnitOfWork,
    *,
    tenant_id: UUID | None,
    partnership_id: UUID,
    deliverable_id: UUID,
    stage: DeliverableStage,
    at: datetime,
    event_id: UUID,
) -> list[Payout] | None:
    """Content approved or published a deliverable: pays the milestones that this completes.
    None when the event is not about a running contract of `tenant_id` (nothing to do)."""
    try:
        campaign, partnership = await _lock(uow, partnership_id)
    except NotFound:
        return None
    if tenant_id is not None and partnership.tenant_id != tenant_id:
        return None
    change = Change(uow.scoped_to(partnership.tenant_id), campaign, partnership, SYSTEM, _now())
    if partnership.state not in CONTRACT_STATES or partnership.terms is None:
        return None
    store = change.uow
    await store.partnerships.mark_deliverable(partnership_id, deliverable_id, stage, at)
    reached = reached_milestones(partnership.terms, await store.partnerships.deliverable_marks(partnership_id))
    postings, payouts = await _pay_due(change, change.purse(), reached, PayoutReason.MILESTONE_REACHED, event_id)
    await change.save(postings)
    return payouts


# ---- reading


@dataclass(frozen=True)
class PartnershipDetails:
    partnership: Partnership
    party: Party
    versions: Sequence[TermsVersion]
    history: Sequence[HistoryEntry]


async def get_partnership(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> PartnershipDetails:
    partnership, party = await _visible(uow, caller, partnership_id)
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


@dataclass(frozen=True)
class PaymentsView:
    partnership: Partnership
    lines: Sequence[MilestoneLine]
    payouts: Sequence[Payout]


async def payments(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> PaymentsView:
    partnership, _ = await _visible(uow, caller, partnership_id)
    payouts = await uow.payouts.for_partnership(partnership_id)
    lines = milestone_lines(partnership.terms, payouts, partnership.state) if partnership.terms else []
    return PaymentsView(partnership, lines, payouts)

"""A contract's life after signing, and what the end of its campaign does to every partnership:
a signed contract runs once its campaign is active; the brand (or the campaign's end) completes
it, paying what is still owed, or cancels it, releasing what it had not paid."""

from datetime import datetime
from uuid import UUID

from contracts.events import partnerships as events
from partnerships.application.changes import Change, change_by
from partnerships.application.payments import pay_due
from partnerships.application.ports import UnitOfWork
from partnerships.domain.access import Caller
from partnerships.domain.campaigns import Campaign
from partnerships.domain.negotiation import Action, PartnershipState
from partnerships.domain.partnerships import SYSTEM, Partnership
from partnerships.domain.payments import PayoutReason
from partnerships.domain.terms import MilestoneTrigger


async def activate(change: Change) -> None:
    change.partnership.apply(Action.ACTIVATE, SYSTEM, now=change.now)
    await change.save()
    await change.record(events.PartnershipActivated(**change.fields(SYSTEM)))


async def complete(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> Partnership:
    """The brand confirms the work is done: what is still owed is paid."""
    change = await change_by(uow, caller, partnership_id)
    await complete_contract(change)
    return change.partnership


async def complete_contract(change: Change) -> None:
    change.partnership.apply(Action.COMPLETE, change.actor, now=change.now)
    purse = change.purse()
    postings, _ = await pay_due(change, purse, set(MilestoneTrigger), PayoutReason.PARTNERSHIP_COMPLETED)
    # Whatever no milestone pays (a commission's cap) goes back to the budget.
    postings += purse.release_commitment()
    await change.save(postings)
    await change.record(events.PartnershipCompleted(**change.fields()))


async def cancel(uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, reason: str | None) -> Partnership:
    """The brand discards a draft or ends a contract; what was not paid goes back to the budget."""
    change = await change_by(uow, caller, partnership_id)
    await cancel_partnership(change, reason)
    return change.partnership


async def cancel_partnership(change: Change, reason: str | None) -> None:
    change.partnership.apply(Action.CANCEL, change.actor, now=change.now, note=reason)
    purse = change.purse()
    postings = purse.release_reservation() + purse.release_commitment()
    await change.save(postings)
    await change.record(events.PartnershipCancelled(**change.fields(), reason=reason))


async def activate_signed(uow: UnitOfWork, campaign: Campaign, now: datetime) -> None:
    """The campaign went live: its signed contracts start running."""
    for partnership in await uow.partnerships.list_open(campaign.id, for_update=True):
        if partnership.state is PartnershipState.SIGNED:
            await activate(Change(uow, campaign, partnership, SYSTEM, now))


async def close_all(uow: UnitOfWork, campaign: Campaign, now: datetime, *, completed: bool) -> None:
    """The campaign ended. Negotiations and drafts are cancelled; running contracts complete with
    the campaign (and are paid what they are owed) or, when it is cancelled, are cancelled too."""
    reason = f"the campaign was {'completed' if completed else 'cancelled'}"
    for partnership in await uow.partnerships.list_open(campaign.id, for_update=True):
        change = Change(uow, campaign, partnership, SYSTEM, now)
        if completed and partnership.state is PartnershipState.ACTIVE:
            await complete_contract(change)
        else:
            await cancel_partnership(change, reason)

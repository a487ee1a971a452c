"""Paying a contract's milestones: when content approves or publishes its deliverables, when both
parties sign, when the brand completes it; and what a party reads of its payments."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from contracts import Money
from contracts.events import partnerships as events
from partnerships.application.changes import Change, lock, now, visible
from partnerships.application.ports import UnitOfWork
from partnerships.domain.access import Caller
from partnerships.domain.budget import Posting, Purse
from partnerships.domain.negotiation import CONTRACT_STATES
from partnerships.domain.partnerships import SYSTEM, Partnership
from partnerships.domain.payments import (
    DeliverableStage,
    MilestoneLine,
    Payout,
    PayoutReason,
    due_milestones,
    milestone_lines,
    reached_milestones,
)
from partnerships.domain.terms import MilestoneTrigger
from servicekit.errors import NotFound


async def pay_due(
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
        campaign, partnership = await lock(uow, partnership_id)
    except NotFound:
        return None
    if tenant_id is not None and partnership.tenant_id != tenant_id:
        return None
    change = Change(uow.scoped_to(partnership.tenant_id), campaign, partnership, SYSTEM, now())
    if partnership.state not in CONTRACT_STATES or partnership.terms is None:
        return None
    store = change.uow
    await store.partnerships.mark_deliverable(partnership_id, deliverable_id, stage, at)
    reached = reached_milestones(partnership.terms, await store.partnerships.deliverable_marks(partnership_id))
    postings, payouts = await pay_due(change, change.purse(), reached, PayoutReason.MILESTONE_REACHED, event_id)
    await change.save(postings)
    return payouts


@dataclass(frozen=True)
class PaymentsView:
    partnership: Partnership
    lines: Sequence[MilestoneLine]
    payouts: Sequence[Payout]


async def payments(uow: UnitOfWork, caller: Caller, partnership_id: UUID) -> PaymentsView:
    partnership, _ = await visible(uow, caller, partnership_id)
    payouts = await uow.payouts.for_partnership(partnership_id)
    lines = milestone_lines(partnership.terms, payouts, partnership.state) if partnership.terms else []
    return PaymentsView(partnership, lines, payouts)

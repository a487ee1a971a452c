"""When a contract's milestones are paid.

A milestone is payable when its trigger arrives: on_signing when both parties sign, on_approval
when every deliverable of the terms is approved in content, on_publish when every one is
published (a published deliverable counts as approved: content publishes only approved work).
Content makes one deliverable per unit of a terms line's `count`. Each milestone is paid once.
Completing a partnership is the brand's word that the work is done: what is still owed is paid.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal
from uuid import UUID

from contracts import Money
from partnerships.domain.negotiation import PartnershipState
from partnerships.domain.terms import MilestoneTrigger, Terms


class PayoutReason(StrEnum):
    MILESTONE_REACHED = "milestone_reached"
    PARTNERSHIP_COMPLETED = "partnership_completed"


class DeliverableStage(StrEnum):
    APPROVED = "approved"
    PUBLISHED = "published"


@dataclass(frozen=True)
class Payout:
    id: UUID
    partnership_id: UUID
    campaign_id: UUID
    tenant_id: UUID
    influencer_id: UUID
    milestone: MilestoneTrigger
    amount: Money
    paid_at: datetime
    reason: PayoutReason
    trigger_event_id: UUID | None = None


@dataclass(frozen=True)
class DeliverableMark:
    """What content told us about one of its deliverables."""

    deliverable_id: UUID
    approved: bool
    published: bool


@dataclass(frozen=True)
class MilestoneLine:
    trigger: MilestoneTrigger
    percent: int
    amount: Money
    status: Literal["pending", "paid", "released"]
    payout: Payout | None

    @property
    def payment_id(self) -> UUID | None:
        return self.payout.id if self.payout else None

    @property
    def paid_at(self) -> datetime | None:
        return self.payout.paid_at if self.payout else None


def reached_milestones(terms: Terms, marks: Iterable[DeliverableMark]) -> set[MilestoneTrigger]:
    marks = list(marks)
    needed = terms.deliverable_count
    approved = sum(1 for m in marks if m.approved or m.published)
    published = sum(1 for m in marks if m.published)
    reached = {MilestoneTrigger.ON_SIGNING}
    if approved >= needed:
        reached.add(MilestoneTrigger.ON_APPROVAL)
    if published >= needed:
        reached.add(MilestoneTrigger.ON_PUBLISH)
    return reached


def due_milestones(
    terms: Terms, reached: set[MilestoneTrigger], paid: Iterable[MilestoneTrigger]
) -> list[tuple[MilestoneTrigger, int]]:
    """Reached and not yet paid, in schedule order, with their amounts."""
    already = set(paid)
    amounts = terms.milestone_amounts()
    return [
        (m.trigger, amounts[m.trigger])
        for m in terms.payment_schedule
        if m.trigger in reached and m.trigger not in already
    ]


def milestone_lines(terms: Terms, payouts: Sequence[Payout], state: PartnershipState) -> list[MilestoneLine]:
    by_trigger = {p.milestone: p for p in payouts}
    amounts = terms.milestone_amounts()
    closed_unpaid = state in (
        PartnershipState.CANCELLED,
        PartnershipState.DECLINED,
        PartnershipState.WITHDRAWN,
        PartnershipState.COMPLETED,
    )
    lines = []
    for milestone in terms.payment_schedule:
        payout = by_trigger.get(milestone.trigger)
        status = "paid" if payout else ("released" if closed_unpaid else "pending")
        amount = Money(amount_minor=amounts[milestone.trigger], currency=terms.fee.currency)
        lines.append(MilestoneLine(milestone.trigger, milestone.percent, amount, status, payout))
    return lines

"""Conversions: orders reported by partner shops, their refunds and cancellations, and to which
partnership each order is owed.

- An order is known by its shop order id within the org. The same order reported again with the
  same amount and currency is the same order (counted once, the first report's other fields
  kept); with another amount or currency it is a conflict.
- A refund takes part of an order's amount back; a cancellation takes back all that remains. Each
  is known by its adjustment id within the order: a repeat is the same adjustment, a repeat with
  another amount a conflict. A refund cannot take back more than remains.
- An order counts as a conversion while its net amount (amount less refunds) is above zero, and is
  not cancelled.
- Attribution: by click id when it names a click this service issued, on a link of the org, no
  later than the order and within the campaign's window (default 30 days); else by promo code (a
  code the brand gave a partnership); else the order is kept unattributed, with the reason.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from servicekit.errors import Conflict

DEFAULT_WINDOW_DAYS = 30
# A click stamped a little after the order (clocks of two machines) still counts.
CLOCK_SKEW = timedelta(minutes=5)


class EntryKind(StrEnum):
    ORDER = "order"
    REFUND = "refund"
    CANCELLATION = "cancellation"


class AttributionMethod(StrEnum):
    CLICK = "click"
    PROMO_CODE = "promo_code"
    NONE = "none"


@dataclass(frozen=True)
class Attribution:
    method: AttributionMethod
    partnership_id: UUID | None = None
    campaign_id: UUID | None = None
    influencer_id: UUID | None = None
    link_id: UUID | None = None
    deliverable_id: UUID | None = None
    reason: str | None = None  # why an order is unattributed, or why its click id was passed over

    @property
    def attributed(self) -> bool:
        return self.partnership_id is not None


@dataclass(frozen=True)
class LinkOwner:
    """What a click's link or a promo code points at."""

    link_id: UUID | None
    partnership_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    deliverable_id: UUID | None = None


def attribute(
    *,
    ordered_at: datetime,
    click_at: datetime | None,
    click_link: LinkOwner | None,
    click_problem: str | None,
    window_days: int | None,
    promo: LinkOwner | None,
    promo_problem: str | None,
) -> Attribution:
    """`click_problem` / `promo_problem`: why a click id or promo code sent did not resolve."""
    reasons = [p for p in (click_problem, promo_problem) if p]
    if click_link is not None and click_at is not None:
        window = timedelta(days=window_days or DEFAULT_WINDOW_DAYS)
        if click_at - CLOCK_SKEW > ordered_at:
            reasons.insert(0, "the click is later than the order")
        elif ordered_at - click_at > window:
            reasons.insert(0, f"the click is older than the campaign's {window.days}-day window")
        else:
            return Attribution(
                AttributionMethod.CLICK,
                click_link.partnership_id,
                click_link.campaign_id,
                click_link.influencer_id,
                click_link.link_id,
                click_link.deliverable_id,
            )
    if promo is not None:
        return Attribution(
            AttributionMethod.PROMO_CODE,
            promo.partnership_id,
            promo.campaign_id,
            promo.influencer_id,
            reason="; ".join(reasons) or None,
        )
    return Attribution(AttributionMethod.NONE, reason="; ".join(reasons) or "neither a click id nor a promo code")


@dataclass(frozen=True)
class Entry:
    """An order or an adjustment of one, as stored."""

    id: UUID
    conversion_id: UUID
    kind: EntryKind
    adjustment_id: str | None
    amount_minor: int  # always >= 0; an adjustment takes it off
    currency: str
    occurred_at: datetime

    @property
    def net_change_minor(self) -> int:
        return self.amount_minor if self.kind is EntryKind.ORDER else -self.amount_minor


@dataclass(frozen=True)
class OrderState:
    """An order with its adjustments so far."""

    order: Entry
    adjustments: tuple[Entry, ...] = ()

    @property
    def net_minor(self) -> int:
        return self.order.amount_minor - sum(a.amount_minor for a in self.adjustments)

    @property
    def cancelled(self) -> bool:
        return any(a.kind is EntryKind.CANCELLATION for a in self.adjustments)

    @property
    def counts(self) -> bool:
        return self.net_minor > 0 and not self.cancelled

    def adjustment(self, adjustment_id: str) -> Entry | None:
        return next((a for a in self.adjustments if a.adjustment_id == adjustment_id), None)


def repeat_of_order(known: Entry, amount_minor: int, currency: str, field: str) -> None:
    """A repeated order is the same order, or a conflict."""
    if (known.amount_minor, known.currency) != (amount_minor, currency):
        raise Conflict(
            f"order reported before with {known.amount_minor} {known.currency} (minor units)",
            field=field,
            reported={"amount_minor": known.amount_minor, "currency": known.currency},
        )


def adjustment_amount(
    state: OrderState, kind: EntryKind, amount_minor: int | None, currency: str | None, field: str
) -> int:
    """What a new refund or cancellation takes off the order; a Conflict when it cannot."""
    if currency is not None and currency != state.order.currency:
        raise Conflict(f"the order is in {state.order.currency}", field=field)
    if state.cancelled:
        raise Conflict("the order is cancelled", field=field)
    if kind is EntryKind.CANCELLATION:
        return state.net_minor
    assert amount_minor is not None
    if amount_minor > state.net_minor:
        raise Conflict(
            f"a refund of {amount_minor} is more than the {state.net_minor} that remains of the order",
            field=field,
            remaining={"amount_minor": state.net_minor, "currency": state.order.currency},
        )
    return amount_minor


def repeat_of_adjustment(known: Entry, kind: EntryKind, amount_minor: int | None, field: str) -> None:
    if known.kind is not kind or (kind is EntryKind.REFUND and known.amount_minor != amount_minor):
        raise Conflict(
            f"adjustment reported before as a {known.kind.value} of {known.amount_minor}",
            field=field,
        )

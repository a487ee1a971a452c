"""A campaign's money: the budget, and what of it is reserved, committed and paid.

Every movement is a double-entry posting between two accounts of the campaign's ledger:

    funding -> available          the budget is set or changed
    available -> reserved         a brand offer (proposal or counter) reserves its fee
    reserved -> available         the offer is declined, withdrawn or cancelled
    reserved -> committed         both parties sign
    committed -> paid             a milestone is paid, or a commission earned
    paid -> committed             a refund takes back commission earned
    committed -> available        a contract is cancelled (or completed) with money unpaid
    available -> committed        content's amplification spend is funded

so that, per campaign and currency, budget = available + reserved + committed + paid always.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from uuid import UUID

from contracts import Money
from servicekit.errors import Conflict


class Account(StrEnum):
    FUNDING = "funding"  # the brand's money outside the campaign; its balance is minus the budget
    AVAILABLE = "available"
    RESERVED = "reserved"
    COMMITTED = "committed"
    PAID = "paid"


class PostingKind(StrEnum):
    FUND = "fund"
    RESERVE = "reserve"
    RELEASE = "release"
    COMMIT = "commit"
    PAY = "pay"
    AMPLIFY = "amplify"  # content's amplification spend, committed at once (domain/amplification.py)
    COMMISSION = "commission"


@dataclass(frozen=True)
class Posting:
    """One movement: `amount_minor` leaves `source` and enters `destination`."""

    kind: PostingKind
    source: Account
    destination: Account
    amount_minor: int
    currency: str
    partnership_id: UUID | None = None


@dataclass
class Allocation:
    """What is held against a budget (a campaign's, or one partnership's share of it)."""

    reserved: int = 0
    committed: int = 0
    paid: int = 0

    @property
    def total(self) -> int:
        return self.reserved + self.committed + self.paid


@dataclass(frozen=True)
class BudgetView:
    currency: str | None
    budget: int
    reserved: int
    committed: int
    paid: int

    @property
    def remaining(self) -> int:
        return self.budget - self.reserved - self.committed - self.paid

    def money(self, amount: int) -> Money | None:
        return Money(amount_minor=amount, currency=self.currency) if self.currency else None

    def numbers(self) -> dict[str, Any]:
        """For problem bodies: each figure as money."""
        return {
            name: (money.model_dump() if (money := self.money(value)) else None)
            for name, value in (
                ("budget", self.budget),
                ("reserved", self.reserved),
                ("committed", self.committed),
                ("paid", self.paid),
                ("remaining", self.remaining),
            )
        }


class BudgetExceeded(Conflict):
    def __init__(self, view: BudgetView, requested: int) -> None:
        if view.currency is None:
            message = "the campaign has no budget yet: set one before making offers"
        else:
            message = f"the offer needs {requested} {view.currency} (minor units) but {view.remaining} remain"
        super().__init__(
            message,
            requested=view.money(requested).model_dump() if view.currency else {"amount_minor": requested},
            **view.numbers(),
        )


class Purse:
    """Moves money between a campaign's allocation and one partnership's share of it, keeping
    the campaign's totals within its budget; returns the postings for the ledger."""

    def __init__(self, view: BudgetView, campaign: Allocation, partnership: Allocation, partnership_id: UUID) -> None:
        self.view = view
        self.campaign = campaign
        self.partnership = partnership
        self.partnership_id = partnership_id

    def _posting(self, kind: PostingKind, source: Account, destination: Account, amount: int) -> Posting:
        assert self.view.currency is not None
        return Posting(kind, source, destination, amount, self.view.currency, self.partnership_id)

    def reserve_exactly(self, amount: int) -> list[Posting]:
        """Makes this partnership's reservation `amount`: tops it up (if the budget allows) or releases the excess."""
        delta = amount - self.partnership.reserved
        if delta == 0:
            return []
        if delta < 0:
            return self._release_reserved(-delta)
        if self.view.currency is None or delta > self.view.remaining:
            raise BudgetExceeded(self.view, delta)
        self.campaign.reserved += delta
        self.partnership.reserved += delta
        return [self._posting(PostingKind.RESERVE, Account.AVAILABLE, Account.RESERVED, delta)]

    def release_reservation(self) -> list[Posting]:
        return self._release_reserved(self.partnership.reserved) if self.partnership.reserved else []

    def _release_reserved(self, amount: int) -> list[Posting]:
        self.campaign.reserved -= amount
        self.partnership.reserved -= amount
        return [self._posting(PostingKind.RELEASE, Account.RESERVED, Account.AVAILABLE, amount)]

    def commit_reservation(self) -> list[Posting]:
        amount = self.partnership.reserved
        if not amount:
            return []
        self.campaign.reserved -= amount
        self.partnership.reserved -= amount
        self.campaign.committed += amount
        self.partnership.committed += amount
        return [self._posting(PostingKind.COMMIT, Account.RESERVED, Account.COMMITTED, amount)]

    def pay(self, amount: int) -> list[Posting]:
        if amount > self.partnership.committed:
            raise Conflict(
                "a payout cannot exceed what the contract still commits",
                requested=amount,
                committed=self.partnership.committed,
            )
        if not amount:
            return []
        self.campaign.committed -= amount
        self.partnership.committed -= amount
        self.campaign.paid += amount
        self.partnership.paid += amount
        return [self._posting(PostingKind.PAY, Account.COMMITTED, Account.PAID, amount)]

    def commission(self, amount: int) -> list[Posting]:
        """Commission earned (amount > 0) is paid out of the commitment; given back (< 0) returns to it."""
        if amount > self.partnership.committed or -amount > self.partnership.paid:
            raise Conflict(
                "a commission cannot exceed what the contract commits, nor give back more than it paid",
                requested=amount,
                committed=self.partnership.committed,
                paid=self.partnership.paid,
            )
        if not amount:
            return []
        self.campaign.committed -= amount
        self.partnership.committed -= amount
        self.campaign.paid += amount
        self.partnership.paid += amount
        if amount > 0:
            return [self._posting(PostingKind.COMMISSION, Account.COMMITTED, Account.PAID, amount)]
        return [self._posting(PostingKind.COMMISSION, Account.PAID, Account.COMMITTED, -amount)]

    def release_commitment(self) -> list[Posting]:
        amount = self.partnership.committed
        if not amount:
            return []
        self.campaign.committed -= amount
        self.partnership.committed -= amount
        return [self._posting(PostingKind.RELEASE, Account.COMMITTED, Account.AVAILABLE, amount)]


def funding_change(old: Money | None, new: Money | None) -> list[Posting]:
    """The postings that change a campaign's budget from `old` to `new`."""
    if old is not None and new is not None and old.currency == new.currency:
        delta = new.amount_minor - old.amount_minor
        if delta == 0:
            return []
        if delta > 0:
            return [Posting(PostingKind.FUND, Account.FUNDING, Account.AVAILABLE, delta, new.currency)]
        return [Posting(PostingKind.FUND, Account.AVAILABLE, Account.FUNDING, -delta, new.currency)]
    postings = []
    if old is not None and old.amount_minor:
        postings.append(Posting(PostingKind.FUND, Account.AVAILABLE, Account.FUNDING, old.amount_minor, old.currency))
    if new is not None and new.amount_minor:
        postings.append(Posting(PostingKind.FUND, Account.FUNDING, Account.AVAILABLE, new.amount_minor, new.currency))
    return postings


def balances(postings: list[Posting], currency: str) -> dict[Account, int]:
    """Each account's balance from the postings in `currency` (what the ledger says)."""
    totals = dict.fromkeys(Account, 0)
    for posting in postings:
        if posting.currency == currency:
            totals[posting.source] -= posting.amount_minor
            totals[posting.destination] += posting.amount_minor
    return totals


@dataclass(frozen=True)
class BudgetReport:
    campaign_id: UUID
    view: BudgetView
    ledger: dict[Account, int]

    @property
    def reconciled(self) -> bool:
        """The ledger's balances say what the campaign's totals say."""
        view = self.view
        return self.ledger == {
            Account.FUNDING: -view.budget,
            Account.AVAILABLE: view.remaining,
            Account.RESERVED: view.reserved,
            Account.COMMITTED: view.committed,
            Account.PAID: view.paid,
        }

"""Amplification spend (content's paid boosts and brand reposts) taken from a campaign's budget:
committed at once, from what remains, in the campaign's currency; refused otherwise, with why."""

from dataclasses import dataclass

from contracts import Money
from partnerships.domain.budget import Account, Allocation, BudgetView, Posting, PostingKind


@dataclass(frozen=True)
class Refusal:
    reason: str
    remaining: Money | None


def fund(view: BudgetView, allocation: Allocation, spend: Money, *, campaign_open: bool) -> list[Posting] | Refusal:
    """The posting that commits the spend (and the allocation updated), or why it cannot be."""
    remaining = view.money(view.remaining)
    if not campaign_open:
        return Refusal("the campaign is over", remaining)
    if view.currency is None:
        return Refusal("the campaign has no budget", None)
    if spend.currency != view.currency:
        return Refusal(f"the campaign's budget is in {view.currency}, not {spend.currency}", remaining)
    if spend.amount_minor > view.remaining:
        return Refusal(
            f"the spend is {spend.amount_minor} {spend.currency} (minor units) but {view.remaining} remain", remaining
        )
    allocation.committed += spend.amount_minor
    return [Posting(PostingKind.AMPLIFY, Account.AVAILABLE, Account.COMMITTED, spend.amount_minor, spend.currency)]

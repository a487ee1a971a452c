"""What a partnership costs the campaign, and a post's share of it.

- Fees come from the signed contract (partnership.signed): fixed, per deliverable (times the
  deliverables' count) and gifting (the product's declared value) cost the contract's fee once
  signed; commission costs what partnerships accrued from attributed sales (capped there), never
  its cap. A contract cancelled after signing costs what was paid on it (payment.recorded).
- Paid spend comes from content's amplifications (content.amplified), in their own currency.
- A partnership's fees are spread evenly over its published posts (the remainder a minor unit each
  to the first posts), so the posts' costs add up to the partnership's.
"""

from dataclasses import dataclass
from datetime import datetime

from contracts import FeeKind


@dataclass(frozen=True)
class ContractCost:
    fee_kind: FeeKind | None
    fee_minor: int
    signed: bool
    cancelled: bool
    paid_minor: int
    commission_minor: int


def fee_cost(contract: ContractCost) -> int:
    if contract.fee_kind is FeeKind.COMMISSION:
        return contract.commission_minor
    if contract.cancelled:
        return contract.paid_minor
    return contract.fee_minor if contract.signed else 0


def spread(total: int, parts: int) -> list[int]:
    """`total` in `parts` shares that differ by at most one and add up to it exactly."""
    if parts <= 0:
        return []
    share, remainder = divmod(total, parts)
    return [share + (1 if index < remainder else 0) for index in range(parts)]


@dataclass(frozen=True)
class Spend:
    amount_minor: int
    currency: str
    at: datetime

"""Commission fees from attributed sales (metrics.conversion.attributed): the rule is
domain.commissions; this loads the contract, moves the money in the ledger and tells of it."""

import logging
from datetime import UTC, datetime
from typing import Protocol
from uuid import UUID

from contracts import FeeKind, Money
from contracts.events.metrics import ConversionAttributed
from contracts.events.partnerships import CommissionAccrued
from partnerships.application.ports import UnitOfWork
from partnerships.domain.budget import Purse
from partnerships.domain.commissions import commission_change, commission_minor
from partnerships.domain.negotiation import CONTRACT_STATES

log = logging.getLogger(__name__)


class CommissionStore(Protocol):
    async def net_sales(self, partnership_id: UUID) -> int: ...
    async def add(
        self, entry_id: UUID, partnership_id: UUID, net_change_minor: int, commission_change_minor: int, at: datetime
    ) -> bool: ...


class CommissionUnitOfWork(UnitOfWork, Protocol):
    commissions: CommissionStore


async def accrue(uow: CommissionUnitOfWork, sale: ConversionAttributed) -> int | None:
    """The commission the entry earned (negative: gave back); None when it earns none (not a
    running commission contract of this org, an amount in another currency without a rate, or
    an entry taken before)."""
    campaign = await uow.campaigns.lock_of_partnership(sale.partnership_id)
    partnership = await uow.partnerships.get(sale.partnership_id, for_update=True)
    if campaign is None or partnership is None or partnership.tenant_id != uow.tenant_id:
        return None
    terms = partnership.terms
    if terms is None or terms.fee.kind is not FeeKind.COMMISSION or partnership.state not in CONTRACT_STATES:
        return None
    assert terms.fee.cap is not None
    assert terms.fee.rate_bps is not None
    currency = terms.fee.cap.currency
    amount = sale.amount if sale.amount.currency == currency else sale.in_campaign_currency
    if amount is None or amount.currency != currency:
        log.warning(
            "commission of %s: entry %s is in %s and no %s amount came with it; not counted",
            partnership.id,
            sale.entry_id,
            sale.amount.currency,
            currency,
        )
        return None
    net_change = amount.amount_minor if sale.net_change_minor >= 0 else -amount.amount_minor
    net_before = await uow.commissions.net_sales(partnership.id)
    change = commission_change(net_before, net_change, terms.fee.rate_bps, terms.fee.cap.amount_minor)
    now = datetime.now(UTC)
    if not await uow.commissions.add(sale.entry_id, partnership.id, net_change, change, now):
        return None
    postings = Purse(campaign.budget_view(), campaign.allocation, partnership.allocation, partnership.id).commission(
        change
    )
    if postings:
        await uow.ledger.record(campaign.id, postings, now)
        await uow.campaigns.save(campaign)
        await uow.partnerships.save(partnership)
    net_after = net_before + net_change
    accrued = commission_minor(net_after, terms.fee.rate_bps, terms.fee.cap.amount_minor)
    await uow.events.record(
        CommissionAccrued(
            partnership_id=partnership.id,
            campaign_id=campaign.id,
            influencer_id=partnership.influencer_id,
            entry_id=sale.entry_id,
            change=change,
            accrued=Money(amount_minor=accrued, currency=currency),
            net_sales=Money(amount_minor=max(net_after, 0), currency=currency),
        ),
        subject=partnership.id,
        key=campaign.id,
    )
    return change

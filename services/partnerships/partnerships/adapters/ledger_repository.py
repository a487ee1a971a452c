from collections.abc import Sequence
from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Money
from partnerships.adapters.tables import ledger_entries, payouts
from partnerships.domain.budget import Account, Posting
from partnerships.domain.payments import Payout, PayoutReason
from partnerships.domain.terms import MilestoneTrigger
from servicekit.rows import row_of


class LedgerRepository:
    """Each posting is one transaction of two entries that sum to zero."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def record(self, campaign_id: UUID, postings: Sequence[Posting], at: datetime) -> None:
        rows = []
        for posting in postings:
            transaction_id = uuid4()
            for account, amount in (
                (posting.source, -posting.amount_minor),
                (posting.destination, posting.amount_minor),
            ):
                rows.append(
                    {
                        "transaction_id": transaction_id,
                        "tenant_id": self.tenant_id,
                        "campaign_id": campaign_id,
                        "partnership_id": posting.partnership_id,
                        "kind": posting.kind.value,
                        "account": account.value,
                        "amount_minor": amount,
                        "currency": posting.currency,
                        "created_at": at,
                    }
                )
        if rows:
            await self.session.execute(insert(ledger_entries), rows)

    async def balances(self, campaign_id: UUID, currency: str) -> dict[Account, int]:
        e = ledger_entries.c
        rows = (
            await self.session.execute(
                select(e.account, func.sum(e.amount_minor))
                .where(e.campaign_id == campaign_id, e.tenant_id == self.tenant_id, e.currency == currency)
                .group_by(e.account)
            )
        ).all()
        totals = dict.fromkeys(Account, 0)
        for account, total in rows:
            totals[Account(account)] = int(total or 0)
        return totals


class PayoutRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, payout: Payout) -> None:
        money = {"amount_minor": payout.amount.amount_minor, "currency": payout.amount.currency}
        await self.session.execute(insert(payouts).values(row_of(payout, payouts, **money)))

    async def for_partnership(self, partnership_id: UUID) -> Sequence[Payout]:
        rows = (
            await self.session.execute(
                select(payouts).where(payouts.c.partnership_id == partnership_id).order_by(payouts.c.paid_at)
            )
        ).all()
        # By hand: the amount is two columns.
        return [
            Payout(
                id=row.id,
                partnership_id=row.partnership_id,
                campaign_id=row.campaign_id,
                tenant_id=row.tenant_id,
                influencer_id=row.influencer_id,
                milestone=MilestoneTrigger(row.milestone),
                amount=Money(amount_minor=row.amount_minor, currency=row.currency),
                paid_at=row.paid_at,
                reason=PayoutReason(row.reason),
                trigger_event_id=row.trigger_event_id,
            )
            for row in rows
        ]

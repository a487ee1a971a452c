"""What metrics does with what other services tell it: posts published and amplified, the
partnerships' states and contracts, payments, commission accrued, a campaign's KPI targets."""

from datetime import datetime
from uuid import UUID

from contracts import FeeKind, Money
from metrics.application.ports import UnitOfWork
from metrics.domain.records import Amplification, Post


async def post_published(uow: UnitOfWork, post: Post) -> None:
    if await uow.posts.add(post):
        await uow.changes.partnership_changed(post.partnership_id, post.published_at)


async def amplified(uow: UnitOfWork, amplification: Amplification) -> None:
    await uow.posts.add_amplification(amplification)
    await uow.changes.partnership_changed(amplification.partnership_id, amplification.told_at)


async def partnership_moved(
    uow: UnitOfWork, partnership_id: UUID, campaign_id: UUID, influencer_id: UUID, state: str, at: datetime
) -> None:
    await uow.partnerships.record_state(partnership_id, campaign_id, influencer_id, state, at)
    await uow.changes.partnership_changed(partnership_id, at)


async def contract_signed(
    uow: UnitOfWork,
    partnership_id: UUID,
    campaign_id: UUID,
    influencer_id: UUID,
    *,
    fee: Money | None,
    fee_kind: FeeKind | None,
    commission_rate_bps: int | None,
    signed_at: datetime,
) -> None:
    await uow.partnerships.record_state(partnership_id, campaign_id, influencer_id, "signed", signed_at)
    await uow.partnerships.record_contract(
        partnership_id,
        fee_kind,
        fee.amount_minor if fee else None,
        fee.currency if fee else None,
        commission_rate_bps,
        signed_at,
    )
    await uow.changes.partnership_changed(partnership_id, signed_at)


async def payment_recorded(
    uow: UnitOfWork, payment_id: UUID, partnership_id: UUID, amount: Money, paid_at: datetime
) -> None:
    await uow.partnerships.record_payment(payment_id, partnership_id, amount.amount_minor, amount.currency, paid_at)
    await uow.changes.partnership_changed(partnership_id, paid_at)


async def commission_accrued(uow: UnitOfWork, partnership_id: UUID, accrued: Money, at: datetime) -> None:
    await uow.partnerships.record_commission(partnership_id, accrued.amount_minor, at)
    await uow.changes.partnership_changed(partnership_id, at)


async def targets_set(uow: UnitOfWork, campaign_id: UUID, kpis: dict[str, float] | None, at: datetime) -> None:
    if kpis is not None:
        await uow.targets.record(campaign_id, kpis, at)

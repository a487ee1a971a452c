"""What metrics does with other services' events (each in the consumer's transaction, beside its
inbox row, so a redelivered event has no second effect)."""

from contracts.events.content import ContentAmplified, ContentPublished
from contracts.events.partnerships import (
    CommissionAccrued,
    PartnershipAccepted,
    PartnershipActivated,
    PartnershipCancelled,
    PartnershipCompleted,
    PartnershipCountered,
    PartnershipDeclined,
    PartnershipDrafted,
    PartnershipProposed,
    PartnershipSigned,
    PartnershipWithdrawn,
    PaymentRecorded,
)
from metrics.adapters.tables import campaigns
from metrics.adapters.unit_of_work import SqlUnitOfWork
from metrics.application import told
from metrics.domain.records import Amplification, Post
from servicekit.campaign_directory import follow_campaigns
from servicekit.handlers import EventHandlers, Received

handlers = EventHandlers(SqlUnitOfWork)
follow_campaigns(handlers, campaigns, on_kpis=told.targets_set)

_STATES = {
    PartnershipDrafted: "drafted",
    PartnershipProposed: "proposed",
    PartnershipCountered: "countered",
    PartnershipAccepted: "accepted",
    PartnershipDeclined: "declined",
    PartnershipWithdrawn: "withdrawn",
    PartnershipActivated: "active",
    PartnershipCompleted: "completed",
    PartnershipCancelled: "cancelled",
}


@handlers.on(*_STATES)
async def partnership_moved(uow: SqlUnitOfWork, event: Received[PartnershipProposed]) -> None:
    d = event.data
    state = _STATES[type(d)]
    await told.partnership_moved(uow, d.partnership_id, d.campaign_id, d.influencer_id, state, event.time)


@handlers.on(PartnershipSigned)
async def partnership_signed(uow: SqlUnitOfWork, event: Received[PartnershipSigned]) -> None:
    d = event.data
    await told.contract_signed(
        uow,
        d.partnership_id,
        d.campaign_id,
        d.influencer_id,
        fee=d.fee,
        fee_kind=d.fee_kind,
        commission_rate_bps=d.commission_rate_bps,
        signed_at=d.signed_at or event.time,
    )


@handlers.on(PaymentRecorded)
async def payment_recorded(uow: SqlUnitOfWork, event: Received[PaymentRecorded]) -> None:
    d = event.data
    await told.payment_recorded(uow, d.payment_id, d.partnership_id, d.amount, d.paid_at)


@handlers.on(ContentPublished)
async def content_published(uow: SqlUnitOfWork, event: Received[ContentPublished]) -> None:
    d = event.data
    post = Post(
        id=d.post_id,
        tenant_id=uow.tenant_id,
        campaign_id=d.campaign_id,
        partnership_id=d.partnership_id,
        influencer_id=d.influencer_id,
        deliverable_id=d.deliverable_id,
        platform=d.platform.lower(),
        url=d.url,
        external_id=d.external_id or None,  # content tells "" when the platform gave none
        published_at=d.published_at,
    )
    await told.post_published(uow, post)


@handlers.on(ContentAmplified)
async def content_amplified(uow: SqlUnitOfWork, event: Received[ContentAmplified]) -> None:
    d = event.data
    await told.amplified(
        uow,
        Amplification(
            id=d.amplification_id,
            tenant_id=uow.tenant_id,
            campaign_id=d.campaign_id,
            partnership_id=d.partnership_id,
            deliverable_id=d.deliverable_id,
            post_id=d.post_id,
            kind=d.kind,
            spend_minor=d.spend.amount_minor,
            currency=d.spend.currency,
            told_at=event.time,
        ),
    )


@handlers.on(CommissionAccrued)
async def commission_accrued(uow: SqlUnitOfWork, event: Received[CommissionAccrued]) -> None:
    d = event.data
    await told.commission_accrued(uow, d.partnership_id, d.accrued, event.time)

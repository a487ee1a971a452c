"""What content does with other services' events (each in the consumer's transaction, beside its
inbox row, so a redelivered event has no second effect)."""

import logging
from datetime import UTC, datetime

from content.adapters.tables import campaigns
from content.adapters.unit_of_work import SqlUnitOfWork
from content.application import amplifications, deliverables
from content.application.deliverables import SignedTerms
from content.domain.deliverables import TermsLine, UsageRights
from contracts.events.partnerships import (
    AmplificationFunded,
    AmplificationRefused,
    PartnershipCancelled,
    PartnershipSigned,
)
from servicekit.campaign_directory import follow_campaigns
from servicekit.handlers import EventHandlers, Received

log = logging.getLogger(__name__)

handlers = EventHandlers(SqlUnitOfWork)
follow_campaigns(handlers, campaigns)


def _now() -> datetime:
    return datetime.now(UTC)


@handlers.on(PartnershipSigned)
async def partnership_signed(uow: SqlUnitOfWork, event: Received[PartnershipSigned]) -> None:
    data = event.data
    rights = data.usage_rights
    terms = SignedTerms(
        partnership_id=data.partnership_id,
        campaign_id=data.campaign_id,
        influencer_id=data.influencer_id,
        collaboration_type=data.collaboration_type,
        fee_kind=data.fee_kind,
        currency=data.fee.currency if data.fee is not None else None,
        usage_rights=UsageRights(tuple(rights.channels), rights.duration_days) if rights is not None else None,
        lines=[TermsLine(d.type, d.platform, d.count, d.due_on) for d in data.deliverables],
    )
    made = await deliverables.create_from_signed(uow, terms, _now())
    log.info("partnership.signed %s: %d deliverables made", event.id, len(made))


@handlers.on(PartnershipCancelled)
async def partnership_cancelled(uow: SqlUnitOfWork, event: Received[PartnershipCancelled]) -> None:
    await deliverables.cancel_for_partnership(uow, event.data.partnership_id, event.data.reason, _now())


@handlers.on(AmplificationFunded)
async def amplification_funded(uow: SqlUnitOfWork, event: Received[AmplificationFunded]) -> None:
    if not await amplifications.decided(uow, event.data.amplification_id, True, None, _now()):
        log.info("amplification.funded %s: nothing to record", event.id)


@handlers.on(AmplificationRefused)
async def amplification_refused(uow: SqlUnitOfWork, event: Received[AmplificationRefused]) -> None:
    if not await amplifications.decided(uow, event.data.amplification_id, False, event.data.reason, _now()):
        log.info("amplification.refused %s: nothing to record", event.id)

"""What partnerships does with other services' events (each in the consumer's transaction,
beside its inbox row, so a redelivered event has no second effect)."""

import logging
from datetime import datetime

from contracts.events.content import ContentAmplificationRequested, ContentApproved, ContentPublished
from contracts.events.discovery import InfluencerProfilesChanged, ShortlistAdded, ShortlistRemoved
from contracts.events.metrics import ConversionAttributed
from partnerships.adapters.unit_of_work import SqlUnitOfWork
from partnerships.application import amplification_funding, commissions, completion, payments, shortlists
from partnerships.domain.influencers import KnownInfluencer
from partnerships.domain.partnerships import InfluencerProfile
from partnerships.domain.payments import DeliverableStage
from servicekit.handlers import EventHandlers, Received

log = logging.getLogger(__name__)

# Every event here but the profiles' belongs to a brand: one without its tenant is a producer's
# bug, refused (to the DLQ) before any handler runs.
handlers = EventHandlers(SqlUnitOfWork)


@handlers.on(ShortlistAdded)
async def shortlist_added(uow: SqlUnitOfWork, event: Received[ShortlistAdded]) -> None:
    data = event.data
    drafted = await shortlists.draft_from_shortlist(
        uow,
        campaign_id=data.campaign_id,
        influencer_id=data.influencer_id,
        influencer=InfluencerProfile(platform=data.platform, handle=data.handle, display_name=data.display_name),
    )
    if drafted is None:
        log.info("shortlist.added %s: no draft (campaign unknown or over, or one is open)", event.id)


# Shared-catalogue profiles belong to no org: these events may come without a tenant.
@handlers.on(InfluencerProfilesChanged, tenant_optional=True)
async def profiles_changed(uow: SqlUnitOfWork, event: Received[InfluencerProfilesChanged]) -> None:
    await uow.influencers.record(
        [
            KnownInfluencer(p.influencer_id, p.org_id, p.platform, p.handle, p.display_name, p.updated_at)
            for p in event.data.profiles
        ]
    )


@handlers.on(ShortlistRemoved)
async def shortlist_removed(uow: SqlUnitOfWork, event: Received[ShortlistRemoved]) -> None:
    await shortlists.discard_shortlist_draft(
        uow, campaign_id=event.data.campaign_id, influencer_id=event.data.influencer_id
    )


@handlers.on(ContentApproved)
async def content_approved(uow: SqlUnitOfWork, event: Received[ContentApproved]) -> None:
    await _deliverable_progress(uow, event, DeliverableStage.APPROVED, event.time)


@handlers.on(ContentPublished)
async def content_published(uow: SqlUnitOfWork, event: Received[ContentPublished]) -> None:
    await _deliverable_progress(uow, event, DeliverableStage.PUBLISHED, event.data.published_at)
    if await completion.complete_when_delivered(uow, event.data.partnership_id):
        log.info("partnership %s: every deliverable published, completed", event.data.partnership_id)


@handlers.on(ContentAmplificationRequested)
async def amplification_requested(uow: SqlUnitOfWork, event: Received[ContentAmplificationRequested]) -> None:
    await amplification_funding.decide(uow, event.data)


async def _deliverable_progress(
    uow: SqlUnitOfWork,
    event: Received[ContentApproved] | Received[ContentPublished],
    stage: DeliverableStage,
    at: datetime,
) -> None:
    data = event.data
    paid = await payments.record_deliverable_progress(
        uow,
        tenant_id=uow.tenant_id,
        partnership_id=data.partnership_id,
        deliverable_id=data.deliverable_id,
        stage=stage,
        at=at,
        event_id=event.id,
    )
    if paid is None:
        log.warning(
            "%s %s: partnership %s is not a running contract of tenant %s; ignored",
            event.type,
            event.id,
            data.partnership_id,
            uow.tenant_id,
        )


@handlers.on(ConversionAttributed)
async def conversion_attributed(uow: SqlUnitOfWork, event: Received[ConversionAttributed]) -> None:
    """A sale attributed to a partnership: a commission contract earns its commission on it."""
    await commissions.accrue(uow, event.data)

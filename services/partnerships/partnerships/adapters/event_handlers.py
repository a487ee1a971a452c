"""What partnerships does with other services' events (each in the consumer's transaction,
beside its inbox row, so a redelivered event has no second effect)."""

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from contracts import Envelope, EventData
from contracts.events.content import ContentApproved, ContentPublished
from contracts.events.discovery import InfluencerProfilesChanged, ShortlistAdded, ShortlistRemoved
from partnerships.adapters.influencer_directory import InfluencerDirectoryRepository
from partnerships.adapters.unit_of_work import SqlUnitOfWork
from partnerships.domain import partnership_actions
from partnerships.domain.influencers import KnownInfluencer
from partnerships.domain.partnerships import InfluencerProfile
from partnerships.domain.payments import DeliverableStage
from servicekit.consumer import EventHandlers, PermanentFailure
from servicekit.outbox import Outbox

log = logging.getLogger(__name__)


def event_handlers(outbox: Outbox) -> EventHandlers:
    handlers = EventHandlers()

    def unit_of_work(session: AsyncSession, envelope: Envelope) -> SqlUnitOfWork:
        if envelope.tenant_id is None:
            # Every campaign event belongs to a brand; one without its tenant is a producer's bug.
            raise PermanentFailure(f"{envelope.type} {envelope.id} has no tenant_id")
        return SqlUnitOfWork(session, outbox, envelope.tenant_id)

    @handlers.on(ShortlistAdded.event_type)
    async def shortlist_added(session: AsyncSession, envelope: Envelope, data: EventData) -> None:
        assert isinstance(data, ShortlistAdded)
        drafted = await partnership_actions.draft_from_shortlist(
            unit_of_work(session, envelope),
            campaign_id=data.campaign_id,
            influencer_id=data.influencer_id,
            influencer=InfluencerProfile(platform=data.platform, handle=data.handle, display_name=data.display_name),
        )
        if drafted is None:
            log.info("shortlist.added %s: no draft (campaign unknown or over, or one is open)", envelope.id)

    @handlers.on(InfluencerProfilesChanged.event_type)
    async def profiles_changed(session: AsyncSession, envelope: Envelope, data: EventData) -> None:
        # Shared-catalogue profiles belong to no org: these events may come without a tenant.
        assert isinstance(data, InfluencerProfilesChanged)
        await InfluencerDirectoryRepository(session).record(
            [
                KnownInfluencer(p.influencer_id, p.org_id, p.platform, p.handle, p.display_name, p.updated_at)
                for p in data.profiles
            ]
        )

    @handlers.on(ShortlistRemoved.event_type)
    async def shortlist_removed(session: AsyncSession, envelope: Envelope, data: EventData) -> None:
        assert isinstance(data, ShortlistRemoved)
        await partnership_actions.discard_shortlist_draft(
            unit_of_work(session, envelope), campaign_id=data.campaign_id, influencer_id=data.influencer_id
        )

    @handlers.on(ContentApproved.event_type, ContentPublished.event_type)
    async def content_progress(session: AsyncSession, envelope: Envelope, data: EventData) -> None:
        assert isinstance(data, ContentApproved | ContentPublished)
        paid = await partnership_actions.record_deliverable_progress(
            unit_of_work(session, envelope),
            tenant_id=envelope.tenant_id,
            partnership_id=data.partnership_id,
            deliverable_id=data.deliverable_id,
            stage=DeliverableStage.PUBLISHED if isinstance(data, ContentPublished) else DeliverableStage.APPROVED,
            at=data.published_at if isinstance(data, ContentPublished) else envelope.time,
            event_id=envelope.id,
        )
        if paid is None:
            log.warning(
                "%s %s: partnership %s is not a running contract of tenant %s; ignored",
                envelope.type,
                envelope.id,
                data.partnership_id,
                envelope.tenant_id,
            )

    return handlers

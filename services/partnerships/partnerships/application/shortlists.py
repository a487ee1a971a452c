"""What discovery's shortlists do to partnerships: a shortlisted influencer gets a draft the brand
can complete and propose; taken off the shortlist, its untouched draft goes."""

from uuid import UUID

from contracts.events import partnerships as events
from partnerships.application.changes import Change, now
from partnerships.application.lifecycle import cancel_partnership
from partnerships.application.ports import UnitOfWork
from partnerships.domain.negotiation import PartnershipState, Party
from partnerships.domain.partnerships import SYSTEM, InfluencerProfile, Origin, Partnership


async def draft_from_shortlist(
    uow: UnitOfWork, *, campaign_id: UUID, influencer_id: UUID, influencer: InfluencerProfile
) -> Partnership | None:
    """A draft for the shortlisted influencer. None when the campaign is not this tenant's or is
    over, or the influencer already has an open partnership."""
    campaign = await uow.campaigns.get(campaign_id, for_update=True)
    if campaign is None or not campaign.is_open:
        return None
    if await uow.partnerships.open_for(campaign_id, influencer_id) is not None:
        return None
    partnership = Partnership.start(
        tenant_id=campaign.tenant_id,
        campaign_id=campaign.id,
        influencer_id=influencer_id,
        influencer=influencer,
        origin=Origin.SHORTLIST,
        actor=SYSTEM,
        now=now(),
    )
    await uow.partnerships.add(partnership)
    await uow.events.record(
        events.PartnershipDrafted(
            partnership_id=partnership.id,
            campaign_id=campaign.id,
            influencer_id=influencer_id,
            origin=Origin.SHORTLIST.value,
            actor=Party.SYSTEM.value,
        ),
        subject=partnership.id,
        key=campaign.id,
    )
    return partnership


async def discard_shortlist_draft(uow: UnitOfWork, *, campaign_id: UUID, influencer_id: UUID) -> bool:
    """Taken off the shortlist: its draft goes too, unless the brand has already reached out."""
    campaign = await uow.campaigns.get(campaign_id, for_update=True)
    if campaign is None:
        return False
    found = await uow.partnerships.open_for(campaign_id, influencer_id)
    if (
        found is None
        or found.state is not PartnershipState.DRAFT
        or found.origin is not Origin.SHORTLIST
        or found.contacted_at is not None
    ):
        return False
    locked = await uow.partnerships.get(found.id, for_update=True)
    assert locked is not None
    await cancel_partnership(Change(uow, campaign, locked, SYSTEM, now()), "removed from the shortlist")
    return True

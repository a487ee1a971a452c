"""Shortlisting influencers for a campaign of the caller's org, and the events that tell partnerships."""

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from contracts.events.discovery import ShortlistAdded, ShortlistRemoved
from discovery.application.ports import UnitOfWork
from discovery.domain.actors import Actor
from discovery.domain.profiles import Influencer, now
from discovery.domain.shortlists import OPEN_FOR_SHORTLISTS, ShortlistEntry
from servicekit.campaigns import KnownCampaign
from servicekit.errors import Conflict, InvalidField, NotFound


async def campaign_of_org(uow: UnitOfWork, campaign_id: UUID) -> KnownCampaign:
    """A campaign discovery has heard of (campaign.created) that belongs to the caller's org."""
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None or campaign.tenant_id != uow.tenant_id:
        raise NotFound("campaign", campaign_id)
    return campaign


def _check_open(campaign: KnownCampaign) -> None:
    if campaign.state not in OPEN_FOR_SHORTLISTS:
        raise Conflict(f"the campaign is {campaign.state.value}: its shortlist is closed", state=campaign.state.value)


async def add(
    uow: UnitOfWork, actor: Actor, campaign_id: UUID, influencer_id: UUID, note: str | None
) -> tuple[ShortlistEntry, bool]:
    """The entry, and whether it is new (adding twice changes nothing and tells nobody)."""
    campaign = await campaign_of_org(uow, campaign_id)
    _check_open(campaign)
    influencer = await uow.influencers.get(influencer_id)
    if influencer is None:
        raise InvalidField("influencer_id", f"no influencer {influencer_id}")
    existing = await uow.shortlists.get(campaign_id, influencer_id)
    if existing is not None:
        return existing, False
    entry = ShortlistEntry(
        campaign_id=campaign_id,
        influencer_id=influencer_id,
        tenant_id=uow.tenant_id,
        note=note,
        added_by=actor.user_id,
        added_at=now(),
    )
    await uow.shortlists.add(entry)
    await uow.events.record(
        ShortlistAdded(
            campaign_id=campaign_id,
            influencer_id=influencer_id,
            platform=influencer.facts.platform.value,
            handle=influencer.facts.handle,
            display_name=influencer.facts.display_name,
            followers=influencer.facts.followers,
            note=note,
            added_by=actor.user_id,
        ),
        subject=campaign_id,
        key=campaign_id,
    )
    return entry, True


async def entries(
    uow: UnitOfWork, campaign_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
) -> Sequence[ShortlistEntry]:
    """The campaign's shortlist, most recently added first."""
    await campaign_of_org(uow, campaign_id)
    return await uow.shortlists.list(campaign_id, limit=limit, after=after)


async def with_profiles(uow: UnitOfWork, entries: Sequence[ShortlistEntry]) -> list[tuple[ShortlistEntry, Influencer]]:
    """Each entry with its profile, leaving out those whose profile the org no longer sees."""
    profiles = await uow.influencers.many([e.influencer_id for e in entries])
    return [(e, profiles[e.influencer_id]) for e in entries if e.influencer_id in profiles]


async def remove(uow: UnitOfWork, actor: Actor, campaign_id: UUID, influencer_id: UUID) -> None:
    campaign = await campaign_of_org(uow, campaign_id)
    _check_open(campaign)
    if await uow.shortlists.get(campaign_id, influencer_id) is None:
        raise NotFound("shortlist entry", influencer_id)
    await uow.shortlists.remove(campaign_id, influencer_id)
    await uow.events.record(
        ShortlistRemoved(campaign_id=campaign_id, influencer_id=influencer_id, removed_by=actor.user_id),
        subject=campaign_id,
        key=campaign_id,
    )

"""Shortlisting as the application does it, on a unit of work in memory (no I/O): which campaigns
take shortlists, which profiles may go on them, and what partnerships is told."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from contracts import CampaignState, Objective
from contracts.events.discovery import ShortlistAdded, ShortlistRemoved
from discovery.application import shortlists
from discovery.domain.actors import Actor
from discovery.domain.facts import ProfileFacts
from discovery.domain.profiles import SHARED_CATALOGUE, Platform
from servicekit.campaigns import CampaignDetails, CampaignNews
from servicekit.errors import Conflict, InvalidField, NotFound
from servicekit.testing import attempt, run

from .fakes import FakeUnitOfWork, Memory, keep_profile

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


class World:
    def __init__(self) -> None:
        self.memory = Memory()
        self.org = uuid.uuid4()
        self.uow = FakeUnitOfWork(self.memory, self.org)
        self.manager = Actor(tenant_id=self.org, user_id=uuid.uuid4(), is_admin=False)
        self.star = keep_profile(self.memory, SHARED_CATALOGUE, ProfileFacts(Platform.TIKTOK, "star", 40_000))

    def campaign(self, *states: CampaignState, org: uuid.UUID | None = None) -> uuid.UUID:
        """A campaign as partnerships' events told it: created, then each state in turn."""
        campaign_id, org = uuid.uuid4(), org or self.org
        details = CampaignDetails("Spring", Objective.AWARENESS, None, None, None)
        directory = self.uow.scoped_to(org).campaigns
        run(directory.record(CampaignNews(campaign_id, org, T0, CampaignState.DRAFT, details, created=True)))
        for minutes, state in enumerate(states, start=1):
            run(directory.record(CampaignNews(campaign_id, org, T0 + timedelta(minutes=minutes), state)))
        return campaign_id

    def add(self, campaign_id: uuid.UUID, influencer_id: uuid.UUID | None = None) -> object:
        influencer = influencer_id or self.star.id
        return attempt(self.memory, lambda: shortlists.add(self.uow, self.manager, campaign_id, influencer, None))


def test_a_profile_goes_on_the_shortlist_once_and_partnerships_is_told_once() -> None:
    world = World()
    campaign_id = world.campaign(CampaignState.ACTIVE)

    entry, new = world.add(campaign_id)  # type: ignore[misc]
    again, new_again = world.add(campaign_id)  # type: ignore[misc]

    assert (new, new_again) == (True, False)
    assert again == entry
    [told] = world.memory.told(ShortlistAdded)
    assert (told.campaign_id, told.influencer_id, told.handle, told.platform) == (
        campaign_id,
        world.star.id,
        "star",
        "tiktok",
    )
    assert [(e.key, e.tenant_id) for e in world.memory.events] == [(campaign_id, world.org)]


@pytest.mark.parametrize("state", [CampaignState.COMPLETED, CampaignState.CANCELLED])
def test_a_campaign_that_is_over_takes_no_shortlist_changes(state: CampaignState) -> None:
    world = World()
    campaign_id = world.campaign(CampaignState.ACTIVE, state)

    refused = world.add(campaign_id)

    assert isinstance(refused, Conflict)
    assert world.memory.shortlists == {}
    assert world.memory.events == []


def test_a_campaign_discovery_never_heard_of_or_of_another_org_is_not_found() -> None:
    world = World()
    theirs = world.campaign(org=uuid.uuid4())

    assert isinstance(world.add(uuid.uuid4()), NotFound)
    assert isinstance(world.add(theirs), NotFound)
    assert world.memory.events == []


def test_another_orgs_private_profile_cannot_be_shortlisted() -> None:
    world = World()
    campaign_id = world.campaign()
    hidden = keep_profile(world.memory, uuid.uuid4(), ProfileFacts(Platform.INSTAGRAM, "hidden", 9_000))

    refused = world.add(campaign_id, hidden.id)

    assert isinstance(refused, InvalidField)
    assert refused.field == "influencer_id"


def test_removing_tells_partnerships_and_removing_again_is_not_found() -> None:
    world = World()
    campaign_id = world.campaign()
    world.add(campaign_id)

    async def remove() -> None:
        await shortlists.remove(world.uow, world.manager, campaign_id, world.star.id)

    assert attempt(world.memory, remove) is None
    assert isinstance(attempt(world.memory, remove), NotFound)
    assert [e.influencer_id for e in world.memory.told(ShortlistRemoved)] == [world.star.id]
    assert world.memory.shortlists == {}

"""A running contract completes by itself once content has published every deliverable of its
terms; what is still owed is paid then, once."""

import uuid

from partnerships.application import campaigns, negotiation
from partnerships.application.completion import complete_when_delivered
from partnerships.domain.negotiation import PartnershipState
from partnerships.domain.payments import DeliverableStage
from servicekit.testing import run

from .test_partnership_flow import World


def test_a_contract_completes_when_its_last_deliverable_is_published() -> None:
    world = World()
    run(campaigns.launch_campaign(world.uow, world.campaign_id))
    contract = world.propose(100_000)
    creator_uow = world.uow_of(world.creator)
    run(negotiation.sign(creator_uow, world.creator, contract.id, expected_version=1))
    run(negotiation.sign(world.uow, world.brand, contract.id, expected_version=1))
    first, second = uuid.uuid4(), uuid.uuid4()
    world.content(contract.id, first, DeliverableStage.PUBLISHED)
    assert not run(complete_when_delivered(world.uow, contract.id)), "one of two published: still running"
    assert world.stored(contract.id).state is PartnershipState.ACTIVE

    world.content(contract.id, second, DeliverableStage.PUBLISHED)
    assert run(complete_when_delivered(world.uow, contract.id))
    assert world.stored(contract.id).state is PartnershipState.COMPLETED
    assert not run(complete_when_delivered(world.uow, contract.id)), "told again: nothing more"
    assert world.event_types().count("partnership.completed") == 1
    assert world.budget_view()[:2] == (0, 0), "nothing left reserved or committed"
    assert world.reconciled()


def test_another_orgs_or_an_unknown_partnership_completes_nothing() -> None:
    world = World()
    stranger = World()
    assert not run(complete_when_delivered(stranger.uow, uuid.uuid4()))
    contract = world.propose()
    assert not run(complete_when_delivered(stranger.uow, contract.id))
    assert world.stored(contract.id).state is PartnershipState.PROPOSED

"""Partnership actions end to end in the domain (no I/O): negotiation, money, events, access."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest

from contracts import Money
from contracts.events import partnerships as events
from partnerships.application import campaigns, lifecycle, messages, negotiation, payments, shortlists
from partnerships.domain.access import Caller, PermissionDenied
from partnerships.domain.budget import Account, BudgetExceeded
from partnerships.domain.campaigns import Objective
from partnerships.domain.influencers import UnknownInfluencer
from partnerships.domain.negotiation import ActionNotPermitted, PartnershipState, TransitionRefused
from partnerships.domain.partnerships import InfluencerProfile, Partnership
from partnerships.domain.payments import DeliverableStage
from partnerships.domain.terms import Terms
from servicekit.errors import Conflict, DomainError, NotFound
from servicekit.testing import attempt, run

from .fakes import FakeUnitOfWork, Memory, know


def terms(amount: int = 100_000, *, count: int = 2, schedule: list[dict[str, Any]] | None = None) -> Terms:
    return Terms.from_document(
        {
            "collaboration_type": "sponsored_post",
            "deliverables": [{"type": "reel", "platform": "instagram", "count": count, "due_on": None}],
            "fee": {"kind": "fixed", "amount": {"amount_minor": amount, "currency": "EUR"}},
            "payment_schedule": (
                schedule
                if schedule is not None
                else [
                    {"trigger": "on_signing", "percent": 20},
                    {"trigger": "on_approval", "percent": 30},
                    {"trigger": "on_publish", "percent": 50},
                ]
            ),
        }
    )


@dataclass
class World:
    budget: int = 250_000
    memory: Memory = field(default_factory=Memory)
    brand_tenant: UUID = field(default_factory=uuid.uuid4)
    influencer_id: UUID = field(default_factory=uuid.uuid4)

    def __post_init__(self) -> None:
        self.brand = Caller(self.brand_tenant, uuid.uuid4(), frozenset({"manager"}))
        self.analyst = Caller(self.brand_tenant, uuid.uuid4(), frozenset({"analyst"}))
        # The creator's own org is another tenant.
        self.creator = Caller(uuid.uuid4(), uuid.uuid4(), frozenset({"creator"}), self.influencer_id)
        self.uow = FakeUnitOfWork(self.memory, self.brand_tenant)
        know(self.memory, self.influencer_id, handle="ana")
        campaign = run(
            campaigns.create_campaign(
                self.uow,
                name="Summer",
                objective=Objective.CONVERSIONS,
                budget=Money(amount_minor=self.budget, currency="EUR"),
                starts_on=date(2027, 6, 1),
                ends_on=date(2099, 8, 31),
                target_audience=None,
                kpis=None,
            )
        )
        self.campaign_id = campaign.id

    def uow_of(self, caller: Caller) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.memory, caller.tenant_id)

    def propose(self, amount: int = 100_000, influencer_id: UUID | None = None, **kw: Any) -> Partnership:
        return run(
            negotiation.create_partnership(
                self.uow,
                self.brand,
                self.campaign_id,
                influencer_id=know(self.memory, influencer_id) if influencer_id else self.influencer_id,
                influencer=InfluencerProfile("instagram", "@ana", "Ana"),
                terms=terms(amount, **kw),
                propose=True,
            )
        )

    def budget_view(self) -> tuple[int, int, int, int]:
        view = self.memory.campaigns[self.campaign_id].budget_view()
        return view.reserved, view.committed, view.paid, view.remaining

    def event_types(self) -> list[str]:
        return [e.data.event_type for e in self.memory.events]

    def stored(self, partnership_id: UUID) -> Partnership:
        return self.memory.partnerships[partnership_id]

    def content(self, partnership_id: UUID, deliverable: UUID, stage: DeliverableStage) -> list[Any] | None:
        return run(
            payments.record_deliverable_progress(
                self.uow,
                tenant_id=self.brand_tenant,
                partnership_id=partnership_id,
                deliverable_id=deliverable,
                stage=stage,
                at=datetime.now(UTC),
                event_id=uuid.uuid4(),
            )
        )

    def reconciled(self) -> bool:
        report = run(campaigns.budget_report(self.uow, self.campaign_id))
        return report.reconciled


def test_proposal_counter_signatures_and_milestones_add_up() -> None:
    world = World()
    run(campaigns.launch_campaign(world.uow, world.campaign_id))
    proposed = world.propose(100_000)
    assert world.budget_view() == (100_000, 0, 0, 150_000)

    creator_uow = world.uow_of(world.creator)
    countered = run(negotiation.counter(creator_uow, world.creator, proposed.id, terms(120_000)))
    assert countered.state is PartnershipState.COUNTERED
    assert world.budget_view() == (100_000, 0, 0, 150_000), "a creator's counter moves no brand money"

    accepted = run(negotiation.sign(world.uow, world.brand, proposed.id, expected_version=2))
    assert accepted.state is PartnershipState.ACCEPTED
    assert world.budget_view() == (120_000, 0, 0, 130_000), "signing the counter makes it the brand's offer"

    signed = run(negotiation.sign(creator_uow, world.creator, proposed.id, expected_version=2))
    assert signed.state is PartnershipState.ACTIVE, "a contract signed in a running campaign runs at once"
    assert world.budget_view() == (0, 96_000, 24_000, 130_000), "on_signing (20%) is paid, the rest committed"
    signatures = world.stored(proposed.id).signatures
    assert {s.party.value for s in signatures} == {"brand", "creator"}
    assert len({s.terms_hash for s in signatures}) == 1

    first, second = uuid.uuid4(), uuid.uuid4()
    assert world.content(proposed.id, first, DeliverableStage.APPROVED) == []
    assert world.content(proposed.id, first, DeliverableStage.APPROVED) == [], "the same deliverable counts once"
    paid = world.content(proposed.id, second, DeliverableStage.APPROVED)
    assert paid is not None
    assert [(p.milestone.value, p.amount.amount_minor) for p in paid] == [("on_approval", 36_000)]
    world.content(proposed.id, first, DeliverableStage.PUBLISHED)
    world.content(proposed.id, second, DeliverableStage.PUBLISHED)
    assert world.content(proposed.id, second, DeliverableStage.PUBLISHED) == [], "paid once"
    assert world.budget_view() == (0, 0, 120_000, 130_000)

    run(lifecycle.complete(world.uow, world.brand, proposed.id))
    assert world.stored(proposed.id).state is PartnershipState.COMPLETED
    assert world.budget_view() == (0, 0, 120_000, 130_000)
    assert world.reconciled()
    assert world.event_types() == [
        "campaign.created",
        "campaign.launched",
        "partnership.proposed",
        "partnership.countered",
        "partnership.accepted",
        "partnership.signature_recorded",
        "partnership.signed",
        "payment.recorded",
        "partnership.activated",
        "payment.recorded",
        "payment.recorded",
        "partnership.completed",
    ]


def test_events_carry_the_actor_and_the_brands_tenant() -> None:
    world = World()
    proposed = world.propose()
    run(negotiation.decline(world.uow_of(world.creator), world.creator, proposed.id, reason="busy"))
    declined = world.memory.events[-1]
    assert isinstance(declined.data, events.PartnershipDeclined)
    assert declined.data.actor == "creator"
    assert declined.data.actor_user_id == world.creator.user_id
    assert declined.data.reason == "busy"
    assert declined.tenant_id == world.brand_tenant, "the creator acted on the brand's partnership"
    assert declined.key == world.campaign_id
    assert world.budget_view() == (0, 0, 0, 250_000), "declining releases the reservation"


def test_an_offer_beyond_the_budget_is_refused_and_changes_nothing() -> None:
    world = World(budget=150_000)
    world.propose(100_000)
    before = world.budget_view()
    refused = attempt(
        world.memory,
        lambda: negotiation.create_partnership(
            world.uow,
            world.brand,
            world.campaign_id,
            influencer_id=know(world.memory, uuid.uuid4()),
            influencer=InfluencerProfile(),
            terms=terms(60_000),
            propose=True,
        ),
    )
    assert isinstance(refused, BudgetExceeded)
    assert refused.details["remaining"]["amount_minor"] == 50_000
    assert world.budget_view() == before
    assert len(world.memory.partnerships) == 1


def test_wrong_side_and_wrong_role_and_stranger() -> None:
    world = World()
    proposed = world.propose()
    with pytest.raises(ActionNotPermitted):
        run(negotiation.accept(world.uow, world.brand, proposed.id, expected_version=1))
    with pytest.raises(ActionNotPermitted):
        run(negotiation.withdraw(world.uow_of(world.creator), world.creator, proposed.id, reason=None))
    with pytest.raises(PermissionDenied):
        run(negotiation.withdraw(world.uow, world.analyst, proposed.id, reason=None))
    stranger = Caller(uuid.uuid4(), uuid.uuid4(), frozenset({"creator"}), uuid.uuid4())
    with pytest.raises(NotFound):
        run(negotiation.get_partnership(world.uow_of(stranger), stranger, proposed.id))
    other_brand = Caller(uuid.uuid4(), uuid.uuid4(), frozenset({"owner"}))
    with pytest.raises(NotFound):
        run(negotiation.withdraw(world.uow_of(other_brand), other_brand, proposed.id, reason=None))


def test_a_brand_proposes_only_to_an_influencer_discovery_told_it_may_see() -> None:
    world = World()

    def offer(influencer_id: UUID) -> Partnership | DomainError:
        return attempt(
            world.memory,
            lambda: negotiation.create_partnership(
                world.uow,
                world.brand,
                world.campaign_id,
                influencer_id=influencer_id,
                influencer=InfluencerProfile(),
                terms=terms(10_000),
                propose=True,
            ),
        )

    someone_elses = know(world.memory, uuid.uuid4(), org_id=uuid.uuid4())
    for refused in (offer(uuid.uuid4()), offer(someone_elses)):
        assert isinstance(refused, UnknownInfluencer)
        assert refused.field == "influencer_id"
    assert world.memory.partnerships == {}
    own = offer(know(world.memory, uuid.uuid4(), org_id=world.brand_tenant, handle="own.one"))
    shared = offer(know(world.memory, uuid.uuid4(), handle="shared.one"))
    assert isinstance(own, Partnership)
    assert isinstance(shared, Partnership)
    assert own.influencer == InfluencerProfile("instagram", "own.one", "Own.One")


def test_a_stale_version_is_refused() -> None:
    world = World()
    proposed = world.propose()
    run(negotiation.counter(world.uow_of(world.creator), world.creator, proposed.id, terms(90_000)))
    run(negotiation.counter(world.uow, world.brand, proposed.id, terms(95_000), expected_version=2))
    with pytest.raises(Conflict) as stale:
        run(negotiation.accept(world.uow_of(world.creator), world.creator, proposed.id, expected_version=2))
    assert stale.value.details["terms_version"] == 3
    assert not isinstance(stale.value, TransitionRefused)


def test_drafts_stay_private_until_the_brand_reaches_out() -> None:
    world = World()
    draft = run(
        negotiation.create_partnership(
            world.uow,
            world.brand,
            world.campaign_id,
            influencer_id=world.influencer_id,
            influencer=InfluencerProfile(handle="@ana"),
            terms=None,
            propose=False,
        )
    )
    creator_uow = world.uow_of(world.creator)
    with pytest.raises(NotFound):
        run(negotiation.get_partnership(creator_uow, world.creator, draft.id))
    run(messages.post_message(world.uow, world.brand, draft.id, body="Fancy a collab?", template_id=None))
    seen = run(negotiation.get_partnership(creator_uow, world.creator, draft.id))
    assert seen.party.value == "creator"
    assert seen.partnership.allowed_actions(seen.party) == []
    assert world.budget_view() == (0, 0, 0, 250_000), "a draft reserves nothing"


def test_completing_the_campaign_pays_running_contracts_and_cancels_negotiations() -> None:
    world = World()
    run(campaigns.launch_campaign(world.uow, world.campaign_id))
    running = world.propose(100_000)
    creator_uow = world.uow_of(world.creator)
    run(negotiation.accept(creator_uow, world.creator, running.id, expected_version=1))
    run(negotiation.sign(creator_uow, world.creator, running.id, expected_version=1))
    run(negotiation.sign(world.uow, world.brand, running.id, expected_version=1))
    negotiating = world.propose(50_000, influencer_id=uuid.uuid4())
    assert world.budget_view() == (50_000, 80_000, 20_000, 100_000)

    run(campaigns.complete_campaign(world.uow, world.campaign_id))
    assert world.stored(running.id).state is PartnershipState.COMPLETED
    assert world.stored(negotiating.id).state is PartnershipState.CANCELLED
    assert world.budget_view() == (0, 0, 100_000, 150_000)
    assert world.reconciled()
    assert world.event_types()[-1] == "campaign.completed"


def test_cancelling_the_campaign_releases_what_was_not_paid() -> None:
    world = World()
    run(campaigns.launch_campaign(world.uow, world.campaign_id))
    contract = world.propose(100_000)
    creator_uow = world.uow_of(world.creator)
    run(negotiation.sign(creator_uow, world.creator, contract.id, expected_version=1))
    run(negotiation.sign(world.uow, world.brand, contract.id, expected_version=1))
    run(campaigns.cancel_campaign(world.uow, world.campaign_id, reason="recall"))
    assert world.stored(contract.id).state is PartnershipState.CANCELLED
    assert world.budget_view() == (0, 0, 20_000, 230_000), "the on_signing payout stays paid"
    assert world.reconciled()


def test_signed_contracts_wait_for_the_campaign_to_launch() -> None:
    world = World()
    contract = world.propose()
    creator_uow = world.uow_of(world.creator)
    run(negotiation.sign(creator_uow, world.creator, contract.id, expected_version=1))
    run(negotiation.sign(world.uow, world.brand, contract.id, expected_version=1))
    assert world.stored(contract.id).state is PartnershipState.SIGNED
    run(campaigns.launch_campaign(world.uow, world.campaign_id))
    assert world.stored(contract.id).state is PartnershipState.ACTIVE
    assert world.event_types()[-1] == "partnership.activated"


def test_a_shortlisted_influencer_gets_one_draft_which_leaves_with_it() -> None:
    world = World()
    profile = InfluencerProfile("tiktok", "@ana", None)
    drafted = run(
        shortlists.draft_from_shortlist(
            world.uow, campaign_id=world.campaign_id, influencer_id=world.influencer_id, influencer=profile
        )
    )
    assert drafted is not None
    assert drafted.state is PartnershipState.DRAFT
    again = run(
        shortlists.draft_from_shortlist(
            world.uow, campaign_id=world.campaign_id, influencer_id=world.influencer_id, influencer=profile
        )
    )
    assert again is None
    stranger = FakeUnitOfWork(world.memory, uuid.uuid4())
    assert (
        run(
            shortlists.draft_from_shortlist(
                stranger, campaign_id=world.campaign_id, influencer_id=uuid.uuid4(), influencer=profile
            )
        )
        is None
    ), "another tenant's shortlist event cannot draft into this campaign"
    assert run(
        shortlists.discard_shortlist_draft(world.uow, campaign_id=world.campaign_id, influencer_id=world.influencer_id)
    )
    assert world.stored(drafted.id).state is PartnershipState.CANCELLED


def test_content_events_of_another_tenant_or_a_closed_partnership_pay_nothing() -> None:
    world = World()
    run(campaigns.launch_campaign(world.uow, world.campaign_id))
    contract = world.propose(schedule=[{"trigger": "on_publish", "percent": 100}], count=1)
    run(negotiation.sign(world.uow_of(world.creator), world.creator, contract.id, expected_version=1))
    run(negotiation.sign(world.uow, world.brand, contract.id, expected_version=1))
    forged = run(
        payments.record_deliverable_progress(
            world.uow,
            tenant_id=uuid.uuid4(),
            partnership_id=contract.id,
            deliverable_id=uuid.uuid4(),
            stage=DeliverableStage.PUBLISHED,
            at=datetime.now(UTC),
            event_id=uuid.uuid4(),
        )
    )
    assert forged is None
    assert world.budget_view()[2] == 0
    run(lifecycle.cancel(world.uow, world.brand, contract.id, reason=None))
    assert world.content(contract.id, uuid.uuid4(), DeliverableStage.PUBLISHED) is None
    assert world.budget_view() == (0, 0, 0, 250_000)


def test_ledger_postings_balance_per_transaction() -> None:
    world = World()
    world.propose()
    for _, posting in world.memory.postings:
        assert posting.source != posting.destination
    accounts = {p.destination for _, p in world.memory.postings} | {p.source for _, p in world.memory.postings}
    assert accounts == {Account.FUNDING, Account.AVAILABLE, Account.RESERVED}

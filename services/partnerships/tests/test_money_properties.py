"""Random sequences of everything brands, creators, content and the campaign do never make
reserved + committed + paid exceed the budget, and the ledger always says what the totals say."""

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from uuid import UUID

from hypothesis import HealthCheck, event, settings, target
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from contracts import Money
from partnerships.application import campaigns, lifecycle, negotiation, payments
from partnerships.domain.access import Caller
from partnerships.domain.budget import Account
from partnerships.domain.campaigns import Objective
from partnerships.domain.negotiation import CONTRACT_STATES, NEGOTIATING_STATES, PartnershipState
from partnerships.domain.partnerships import InfluencerProfile, Partnership
from partnerships.domain.payments import DeliverableStage
from partnerships.domain.terms import Terms
from servicekit.testing import attempt, run

from .fakes import FakeUnitOfWork, Memory, know

INFLUENCERS = 4
SCHEDULES = [
    [],
    [{"trigger": "on_signing", "percent": 100}],
    [{"trigger": "on_signing", "percent": 33}, {"trigger": "on_publish", "percent": 67}],
    [
        {"trigger": "on_signing", "percent": 10},
        {"trigger": "on_approval", "percent": 45},
        {"trigger": "on_publish", "percent": 45},
    ],
]
FEES = ["fixed", "per_deliverable", "commission", "gifting"]


def make_terms(kind: str, amount: int, schedule: int, count: int) -> Terms:
    money = {"amount_minor": amount, "currency": "EUR"}
    fee: dict[str, object] = {
        "fixed": {"kind": "fixed", "amount": money},
        "per_deliverable": {"kind": "per_deliverable", "amount": money},
        "commission": {"kind": "commission", "rate_bps": 1000, "cap": money},
        "gifting": {"kind": "gifting", "product": "Shoes", "declared_value": money},
    }[kind]
    return Terms.from_document(
        {
            "collaboration_type": "product_review",
            "deliverables": [{"type": "post", "platform": "instagram", "count": count}],
            "fee": fee,
            "payment_schedule": [] if kind == "commission" else SCHEDULES[schedule],
        }
    )


terms_strategy = st.builds(
    make_terms,
    kind=st.sampled_from(FEES),
    amount=st.integers(min_value=1, max_value=40_000),
    schedule=st.integers(min_value=0, max_value=len(SCHEDULES) - 1),
    count=st.integers(min_value=1, max_value=2),
)
who = st.integers(min_value=0, max_value=INFLUENCERS - 1)
party = st.sampled_from(["brand", "creator"])


class MoneyMachine(RuleBasedStateMachine):
    @initialize(budget=st.integers(min_value=0, max_value=200_000), launched=st.sampled_from([True, True, False]))
    def start(self, budget: int, launched: bool) -> None:
        self.memory = Memory()
        self.tenant = uuid.uuid4()
        self.brand = Caller(self.tenant, uuid.uuid4(), frozenset({"owner"}))
        self.influencers = [know(self.memory, uuid.uuid4()) for _ in range(INFLUENCERS)]
        self.creators = [Caller(uuid.uuid4(), uuid.uuid4(), frozenset({"creator"}), i) for i in self.influencers]
        self.deliverables = [uuid.uuid4() for _ in range(2)]
        self.budget = budget
        campaign = run(
            campaigns.create_campaign(
                self.uow(self.brand),
                name="Property",
                objective=Objective.ENGAGEMENT,
                budget=Money(amount_minor=budget, currency="EUR"),
                starts_on=date(2027, 1, 1),
                ends_on=date(2099, 1, 1),
                target_audience=None,
                kpis=None,
            )
        )
        self.campaign_id = campaign.id
        if launched:
            run(campaigns.launch_campaign(self.uow(self.brand), campaign.id))

    def uow(self, caller: Caller) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.memory, caller.tenant_id)

    def pick(self, index: int) -> tuple[UUID, int] | None:
        """The latest partnership of one of the influencers that have any, and that influencer."""
        latest: dict[int, Partnership] = {}
        for partnership in self.memory.partnerships.values():
            i = self.influencers.index(partnership.influencer_id)
            if i not in latest or partnership.created_at >= latest[i].created_at:
                latest[i] = partnership
        if not latest:
            return None
        chosen = sorted(latest)[index % len(latest)]
        return latest[chosen].id, chosen

    def act(self, side: str, index: int, function: Callable[..., Awaitable[object]], **kwargs: object) -> None:
        picked = self.pick(index)
        if picked is None:
            return
        partnership_id, influencer = picked
        caller = self.brand if side == "brand" else self.creators[influencer]
        if function in (negotiation.accept, negotiation.sign):
            kwargs["expected_version"] = max(self.memory.partnerships[partnership_id].terms_version, 1)
        attempt(self.memory, lambda: function(self.uow(caller), caller, partnership_id, **kwargs))

    @rule(index=who, terms=terms_strategy, propose=st.sampled_from([True, True, True, False]))
    def create(self, index: int, terms: Terms, propose: bool) -> None:
        attempt(
            self.memory,
            lambda: negotiation.create_partnership(
                self.uow(self.brand),
                self.brand,
                self.campaign_id,
                influencer_id=self.influencers[index],
                influencer=InfluencerProfile(),
                terms=terms,
                propose=propose,
            ),
        )

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who, terms=st.one_of(st.none(), terms_strategy))
    def propose(self, index: int, terms: Terms | None) -> None:
        self.act("brand", index, negotiation.propose, terms=terms)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who, side=party, terms=terms_strategy)
    def counter(self, index: int, side: str, terms: Terms) -> None:
        self.act(side, index, negotiation.counter, terms=terms)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who)
    def accept(self, index: int) -> None:
        self.act("creator", index, negotiation.accept)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who, side=party)
    def sign(self, index: int, side: str) -> None:
        self.act(side, index, negotiation.sign)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who)
    def agree(self, index: int) -> None:
        """Both sides sign whatever is on the table (whoever's turn it is goes first)."""
        for side in ("creator", "brand", "creator"):
            self.sign(index, side)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who)
    def decline(self, index: int) -> None:
        self.act("creator", index, negotiation.decline, reason=None)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who)
    def withdraw(self, index: int) -> None:
        self.act("brand", index, negotiation.withdraw, reason=None)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who)
    def cancel(self, index: int) -> None:
        self.act("brand", index, lifecycle.cancel, reason=None)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who)
    def complete(self, index: int) -> None:
        self.act("brand", index, lifecycle.complete)

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who, deliverable=st.integers(min_value=0, max_value=1), published=st.booleans())
    def content(self, index: int, deliverable: int, published: bool) -> None:
        picked = self.pick(index)
        if picked is None:
            return
        partnership_id, _ = picked
        attempt(
            self.memory,
            lambda: payments.record_deliverable_progress(
                self.uow(self.brand),
                tenant_id=self.tenant,
                partnership_id=partnership_id,
                deliverable_id=self.deliverables[deliverable],
                stage=DeliverableStage.PUBLISHED if published else DeliverableStage.APPROVED,
                at=datetime.now(UTC),
                event_id=uuid.uuid4(),
            ),
        )

    @precondition(lambda self: bool(self.memory.partnerships))
    @rule(index=who)
    def deliver(self, index: int) -> None:
        """Content approves and publishes every deliverable."""
        for deliverable in (0, 1):
            for published in (False, True):
                self.content(index, deliverable, published)

    @rule(amount=st.integers(min_value=0, max_value=150_000))
    def rebudget(self, amount: int) -> None:
        result = attempt(
            self.memory,
            lambda: campaigns.update_campaign(
                self.uow(self.brand), self.campaign_id, {"budget": Money(amount_minor=amount, currency="EUR")}
            ),
        )
        if not isinstance(result, Exception):
            self.budget = amount

    @rule(action=st.sampled_from(["launch_campaign", "complete_campaign"]))
    def campaign_moves(self, action: str) -> None:
        attempt(self.memory, lambda: getattr(campaigns, action)(self.uow(self.brand), self.campaign_id))

    @invariant()
    def never_overdrawn(self) -> None:
        view = self.memory.campaigns[self.campaign_id].budget_view()
        assert min(view.reserved, view.committed, view.paid) >= 0
        assert view.reserved + view.committed + view.paid <= view.budget == self.budget

    @invariant()
    def campaign_totals_are_the_partnerships_sums(self) -> None:
        campaign = self.memory.campaigns[self.campaign_id].allocation
        shares = [p.allocation for p in self.memory.partnerships.values()]
        assert campaign.reserved == sum(s.reserved for s in shares)
        assert campaign.committed == sum(s.committed for s in shares)
        assert campaign.paid == sum(s.paid for s in shares)

    @invariant()
    def ledger_reconciles(self) -> None:
        report = run(campaigns.budget_report(self.uow(self.brand), self.campaign_id))
        assert report.reconciled, (report.ledger, report.view)
        assert report.ledger[Account.FUNDING] == -self.budget

    @invariant()
    def each_partnership_holds_what_its_state_says(self) -> None:
        for partnership in self.memory.partnerships.values():
            event(f"a partnership reached {partnership.state}")
            held = partnership.allocation
            payouts = [p for p in self.memory.payouts if p.partnership_id == partnership.id]
            assert held.paid == sum(p.amount.amount_minor for p in payouts)
            assert len({p.milestone for p in payouts}) == len(payouts)
            if partnership.state in NEGOTIATING_STATES:
                assert held.committed == held.paid == 0
            elif partnership.state in CONTRACT_STATES:
                assert partnership.terms is not None
                assert held.reserved == 0
                assert held.committed + held.paid == partnership.terms.budgeted_minor
            else:
                assert held.reserved == held.committed == 0
            if partnership.state is PartnershipState.COMPLETED and partnership.terms is not None:
                commission = partnership.terms.fee.rate_bps is not None
                assert held.paid == (0 if commission else partnership.terms.budgeted_minor)

    def teardown(self) -> None:
        # Steers generation towards runs where money actually moves through contracts.
        if hasattr(self, "memory"):
            paid = sum(p.allocation.paid > 0 for p in self.memory.partnerships.values())
            target(float(paid), label="partnerships paid")


TestMoneyProperties = MoneyMachine.TestCase
TestMoneyProperties.settings = settings(
    max_examples=100, stateful_step_count=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

"""Terms (validation, amounts, hash), the budget purse and the ledger, and message templates."""

import uuid
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts import Money
from partnerships.domain.budget import (
    Account,
    Allocation,
    BudgetExceeded,
    BudgetView,
    Posting,
    Purse,
    balances,
    funding_change,
)
from partnerships.domain.campaigns import Campaign, Objective
from partnerships.domain.messages import check_template_body, format_money, render
from partnerships.domain.negotiation import Party
from partnerships.domain.partnerships import Actor, InfluencerProfile, Origin, Partnership
from partnerships.domain.terms import MilestoneTrigger, Terms, check_terms, terms_hash
from servicekit.errors import Conflict, InvalidField


def document(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "collaboration_type": "sponsored_post",
        "deliverables": [{"type": "reel", "platform": "instagram", "count": 2, "due_on": "2027-06-15"}],
        "fee": {"kind": "fixed", "amount": {"amount_minor": 100_000, "currency": "EUR"}},
        "payment_schedule": [{"trigger": "on_signing", "percent": 30}, {"trigger": "on_publish", "percent": 70}],
    }
    return base | overrides


def check(terms: Terms, currency: str | None = "EUR") -> None:
    check_terms(terms, currency=currency, starts_on=date(2027, 6, 1), ends_on=date(2027, 6, 30))


def test_document_round_trips_and_the_hash_is_stable() -> None:
    terms = Terms.from_document(document())
    assert Terms.from_document(terms.to_document()) == terms
    pid = uuid.uuid4()
    assert terms_hash(pid, 1, terms) == terms_hash(pid, 1, Terms.from_document(document()))
    assert terms_hash(pid, 1, terms).startswith("sha256:")
    assert terms_hash(pid, 2, terms) != terms_hash(pid, 1, terms)
    other_fee = Terms.from_document(
        document(fee={"kind": "fixed", "amount": {"amount_minor": 100_001, "currency": "EUR"}})
    )
    assert terms_hash(pid, 1, other_fee) != terms_hash(pid, 1, terms)


@pytest.mark.parametrize(
    ("fee", "budgeted"),
    [
        ({"kind": "fixed", "amount": {"amount_minor": 100_000, "currency": "EUR"}}, 100_000),
        ({"kind": "per_deliverable", "amount": {"amount_minor": 30_000, "currency": "EUR"}}, 60_000),
        ({"kind": "commission", "rate_bps": 1500, "cap": {"amount_minor": 50_000, "currency": "EUR"}}, 50_000),
        (
            {
                "kind": "gifting",
                "product": "Trail shoes",
                "declared_value": {"amount_minor": 12_000, "currency": "EUR"},
            },
            12_000,
        ),
    ],
)
def test_what_each_fee_kind_costs_the_budget(fee: dict[str, Any], budgeted: int) -> None:
    schedule = [] if fee["kind"] == "commission" else document()["payment_schedule"]
    terms = Terms.from_document(document(fee=fee, payment_schedule=schedule))
    check(terms)
    assert terms.budgeted_minor == budgeted


def test_default_schedules() -> None:
    cash = Terms.from_document(document(payment_schedule=[]))
    gift = Terms.from_document(
        document(
            fee={"kind": "gifting", "product": "Shoes", "declared_value": {"amount_minor": 1, "currency": "EUR"}},
            payment_schedule=[],
        )
    )
    assert [(m.trigger, m.percent) for m in cash.payment_schedule] == [(MilestoneTrigger.ON_PUBLISH, 100)]
    assert [(m.trigger, m.percent) for m in gift.payment_schedule] == [(MilestoneTrigger.ON_SIGNING, 100)]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"fee": {"kind": "fixed", "amount": {"amount_minor": 1, "currency": "USD"}}}, "terms.fee.amount.currency"),
        (
            {"fee": {"kind": "gifting", "product": "x", "declared_value": {"amount_minor": 5, "currency": "USD"}}},
            "terms.fee.declared_value.currency",
        ),
        ({"fee": {"kind": "fixed", "amount": {"amount_minor": 0, "currency": "EUR"}}}, "terms.fee.amount.amount_minor"),
        ({"payment_schedule": [{"trigger": "on_signing", "percent": 50}]}, "terms.payment_schedule"),
        (
            {"payment_schedule": [{"trigger": "on_publish", "percent": 50}, {"trigger": "on_publish", "percent": 50}]},
            "terms.payment_schedule",
        ),
        (
            {
                "fee": {"kind": "commission", "rate_bps": 100, "cap": {"amount_minor": 5, "currency": "EUR"}},
                "payment_schedule": [{"trigger": "on_publish", "percent": 100}],
            },
            "terms.payment_schedule",
        ),
        ({"deliverables": [{"type": "reel", "platform": "tiktok", "count": 1, "due_on": "2027-07-02"}]}, None),
        ({"deliverables": [{"type": "reel", "platform": "tiktok", "count": 1, "due_on": "2027-05-02"}]}, None),
    ],
)
def test_bad_terms_name_their_field(overrides: dict[str, Any], field: str | None) -> None:
    with pytest.raises(InvalidField) as refused:
        check(Terms.from_document(document(**overrides)))
    assert refused.value.field == (field or "terms.deliverables.0.due_on")


@given(
    total=st.integers(min_value=0, max_value=10**12),
    percents=st.lists(st.integers(min_value=1, max_value=98), min_size=1, max_size=2),
)
def test_milestone_amounts_always_add_up_to_the_fee(total: int, percents: list[int]) -> None:
    if sum(percents) >= 100:
        percents = [1] * len(percents)
    shares = [*percents, 100 - sum(percents)]
    triggers = list(MilestoneTrigger)[: len(shares)]
    terms = Terms.from_document(
        document(
            fee={"kind": "fixed", "amount": {"amount_minor": max(total, 1), "currency": "JPY"}},
            payment_schedule=[{"trigger": t.value, "percent": p} for t, p in zip(triggers, shares, strict=True)],
        )
    )
    amounts = terms.milestone_amounts()
    assert sum(amounts.values()) == terms.budgeted_minor
    assert all(amount >= 0 for amount in amounts.values())


# ---- the purse: budget arithmetic and its ledger


def _view(budget: int, allocation: Allocation) -> BudgetView:
    return BudgetView("EUR", budget, allocation.reserved, allocation.committed, allocation.paid)


def test_an_offer_beyond_the_remaining_budget_is_refused_with_the_numbers() -> None:
    campaign = Allocation(reserved=70_000)
    purse = Purse(_view(100_000, campaign), campaign, Allocation(), uuid.uuid4())
    with pytest.raises(BudgetExceeded) as refused:
        purse.reserve_exactly(40_000)
    details = refused.value.details
    assert details["remaining"] == {"amount_minor": 30_000, "currency": "EUR"}
    assert details["requested"] == {"amount_minor": 40_000, "currency": "EUR"}
    assert details["budget"]["amount_minor"] == 100_000
    assert details["reserved"]["amount_minor"] == 70_000
    assert campaign == Allocation(reserved=70_000)


def test_a_lower_counter_releases_part_of_the_reservation() -> None:
    campaign, mine = Allocation(), Allocation()
    pid = uuid.uuid4()
    Purse(_view(100, campaign), campaign, mine, pid).reserve_exactly(80)
    postings = Purse(_view(100, campaign), campaign, mine, pid).reserve_exactly(50)
    assert campaign.reserved == mine.reserved == 50
    assert postings == [Posting(postings[0].kind, Account.RESERVED, Account.AVAILABLE, 30, "EUR", pid)]


def test_a_budget_cannot_shrink_below_what_is_held_nor_change_currency() -> None:
    campaign = Campaign.draft(
        tenant_id=uuid.uuid4(), name="c", objective=Objective.AWARENESS, budget=Money(amount_minor=100, currency="EUR")
    )
    campaign.allocation = Allocation(reserved=40, paid=20)
    now = campaign.created_at
    with pytest.raises(Conflict) as below:
        campaign.revise({"budget": Money(amount_minor=59, currency="EUR")}, now=now)
    assert below.value.details["field"] == "budget.amount_minor"
    with pytest.raises(Conflict):
        campaign.revise({"budget": Money(amount_minor=500, currency="USD")}, now=now)
    postings = campaign.revise({"budget": Money(amount_minor=60, currency="EUR")}, now=now)
    assert [(p.source, p.destination, p.amount_minor) for p in postings] == [(Account.AVAILABLE, Account.FUNDING, 40)]


@st.composite
def purse_operations(draw: st.DrawFn) -> list[tuple[str, int, int]]:
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(["reserve", "release", "commit", "pay", "release_commitment", "rebudget"]),
                st.integers(min_value=0, max_value=3),
                st.integers(min_value=0, max_value=50_000),
            ),
            max_size=60,
        )
    )


@given(budget=st.integers(min_value=0, max_value=100_000), operations=purse_operations())
def test_no_sequence_of_movements_overdraws_and_the_ledger_always_agrees(
    budget: int, operations: list[tuple[str, int, int]]
) -> None:
    campaign = Allocation()
    shares = [Allocation() for _ in range(4)]
    ids = [uuid.uuid4() for _ in shares]
    postings = funding_change(None, Money(amount_minor=budget, currency="EUR"))
    for name, who, amount in operations:
        purse = Purse(_view(budget, campaign), campaign, shares[who], ids[who])
        try:
            if name == "reserve":
                postings += purse.reserve_exactly(amount)
            elif name == "release":
                postings += purse.release_reservation()
            elif name == "commit":
                postings += purse.commit_reservation()
            elif name == "pay":
                postings += purse.pay(min(amount, shares[who].committed))
            elif name == "release_commitment":
                postings += purse.release_commitment()
            elif campaign.total <= amount:
                postings += funding_change(
                    Money(amount_minor=budget, currency="EUR"), Money(amount_minor=amount, currency="EUR")
                )
                budget = amount
        except BudgetExceeded:
            pass
        assert min(campaign.reserved, campaign.committed, campaign.paid) >= 0
        assert campaign.reserved + campaign.committed + campaign.paid <= budget
        assert campaign.reserved == sum(s.reserved for s in shares)
        assert campaign.committed == sum(s.committed for s in shares)
        assert campaign.paid == sum(s.paid for s in shares)
        ledger = balances(postings, "EUR")
        assert ledger == {
            Account.FUNDING: -budget,
            Account.AVAILABLE: budget - campaign.total,
            Account.RESERVED: campaign.reserved,
            Account.COMMITTED: campaign.committed,
            Account.PAID: campaign.paid,
        }
        assert all(p.amount_minor > 0 for p in postings)


# ---- templates


def _partnership(terms: Terms | None, influencer: InfluencerProfile) -> tuple[Campaign, Partnership]:
    campaign = Campaign.draft(
        tenant_id=uuid.uuid4(), name="Summer Run", objective=Objective.CONVERSIONS, starts_on=date(2027, 6, 1)
    )
    partnership = Partnership.start(
        tenant_id=campaign.tenant_id,
        campaign_id=campaign.id,
        influencer_id=uuid.uuid4(),
        influencer=influencer,
        origin=Origin.API,
        actor=Actor(Party.BRAND),
        now=campaign.created_at,
        terms=terms,
    )
    return campaign, partnership


def test_a_template_fills_influencer_campaign_and_partnership_fields() -> None:
    campaign, partnership = _partnership(
        Terms.from_document(document()), InfluencerProfile("instagram", "@runner", "Ana Runner")
    )
    body = "Hi {{ influencer.name }} ({{influencer.handle}} on {{ influencer.platform }}): {{ campaign.name }} from "
    body += "{{ campaign.starts_on }}, {{ partnership.deliverables }} for {{ partnership.fee }}."
    assert render(body, campaign, partnership) == (
        "Hi Ana Runner (@runner on instagram): Summer Run from 2027-06-01, 2 x instagram reel for 1,000.00 EUR."
    )


def test_a_template_refuses_unknown_fields_and_blanks() -> None:
    with pytest.raises(InvalidField, match=r"influencer\.shoe_size") as unknown:
        check_template_body("Hi {{ influencer.shoe_size }}")
    assert unknown.value.field == "body"
    campaign, partnership = _partnership(None, InfluencerProfile())
    with pytest.raises(InvalidField, match=r"influencer\.name.*partnership\.fee") as blank:
        render("Hi {{ influencer.name }}, {{ partnership.fee }}", campaign, partnership)
    assert blank.value.field == "template_id"


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [(123456, "EUR", "1,234.56 EUR"), (5, "USD", "0.05 USD"), (1500, "JPY", "1,500 JPY"), (1234, "KWD", "1.234 KWD")],
)
def test_money_is_formatted_by_its_currency_exponent(amount: int, currency: str, text: str) -> None:
    assert format_money(Money(amount_minor=amount, currency=currency)) == text

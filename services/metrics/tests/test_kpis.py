"""KPI formulas against a campaign computed by hand: three posts on three platforms, two
partnerships (a fixed fee and a commission), tracked and platform-reported clicks, orders in two
currencies with a refund and a cancellation, paid spend in a third; zero denominators are null."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from contracts import FeeKind
from metrics.domain.costs import ContractCost, fee_cost, spread
from metrics.domain.emv import emv_minor
from metrics.domain.kpis import Totals, compute_kpis
from metrics.domain.measurement import (
    ContractFigures,
    ConversionFigures,
    EmvValues,
    LinkFigures,
    PostFigures,
    ScopeFigures,
    measure,
)
from metrics.domain.money import DatedAmount, ExchangeRate, RateBook

P1, P2 = uuid.uuid4(), uuid.uuid4()
DA, DB, DC = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
MARCH = [date(2026, 3, d) for d in range(1, 32)]


def rates(*, with_gbp: bool = True) -> RateBook:
    listed = [
        ExchangeRate(uuid.uuid4(), "USD", "EUR", Decimal("0.9"), MARCH[0]),
        ExchangeRate(uuid.uuid4(), "USD", "EUR", Decimal("0.8"), MARCH[9]),
    ]
    if with_gbp:
        listed.append(ExchangeRate(uuid.uuid4(), "GBP", "EUR", Decimal("1.15"), MARCH[0]))
    return RateBook(listed)


def campaign(book: RateBook) -> ScopeFigures:
    fixed = ContractCost(FeeKind.FIXED, 100_000, signed=True, cancelled=False, paid_minor=0, commission_minor=0)
    commission = ContractCost(
        FeeKind.COMMISSION, 50_000, signed=True, cancelled=False, paid_minor=0, commission_minor=5_000
    )
    return ScopeFigures(
        currency="EUR",
        today=MARCH[20],
        rates=book,
        posts=[
            PostFigures(
                uuid.uuid4(),
                P1,
                DA,
                {
                    "views": 10_000,
                    "impressions": 12_000,
                    "reach": 8_000,
                    "likes": 500,
                    "comments": 50,
                    "saves": 30,
                    "shares": 20,
                    "interactions": 9_999,
                },
                covered_by_link=True,
            ),
            PostFigures(uuid.uuid4(), P1, DB, {"reach": 2_000, "likes": 100, "comments": 10, "link_clicks": 40}, False),
            PostFigures(
                uuid.uuid4(),
                P2,
                DC,
                {"views": 20_000, "likes": 1_000, "comments": 100, "shares": 50, "link_clicks": 200},
                covered_by_link=True,
            ),
        ],
        links=[
            LinkFigures(uuid.uuid4(), P1, DA, counted=300, bots=20, repeats=15),
            LinkFigures(uuid.uuid4(), P2, None, counted=700, bots=0, repeats=3),
        ],
        conversions=[
            ConversionFigures(uuid.uuid4(), True, (DatedAmount(10_000, "EUR", MARCH[2]),)),
            ConversionFigures(
                uuid.uuid4(), True, (DatedAmount(20_000, "USD", MARCH[4]), DatedAmount(-5_000, "USD", MARCH[11]))
            ),
            ConversionFigures(
                uuid.uuid4(), False, (DatedAmount(3_000, "EUR", MARCH[4]), DatedAmount(-3_000, "EUR", MARCH[5]))
            ),
        ],
        contracts=[
            ContractFigures(P1, fixed, "EUR", MARCH[0]),
            ContractFigures(P2, commission, "EUR", MARCH[0]),
        ],
        spend=[DatedAmount(2_000, "GBP", MARCH[4])],
    )


def test_a_campaigns_totals_and_kpis_are_as_computed_by_hand() -> None:
    measured = measure(campaign(rates()))
    t = measured.totals
    assert (t.posts, t.impressions, t.reach, t.views) == (3, 12_000, 10_000, 30_000)
    assert (t.likes, t.comments, t.shares, t.saves) == (1_600, 160, 70, 30)
    # 600 + 110 + 1150: the likes, comments, shares and saves, not Instagram's total_interactions
    assert t.engagements == 1_860
    # 300 + 700 tracked, and the 40 reported by the one post no link covers (never the 200)
    assert (measured.clicks.tracked, measured.clicks.reported, t.clicks) == (1_000, 40, 1_040)
    assert (measured.clicks.bots, measured.clicks.repeats) == (20, 18)
    # 100.00 EUR + (200.00 USD at 0.9 - 50.00 USD at 0.8) + (30.00 - 30.00 EUR): 240.00 EUR
    assert (t.conversions, t.revenue_minor) == (2, 24_000)
    # the fixed fee and the commission accrued (not its cap), and 20.00 GBP at 1.15
    assert (t.fees_minor, t.spend_minor, t.cost_minor) == (105_000, 2_300, 107_300)

    k = measured.kpis
    assert k.engagement_rate_by_impressions == pytest.approx(600 / 12_000)
    assert k.engagement_rate == k.engagement_rate_by_impressions
    assert k.engagement_rate_by_reach == pytest.approx(710 / 10_000)
    assert k.engagement_rate_by_views == pytest.approx(1_750 / 30_000)
    assert k.ctr == pytest.approx(1_040 / 12_000)
    assert k.conversion_rate == pytest.approx(2 / 1_040)
    assert k.cpm == pytest.approx(107_300 * 1000 / 12_000)
    assert k.cpe == pytest.approx(107_300 / 1_860)
    assert k.cpc == pytest.approx(107_300 / 1_040)
    assert k.cpa == pytest.approx(107_300 / 2)
    assert k.roi == pytest.approx((24_000 - 107_300) / 107_300)
    assert k.roas == pytest.approx(24_000 / 107_300)
    used = {(u.rate.source, str(u.rate.rate), u.source_minor, u.target_minor) for u in measured.revenue.rates_used}
    assert used == {("USD", "0.9", 20_000, 18_000), ("USD", "0.8", -5_000, -4_000)}


def test_a_cost_in_a_currency_without_a_rate_makes_the_money_kpis_unknown_not_wrong() -> None:
    measured = measure(campaign(rates(with_gbp=False)))
    assert measured.totals.cost_known is False
    assert [(u.currency, u.amount_minor) for u in measured.spend.unconverted] == [("GBP", 2_000)]
    k = measured.kpis
    assert (k.cpm, k.cpe, k.cpc, k.cpa, k.roi, k.roas) == (None,) * 6
    assert k.engagement_rate_by_reach == pytest.approx(0.071)  # what needs no money is still known


def test_every_ratio_over_nothing_is_null() -> None:
    k = compute_kpis(Totals())
    assert all(value is None for value in vars(k).values())
    only_cost = compute_kpis(Totals(fees_minor=5_000, revenue_minor=0))
    assert (only_cost.roi, only_cost.roas, only_cost.cpm, only_cost.cpc) == (-1.0, 0.0, None, None)
    free = compute_kpis(Totals(revenue_minor=9_000, impressions=1_000, clicks=10))
    assert (free.roi, free.roas, free.cpm, free.cpc) == (None, None, 0.0, 0.0)


@pytest.mark.parametrize(
    ("cost", "expected"),
    [
        (ContractCost(FeeKind.FIXED, 40_000, True, False, 0, 0), 40_000),
        (ContractCost(FeeKind.FIXED, 40_000, False, False, 0, 0), 0),  # not signed yet
        (ContractCost(FeeKind.PER_DELIVERABLE, 30_000, True, True, 10_000, 0), 10_000),  # cancelled: what was paid
        (ContractCost(FeeKind.GIFTING, 8_000, True, False, 0, 0), 8_000),
        (ContractCost(FeeKind.COMMISSION, 50_000, True, False, 50_000, 1_234), 1_234),
    ],
)
def test_a_contracts_cost(cost: ContractCost, expected: int) -> None:
    assert fee_cost(cost) == expected


def test_fees_spread_over_posts_add_up_exactly() -> None:
    assert spread(100, 3) == [34, 33, 33]
    assert sum(spread(99_999, 7)) == 99_999
    assert spread(5, 0) == []


def test_emv_with_no_action_valued_is_zero() -> None:
    # An org may set its EMV currency with no action valued yet (PUT /emv-values with an empty map).
    assert emv_minor({"impressions": 12_000}, {}) == 0


def test_emv_per_mille_values_rounded_once() -> None:
    # 12000 impressions at 5.00 EUR per mille, 1600 likes at 0.02 EUR each, 3 shares at 0.1 cent each
    value = emv_minor(
        {"impressions": 12_000, "likes": 1_600, "shares": 3}, {"impressions": 500, "likes": 2_000, "shares": 1}
    )
    assert value == 6_000 + 3_200 + 0
    figures = campaign(rates())
    figures.emv = EmvValues("USD", {"views": 1_000})  # 1 cent a view, in USD
    assert measure(figures).emv.amount_minor == 24_000  # 30000 views: 300.00 USD at 0.8 on 21 March

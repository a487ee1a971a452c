"""A scope's figures (a post, a partnership, an influencer or a campaign) added up into totals and
KPIs in one currency.

- Clicks: the counted clicks of the scope's tracking links, plus, for each post no tracking link
  covers (none for its deliverable nor for its whole partnership), the link clicks its platform
  reported: never both for one post.
- Revenue: the net of the scope's attributed orders (orders less refunds and cancellations), each
  entry converted at the rate of its own date. Conversions: orders whose net is above zero and
  not cancelled.
- Cost: fees (domain.costs) and paid spend, converted likewise.
- Insights: each post's latest value per metric, added over the scope's posts.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from metrics.domain.costs import ContractCost, fee_cost, spread
from metrics.domain.emv import emv_minor
from metrics.domain.insights import engagements_of
from metrics.domain.kpis import Kpis, Totals, compute_kpis
from metrics.domain.money import Converted, DatedAmount, RateBook, convert_all


@dataclass(frozen=True)
class PostFigures:
    post_id: UUID
    partnership_id: UUID
    deliverable_id: UUID
    metrics: Mapping[str, int]  # each metric's latest value; a metric never reported is absent
    covered_by_link: bool  # a tracking link exists for its deliverable or its whole partnership


@dataclass(frozen=True)
class LinkFigures:
    link_id: UUID
    partnership_id: UUID
    deliverable_id: UUID | None
    counted: int
    bots: int
    repeats: int


@dataclass(frozen=True)
class ConversionFigures:
    conversion_id: UUID
    counts: bool
    entries: tuple[DatedAmount, ...]  # the order (+) and its adjustments (-)


@dataclass(frozen=True)
class ContractFigures:
    partnership_id: UUID
    cost: ContractCost
    currency: str
    on: date
    share: tuple[int, int] | None = None  # (index, parts): a post's share of the fees


@dataclass(frozen=True)
class EmvValues:
    currency: str
    per_mille_minor: Mapping[str, int]


@dataclass
class ScopeFigures:
    currency: str
    today: date
    rates: RateBook
    posts: list[PostFigures] = field(default_factory=list)
    links: list[LinkFigures] = field(default_factory=list)
    conversions: list[ConversionFigures] = field(default_factory=list)
    contracts: list[ContractFigures] = field(default_factory=list)
    spend: list[DatedAmount] = field(default_factory=list)
    emv: EmvValues | None = None


@dataclass(frozen=True)
class ClickFigures:
    tracked: int
    bots: int
    repeats: int
    reported: int


@dataclass(frozen=True)
class Measurement:
    currency: str
    totals: Totals
    kpis: Kpis
    clicks: ClickFigures
    revenue: Converted
    fees: Converted
    spend: Converted
    emv: Converted | None


def _insight_totals(posts: list[PostFigures]) -> dict[str, int]:
    sums = dict.fromkeys(
        (
            "impressions",
            "reach",
            "views",
            "likes",
            "comments",
            "shares",
            "saves",
            "engagements",
            "engagements_with_impressions",
            "engagements_with_reach",
            "engagements_with_views",
            "watch_time_s",
        ),
        0,
    )
    for post in posts:
        values = post.metrics
        engagements = engagements_of(values) or 0
        sums["engagements"] += engagements
        for metric in ("impressions", "reach", "views", "likes", "comments", "shares", "saves", "watch_time_s"):
            sums[metric] += values.get(metric, 0)
        for denominator in ("impressions", "reach", "views"):
            if values.get(denominator):
                sums[f"engagements_with_{denominator}"] += engagements
    return sums


def _fee_amounts(contracts: list[ContractFigures]) -> list[DatedAmount]:
    amounts = []
    for contract in contracts:
        cost = fee_cost(contract.cost)
        if contract.share is not None:
            index, parts = contract.share
            cost = spread(cost, parts)[index]
        if cost:
            amounts.append(DatedAmount(cost, contract.currency, contract.on))
    return amounts


def measure(figures: ScopeFigures) -> Measurement:
    currency, rates = figures.currency, figures.rates
    tracked = sum(link.counted for link in figures.links)
    reported = sum(post.metrics.get("link_clicks", 0) for post in figures.posts if not post.covered_by_link)
    clicks = ClickFigures(
        tracked,
        sum(link.bots for link in figures.links),
        sum(link.repeats for link in figures.links),
        reported,
    )
    revenue = convert_all((e for c in figures.conversions for e in c.entries), currency, rates)
    fees = convert_all(_fee_amounts(figures.contracts), currency, rates)
    spend = convert_all(figures.spend, currency, rates)
    totals = Totals(
        posts=len(figures.posts),
        clicks=tracked + reported,
        conversions=sum(1 for c in figures.conversions if c.counts),
        revenue_minor=revenue.amount_minor,
        fees_minor=fees.amount_minor,
        spend_minor=spend.amount_minor,
        revenue_known=revenue.complete,
        cost_known=fees.complete and spend.complete,
        **_insight_totals(figures.posts),
    )
    emv = None
    if figures.emv is not None:
        counts = {
            "impressions": totals.impressions,
            "reach": totals.reach,
            "views": totals.views,
            "likes": totals.likes,
            "comments": totals.comments,
            "shares": totals.shares,
            "saves": totals.saves,
            "clicks": totals.clicks,
        }
        value = emv_minor(counts, figures.emv.per_mille_minor)
        emv = convert_all([DatedAmount(value, figures.emv.currency, figures.today)], currency, rates)
    return Measurement(currency, totals, compute_kpis(totals), clicks, revenue, fees, spend, emv)

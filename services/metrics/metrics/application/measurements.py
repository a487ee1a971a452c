"""What a post, a partnership, an influencer and a campaign earned: their figures gathered from
the unit of work's repositories and measured by domain.measurement."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from metrics.application.ports import UnitOfWork
from metrics.domain.conversions import Entry
from metrics.domain.costs import ContractCost
from metrics.domain.kpis import kpi_value
from metrics.domain.links import TrackingLink
from metrics.domain.measurement import (
    ContractFigures,
    ConversionFigures,
    LinkFigures,
    Measurement,
    PostFigures,
    ScopeFigures,
    measure,
)
from metrics.domain.money import DatedAmount, RateBook
from metrics.domain.pacing import Pacing, pace
from metrics.domain.records import Amplification, ConversionRecord, KnownPartnership, Post
from servicekit.campaigns import KnownCampaign
from servicekit.errors import NotFound


@dataclass(frozen=True)
class Gathered:
    """A scope's raw figures, before they are measured."""

    partnerships: Sequence[KnownPartnership]
    posts: list[tuple[Post, dict[str, int]]]
    links: Sequence[TrackingLink]
    clicks: dict[UUID, tuple[int, int, int]]
    conversions: list[tuple[ConversionRecord, list[Entry]]]
    amplifications: list[Amplification]
    paid: dict[UUID, int]


def _covered(post: Post, links: Sequence[TrackingLink]) -> bool:
    return any(
        link.deliverable_id == post.deliverable_id
        or (link.deliverable_id is None and link.partnership_id == post.partnership_id)
        for link in links
    )


def _contract(partnership: KnownPartnership, paid: dict[UUID, int]) -> ContractFigures | None:
    currency = partnership.fee_currency
    if currency is None:
        return None
    cost = ContractCost(
        fee_kind=partnership.fee_kind,
        fee_minor=partnership.fee_minor or 0,
        signed=partnership.signed_at is not None,
        cancelled=partnership.state == "cancelled",
        paid_minor=paid.get(partnership.id, 0),
        commission_minor=partnership.commission_minor,
    )
    on = (partnership.signed_at or partnership.state_at).date()
    return ContractFigures(partnership.id, cost, currency, on)


def conversion_figures(record: ConversionRecord, adjustments: list[Entry]) -> ConversionFigures:
    entries = [DatedAmount(record.amount_minor, record.currency, record.occurred_at.date())]
    entries += [DatedAmount(-a.amount_minor, a.currency, a.occurred_at.date()) for a in adjustments]
    return ConversionFigures(record.id, record.net_minor > 0 and not record.cancelled, tuple(entries))


async def gather(
    uow: UnitOfWork, *, campaign_id: UUID | None = None, partnerships: Sequence[KnownPartnership] | None = None
) -> Gathered:
    if campaign_id is not None:
        partnerships = await uow.partnerships.of_campaign(campaign_id)
        ids = None
    else:
        assert partnerships is not None
        ids = [p.id for p in partnerships]
    posts = await uow.figures.posts(campaign_id=campaign_id, partnership_ids=ids)
    links = await uow.links.of_scope(campaign_id=campaign_id, partnership_ids=ids)
    return Gathered(
        partnerships=partnerships,
        posts=posts,
        links=links,
        clicks=await uow.links.clicks([link.id for link in links]),
        conversions=await uow.conversions.of_scope(campaign_id=campaign_id, partnership_ids=ids),
        amplifications=await uow.figures.amplifications(campaign_id=campaign_id, partnership_ids=ids),
        paid=await uow.partnerships.paid([p.id for p in partnerships]),
    )


def figures_of(gathered: Gathered, currency: str, today: date, rates: RateBook) -> ScopeFigures:
    contracts = [c for p in gathered.partnerships if (c := _contract(p, gathered.paid)) is not None]
    return ScopeFigures(
        currency=currency,
        today=today,
        rates=rates,
        posts=[
            PostFigures(post.id, post.partnership_id, post.deliverable_id, values, _covered(post, gathered.links))
            for post, values in gathered.posts
        ],
        links=[
            LinkFigures(link.id, link.partnership_id, link.deliverable_id, *gathered.clicks.get(link.id, (0, 0, 0)))
            for link in gathered.links
        ],
        conversions=[conversion_figures(record, entries) for record, entries in gathered.conversions],
        contracts=contracts,
        spend=[DatedAmount(a.spend_minor, a.currency, a.told_at.date()) for a in gathered.amplifications],
    )


def scope_currency(campaign: KnownCampaign | None, gathered: Gathered, asked: str | None = None) -> str | None:
    """The budget's currency; without one the fees', the orders' or the spend's first."""
    if asked:
        return asked
    if campaign is not None and campaign.budget is not None:
        return campaign.budget.currency
    for p in gathered.partnerships:
        if p.fee_currency:
            return p.fee_currency
    for record, _ in gathered.conversions:
        return record.currency
    for amplification in gathered.amplifications:
        return amplification.currency
    return None


@dataclass(frozen=True)
class CampaignMeasurement:
    campaign: KnownCampaign
    measurement: Measurement | None  # None: no currency to measure money in yet (nothing measured)
    pacing: Pacing | None


async def measure_scope(uow: UnitOfWork, gathered: Gathered, currency: str | None, today: date) -> Measurement:
    rates = RateBook(await uow.settings.rates())
    figures = figures_of(gathered, currency or "EUR", today, rates)
    figures.emv = await uow.settings.emv()
    return measure(figures)


async def campaign_measurement(uow: UnitOfWork, campaign_id: UUID, *, now: datetime) -> CampaignMeasurement:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    gathered = await gather(uow, campaign_id=campaign_id)
    currency = scope_currency(campaign, gathered)
    measured = await measure_scope(uow, gathered, currency, now.date())
    targets = await uow.targets.get(campaign_id)
    actuals = {kpi: kpi_value(kpi, measured.totals, measured.kpis) for kpi in targets}
    cost = measured.totals.cost_minor if measured.totals.cost_known else None
    paced = pace(
        budget_minor=campaign.budget.amount_minor if campaign.budget is not None else None,
        cost_minor=cost,
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
        today=now.date(),
        targets=targets,
        actuals=actuals,
    )
    return CampaignMeasurement(campaign, measured if currency else None, paced)


async def partnership_measurement(
    uow: UnitOfWork, partnership_id: UUID, *, now: datetime
) -> tuple[KnownPartnership, Measurement, str | None]:
    partnership = await uow.partnerships.get(partnership_id)
    if partnership is None:
        raise NotFound("partnership", partnership_id)
    gathered = await gather(uow, partnerships=[partnership])
    campaign = await uow.campaigns.get(partnership.campaign_id)
    currency = scope_currency(campaign, gathered)
    return partnership, await measure_scope(uow, gathered, currency, now.date()), currency


async def influencer_measurement(
    uow: UnitOfWork, influencer_id: UUID, *, currency: str | None, now: datetime
) -> tuple[Sequence[KnownPartnership], Measurement, str | None]:
    partnerships = await uow.partnerships.of_influencer(influencer_id)
    if not partnerships:
        raise NotFound("influencer", influencer_id)
    gathered = await gather(uow, partnerships=partnerships)
    latest = max(partnerships, key=lambda p: p.state_at)
    campaign = await uow.campaigns.get(latest.campaign_id)
    chosen = scope_currency(campaign, gathered, currency)
    return partnerships, await measure_scope(uow, gathered, chosen, now.date()), chosen


async def post_measurement(
    uow: UnitOfWork, post_id: UUID, *, now: datetime
) -> tuple[Post, Measurement, str | None, str]:
    """A post's own figures: its insights, the clicks of its deliverable's links (or, with no link
    for it or its partnership, the link clicks its platform reported), the orders those clicks
    brought, its share of the partnership's fees and the spend on it."""
    post = await uow.posts.get(post_id)
    if post is None:
        raise NotFound("post", post_id)
    partnership = await uow.partnerships.get(post.partnership_id)
    siblings = await uow.figures.posts(partnership_ids=[post.partnership_id])
    all_links = await uow.links.of_scope(partnership_ids=[post.partnership_id])
    own_links = [link for link in all_links if link.deliverable_id == post.deliverable_id]
    values = next((v for p, v in siblings if p.id == post.id), {})
    conversions = [
        (record, entries)
        for record, entries in await uow.conversions.of_scope(partnership_ids=[post.partnership_id])
        if record.deliverable_id == post.deliverable_id
    ]
    gathered = Gathered(
        partnerships=[partnership] if partnership is not None else [],
        posts=[(post, values)],
        links=own_links,
        clicks=await uow.links.clicks([link.id for link in own_links]),
        conversions=conversions,
        amplifications=await uow.figures.amplifications(post_id=post.id),
        paid=await uow.partnerships.paid([post.partnership_id]),
    )
    campaign = await uow.campaigns.get(post.campaign_id)
    currency = scope_currency(campaign, gathered)
    rates = RateBook(await uow.settings.rates())
    figures = figures_of(gathered, currency or "EUR", now.date(), rates)
    figures.posts = [PostFigures(post.id, post.partnership_id, post.deliverable_id, values, _covered(post, all_links))]
    index = [p.id for p, _ in siblings].index(post.id)
    figures.contracts = [
        ContractFigures(c.partnership_id, c.cost, c.currency, c.on, (index, len(siblings))) for c in figures.contracts
    ]
    figures.emv = await uow.settings.emv()
    if own_links:
        source = "tracking_link"
    elif _covered(post, all_links):
        source = "partnership_link"  # counted on the partnership's link, not per post
    else:
        source = "reported"
    return post, measure(figures), currency, source

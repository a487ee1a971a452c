"""A campaign's results over time (per day or week, in the caller's time zone) and its report
(one line per partnership and one for the campaign)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from metrics.application.measurements import conversion_figures, figures_of, gather, scope_currency
from metrics.application.ports import UnitOfWork
from metrics.domain.costs import fee_cost
from metrics.domain.insights import engagements_of
from metrics.domain.measurement import Measurement, measure
from metrics.domain.money import DatedAmount, RateBook, convert_all
from metrics.domain.timeseries import Granularity, bucket_of, buckets
from servicekit.campaigns import KnownCampaign
from servicekit.errors import NotFound

SERIES_COUNTS = ("impressions", "reach", "views", "engagements", "clicks", "conversions")


@dataclass
class Point:
    bucket: date
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SERIES_COUNTS, 0))
    revenue: list[DatedAmount] = field(default_factory=list)
    cost: list[DatedAmount] = field(default_factory=list)


@dataclass(frozen=True)
class SeriesPoint:
    bucket: date
    counts: dict[str, int]
    revenue_minor: int | None  # None: part of it in a currency without a rate
    cost_minor: int | None


async def timeseries(
    uow: UnitOfWork,
    campaign_id: UUID,
    *,
    granularity: Granularity,
    tz: ZoneInfo,
    first: date | None,
    last: date | None,
    now: datetime,
) -> tuple[KnownCampaign, str | None, list[SeriesPoint]]:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    gathered = await gather(uow, campaign_id=campaign_id)
    currency = scope_currency(campaign, gathered)
    rates = RateBook(await uow.settings.rates())
    points: dict[date, Point] = {}

    def point(at: datetime) -> Point:
        key = bucket_of(at, granularity, tz)
        return points.setdefault(key, Point(key))

    for _link_id, bucket_start, counted in await uow.links.click_buckets([link.id for link in gathered.links]):
        point(bucket_start).counts["clicks"] += counted
    figures = figures_of(gathered, currency or "EUR", now.date(), rates)
    covered = {p.post_id for p in figures.posts if p.covered_by_link}
    snapshots = await uow.figures.snapshots([post.id for post, _ in gathered.posts])
    state: dict[UUID, dict[str, int]] = defaultdict(dict)
    for post_id, observed_at, metrics in snapshots:
        before = dict(state[post_id])
        state[post_id].update(metrics)
        after = state[post_id]
        counts = point(observed_at).counts
        for metric in ("impressions", "reach", "views"):
            counts[metric] += after.get(metric, 0) - before.get(metric, 0)
        counts["engagements"] += (engagements_of(after) or 0) - (engagements_of(before) or 0)
        if post_id not in covered:
            counts["clicks"] += after.get("link_clicks", 0) - before.get("link_clicks", 0)
    for record, entries in gathered.conversions:
        order = conversion_figures(record, entries)
        if order.counts:
            point(record.occurred_at).counts["conversions"] += 1
        point(record.occurred_at).revenue.append(order.entries[0])
        for adjustment in entries:
            point(adjustment.occurred_at).revenue.append(
                DatedAmount(-adjustment.amount_minor, adjustment.currency, adjustment.occurred_at.date())
            )
    for contract in figures.contracts:
        amount = fee_cost(contract.cost)
        if amount:
            at = datetime.combine(contract.on, datetime.min.time(), ZoneInfo("UTC"))
            point(at).cost.append(DatedAmount(amount, contract.currency, contract.on))
    for amplification in gathered.amplifications:
        point(amplification.told_at).cost.append(
            DatedAmount(amplification.spend_minor, amplification.currency, amplification.told_at.date())
        )
    known = sorted(points)
    end = last or (known[-1] if known else bucket_of(now, granularity, tz))
    start = first or campaign.starts_on or (known[0] if known else end)
    start, end = bucket_of(_noon(start, tz), granularity, tz), bucket_of(_noon(end, tz), granularity, tz)
    series = []
    for key in buckets(start, end, granularity):
        found = points.get(key, Point(key))
        revenue = convert_all(found.revenue, currency or "EUR", rates)
        cost = convert_all(found.cost, currency or "EUR", rates)
        series.append(SeriesPoint(key, found.counts, revenue.known_minor, cost.known_minor))
    return campaign, currency, series


def _noon(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, datetime.min.time(), tz).replace(hour=12)


@dataclass(frozen=True)
class ReportLine:
    partnership_id: UUID | None  # None: the campaign's total line
    influencer_id: UUID | None
    state: str | None
    measurement: Measurement


async def report_lines(
    uow: UnitOfWork, campaign_id: UUID, *, now: datetime
) -> tuple[KnownCampaign, str | None, list[ReportLine]]:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("campaign", campaign_id)
    gathered = await gather(uow, campaign_id=campaign_id)
    currency = scope_currency(campaign, gathered)
    rates = RateBook(await uow.settings.rates())
    emv = await uow.settings.emv()
    whole = figures_of(gathered, currency or "EUR", now.date(), rates)
    whole.emv = emv
    lines = []
    for partnership in gathered.partnerships:
        own = figures_of(gathered, currency or "EUR", now.date(), rates)
        own.posts = [p for p in own.posts if p.partnership_id == partnership.id]
        own.links = [link for link in own.links if link.partnership_id == partnership.id]
        own.contracts = [c for c in own.contracts if c.partnership_id == partnership.id]
        ids = {r.id for r, _ in gathered.conversions if r.partnership_id == partnership.id}
        own.conversions = [c for c in own.conversions if c.conversion_id in ids]
        own.spend = [
            DatedAmount(a.spend_minor, a.currency, a.told_at.date())
            for a in gathered.amplifications
            if a.partnership_id == partnership.id
        ]
        own.emv = emv
        lines.append(ReportLine(partnership.id, partnership.influencer_id, partnership.state, measure(own)))
    lines.append(ReportLine(None, None, None, measure(whole)))
    return campaign, currency, lines

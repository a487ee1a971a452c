"""KPIs from measured totals. A ratio whose denominator is zero (or unknown) is None: never 0, an
error or infinity. Money is in minor units of one currency (the campaign's budget currency).

    engagements                    = likes + comments + shares + saves (a post reporting none of
                                     them but its total interactions counts those)
    engagement_rate_by_impressions = engagements / impressions     over the posts reporting impressions
    engagement_rate_by_reach       = engagements / reach           over the posts reporting reach
    engagement_rate_by_views       = engagements / views           over the posts reporting views (video)
    engagement_rate                = engagement_rate_by_impressions
    ctr                            = clicks / impressions
    conversion_rate                = conversions / clicks
    cost                           = fees + paid spend
    cpm                            = cost / impressions * 1000
    cpe                            = cost / engagements
    cpc                            = cost / clicks
    cpa                            = cost / conversions
    roi                            = (revenue - cost) / cost
    roas                           = revenue / cost

A money KPI is None as well when revenue or cost is not fully known (an amount in a currency the
org gave no exchange rate for): it would be wrong, not merely rough.
"""

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Totals:
    posts: int = 0
    impressions: int = 0
    reach: int = 0
    views: int = 0
    likes: int = 0
    comments: int = 0
    shares: int = 0
    saves: int = 0
    engagements: int = 0
    # The engagements of the posts that report each denominator, for the rates.
    engagements_with_impressions: int = 0
    engagements_with_reach: int = 0
    engagements_with_views: int = 0
    watch_time_s: int = 0
    clicks: int = 0
    conversions: int = 0
    revenue_minor: int = 0
    fees_minor: int = 0
    spend_minor: int = 0
    revenue_known: bool = True
    cost_known: bool = True

    @property
    def cost_minor(self) -> int:
        return self.fees_minor + self.spend_minor

    def __add__(self, other: "Totals") -> "Totals":
        values = {}
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            values[field.name] = (mine and theirs) if isinstance(mine, bool) else mine + theirs
        return Totals(**values)


@dataclass(frozen=True)
class Kpis:
    engagement_rate: float | None
    engagement_rate_by_impressions: float | None
    engagement_rate_by_reach: float | None
    engagement_rate_by_views: float | None
    ctr: float | None
    conversion_rate: float | None
    cpm: float | None
    cpe: float | None
    cpc: float | None
    cpa: float | None
    roi: float | None
    roas: float | None


def ratio(numerator: float, denominator: float | None) -> float | None:
    return numerator / denominator if denominator else None


def compute_kpis(t: Totals) -> Kpis:
    cost = t.cost_minor if t.cost_known else None
    revenue = t.revenue_minor if t.revenue_known else None
    by_impressions = ratio(t.engagements_with_impressions, t.impressions)

    def per(denominator: int) -> float | None:
        return None if cost is None else ratio(cost, denominator)

    return Kpis(
        engagement_rate=by_impressions,
        engagement_rate_by_impressions=by_impressions,
        engagement_rate_by_reach=ratio(t.engagements_with_reach, t.reach),
        engagement_rate_by_views=ratio(t.engagements_with_views, t.views),
        ctr=ratio(t.clicks, t.impressions),
        conversion_rate=ratio(t.conversions, t.clicks),
        cpm=None if cost is None else ratio(cost * 1000, t.impressions),
        cpe=per(t.engagements),
        cpc=per(t.clicks),
        cpa=per(t.conversions),
        roi=None if cost is None or revenue is None else ratio(revenue - cost, cost),
        roas=None if cost is None or revenue is None else ratio(revenue, cost),
    )


def kpi_value(name: str, totals: Totals, kpis: Kpis) -> float | None:
    """The current value of a KPI a campaign may set a target for (partnerships' names)."""
    counts = {
        "impressions": totals.impressions,
        "reach": totals.reach,
        "engagements": totals.engagements,
        "clicks": totals.clicks,
        "conversions": totals.conversions,
        "revenue_minor": totals.revenue_minor if totals.revenue_known else None,
    }
    if name in counts:
        return counts[name]
    value = getattr(kpis, name, None)
    return value if isinstance(value, float) else None

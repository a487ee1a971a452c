"""KPIs from measured totals. A ratio whose denominator is zero is unknown (None), never 0 or an error.

Definitions (money in minor units of one currency):
- engagement_rate = engagements / impressions
- ctr  = clicks / impressions
- cpm  = cost / impressions * 1000
- cpe  = cost / engagements
- cpc  = cost / clicks
- cpa  = cost / conversions
- roi  = (revenue - cost) / cost
- roas = revenue / cost
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Totals:
    impressions: int = 0
    reach: int = 0
    engagements: int = 0
    clicks: int = 0
    conversions: int = 0
    revenue_minor: int = 0
    cost_minor: int = 0


@dataclass(frozen=True)
class Kpis:
    engagement_rate: float | None
    ctr: float | None
    cpm: float | None
    cpe: float | None
    cpc: float | None
    cpa: float | None
    roi: float | None
    roas: float | None


def _ratio(numerator: float, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def compute_kpis(t: Totals) -> Kpis:
    return Kpis(
        engagement_rate=_ratio(t.engagements, t.impressions),
        ctr=_ratio(t.clicks, t.impressions),
        cpm=_ratio(t.cost_minor * 1000, t.impressions),
        cpe=_ratio(t.cost_minor, t.engagements),
        cpc=_ratio(t.cost_minor, t.clicks),
        cpa=_ratio(t.cost_minor, t.conversions),
        roi=_ratio(t.revenue_minor - t.cost_minor, t.cost_minor),
        roas=_ratio(t.revenue_minor, t.cost_minor),
    )

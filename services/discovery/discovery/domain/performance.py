"""Past performance: what an influencer's sponsored posts achieved, as metrics measured it.

Each `metrics.performance.updated` event carries the current totals of one scope (a partnership,
else a campaign, else the influencer as a whole); the newest totals of a scope replace older ones
and the scopes add up. The score (0..1) folds the achieved engagement rate (engagements per
impression against the platform's benchmark) and the return on investment, shrunk towards the
neutral 0.5 while few posts were measured; a part not measured counts as the neutral 0.5.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from discovery.domain.engagement import BENCHMARKS
from discovery.domain.profiles import Platform, Tier

NEUTRAL = 0.5
FULL_CONFIDENCE_POSTS = 5


@dataclass(frozen=True)
class PerformanceRecord:
    influencer_id: UUID
    scope: str
    tenant_id: UUID | None
    posts: int
    impressions: int
    engagements: int
    clicks: int
    conversions: int
    engagement_rate: float | None
    roi: float | None
    measured_at: datetime


def scope_of(partnership_id: UUID | None, campaign_id: UUID | None) -> str:
    if partnership_id is not None:
        return f"partnership:{partnership_id}"
    if campaign_id is not None:
        return f"campaign:{campaign_id}"
    return "influencer"


@dataclass(frozen=True)
class PerformanceSummary:
    posts: int
    impressions: int
    engagements: int
    engagement_rate: float | None
    roi: float | None
    score: float | None


def summarize(records: Sequence[PerformanceRecord], platform: Platform) -> PerformanceSummary:
    posts = sum(r.posts for r in records)
    impressions = sum(r.impressions for r in records)
    engagements = sum(r.engagements for r in records)
    rate = engagements / impressions if impressions else None
    if rate is None:
        rates = [r.engagement_rate for r in records if r.engagement_rate is not None]
        rate = sum(rates) / len(rates) if rates else None
    rois = [(r.roi, max(r.posts, 1)) for r in records if r.roi is not None]
    roi = sum(v * w for v, w in rois) / sum(w for _, w in rois) if rois else None
    score = performance_score(posts=posts, engagement_rate=rate, roi=roi, platform=platform) if records else None
    return PerformanceSummary(posts, impressions, engagements, rate, roi, score)


def performance_score(*, posts: int, engagement_rate: float | None, roi: float | None, platform: Platform) -> float:
    """Engagement part: achieved rate / mid-tier benchmark, halved and capped (benchmark = 0.5,
    twice it = 1). ROI part: 0.5 + ROI / 4, capped to 0..1 (break-even = 0.5, ROI 2 = 1). A part
    not measured counts as neutral (0.5), as every unknown does in ranking."""
    engagement = NEUTRAL if engagement_rate is None else min(1.0, engagement_rate / BENCHMARKS[platform][Tier.MID] / 2)
    roi_part = NEUTRAL if roi is None else min(1.0, max(0.0, 0.5 + roi / 4))
    raw = (engagement + roi_part) / 2
    confidence = min(1.0, posts / FULL_CONFIDENCE_POSTS)
    return NEUTRAL + (raw - NEUTRAL) * confidence

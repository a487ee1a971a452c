"""The figures derived from a profile's facts, computed whenever the facts change."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from discovery.domain.authenticity import AuthenticityReport, assess
from discovery.domain.engagement import engagement_quality, engagement_rate
from discovery.domain.facts import ProfileFacts, Snapshot, snapshot_of
from discovery.domain.performance import PerformanceRecord, summarize
from discovery.domain.profiles import Influencer, Platform, Tier, tier_for
from discovery.domain.ranking import prior_score


@dataclass(frozen=True)
class Figures:
    tier: Tier
    engagement_rate: float | None
    engagement_rate_source: str | None
    engagement_quality: float
    authenticity: AuthenticityReport
    prior_score: float
    snapshot: Snapshot


def derive(
    facts: ProfileFacts,
    *,
    history: Sequence[Snapshot],
    performance_score: float | None,
    at: datetime,
) -> Figures:
    tier = tier_for(facts.followers)
    rate, source = engagement_rate(facts)
    quality = engagement_quality(rate, facts.platform, tier)
    current = snapshot_of(facts, rate, facts.last_refreshed_at or at)
    report = assess(platform=facts.platform, tier=tier, engagement_rate=rate, current=current, history=history)
    return Figures(
        tier=tier,
        engagement_rate=rate,
        engagement_rate_source=source,
        engagement_quality=quality,
        authenticity=report,
        prior_score=prior_score(quality, report.score, performance_score),
        snapshot=current,
    )


def current_snapshot(influencer: Influencer) -> Snapshot:
    facts = influencer.facts
    return snapshot_of(facts, influencer.engagement_rate, facts.last_refreshed_at or influencer.updated_at)


@dataclass(frozen=True)
class FollowerGrowth:
    followers_change_30d: int | None
    followers_growth_30d: float | None


def follower_growth(influencer: Influencer, snapshots: Sequence[Snapshot]) -> FollowerGrowth:
    """Followers now against the last snapshot at least 30 days older than the newest."""
    ordered = sorted([*snapshots, current_snapshot(influencer)], key=lambda s: s.taken_at)
    latest = ordered[-1]
    earlier = [s for s in ordered if s.taken_at <= latest.taken_at - timedelta(days=30)]
    if not earlier:
        return FollowerGrowth(None, None)
    base = earlier[-1]
    change = influencer.facts.followers - base.followers
    return FollowerGrowth(change, change / base.followers if base.followers else None)


def led_by_the_present(influencer: Influencer, stored: Sequence[Snapshot]) -> list[Snapshot]:
    """Stored snapshots (newest first) led by the profile as it is now, unless the newest of them
    has its counts already."""
    current = current_snapshot(influencer)
    if stored and stored[0].same_counts(current):
        return list(stored)
    return [current, *stored]


def history_with_baseline(current: Influencer, stored: Sequence[Snapshot]) -> tuple[list[Snapshot], list[Snapshot]]:
    """The history a change is judged against, and the snapshots the change must store besides its
    own. Snapshots are written when counts change: the first change records the state before it."""
    if stored:
        return list(stored), []
    baseline = current_snapshot(current)
    return [baseline], [baseline]


def snapshots_to_store(history: Sequence[Snapshot], baseline: list[Snapshot], figures: Figures) -> list[Snapshot]:
    if history and history[-1].same_counts(figures.snapshot):
        return []
    return [*baseline, figures.snapshot]


def profile_from(
    influencer_id: UUID,
    catalogue_id: UUID,
    facts: ProfileFacts,
    figures: Figures,
    current: Influencer | None,
    at: datetime,
) -> Influencer:
    """The profile with these facts and figures; `current` is the profile before, if it existed."""
    return Influencer(
        id=influencer_id,
        catalogue_id=catalogue_id,
        facts=facts,
        tier=figures.tier,
        engagement_rate=figures.engagement_rate,
        engagement_rate_source=figures.engagement_rate_source,
        authenticity_score=figures.authenticity.score,
        performance_score=current.performance_score if current else None,
        prior_score=figures.prior_score,
        created_at=current.created_at if current else at,
        updated_at=at,
        created_by=current.created_by if current else None,
        authenticity_not_assessed=tuple(figures.authenticity.not_assessed),
    )


@dataclass(frozen=True)
class Standing:
    """What a profile's scores rest on besides its measured performance."""

    platform: Platform
    tier: Tier
    engagement_rate: float | None
    authenticity_score: float


def rescored(standing: Standing, performance: Sequence[PerformanceRecord]) -> tuple[float | None, float]:
    """The performance and prior scores of a profile whose measured performance changed."""
    summary = summarize(performance, standing.platform)
    quality = engagement_quality(standing.engagement_rate, standing.platform, standing.tier)
    return summary.score, prior_score(quality, standing.authenticity_score, summary.score)

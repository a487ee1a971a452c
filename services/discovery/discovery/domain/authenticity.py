"""Audience quality: a score from 0 to 100 for how likely the audience and its engagement are
real, with the reason for every point lost.

Four signals are read when the data shows them (engagement against its benchmark, follower
spikes, the following ratio, comments per like). A profile whose data shows none scores the
neutral 50; each signal assessed adds 12.5, each sign of bought followers or engagement takes its
penalty off. A profile whose every signal was assessed scores 100 minus its penalties; one never
checked does not pass for a clean one, and any finding costs more than not knowing.
"""

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from discovery.domain.coverage import Coverage
from discovery.domain.engagement import benchmark, benchmark_ratio
from discovery.domain.facts import Snapshot
from discovery.domain.profiles import Platform, Tier

SIGNALS = ("engagement_vs_benchmark", "follower_spikes", "following_ratio", "comment_to_like_ratio")
NEUTRAL_SCORE = 50
FAR_BELOW_RATIO = 0.2
BELOW_RATIO = 0.4
ABOVE_RATIO = 4.0
FAR_ABOVE_RATIO = 10.0
SPIKE_MIN_GROWTH = 0.20  # followers up 20 % or more between two snapshots...
SPIKE_MIN_GAINED = 1_000  # ...and by at least this many...
SPIKE_WINDOW = timedelta(days=45)  # ...within this time...
SPIKE_ENGAGEMENT_FRACTION = 0.25  # ...while engagement per post grew less than a quarter as fast.
SPIKE_PENALTY = 20
SPIKE_PENALTY_CAP = 40
MASS_FOLLOWING_MIN = 1_000
MASS_FOLLOWING_RATIO = 0.5
HEAVY_MASS_FOLLOWING_RATIO = 1.0
FEW_COMMENTS_RATIO = 0.002
MANY_COMMENTS_RATIO = 0.25
COMMENT_RATIO_MIN_LIKES = 100


@dataclass(frozen=True)
class Reason:
    code: str
    penalty: int
    detail: str


@dataclass(frozen=True)
class AuthenticityReport:
    score: int
    reasons: list[Reason] = field(default_factory=list)
    not_assessed: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> Coverage:
        return Coverage.among(SIGNALS, self.not_assessed)


def assess(
    *,
    platform: Platform,
    tier: Tier,
    engagement_rate: float | None,
    current: Snapshot,
    history: Sequence[Snapshot] = (),
) -> AuthenticityReport:
    """`current` is the profile now; `history` its earlier snapshots (any order)."""
    reasons: list[Reason] = []
    not_assessed: list[str] = []
    _engagement_against_benchmark(platform, tier, engagement_rate, reasons, not_assessed)
    _follower_spikes([*history, current], reasons, not_assessed)
    _mass_following(current, reasons, not_assessed)
    _comment_to_like(current, reasons, not_assessed)
    return AuthenticityReport(score=score_of(reasons, not_assessed), reasons=reasons, not_assessed=not_assessed)


def score_of(reasons: Sequence[Reason], not_assessed: Sequence[str]) -> int:
    """50 + 12.5 per signal assessed - the penalties, rounded half up, at least 0."""
    assessed = len(SIGNALS) - len(not_assessed)
    earned = NEUTRAL_SCORE + (100 - NEUTRAL_SCORE) * assessed / len(SIGNALS)
    return max(0, math.floor(earned - sum(r.penalty for r in reasons) + 0.5))


def _engagement_against_benchmark(
    platform: Platform, tier: Tier, rate: float | None, reasons: list[Reason], not_assessed: list[str]
) -> None:
    ratio = benchmark_ratio(rate, platform, tier)
    if ratio is None or rate is None:
        not_assessed.append("engagement_vs_benchmark")
        return

    def typical() -> str:
        return (
            f"{rate:.2%} against a typical {benchmark(platform, tier):.2%} for {tier.value} {platform.value} accounts"
        )

    if ratio < FAR_BELOW_RATIO:
        reasons.append(Reason("engagement_far_below_benchmark", 30, f"engagement {typical()}: an inactive audience"))
    elif ratio < BELOW_RATIO:
        reasons.append(Reason("engagement_below_benchmark", 15, f"engagement {typical()}"))
    elif ratio > FAR_ABOVE_RATIO:
        reasons.append(
            Reason("engagement_far_above_benchmark", 35, f"engagement {typical()}: bought likes or engagement pods")
        )
    elif ratio > ABOVE_RATIO:
        reasons.append(Reason("engagement_above_benchmark", 20, f"engagement {typical()}: unusually high"))


def _follower_spikes(snapshots: list[Snapshot], reasons: list[Reason], not_assessed: list[str]) -> None:
    if len(snapshots) < 2:
        not_assessed.append("follower_spikes")
        return
    ordered = sorted(snapshots, key=lambda s: s.taken_at)
    # Two snapshots of one time are one observation: a write stores the current state it judges.
    pairs = [(a, b) for a, b in itertools.pairwise(ordered) if timedelta(0) < b.taken_at - a.taken_at <= SPIKE_WINDOW]
    if not pairs:
        not_assessed.append("follower_spikes")
        return
    penalty = 0
    for before, after in pairs:
        if before.followers <= 0:
            continue
        gained = after.followers - before.followers
        growth = gained / before.followers
        if growth < SPIKE_MIN_GROWTH or gained < SPIKE_MIN_GAINED:
            continue
        engaged_before, engaged_after = before.engagements_per_post, after.engagements_per_post
        if engaged_before is None or engaged_after is None or engaged_before <= 0:
            continue
        engagement_growth = (engaged_after - engaged_before) / engaged_before
        if engagement_growth >= growth * SPIKE_ENGAGEMENT_FRACTION:
            continue
        step = min(SPIKE_PENALTY, SPIKE_PENALTY_CAP - penalty)
        if step <= 0:
            break
        penalty += step
        reasons.append(
            Reason(
                "follower_spike",
                step,
                f"followers grew {growth:.0%} (+{gained:,}) between {before.taken_at.date()} and "
                f"{after.taken_at.date()} while engagement per post changed {engagement_growth:+.0%}",
            )
        )


def _mass_following(current: Snapshot, reasons: list[Reason], not_assessed: list[str]) -> None:
    if current.following is None or current.followers <= 0:
        not_assessed.append("following_ratio")
        return
    ratio = current.following / current.followers
    if current.following < MASS_FOLLOWING_MIN or ratio < MASS_FOLLOWING_RATIO:
        return
    detail = (
        f"follows {current.following:,} accounts for {current.followers:,} followers ({ratio:.2f}): follow-for-follow"
    )
    if ratio >= HEAVY_MASS_FOLLOWING_RATIO:
        reasons.append(Reason("mass_following", 30, detail))
    else:
        reasons.append(Reason("high_following_ratio", 15, detail))


def _comment_to_like(current: Snapshot, reasons: list[Reason], not_assessed: list[str]) -> None:
    likes, comments = current.avg_likes, current.avg_comments
    if likes is None or comments is None or likes < COMMENT_RATIO_MIN_LIKES:
        not_assessed.append("comment_to_like_ratio")
        return
    ratio = comments / likes
    if ratio < FEW_COMMENTS_RATIO:
        reasons.append(
            Reason("few_comments_for_likes", 15, f"{ratio:.2%} comments per like: likes without conversation")
        )
    elif ratio > MANY_COMMENTS_RATIO:
        reasons.append(
            Reason("many_comments_for_likes", 15, f"{ratio:.0%} comments per like: comment pods or bot comments")
        )

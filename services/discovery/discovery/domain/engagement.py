"""Engagement rate, its benchmark per platform and tier, and how good a rate is against it.

Engagement rate = (likes + comments [+ shares]) per post / followers, averaged over posts. A data
provider that measured it per post over recent posts (`60d_eng_rate`) states it: that figure is
kept (source `reported`). Otherwise it is computed from the average likes, comments and shares per
post (source `computed`). Zero followers, or no engagement figures at all, give no rate (None).
"""

import math

import numpy as np
import numpy.typing as npt

from discovery.domain.facts import ProfileFacts, engagements_per_post
from discovery.domain.profiles import Platform, Tier

# Typical (median) engagement rate per platform and tier, from public industry benchmarks; smaller
# accounts engage more. A rate at its benchmark scores 0.5 for engagement quality.
BENCHMARKS: dict[Platform, dict[Tier, float]] = {
    Platform.INSTAGRAM: {Tier.NANO: 0.045, Tier.MICRO: 0.030, Tier.MID: 0.020, Tier.MACRO: 0.015, Tier.MEGA: 0.012},
    Platform.TIKTOK: {Tier.NANO: 0.080, Tier.MICRO: 0.065, Tier.MID: 0.055, Tier.MACRO: 0.050, Tier.MEGA: 0.045},
    Platform.YOUTUBE: {Tier.NANO: 0.040, Tier.MICRO: 0.030, Tier.MID: 0.025, Tier.MACRO: 0.020, Tier.MEGA: 0.015},
    Platform.X: {Tier.NANO: 0.010, Tier.MICRO: 0.008, Tier.MID: 0.006, Tier.MACRO: 0.005, Tier.MEGA: 0.004},
    Platform.TWITCH: {Tier.NANO: 0.050, Tier.MICRO: 0.040, Tier.MID: 0.030, Tier.MACRO: 0.025, Tier.MEGA: 0.020},
    Platform.BLOG: {Tier.NANO: 0.020, Tier.MICRO: 0.015, Tier.MID: 0.010, Tier.MACRO: 0.008, Tier.MEGA: 0.006},
}


def engagement_rate(facts: ProfileFacts) -> tuple[float | None, str | None]:
    """The rate and where it came from: `reported`, `computed`, or (None, None) when unknown."""
    if facts.reported_engagement_rate is not None:
        return facts.reported_engagement_rate, "reported"
    rate = computed_engagement_rate(facts.followers, engagements_per_post(facts))
    return (rate, "computed") if rate is not None else (None, None)


def computed_engagement_rate(followers: int | None, per_post: float | None) -> float | None:
    """Engagements on an average post (facts.engagements_per_post) per follower."""
    if not followers or per_post is None:
        return None
    return per_post / followers


def benchmark(platform: Platform, tier: Tier) -> float:
    return BENCHMARKS[platform][tier]


def benchmark_ratio(rate: float | None, platform: Platform, tier: Tier) -> float | None:
    """The rate as a multiple of its benchmark (1.0 = typical)."""
    if rate is None:
        return None
    return rate / benchmark(platform, tier)


# What an unknown rate counts as: the quality of the benchmark, the typical rate of its platform
# and tier; neither a reward nor a penalty against profiles whose rate is known.
UNKNOWN_QUALITY = 0.5


def quality_from_ratio(ratios: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """1 - 2^-ratio: 0 without engagement, 0.5 at the benchmark, 0.75 at twice it, approaching 1.
    An unknown rate (NaN) counts as the benchmark: 0.5."""
    quality = 1.0 - np.exp2(-np.clip(ratios, 0.0, None))
    return np.where(np.isnan(ratios), UNKNOWN_QUALITY, quality)


def engagement_quality(rate: float | None, platform: Platform, tier: Tier) -> float:
    """quality_from_ratio for one profile (written for a float: it runs once per imported row)."""
    ratio = benchmark_ratio(rate, platform, tier)
    if ratio is None or math.isnan(ratio):
        return UNKNOWN_QUALITY
    return 1.0 - 2.0 ** -max(ratio, 0.0)

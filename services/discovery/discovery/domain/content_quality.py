"""Content quality: a score from 0 to 100 for how a creator publishes, read from their own posts.

Eight signals over the posts of the last 90 days, each scored 0..1 when the posts show it:

- cadence: posts per week, 1 or more a week = 1 (none in 90 days = 0);
- regularity: 1 / (1 + CV of the gaps between consecutive posts) (at least 3 posts);
- engagement: the median engagement per post / followers against the platform and tier
  benchmark, 1 - 2^-(rate / benchmark) (0.5 at the benchmark);
- engagement_steadiness: 1 / (1 + CV of engagement per post) (at least 3 posts with figures);
- ad_saturation: 1 up to 20 % sponsored posts, falling linearly to 0 at 80 % (at least 3 posts);
- sponsored_engagement: median engagement of sponsored posts / that of organic posts, capped at 1
  (needs both kinds with figures);
- hashtags: 1 - the share of captions stuffed with hashtags (15 or more) (at least 3 captions);
- repeated_captions: 1 - the share of captions repeating another one (at least 3 captions).

score = 100 × the mean of the eight, a signal the posts cannot show counting as a neutral 0.5;
rounded half up. An account without posts scores the neutral 50 with nothing assessed; the less
was assessed, the closer the score stays to 50.
"""

import itertools
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple, Protocol
from uuid import UUID

from discovery.domain.coverage import Coverage
from discovery.domain.engagement import benchmark
from discovery.domain.profiles import Platform, Tier
from discovery.domain.text import ProfileText, fold

SIGNALS = (
    "cadence",
    "regularity",
    "engagement",
    "engagement_steadiness",
    "ad_saturation",
    "sponsored_engagement",
    "hashtags",
    "repeated_captions",
)
WINDOW = timedelta(days=90)
NEUTRAL = 0.5
FULL_CADENCE_PER_WEEK = 1.0
MIN_POSTS = 3
AD_SHARE_FREE = 0.2
AD_SHARE_ZERO = 0.8
STUFFED_HASHTAGS = 15
_HASHTAG = re.compile(r"#\w+")
_SPACES = re.compile(r"\s+")


class PostSignals(Protocol):
    """What content quality reads of a post (the posts' domain type has these attributes)."""

    @property
    def posted_at(self) -> datetime: ...
    @property
    def caption(self) -> str | None: ...
    @property
    def likes(self) -> int | None: ...
    @property
    def comments(self) -> int | None: ...
    @property
    def shares(self) -> int | None: ...
    @property
    def sponsored(self) -> bool: ...


@dataclass(frozen=True)
class Part:
    signal: str
    score: float | None  # None: not assessed
    detail: str


@dataclass(frozen=True)
class ContentQuality:
    score: int
    parts: list[Part] = field(default_factory=list)

    @property
    def not_assessed(self) -> list[str]:
        return [p.signal for p in self.parts if p.score is None]

    @property
    def coverage(self) -> Coverage:
        return Coverage.among(SIGNALS, self.not_assessed)


def engagements(post: PostSignals) -> float | None:
    """Likes + comments + shares of a post; None when it shows neither likes nor comments."""
    if post.likes is None and post.comments is None:
        return None
    return float((post.likes or 0) + (post.comments or 0) + (post.shares or 0))


def assess_content(
    posts: Sequence[PostSignals], *, followers: int, platform: Platform, tier: Tier, at: datetime
) -> ContentQuality:
    """Content quality of the posts published in the 90 days up to `at`."""
    recent = sorted((p for p in posts if at - WINDOW <= p.posted_at <= at), key=lambda p: p.posted_at)
    parts = [
        _cadence(recent, bool(posts)),
        _regularity(recent),
        *_engagement(recent, followers, platform, tier),
        _ad_saturation(recent),
        _sponsored_engagement(recent),
        *_captions(recent),
    ]
    return ContentQuality(score=score_of(parts), parts=parts)


def score_of(parts: Sequence[Part]) -> int:
    """100 × the mean of the signals, unassessed ones counting 0.5, rounded half up."""
    values = [NEUTRAL if p.score is None else p.score for p in parts]
    return math.floor(100 * sum(values) / len(SIGNALS) + 0.5)


def not_assessed(signal: str, why: str) -> Part:
    return Part(signal, None, f"not assessed: {why}")


def _cadence(recent: Sequence[PostSignals], any_posts: bool) -> Part:
    if not any_posts:
        return not_assessed("cadence", "no posts")
    per_week = len(recent) / (WINDOW / timedelta(weeks=1))
    return Part(
        "cadence",
        min(per_week / FULL_CADENCE_PER_WEEK, 1.0),
        f"{len(recent)} posts in the last 90 days, {per_week:.1f} a week",
    )


def cv(values: Sequence[float]) -> float:
    """Coefficient of variation (population standard deviation / mean); 0 for a zero mean.
    Two passes of fsum rather than statistics.pstdev, whose exact fractions cost ~140 us a call
    (on every profile a posts import touches), for the same result to 1e-12."""
    mean = math.fsum(values) / len(values)
    if mean <= 0:
        return 0.0
    return math.sqrt(math.fsum([(x - mean) ** 2 for x in values]) / len(values)) / mean


def _regularity(recent: Sequence[PostSignals]) -> Part:
    if len(recent) < MIN_POSTS:
        return not_assessed("regularity", f"fewer than {MIN_POSTS} posts in the last 90 days")
    gaps = [(b.posted_at - a.posted_at) / timedelta(days=1) for a, b in itertools.pairwise(recent)]
    variation = cv(gaps)
    return Part(
        "regularity",
        1 / (1 + variation),
        f"gaps between posts of {statistics.fmean(gaps):.1f} days on average, varying by {variation:.0%}",
    )


def _engagement(recent: Sequence[PostSignals], followers: int, platform: Platform, tier: Tier) -> list[Part]:
    figures = [e for e in map(engagements, recent) if e is not None]
    if not figures or followers <= 0:
        why = "no follower count" if followers <= 0 else "no likes or comments on recent posts"
        return [not_assessed("engagement", why), _steadiness(figures)]
    rate = statistics.median(figures) / followers
    typical = benchmark(platform, tier)
    engagement = Part(
        "engagement",
        1.0 - 2.0 ** -(rate / typical),
        f"median engagement per post {rate:.2%} of followers against {typical:.2%} typical for "
        f"{tier.value} {platform.value}",
    )
    return [engagement, _steadiness(figures)]


def _steadiness(figures: Sequence[float]) -> Part:
    if len(figures) < MIN_POSTS:
        return not_assessed("engagement_steadiness", f"fewer than {MIN_POSTS} recent posts with likes or comments")
    variation = cv(figures)
    return Part("engagement_steadiness", 1 / (1 + variation), f"engagement varies by {variation:.0%} between posts")


def _ad_saturation(recent: Sequence[PostSignals]) -> Part:
    if len(recent) < MIN_POSTS:
        return not_assessed("ad_saturation", f"fewer than {MIN_POSTS} posts in the last 90 days")
    share = sum(p.sponsored for p in recent) / len(recent)
    score = 1.0 - min(max(share - AD_SHARE_FREE, 0.0) / (AD_SHARE_ZERO - AD_SHARE_FREE), 1.0)
    return Part("ad_saturation", score, f"{share:.0%} of recent posts are sponsored")


def _sponsored_engagement(recent: Sequence[PostSignals]) -> Part:
    sponsored = [e for p in recent if p.sponsored and (e := engagements(p)) is not None]
    organic = [e for p in recent if not p.sponsored and (e := engagements(p)) is not None]
    if not sponsored or not organic:
        return not_assessed("sponsored_engagement", "needs recent sponsored and organic posts with figures")
    typical_organic = statistics.median(organic)
    if typical_organic <= 0:
        return not_assessed("sponsored_engagement", "organic posts without engagement")
    ratio = statistics.median(sponsored) / typical_organic
    return Part("sponsored_engagement", min(ratio, 1.0), f"sponsored posts engage {ratio:.0%} as much as organic ones")


def normalized_caption(caption: str) -> str:
    return _SPACES.sub(" ", fold(caption)).strip()


def _captions(recent: Sequence[PostSignals]) -> list[Part]:
    captions = [p.caption for p in recent if p.caption and p.caption.strip()]
    if len(captions) < MIN_POSTS:
        why = f"fewer than {MIN_POSTS} captions in the last 90 days"
        return [not_assessed("hashtags", why), not_assessed("repeated_captions", why)]
    stuffed = sum(len(_HASHTAG.findall(c)) >= STUFFED_HASHTAGS for c in captions) / len(captions)
    seen: set[str] = set()
    repeated = 0
    for caption in map(normalized_caption, captions):
        repeated += caption in seen
        seen.add(caption)
    share_repeated = repeated / len(captions)
    return [
        Part("hashtags", 1.0 - stuffed, f"{stuffed:.0%} of captions carry {STUFFED_HASHTAGS} or more hashtags"),
        Part("repeated_captions", 1.0 - share_repeated, f"{share_repeated:.0%} of captions repeat an earlier one"),
    ]


class QualitySubject(NamedTuple):
    """What content quality and the posts' words read of a profile besides its posts."""

    id: UUID
    catalogue_id: UUID
    platform: Platform
    followers: int
    tier: Tier


@dataclass(frozen=True)
class StoredContentQuality:
    quality: ContentQuality
    assessed_at: datetime


@dataclass(frozen=True)
class PostsDerived:
    """What a profile's posts give it, stored on the profile when they change."""

    influencer_id: UUID
    catalogue_id: UUID
    quality: ContentQuality
    document: ProfileText
    assessed_at: datetime

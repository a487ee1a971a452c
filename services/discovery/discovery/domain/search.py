"""What a search may ask for: filters shared by filtered and ranked search, and the sort orders."""

from dataclasses import dataclass, field
from enum import StrEnum

from discovery.domain.profiles import TIER_BOUNDS, Platform, Tier


class Sort(StrEnum):
    FOLLOWERS_DESC = "-followers"
    FOLLOWERS = "followers"
    ENGAGEMENT_DESC = "-engagement_rate"
    ENGAGEMENT = "engagement_rate"
    CREATED_DESC = "-created_at"
    CREATED = "created_at"


class Visibility(StrEnum):
    SHARED = "shared"
    PRIVATE = "private"


@dataclass(frozen=True)
class ShareAtLeast:
    segment: str
    share: float


@dataclass(frozen=True)
class SearchFilters:
    platforms: tuple[Platform, ...] = ()
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tiers: tuple[Tier, ...] = ()
    min_followers: int | None = None
    max_followers: int | None = None
    min_engagement_rate: float | None = None
    max_engagement_rate: float | None = None
    min_authenticity: float | None = None
    audience_countries: tuple[ShareAtLeast, ...] = ()
    audience_ages: tuple[ShareAtLeast, ...] = ()
    audience_genders: tuple[ShareAtLeast, ...] = ()
    min_price_minor: int | None = None
    max_price_minor: int | None = None
    price_currency: str | None = None
    text: str | None = None
    tags: tuple[str, ...] = ()
    visibility: Visibility | None = None
    exclude_ids: tuple[object, ...] = field(default=())

    def follower_ranges(self) -> list[tuple[int, int | None]]:
        """Tiers are follower ranges: filtering on them uses the follower indexes."""
        low = self.min_followers or 0
        high = self.max_followers
        if not self.tiers:
            return [(low, None if high is None else high + 1)]
        ranges = []
        for tier in sorted(set(self.tiers), key=list(Tier).index):
            t_low, t_high = TIER_BOUNDS[tier]
            r_low = max(low, t_low)
            r_high = t_high if high is None else (high + 1 if t_high is None else min(t_high, high + 1))
            if r_high is None or r_low < r_high:
                ranges.append((r_low, r_high))
        return ranges

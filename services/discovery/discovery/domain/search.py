"""What a search may ask for: filters shared by filtered and ranked search, and the sort orders."""

import re
from dataclasses import dataclass, field
from enum import StrEnum

from discovery.domain.profiles import TIER_BOUNDS, Platform, Tier
from discovery.domain.text import analyze, fold


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


# Free text (`q`): each word of the query must be part of the handle or the name, or begin one of
# the profile's terms: the words of name, bio, categories and past sponsors as text similarity
# analyses them (lower case, accents dropped, without stop words and bare numbers; `analyze`).
MAX_WORD = 100  # longer ones are no word a search would name
_PART = re.compile(r"[^\W_]+")


def search_name(handle: str, display_name: str | None) -> str:
    return f"{handle} {display_name}".lower() if display_name else handle.lower()


def query_terms(word: str) -> list[str]:
    """The terms that a word of the query must each begin. None (empty) when a part of the word can
    be no term (`ok.three`: `three` is a stop word; `t-series`, `2024`): such a word is looked for
    in handle and name only."""
    terms = analyze(word)
    if len(terms) != len(_PART.findall(fold(word))) or any(len(t) > MAX_WORD for t in terms):
        return []
    return terms

"""What a search may ask for: filters shared by filtered and ranked search, and the sort orders."""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from discovery.domain.profiles import TIER_BOUNDS, Platform, Tier, normalize_categories
from discovery.domain.text import analyze, fold
from servicekit.errors import InvalidField


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


@dataclass(frozen=True)
class Range:
    """A filter's least and greatest value, as the request names them: min_<name> and max_<name>."""

    name: str
    low: float | None = None
    high: float | None = None

    def problem(self) -> InvalidField | None:
        """A minimum above its maximum: the maximum is at fault."""
        if self.low is not None and self.high is not None and self.low > self.high:
            return InvalidField(f"max_{self.name}", f"is below min_{self.name}")
        return None


class InvalidFilters(InvalidField):
    """Filters that contradict one another: `problems` names every field at fault (this error's
    own field and message are the first's)."""

    def __init__(self, problems: Sequence[InvalidField]) -> None:
        super().__init__(problems[0].field, problems[0].message)
        self.problems = list(problems)


def _least_shares(shares: Mapping[str, float]) -> tuple[ShareAtLeast, ...]:
    return tuple(ShareAtLeast(segment, share) for segment, share in shares.items())


def search_filters(
    *,
    platforms: Iterable[Platform] = (),
    countries: Iterable[str | None] = (),
    languages: Iterable[str | None] = (),
    categories: Iterable[str] = (),
    tiers: Iterable[Tier] = (),
    followers: Range = Range("followers"),
    price: Range = Range("price"),
    engagement_rate: Range = Range("engagement_rate"),
    min_authenticity: float | None = None,
    audience_countries: Mapping[str, float] | None = None,
    audience_ages: Mapping[str, float] | None = None,
    audience_genders: Mapping[str, float] | None = None,
    price_currency: str | None = None,
    text: str | None = None,
    tags: Iterable[str] = (),
    visibility: Visibility | None = None,
) -> SearchFilters:
    """The filters of a search, filtered or ranked alike: categories and tags as they are stored,
    blank text none, and each minimum at most its maximum (InvalidFilters names each that is not).
    The audience arguments map a segment to the least share of the audience in it; prices are in
    minor units of `price_currency`."""
    normalized = normalize_categories(list(categories))
    problems = [p for p in (followers.problem(), price.problem(), engagement_rate.problem()) if p is not None]
    if problems:
        raise InvalidFilters(problems)
    return SearchFilters(
        platforms=tuple(platforms),
        countries=tuple(code for code in countries if code),
        languages=tuple(code for code in languages if code),
        categories=normalized,
        tiers=tuple(tiers),
        min_followers=None if followers.low is None else int(followers.low),
        max_followers=None if followers.high is None else int(followers.high),
        min_engagement_rate=engagement_rate.low,
        max_engagement_rate=engagement_rate.high,
        min_authenticity=min_authenticity,
        audience_countries=_least_shares(audience_countries or {}),
        audience_ages=_least_shares(audience_ages or {}),
        audience_genders=_least_shares(audience_genders or {}),
        min_price_minor=None if price.low is None else int(price.low),
        max_price_minor=None if price.high is None else int(price.high),
        price_currency=price_currency,
        text=text.strip() if text and text.strip() else None,
        tags=tuple(t.strip().lower() for t in tags),
        visibility=visibility,
    )


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

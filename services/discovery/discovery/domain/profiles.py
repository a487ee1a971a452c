"""Influencer profiles: platforms, tiers, whom they reach and what they cost, and the profile itself
(Influencer), which holds its facts (domain/facts.py) and the figures derived from them."""

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple
from uuid import UUID, SafeUUID, uuid4

from discovery.domain.limits import MAX_CATEGORIES, MAX_CATEGORY, MAX_HANDLE
from servicekit.errors import InvalidField

if TYPE_CHECKING:  # a profile holds its facts: domain/facts.py, which builds on the types here
    from discovery.domain.facts import ProfileFacts

# The shared catalogue (written by platform admins) is the catalogue of this nil id; every other
# catalogue is one org's private profiles, under the org's id.
SHARED_CATALOGUE = UUID(int=0)


class Platform(StrEnum):
    INSTAGRAM = "instagram"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    X = "x"
    TWITCH = "twitch"
    BLOG = "blog"


PLATFORMS: dict[str, Platform] = {p.value: p for p in Platform}
# A profile is one per platform and handle in its catalogue.
ProfileKey = tuple[Platform, str]


class Tier(StrEnum):
    NANO = "nano"
    MICRO = "micro"
    MID = "mid"
    MACRO = "macro"
    MEGA = "mega"


TIERS: dict[str, Tier] = {t.value: t for t in Tier}

# Lower bound inclusive, upper bound exclusive.
TIER_BOUNDS: dict[Tier, tuple[int, int | None]] = {
    Tier.NANO: (0, 10_000),
    Tier.MICRO: (10_000, 50_000),
    Tier.MID: (50_000, 500_000),
    Tier.MACRO: (500_000, 1_000_000),
    Tier.MEGA: (1_000_000, None),
}


def tier_for(followers: int) -> Tier:
    for tier, (low, high) in TIER_BOUNDS.items():
        if followers >= low and (high is None or followers < high):
            return tier
    raise ValueError(f"followers must not be negative: {followers}")


class Deliverable(StrEnum):
    POST = "post"
    STORY = "story"
    REEL = "reel"
    VIDEO = "video"
    SHORT = "short"
    LIVE = "live"
    ARTICLE = "article"


AGE_BUCKETS: tuple[str, ...] = ("13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
GENDERS: tuple[str, ...] = ("female", "male", "other")
MAX_AUDIENCE_COUNTRIES = 50
_SHARE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Audience:
    """Who follows: each dimension maps a segment to its share of the audience (0..1, summing to at most 1)."""

    ages: dict[str, float] = field(default_factory=dict)
    genders: dict[str, float] = field(default_factory=dict)
    countries: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check_shares("audience.ages", self.ages, allowed=AGE_BUCKETS)
        _check_shares("audience.genders", self.genders, allowed=GENDERS)
        if len(self.countries) > MAX_AUDIENCE_COUNTRIES:
            raise InvalidField("audience.countries", f"at most {MAX_AUDIENCE_COUNTRIES} countries")
        _check_shares("audience.countries", self.countries, allowed=None)

    @property
    def is_empty(self) -> bool:
        return not (self.ages or self.genders or self.countries)

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {"ages": dict(self.ages), "genders": dict(self.genders), "countries": dict(self.countries)}

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> "Audience":
        raw = raw or {}
        return cls(
            ages=dict(raw.get("ages") or {}),
            genders=dict(raw.get("genders") or {}),
            countries=dict(raw.get("countries") or {}),
        )


_NUMBER_TYPES = (int, float)
_SEGMENT_SETS = {segments: frozenset(segments) for segments in (AGE_BUCKETS, GENDERS)}


def _check_shares(name: str, shares: dict[str, float], allowed: tuple[str, ...] | None) -> None:
    if not shares:
        return
    known = None if allowed is None else (_SEGMENT_SETS.get(allowed) or frozenset(allowed))
    for key, share in shares.items():
        if known is not None and key not in known:
            raise InvalidField(f"{name}.{key}", f"unknown segment; one of {', '.join(allowed or ())}")
        if known is None and not (len(key) == 2 and key.isupper() and key.isalpha()):
            raise InvalidField(f"{name}.{key}", "not an ISO 3166-1 alpha-2 country code")
        # NaN fails the range check too.
        if not isinstance(share, _NUMBER_TYPES) or not 0 <= share <= 1:
            raise InvalidField(f"{name}.{key}", f"share must be between 0 and 1, got {share!r}")
    total = sum(shares.values())
    if total > 1 + _SHARE_TOLERANCE:
        raise InvalidField(name, f"shares sum to {total:.4g}; they must sum to at most 1")


_DELIVERABLES = frozenset(d.value for d in Deliverable)


@dataclass(frozen=True)
class RateCard:
    """Prices per deliverable, in one currency, in minor units."""

    currency: str
    prices: dict[str, int]

    def __post_init__(self) -> None:
        for deliverable, amount in self.prices.items():
            if deliverable not in _DELIVERABLES:
                raise InvalidField(
                    f"rate_card.{deliverable}", f"unknown deliverable; one of {', '.join(d.value for d in Deliverable)}"
                )
            if amount < 0:
                raise InvalidField(f"rate_card.{deliverable}", "price must not be negative")

    @property
    def reference_price(self) -> int | None:
        """The price a budget per post is compared with: a post if priced, else the cheapest deliverable."""
        if not self.prices:
            return None
        return self.prices.get(Deliverable.POST, min(self.prices.values()))


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    agent: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def normalize_handle(raw: str) -> str:
    """Handles compare case-insensitively and without the leading @."""
    handle = raw.strip().lstrip("@").strip().lower()
    if not handle:
        raise InvalidField("handle", "must not be empty")
    if len(handle) > MAX_HANDLE:
        raise InvalidField("handle", f"at most {MAX_HANDLE} characters")
    return handle


def normalize_categories(raw: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for category in raw:
        cleaned = " ".join(category.strip().lower().split())
        if cleaned and cleaned not in ("nan", "none", "null"):
            if len(cleaned) > MAX_CATEGORY:
                raise InvalidField("categories", f"{cleaned[:20]!r}… is longer than {MAX_CATEGORY} characters")
            seen[cleaned] = None
    if len(seen) > MAX_CATEGORIES:
        raise InvalidField("categories", f"at most {MAX_CATEGORIES} categories")
    return tuple(seen)


@dataclass
class Influencer:
    """A profile in one catalogue (shared, or one org's private) with the figures derived from it."""

    id: UUID
    catalogue_id: UUID
    facts: "ProfileFacts"
    tier: Tier
    engagement_rate: float | None
    engagement_rate_source: str | None
    authenticity_score: float
    performance_score: float | None
    prior_score: float
    created_at: datetime
    updated_at: datetime
    created_by: UUID | None = None
    authenticity_not_assessed: tuple[str, ...] = ()

    @property
    def is_shared(self) -> bool:
        return self.catalogue_id == SHARED_CATALOGUE

    def visible_to(self, tenant_id: UUID) -> bool:
        return self.is_shared or self.catalogue_id == tenant_id


def new_id() -> UUID:
    return uuid4()


def new_ids(count: int) -> list[UUID]:
    """Ids for an import's new profiles, ascending: time-ordered (version 7: the milliseconds since
    the epoch, then 74 random bits), so that they land at the end of the indexes that begin with
    them instead of anywhere (a tenth of an import's database time). From one read of the system's
    randomness, which costs as much as 16 bytes do."""
    head = (time.time_ns() // 1_000_000) << 80 | 0x7 << 76 | 0x2 << 62
    data = os.urandom(10 * count)
    values = (int.from_bytes(data[i : i + 10]) for i in range(0, 10 * count, 10))
    # Sorted as the ids they become: the random bits are spread around the version and variant.
    return [uuid_of_int(v) for v in sorted(head | (v >> 68) << 64 | (v & _LOW_62) for v in values)]


_LOW_62 = (1 << 62) - 1


def uuid_of_int(value: int) -> UUID:
    """UUID(int=value) for a value known to be in range (0 to 2**128 - 1), as unpickling makes
    one: at a third of the checking constructor's cost (one per post or profile an import makes)."""
    made = object.__new__(UUID)
    object.__setattr__(made, "int", value)
    object.__setattr__(made, "is_safe", SafeUUID.unknown)
    return made


def now() -> datetime:
    return datetime.now(UTC)


class StoredProfile(NamedTuple):
    """A profile as an import finds it: its fingerprint's parts tell whether a row changes it, and
    only a changed one is loaded whole."""

    id: UUID
    content_hash: str
    parts: list[Any]
    load: Callable[[], "Influencer"]

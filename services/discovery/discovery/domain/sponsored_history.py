"""What a profile's posts tell of its sponsors: which brands, how often, how lately, and whether
it worked with the brands a searcher names as its competitors."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from compliance.model import name_key
from discovery.domain.posts import Post, PostMark

RECENT_POSTS = 5
# A competitor's key must be this long to match the beginning of a brand's (`nike` in `nikerunning`).
MIN_PREFIX = 4


@dataclass(frozen=True)
class BrandWork:
    brand: str
    posts: int
    last_at: datetime


@dataclass(frozen=True)
class SponsoredHistory:
    """Over the posts imported of the profile (`posts_seen`, from `first_post_at`)."""

    posts_seen: int
    sponsored_posts: int
    first_post_at: datetime | None
    last_sponsored_at: datetime | None
    brands: tuple[BrandWork, ...]  # most posts first, then most recent


@dataclass(frozen=True)
class CompetitorWork:
    competitor: str
    worked_with: bool
    posts: int
    last_at: datetime | None
    brands: tuple[str, ...]  # the brands of the posts that matched it


def sponsored_history(posts: Sequence[Post | PostMark]) -> SponsoredHistory:
    sponsored = [p for p in posts if p.sponsored]
    by_brand: dict[str, list[Post | PostMark]] = {}
    for post in sponsored:
        for brand in post.brands:
            by_brand.setdefault(brand, []).append(post)
    brands = sorted(
        (BrandWork(b, len(ps), max(p.posted_at for p in ps)) for b, ps in by_brand.items()),
        key=lambda w: (-w.posts, -w.last_at.timestamp(), w.brand),
    )
    return SponsoredHistory(
        posts_seen=len(posts),
        sponsored_posts=len(sponsored),
        first_post_at=min((p.posted_at for p in posts), default=None),
        last_sponsored_at=max((p.posted_at for p in sponsored), default=None),
        brands=tuple(brands),
    )


def _matches(competitor: str, brand: str) -> bool:
    brand_key = name_key(brand)
    return brand_key == competitor or (len(competitor) >= MIN_PREFIX and brand_key.startswith(competitor))


def competitor_work(history: SponsoredHistory, competitors: Iterable[str]) -> list[CompetitorWork]:
    """For each competitor (a name or handle, compared as one word without case, spaces and
    punctuation: `Ben & Jerry's` is `benjerrys`, `@nike` is `nike`), the sponsored posts naming a
    brand it is, or that begins with it (`@nikerunning` for `Nike`)."""
    found = []
    for competitor in competitors:
        key = name_key(competitor)
        if not key:
            continue
        works = [w for w in history.brands if _matches(key, w.brand)]
        found.append(
            CompetitorWork(
                competitor=competitor,
                worked_with=bool(works),
                posts=sum(w.posts for w in works),
                last_at=max((w.last_at for w in works), default=None),
                brands=tuple(w.brand for w in works),
            )
        )
    return found

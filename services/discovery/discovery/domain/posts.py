"""An influencer's own posts, as imported: what each showed, how it did, and whether it was an ad.

A post belongs to one profile and to the catalogue of the import that brought it: the shared one
(platform admins) or an org's own, like notes on a shared profile. An org sees the posts of both
for the profiles it sees; where both hold the same post, its own copy is the one it sees."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple
from uuid import UUID

from discovery.domain.profiles import Platform

MAX_POST_ID = 200
MAX_CAPTION = 10_000
MAX_POST_BRANDS = 20


class MediaType(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    CAROUSEL = "carousel"
    REEL = "reel"
    STORY = "story"
    SHORT = "short"
    LIVE = "live"
    TEXT = "text"


class SponsorSignal(StrEnum):
    """Why a post was taken as sponsored (or not), strongest first."""

    PAID_PARTNERSHIP_LABEL = "paid_partnership_label"
    SPONSOR_TAG = "sponsor_tag"
    DISCLOSURE = "disclosure"
    BRAND_WITH_CUES = "brand_with_commercial_cues"
    VAGUE_LABEL = "vague_label"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Sponsorship:
    """Whether a post was sponsored, on which signal, in words, and the brands it names as partners."""

    sponsored: bool
    signal: SponsorSignal
    reason: str
    brands: tuple[str, ...] = ()


NOT_SPONSORED = Sponsorship(False, SponsorSignal.NONE, "no label, disclosure or brand with commercial cues")


@dataclass(frozen=True, slots=True)
class Post:
    id: UUID
    catalogue_id: UUID
    influencer_id: UUID
    platform: Platform
    post_id: str
    posted_at: datetime
    url: str | None = None
    caption: str | None = None
    media_type: MediaType | None = None
    likes: int | None = None
    comments: int | None = None
    views: int | None = None
    shares: int | None = None
    saves: int | None = None
    # The platform's paid-partnership label as the source stated it (None: not stated).
    paid_partnership: bool | None = None
    # Accounts the platform shows as the post's sponsors (instaloader's edge_media_to_sponsor_user).
    sponsor_tags: tuple[str, ...] = ()
    # @mentions and sponsor tags, lower-cased without @: the brands a post names.
    mentions: tuple[str, ...] = ()
    sponsorship: Sponsorship = field(default=NOT_SPONSORED)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def sponsored(self) -> bool:
        return self.sponsorship.sponsored

    @property
    def brands(self) -> tuple[str, ...]:
        return self.sponsorship.brands

    @property
    def engagements(self) -> int | None:
        """Likes + comments (+ shares and saves where known); None when neither likes nor comments are known."""
        if self.likes is None and self.comments is None:
            return None
        return sum(n for n in (self.likes, self.comments, self.shares, self.saves) if n is not None)


@dataclass(frozen=True, slots=True)
class PostMark:
    """What a profile's sponsored history needs of a post: read for every post it has, where the
    posts themselves are read a page at a time."""

    posted_at: datetime
    sponsored: bool
    brands: tuple[str, ...] = ()


class WrittenPost(NamedTuple):
    """What content quality and the ranking words read of a post: what an import holds of each
    post it wrote (a Post reads the same)."""

    id: UUID
    catalogue_id: UUID
    influencer_id: UUID
    posted_at: datetime
    caption: str | None
    likes: int | None
    comments: int | None
    shares: int | None
    sponsored: bool
    brands: tuple[str, ...]
    mentions: tuple[str, ...]

    @classmethod
    def of(cls, post: Post) -> "WrittenPost":
        return cls(
            *(post.id, post.catalogue_id, post.influencer_id, post.posted_at, post.caption, post.likes),
            *(post.comments, post.shares, post.sponsored, post.brands, post.mentions),
        )


def as_seen_by(tenant_id: UUID, posts: Iterable[Post], *, limit: int | None = None) -> list[Post]:
    """A profile's posts as an org sees them, newest first: one copy of each post, its own where both
    the shared catalogue and the org hold one (posts of other orgs are not given here)."""
    chosen: dict[tuple[Platform, str], Post] = {}
    for post in posts:
        key = (post.platform, post.post_id)
        if key not in chosen or post.catalogue_id == tenant_id:
            chosen[key] = post
    newest = sorted(chosen.values(), key=lambda p: (p.posted_at, p.id), reverse=True)
    return newest if limit is None else newest[:limit]

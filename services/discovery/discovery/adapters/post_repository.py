from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.tables import influencer_posts
from discovery.domain.posts import MediaType, Post, Sponsorship, SponsorSignal, as_seen_by
from discovery.domain.profiles import SHARED_CATALOGUE, Platform


def post_of(row: Any) -> Post:
    """By hand: a post's sponsorship spreads over four columns."""
    return Post(
        id=row.id,
        catalogue_id=row.catalogue_id,
        influencer_id=row.influencer_id,
        platform=Platform(row.platform),
        post_id=row.post_id,
        posted_at=row.posted_at,
        url=row.url,
        caption=row.caption,
        media_type=MediaType(row.media_type) if row.media_type else None,
        likes=row.likes,
        comments=row.comments,
        views=row.views,
        shares=row.shares,
        saves=row.saves,
        paid_partnership=row.paid_partnership,
        sponsor_tags=tuple(row.sponsor_tags),
        mentions=tuple(row.mentions),
        sponsorship=Sponsorship(
            row.sponsored, SponsorSignal(row.sponsor_signal), row.sponsor_reason, tuple(row.sponsor_brands)
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def post_row(post: Post, content_hash: str) -> dict[str, Any]:
    """The columns of a post (by hand, as post_of reads them)."""
    sponsorship = post.sponsorship
    return {
        "id": post.id,
        "catalogue_id": post.catalogue_id,
        "influencer_id": post.influencer_id,
        "platform": post.platform.value,
        "post_id": post.post_id,
        "url": post.url,
        "posted_at": post.posted_at,
        "caption": post.caption,
        "media_type": post.media_type.value if post.media_type else None,
        "likes": post.likes,
        "comments": post.comments,
        "views": post.views,
        "shares": post.shares,
        "saves": post.saves,
        "paid_partnership": post.paid_partnership,
        "sponsor_tags": list(post.sponsor_tags),
        "mentions": list(post.mentions),
        "sponsored": sponsorship.sponsored,
        "sponsor_signal": sponsorship.signal.value,
        "sponsor_reason": sponsorship.reason,
        "sponsor_brands": list(sponsorship.brands),
        "content_hash": content_hash,
        "created_at": post.created_at or post.posted_at,
        "updated_at": post.updated_at or post.posted_at,
    }


class PostRepository:
    """The posts an org sees: those of the shared catalogue and its own, of the profiles it sees."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    def _visible(self) -> Any:
        t = influencer_posts
        return t.c.catalogue_id.in_([SHARED_CATALOGUE, self.tenant_id])

    async def of_profile(
        self, influencer_id: UUID, *, since: datetime | None = None, limit: int | None = None
    ) -> list[Post]:
        """A profile's posts posted at or after `since` (all without it), newest first."""
        return (await self.of_profiles([influencer_id], since=since, limit=limit)).get(influencer_id, [])

    async def of_profiles(
        self, influencer_ids: Sequence[UUID], *, since: datetime | None = None, limit: int | None = None
    ) -> dict[UUID, list[Post]]:
        """Each profile's posts posted at or after `since`, newest first, at most `limit` per profile."""
        if not influencer_ids:
            return {}
        t = influencer_posts
        query = select(t).where(t.c.influencer_id.in_(list(influencer_ids)), self._visible())
        if since is not None:
            query = query.where(t.c.posted_at >= since)
        found: dict[UUID, list[Post]] = {}
        for row in await self.session.execute(query):
            found.setdefault(row.influencer_id, []).append(post_of(row))
        return {i: as_seen_by(self.tenant_id, posts, limit=limit) for i, posts in found.items()}

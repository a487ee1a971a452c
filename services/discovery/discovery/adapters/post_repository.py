from collections.abc import Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any
from uuid import UUID

import orjson
from sqlalchemy import Text, Uuid, and_, cast, delete, distinct, exists, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.bulk_writer import copy
from discovery.adapters.dialect import dialect_of
from discovery.adapters.tables import influencer_posts
from discovery.domain.post_import import PostKey, PostPlan, StoredPost
from discovery.domain.posts import MediaType, Post, PostMark, Sponsorship, SponsorSignal, WrittenPost, as_seen_by
from discovery.domain.profiles import SHARED_CATALOGUE, Platform

# Enum members by value: a dict lookup is a thirtieth of an Enum call, three per post read.
_PLATFORMS = {p.value: p for p in Platform}
_MEDIA_TYPES = {m.value: m for m in MediaType}
_SIGNALS = {s.value: s for s in SponsorSignal}


def post_of(row: Any) -> Post:
    """By hand: a post's sponsorship spreads over four columns."""
    return Post(
        id=row.id,
        catalogue_id=row.catalogue_id,
        influencer_id=row.influencer_id,
        platform=_PLATFORMS[row.platform],
        post_id=row.post_id,
        posted_at=row.posted_at,
        url=row.url,
        caption=row.caption,
        media_type=_MEDIA_TYPES[row.media_type] if row.media_type else None,
        likes=row.likes,
        comments=row.comments,
        views=row.views,
        shares=row.shares,
        saves=row.saves,
        paid_partnership=row.paid_partnership,
        sponsor_tags=_names(row.sponsor_tags),
        mentions=_names(row.mentions),
        sponsorship=Sponsorship(
            row.sponsored, _SIGNALS[row.sponsor_signal], row.sponsor_reason, _names(row.sponsor_brands)
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _names(value: Any) -> tuple[str, ...]:
    """A JSON list of names, as _READ gives it (text) or as the JSON type does."""
    return tuple(orjson.loads(value) if isinstance(value, str) else value)


def post_row(post: Post, content_hash: str, job_id: UUID | None = None) -> dict[str, Any]:
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
        "job_id": job_id,
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

    def _seen(self) -> Any:
        """The posts the org sees, one copy each: its own, and the shared catalogue's it holds no
        copy of (as_seen_by's choice, in SQL, so that a read can stop at a page)."""
        t = influencer_posts
        if self.tenant_id == SHARED_CATALOGUE:
            return t.c.catalogue_id == SHARED_CATALOGUE
        own = influencer_posts.alias("own")
        copied = exists().where(
            own.c.catalogue_id == self.tenant_id, own.c.platform == t.c.platform, own.c.post_id == t.c.post_id
        )
        return or_(t.c.catalogue_id == self.tenant_id, and_(t.c.catalogue_id == SHARED_CATALOGUE, ~copied))

    async def of_profile(
        self,
        influencer_id: UUID,
        *,
        since: datetime | None = None,
        limit: int | None = None,
        after: tuple[datetime, UUID] | None = None,
        sponsored: bool | None = None,
    ) -> list[Post]:
        t = influencer_posts
        query = select(*_READ).where(t.c.influencer_id == influencer_id, self._seen())
        if since is not None:
            query = query.where(t.c.posted_at >= since)
        if after is not None:
            at, last = after
            query = query.where(or_(t.c.posted_at < at, and_(t.c.posted_at == at, t.c.id < last)))
        if sponsored is not None:
            query = query.where(t.c.sponsored.is_(sponsored))
        query = query.order_by(t.c.posted_at.desc(), t.c.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return [post_of(row) for row in await self.session.execute(query)]

    async def marks_of(self, influencer_id: UUID) -> list[PostMark]:
        t = influencer_posts
        query = select(t.c.posted_at, t.c.sponsored, cast(t.c.sponsor_brands, Text).label("brands")).where(
            t.c.influencer_id == influencer_id, self._seen()
        )
        return [PostMark(row.posted_at, row.sponsored, _names(row.brands)) for row in await self.session.execute(query)]

    async def of_profiles(
        self, influencer_ids: Sequence[UUID], *, since: datetime | None = None, limit: int | None = None
    ) -> dict[UUID, list[Post]]:
        """Each profile's posts posted at or after `since`, newest first, at most `limit` per profile."""
        if not influencer_ids:
            return {}
        t = influencer_posts
        query = select(*_READ).where(t.c.influencer_id.in_(list(influencer_ids)), self._visible())
        if since is not None:
            query = query.where(t.c.posted_at >= since)
        found: dict[UUID, list[Post]] = {}
        for row in await self.session.execute(query):
            found.setdefault(row.influencer_id, []).append(post_of(row))
        return {i: as_seen_by(self.tenant_id, posts, limit=limit) for i, posts in found.items()}

    async def stored(self, catalogue_id: UUID, keys: Sequence[PostKey]) -> dict[PostKey, StoredPost]:
        if not keys:
            return {}
        t = influencer_posts
        dialect = dialect_of(self.session)
        wanted = set(keys)
        # Probes of the unique index per key, one plan for every chunk.
        query = select(t.c.platform, t.c.post_id, t.c.id, t.c.content_hash, t.c.created_at).where(
            t.c.catalogue_id == catalogue_id
        )
        pairs = sorted({(p.value, i) for p, i in keys})
        rows = await self.session.execute(dialect.with_keys(query, pairs, (t.c.platform, t.c.post_id)))
        found: dict[PostKey, StoredPost] = {}
        for row in rows:
            key = (Platform(row.platform), row.post_id)
            if key in wanted:
                found[key] = StoredPost(row.id, row.content_hash, row.created_at)
        return found

    async def write(self, plan: PostPlan, job_id: UUID | None) -> None:
        """Creates and replaces a chunk's posts (by COPY on PostgreSQL). An updated post is deleted
        and written again whole, under its id: imports of a catalogue run one at a time."""
        replaced = [p.id for p in plan.updated]
        if dialect_of(self.session).is_postgres:
            await self.write_records(replaced, post_records(plan, job_id))
            return
        await self._delete(replaced)
        rows = [post_row(p, plan.hashes[p.id], job_id) for p in (*plan.created, *plan.updated)]
        if rows:
            await self.session.execute(insert(influencer_posts), rows)

    async def write_records(self, replaced: Sequence[UUID], records: Sequence[tuple[Any, ...]]) -> None:
        """PostgreSQL: deletes the `replaced` posts and copies in `records` (post_record's)."""
        await self._delete(replaced)
        if records:
            await copy(self.session, influencer_posts.name, RECORD_COLUMNS, list(records))

    async def _delete(self, ids: Sequence[UUID]) -> None:
        if ids:
            t = influencer_posts
            await self.session.execute(delete(t).where(dialect_of(self.session).among(t.c.id, list(ids), Uuid())))

    async def profiles_written_by(self, job_id: UUID) -> list[UUID]:
        """The profiles whose posts the job created or changed (unchanged posts keep their writer)."""
        t = influencer_posts
        ids = await self.session.scalars(
            select(t.c.influencer_id).where(t.c.job_id == job_id).distinct().order_by(t.c.influencer_id)
        )
        return list(ids)

    async def with_posts_besides(self, job_id: UUID, catalogue_id: UUID, influencer_ids: Sequence[UUID]) -> set[UUID]:
        """Those of the profiles that hold posts in the catalogue that the job did not write."""
        if not influencer_ids:
            return set()
        t = influencer_posts
        query = select(t.c.influencer_id).where(
            dialect_of(self.session).among(t.c.influencer_id, list(influencer_ids), Uuid()),
            t.c.catalogue_id == catalogue_id,
            or_(t.c.job_id.is_(None), t.c.job_id != job_id),
        )
        return set(await self.session.scalars(query.distinct()))

    async def touched_by(self, job_id: UUID, *, limit: int) -> tuple[int, list[UUID]]:
        t = influencer_posts
        count = await self.session.scalar(select(func.count(distinct(t.c.influencer_id))).where(t.c.job_id == job_id))
        ids = await self.session.scalars(
            select(t.c.influencer_id).where(t.c.job_id == job_id).distinct().order_by(t.c.influencer_id).limit(limit)
        )
        return int(count or 0), list(ids)


_JSON = frozenset(c.name for c in influencer_posts.columns if c.name in ("sponsor_tags", "mentions", "sponsor_brands"))


# The columns as post_of reads them: the JSON lists as text, decoded by orjson (the driver's JSON
# decoding was a third of reading a profile's posts).
_READ = [cast(c, Text).label(c.name) if c.name in _JSON else c for c in influencer_posts.columns]


def post_records(plan: PostPlan, job_id: UUID | None) -> list[tuple[Any, ...]]:
    """A plan's created and updated posts as COPY records (RECORD_COLUMNS)."""
    return [post_record(post, plan.hashes[post.id], job_id) for post in (*plan.created, *plan.updated)]


# The columns of post_record, in its order (every column of the table).
RECORD_COLUMNS = (
    *("id", "catalogue_id", "influencer_id", "platform", "post_id", "url", "posted_at", "caption", "media_type"),
    *("likes", "comments", "views", "shares", "saves", "paid_partnership", "sponsor_tags", "mentions"),
    *("sponsored", "sponsor_signal", "sponsor_reason", "sponsor_brands", "content_hash", "job_id"),
    *("created_at", "updated_at"),
)


def post_record(post: Post, content_hash: str, job_id: UUID | None) -> tuple[Any, ...]:
    """post_row's values as one COPY record, JSON as text: built directly, as an import writes
    one per post (a dict first cost as much as the rest of writing it), in one tuple display (a
    third cheaper than joining small ones)."""
    s = post.sponsorship
    media = post.media_type
    return (
        post.id, post.catalogue_id, post.influencer_id, post.platform.value, post.post_id, post.url,
        post.posted_at, post.caption, media.value if media else None,
        post.likes, post.comments, post.views, post.shares, post.saves, post.paid_partnership,
        _as_json(post.sponsor_tags), _as_json(post.mentions), s.sponsored, s.signal.value, s.reason,
        _as_json(s.brands), content_hash, job_id,
        post.created_at or post.posted_at, post.updated_at or post.posted_at,
    )  # fmt: skip


_WRITTEN = itemgetter(
    *(RECORD_COLUMNS.index(c) for c in ("id", "catalogue_id", "influencer_id", "posted_at", "caption", "likes")),
    *(RECORD_COLUMNS.index(c) for c in ("comments", "shares", "sponsored", "sponsor_brands", "mentions")),
)


def written_of_record(record: tuple[Any, ...]) -> WrittenPost:
    """What an import holds of a post it wrote, from its post_record (by hand: one per post)."""
    id, catalogue_id, influencer_id, posted_at, caption, likes, comments, shares, sponsored, brands, mentions = (
        _WRITTEN(record)
    )
    return WrittenPost(
        *(id, catalogue_id, influencer_id, posted_at, caption, likes, comments, shares, sponsored),
        *(tuple(orjson.loads(brands)), tuple(orjson.loads(mentions))),
    )


def _as_json(value: Any) -> str:
    return orjson.dumps(value).decode()

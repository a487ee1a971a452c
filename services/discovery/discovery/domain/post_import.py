"""A posts import: the job's records read as posts (a mapped CSV/NDJSON row or instaloader's JSON,
whichever each record is), and what a chunk of them changes.

Posts link to profiles by platform and handle, in the job's catalogue or (an org's job) the
shared one: never another org's. A post is one per platform and post id in the job's catalogue:
a re-imported post updates it, or leaves it alone when it states nothing new (its fingerprint)."""

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple
from uuid import UUID

from discovery.domain.column_mapping import ColumnMapping, parse_platform
from discovery.domain.imports import Chunk, ImportCounts, ImportJob, RecordSource, Rejection, chunks_of
from discovery.domain.post_rows import INSTALOADER_MAPPING, ParsedPost, PostRowParser, from_instaloader, is_instaloader
from discovery.domain.posts import MediaType, Post
from discovery.domain.profiles import Platform, ProfileKey, new_ids
from discovery.domain.sponsorship import detect

PostKey = tuple[Platform, str]


def read_post_chunks(job: ImportJob, source: RecordSource, chunk_rows: int) -> Iterator[Chunk]:
    """The job's posts in chunks from its checkpoint on; a post repeated in the file is rejected."""
    platform = job.options.get("platform")
    mapped = PostRowParser(
        ColumnMapping(fields=dict(job.mapping), unmapped=list(job.unmapped_columns)),
        platform=parse_platform(str(platform)) if platform else None,
    )
    instaloader = PostRowParser(INSTALOADER_MAPPING, platform=Platform.INSTAGRAM)

    def parse(values: Mapping[str, Any]) -> tuple[ParsedPost, PostKey, list[tuple[str, str, str]]]:
        if is_instaloader(values):
            post, warned = instaloader.parse(from_instaloader(values))
        else:
            post, warned = mapped.parse(values)
        return post, (post.platform, post.post_id), warned

    return chunks_of(job, source, chunk_rows, parse, repeated=lambda key: f"post_id: {key[1]!r} repeats line")


class PostOwner(NamedTuple):
    """The profile a post belongs to, as the import needs it."""

    id: UUID
    past_sponsors: tuple[str, ...]


class StoredPost(NamedTuple):
    id: UUID
    content_hash: str
    created_at: datetime


def fingerprint(owner: UUID, post: ParsedPost) -> str:
    """What a post states, as one value: a re-import stating the same changes nothing."""
    return hashlib.sha1(f"{owner}{_stated(post)}".encode(), usedforsecurity=False).hexdigest()


_ENUM_REPRS = {member: repr(member) for member in (*Platform, *MediaType)}


def _stated(p: ParsedPost) -> str:
    """repr(p) as the dataclass writes it, which every stored fingerprint hashed, at a third of
    its cost (one per post imported)."""
    media = _ENUM_REPRS[p.media_type] if p.media_type is not None else "None"
    return (
        f"ParsedPost(platform={_ENUM_REPRS[p.platform]}, handle={p.handle!r}, post_id={p.post_id!r}, "
        f"posted_at={p.posted_at!r}, url={p.url!r}, caption={p.caption!r}, media_type={media}, "
        f"likes={p.likes!r}, comments={p.comments!r}, views={p.views!r}, shares={p.shares!r}, saves={p.saves!r}, "
        f"paid_partnership={p.paid_partnership!r}, sponsor_tags={p.sponsor_tags!r}, mentions={p.mentions!r})"
    )


@dataclass
class PostPlan:
    """What a chunk writes, decided against the catalogue as it was read."""

    created: list[Post] = field(default_factory=list)
    updated: list[Post] = field(default_factory=list)
    hashes: dict[UUID, str] = field(default_factory=dict)
    lines: dict[UUID, int] = field(default_factory=dict)
    counts: ImportCounts = field(default_factory=ImportCounts)
    rejections: list[Rejection] = field(default_factory=list)

    def influencer_ids(self) -> set[UUID]:
        return {p.influencer_id for p in (*self.created, *self.updated)}


def unknown_profile(key: ProfileKey) -> str:
    return f"handle: no {key[0].value} profile {key[1]!r} that you can see; import or add the profile first"


def plan_posts(
    catalogue_id: UUID,
    rows: Sequence[tuple[int, ParsedPost]],
    owners: Mapping[ProfileKey, PostOwner],
    stored: Mapping[PostKey, StoredPost],
    at: datetime,
) -> PostPlan:
    """New posts are created, changed ones updated (keeping their id and creation), unchanged ones
    left alone; a post of a handle no profile the job sees has is rejected. Sponsorship is
    detected for the posts written only."""
    plan = PostPlan()
    ids = iter(new_ids(sum((row.platform, row.post_id) not in stored for _, row in rows)))
    for line, row in rows:
        owner = owners.get((row.platform, row.handle))
        if owner is None:
            plan.rejections.append(Rejection(line, "handle", unknown_profile((row.platform, row.handle))))
            continue
        content_hash = fingerprint(owner.id, row)
        before = stored.get((row.platform, row.post_id))
        if before is not None and before.content_hash == content_hash:
            plan.counts.rows_unchanged += 1
            continue
        post = post_of(
            row,
            owner,
            id=before.id if before else next(ids),
            catalogue_id=catalogue_id,
            created_at=before.created_at if before else at,
            updated_at=at,
        )
        (plan.updated if before else plan.created).append(post)
        plan.hashes[post.id] = content_hash
        plan.lines[post.id] = line
    plan.counts.rows_created = len(plan.created)
    plan.counts.rows_updated = len(plan.updated)
    plan.counts.rows_imported = plan.counts.rows_created + plan.counts.rows_updated + plan.counts.rows_unchanged
    plan.counts.rows_rejected = len(plan.rejections)
    return plan


def post_of(
    row: ParsedPost, owner: PostOwner, *, id: UUID, catalogue_id: UUID, created_at: datetime, updated_at: datetime
) -> Post:
    sponsorship = detect(
        row.caption,
        paid_partnership=row.paid_partnership,
        sponsor_tags=row.sponsor_tags,
        mentions=row.mentions,
        past_sponsors=owner.past_sponsors,
    )
    return Post(
        id=id,
        catalogue_id=catalogue_id,
        influencer_id=owner.id,
        platform=row.platform,
        post_id=row.post_id,
        posted_at=row.posted_at,
        url=row.url,
        caption=row.caption,
        media_type=row.media_type,
        likes=row.likes,
        comments=row.comments,
        views=row.views,
        shares=row.shares,
        saves=row.saves,
        paid_partnership=row.paid_partnership,
        sponsor_tags=row.sponsor_tags,
        mentions=row.mentions,
        sponsorship=sponsorship,
        created_at=created_at,
        updated_at=updated_at,
    )


def profile_keys(rows: Iterable[tuple[int, ParsedPost]]) -> list[ProfileKey]:
    return list(dict.fromkeys((row.platform, row.handle) for _, row in rows))

"""The posts of bench/discovery_search.py --posts-per-profile N (not a benchmark itself): N generated
posts of every profile written into the posts table as a posts import writes them, what they give
each profile for ranking stored as a posts import stores it, and both taken away again."""

import asyncio
import hashlib
import json
import os
import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from discovery_generate import CATEGORIES, WORDS
from sqlalchemy import func, select, text, update

from discovery.adapters.content_quality_repository import ContentQualityRepository, quality_record
from discovery.adapters.post_repository import PostRepository
from discovery.adapters.tables import POSTS_DERIVED, influencer_post_details, influencer_posts, influencers, messaging
from discovery.domain.content_quality import PostsDerived, assess_content
from discovery.domain.post_import import PostPlan
from discovery.domain.posts import MediaType, Post, Sponsorship, SponsorSignal
from discovery.domain.profiles import PLATFORMS, SHARED_CATALOGUE, TIERS
from discovery.domain.text import posts_document
from servicekit.db import Database
from servicekit.outbox import Outbox

# Profiles a posts import job holds, and a COPY of the posts of PAGE profiles (as one import chunk).
JOB_PROFILES = 100_000
PAGE = 5000
TEMPLATES = 2000


async def analyze(database: Database, *tables: str) -> None:
    """VACUUM ANALYZE the tables on PostgreSQL, ANALYZE on SQLite; then the database at rest, as
    before every measurement, with posts or without: what was written is on disk (a CHECKPOINT,
    then the OS's dirty pages), so that searches are not timed against gigabytes still being
    written back (right after 5M posts and a 1M-row UPDATE that cost ranked search 1.3-1.5x)."""
    async with database.engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        if database.engine.dialect.name != "postgresql":
            await autocommit.execute(text("ANALYZE"))
            return
        for table in tables:
            await autocommit.execute(text(f"VACUUM ANALYZE {table}"))
        await autocommit.execute(text("CHECKPOINT"))
    await asyncio.to_thread(os.sync)


_AD = Sponsorship(True, SponsorSignal.DISCLOSURE, "discloses with '#ad'", ("acme",))
_ORGANIC = Sponsorship(False, SponsorSignal.NONE, "none")
_MEDIA = tuple(MediaType)
# Ten different words and a hashtag each; drawn from a pool: sampling ten words was most of making a post.
_CAPTIONS = [
    " ".join(r.sample(WORDS, 10)) + " #" + r.choice(CATEGORIES) for r in [random.Random(17)] for _ in range(8192)
]


def generated_posts(rng: random.Random, row: Any, per_profile: int, at: datetime) -> list[Post]:
    """`per_profile` posts of one profile over the last 90 days, newest first, one in five an ad."""
    expected = max(row.followers, 1) * rng.choice([0.01, 0.03, 0.06])
    days = sorted(rng.uniform(0, 90) for _ in range(per_profile))
    platform, key = PLATFORMS[row.platform], row.id.hex
    return [
        Post(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            catalogue_id=row.catalogue_id,
            influencer_id=row.id,
            platform=platform,
            post_id=f"{key}-{i}",
            posted_at=at - timedelta(days=day),
            url=f"https://example.test/{platform.value}/{key}/{i}",
            caption=_CAPTIONS[rng.getrandbits(13)],
            media_type=_MEDIA[i % len(_MEDIA)],
            likes=int(expected * rng.uniform(0.5, 1.5)),
            comments=int(expected * 0.03),
            views=int(expected * 10),
            mentions=("acme",) if i % 5 == 0 else (),
            sponsorship=_AD if i % 5 == 0 else _ORGANIC,
        )
        for i, day in enumerate(days)
    ]


async def _pages(database: Database) -> Any:
    """The profiles by id, PAGE at a time."""
    c = influencers.c
    after: uuid.UUID | None = None
    while True:
        async with database.session() as session:
            query = select(c.id, c.catalogue_id, c.platform, c.tier, c.followers).order_by(c.id).limit(PAGE)
            rows = (await session.execute(query if after is None else query.where(c.id > after))).all()
        if not rows:
            return
        yield rows
        after = rows[-1].id


def _plan(rng: random.Random, rows: list[Any], per_profile: int, at: datetime) -> PostPlan:
    made = [post for row in rows for post in generated_posts(rng, row, per_profile, at)]
    hashes = {p.id: hashlib.sha1(p.post_id.encode(), usedforsecurity=False).hexdigest() for p in made}
    return PostPlan(created=made, hashes=hashes)


async def write_posts(database: Database, per_profile: int, seed: int) -> tuple[int, float]:
    """Writes `per_profile` generated posts of every profile into the posts table as a posts import
    writes a chunk (PostRepository.write: post_records, by COPY into the indexed table on
    PostgreSQL), a job per JOB_PROFILES profiles; returns (posts, seconds). The next page's posts
    are made in a thread while PostgreSQL takes the last ones in."""
    rng = random.Random(seed + 1)
    at = datetime.now(UTC)
    posts, job_id = 0, uuid.uuid4()
    started = time.perf_counter()
    pending: asyncio.Task[None] | None = None

    async def store(plan: PostPlan, job: uuid.UUID) -> None:
        async with database.session() as session:
            await PostRepository(session, SHARED_CATALOGUE).write(plan, job)
            await session.commit()

    async for rows in _pages(database):
        plan = await asyncio.to_thread(_plan, rng, rows, per_profile, at)
        if pending is not None:
            await pending
        if posts and posts % (per_profile * JOB_PROFILES) == 0:
            job_id = uuid.uuid4()
            print(f"  posts of {posts // per_profile:,} profiles", file=sys.stderr)
        pending = asyncio.create_task(store(plan, job_id))
        posts += len(plan.created)
    if pending is not None:
        await pending
    await analyze(database, "influencer_posts")
    async with database.session() as session:
        stored = await session.scalar(select(func.count()).select_from(influencer_posts))
    if stored != posts:
        raise RuntimeError(f"{posts:,} posts written, {stored:,} in the table")
    return posts, time.perf_counter() - started


async def add_posts_derived(database: Database, per_profile: int, seed: int) -> tuple[int, float]:
    """Gives every profile what `per_profile` generated posts give it; returns (profiles, seconds).
    On PostgreSQL, at a million profiles, per profile in Python would take most of an hour here:
    TEMPLATES profiles get theirs by the rules, every other one a copy of one of theirs (by a hash
    of its id) in one UPDATE; ranking reads the same columns of the same sizes either way."""
    if database.engine.dialect.name == "postgresql":
        return await _add_posts_derived_by_templates(database, per_profile, seed)
    rng = random.Random(seed)
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    at = datetime.now(UTC)
    profiles = 0
    started = time.perf_counter()
    async for rows in _pages(database):
        derived = [_derived(rng, row, per_profile, at) for row in rows]
        async with database.session() as session:
            await ContentQualityRepository(session, outbox).store(
                [
                    PostsDerived(row.id, row.catalogue_id, quality, document, at)
                    for row, (quality, document) in zip(rows, derived, strict=True)
                ]
            )
            await session.commit()
        profiles += len(rows)
    await analyze(database, "influencers")
    return profiles, time.perf_counter() - started


def _derived(rng: random.Random, row: Any, per_profile: int, at: datetime) -> tuple[Any, Any]:
    made = generated_posts(rng, row, per_profile, at)
    platform, tier = PLATFORMS[row.platform], TIERS[row.tier]
    quality = assess_content(made, followers=row.followers, platform=platform, tier=tier, at=at)
    return quality, posts_document([p.caption or "" for p in made], ["acme"])


async def _add_posts_derived_by_templates(database: Database, per_profile: int, seed: int) -> tuple[int, float]:
    started = time.perf_counter()
    rng = random.Random(seed)
    at = datetime.now(UTC)
    c = influencers.c
    async with database.session() as session:
        query = select(c.id, c.catalogue_id, c.platform, c.tier, c.followers).order_by(c.id).limit(TEMPLATES)
        templates = []
        for number, row in enumerate((await session.execute(query)).all()):
            quality, document = _derived(rng, row, per_profile, at)
            templates.append(
                {
                    "k": number,
                    "q": float(quality.score),
                    "m": ",".join(quality.not_assessed),
                    "d": json.dumps(quality_record(quality)),
                    "x": document.text,
                    "t": document.terms,
                }
            )
        await session.execute(
            text("CREATE TEMP TABLE bench_templates (k int, q float8, m text, d text, x text, t text)")
        )
        await session.execute(text("INSERT INTO bench_templates VALUES (:k, :q, :m, :d, :x, :t)"), templates)
        # Where ContentQualityRepository.store writes them: ranking's figures on the profile, the
        # parts with their reasons and the captions' text in influencer_post_details.
        template_of = f"abs(hashtext(i.id::text)) % {len(templates)}"
        await session.execute(
            text(
                "UPDATE influencers i SET content_quality = b.q, content_quality_not_assessed = b.m, post_terms = b.t"
                f" FROM bench_templates b WHERE b.k = {template_of}"
            )
        )
        await session.execute(
            text(
                f"INSERT INTO {influencer_post_details.name}"
                " (influencer_id, content_quality_detail, content_quality_at, post_text)"
                f" SELECT i.id, b.d::json, :at, b.x FROM influencers i JOIN bench_templates b ON b.k = {template_of}"
            ),
            {"at": at},
        )
        count = int(await session.scalar(select(func.count()).select_from(influencers)) or 0)
        await session.commit()
    await analyze(database, "influencers", influencer_post_details.name)
    return count, time.perf_counter() - started


async def remove_posts(database: Database) -> None:
    """The posts and what they gave the profiles, gone."""
    async with database.session() as session:
        if database.engine.dialect.name == "postgresql":
            await session.execute(text(f"TRUNCATE {influencer_posts.name}, {influencer_post_details.name}"))
        else:
            await session.execute(influencer_posts.delete())
            await session.execute(influencer_post_details.delete())
        await session.execute(update(influencers).values(dict.fromkeys(POSTS_DERIVED)))
        await session.commit()
    await analyze(database, "influencers", "influencer_posts", influencer_post_details.name)

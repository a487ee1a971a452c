"""What a profile's own posts tell: its content quality and the words of its recent posts (worked
out when its posts change, kept on the profile for ranking), and how a draft caption matches the
creator's voice."""

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from discovery.application.influencers import get_influencer
from discovery.application.ports import UnitOfWork
from discovery.domain.content_quality import WINDOW, PostsDerived, StoredContentQuality, assess_content
from discovery.domain.posts import Post
from discovery.domain.profiles import Influencer
from discovery.domain.text import TextSimilarity, posts_document
from discovery.domain.voice import VoiceMatch, voice_match

# The latest posts whose captions and brands brand affinity reads, and voice match compares.
DOCUMENT_POSTS = 30
VOICE_POSTS = 200


def derive_from_posts(influencer: Influencer, posts: Sequence[Post], at: datetime) -> PostsDerived:
    """`posts` newest first. Only the posts of the profile's own catalogue count: an org's posts
    of a shared profile never move what every org sees of it."""
    own = [p for p in posts if p.catalogue_id == influencer.catalogue_id]
    quality = assess_content(
        own, followers=influencer.facts.followers, platform=influencer.facts.platform, tier=influencer.tier, at=at
    )
    latest = own[:DOCUMENT_POSTS]
    brands = [b for p in latest for b in (*p.sponsorship.brands, *p.mentions)]
    document = posts_document([p.caption or "" for p in latest], brands)
    return PostsDerived(influencer.id, influencer.catalogue_id, quality, document, at)


async def refresh_from_posts(
    uow: UnitOfWork, influencer_ids: Sequence[UUID], at: datetime, *, catalogue_id: UUID | None = None
) -> list[PostsDerived]:
    """Works out again what the posts of these profiles give them, stores it on each profile and
    tells of it (`influencer.updated`). A posts import calls it for the profiles each chunk touched,
    with its catalogue: an org's posts of shared profiles leave those alone."""
    profiles = await uow.influencers.many(list(dict.fromkeys(influencer_ids)))
    if catalogue_id is not None:
        profiles = {i: p for i, p in profiles.items() if p.catalogue_id == catalogue_id}
    derived: list[PostsDerived] = []
    for catalogue_id in sorted({p.catalogue_id for p in profiles.values()}):
        own = [i for i, p in profiles.items() if p.catalogue_id == catalogue_id]
        posts = uow.scoped_to(catalogue_id).posts
        recent = await posts.of_profiles(own, since=at - WINDOW)
        quiet = [i for i in own if not recent.get(i)]
        older = await posts.of_profiles(quiet, limit=DOCUMENT_POSTS) if quiet else {}
        derived.extend(derive_from_posts(profiles[i], recent.get(i) or older.get(i, []), at) for i in own)
    await uow.content_quality.store(derived)
    return derived


async def content_quality(uow: UnitOfWork, influencer_id: UUID) -> StoredContentQuality | None:
    return await uow.content_quality.of_profile(influencer_id)


async def match_voice(
    uow: UnitOfWork, influencer_id: UUID, caption: str, similarity: TextSimilarity
) -> tuple[Influencer, VoiceMatch]:
    """The draft against the creator's organic (not sponsored) captions the org sees, the latest
    VOICE_POSTS posts."""
    influencer = await get_influencer(uow, influencer_id)
    posts = await uow.posts.of_profile(influencer_id, limit=VOICE_POSTS)
    organic = [p.caption for p in posts if not p.sponsored and p.caption]
    return influencer, voice_match(caption, organic, similarity)

"""What a profile's own posts tell: its content quality and the words of its recent posts (worked
out when its posts change, kept on the profile for ranking), and how a draft caption matches the
creator's voice."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from uuid import UUID

from discovery.application.influencers import get_influencer
from discovery.application.ports import UnitOfWork
from discovery.domain.content_quality import WINDOW, PostsDerived, QualitySubject, StoredContentQuality, assess_content
from discovery.domain.posts import Post, WrittenPost
from discovery.domain.profiles import Influencer
from discovery.domain.text import TextSimilarity, posts_document
from discovery.domain.voice import VoiceMatch, voice_match

# The latest posts whose captions and brands brand affinity reads, and voice match compares.
DOCUMENT_POSTS = 30
VOICE_POSTS = 200


def quality_subject(influencer: Influencer) -> QualitySubject:
    facts = influencer.facts
    return QualitySubject(influencer.id, influencer.catalogue_id, facts.platform, facts.followers, influencer.tier)


def derive_from_posts(
    profile: Influencer | QualitySubject, posts: Sequence[Post | WrittenPost], at: datetime
) -> PostsDerived:
    """`posts` newest first. Only the posts of the profile's own catalogue count: an org's posts
    of a shared profile never move what every org sees of it."""
    subject = quality_subject(profile) if isinstance(profile, Influencer) else profile
    own = [p for p in posts if p.catalogue_id == subject.catalogue_id]
    quality = assess_content(own, followers=subject.followers, platform=subject.platform, tier=subject.tier, at=at)
    latest = own[:DOCUMENT_POSTS]
    brands = [b for p in latest for b in (*p.brands, *p.mentions)]
    document = posts_document([p.caption or "" for p in latest], brands)
    return PostsDerived(subject.id, subject.catalogue_id, quality, document, at)


async def refresh_from_posts(
    uow: UnitOfWork,
    influencer_ids: Sequence[UUID],
    at: datetime,
    *,
    catalogue_id: UUID | None = None,
    known: Mapping[UUID, Sequence[WrittenPost]] | None = None,
) -> list[PostsDerived]:
    """Works out again what the posts of these profiles give them, stores it on each profile and
    tells of it (`influencer.updated`). A posts import calls it for the profiles it touched, with
    its catalogue (an org's posts of shared profiles leave those alone), and gives as `known` the
    posts of the profiles it wrote all posts of (WrittenPosts.of): those are not read back."""
    known = known or {}
    profiles = await uow.influencers.quality_subjects(list(dict.fromkeys(influencer_ids)))
    if catalogue_id is not None:
        profiles = {i: p for i, p in profiles.items() if p.catalogue_id == catalogue_id}
    derived: list[PostsDerived] = []
    for catalogue_id in sorted({p.catalogue_id for p in profiles.values()}):
        own = [i for i, p in profiles.items() if p.catalogue_id == catalogue_id]
        posts = uow.scoped_to(catalogue_id).posts
        read = [i for i in own if i not in known]
        recent = await posts.of_profiles(read, since=at - WINDOW) if read else {}
        quiet = [i for i in read if not recent.get(i)]
        older = await posts.of_profiles(quiet, limit=DOCUMENT_POSTS) if quiet else {}
        for i in own:
            mine: Sequence[Post | WrittenPost] = (
                _as_read(known[i], at) if i in known else recent.get(i) or older.get(i, [])
            )
            derived.append(derive_from_posts(profiles[i], mine, at))
    await uow.content_quality.store(derived)
    return derived


def _as_read(posts: Sequence[WrittenPost], at: datetime) -> Sequence[WrittenPost]:
    """What the reads above give of a profile's posts (newest first): those of the last 90 days
    (and any later), else the latest DOCUMENT_POSTS."""
    since = at - WINDOW
    recent = [p for p in posts if p.posted_at >= since]
    return recent or posts[:DOCUMENT_POSTS]


def _newest(post: WrittenPost) -> tuple[datetime, UUID]:
    return post.posted_at, post.id


# Posts a WrittenPosts holds at most (about half a kilobyte each); a larger import reads them back.
MAX_WRITTEN = 200_000


class WrittenPosts:
    """The posts an import wrote, by profile, as far as content quality reads them: every post
    from `since` on, and the DOCUMENT_POSTS newest before; so that `of` gives what the reads of
    refresh_from_posts would give of a profile whose posts are all the import's, at any `at` from
    `since` + WINDOW on. Holding more than `max_posts`, it gives up (`whole` False) and keeps none."""

    def __init__(self, since: datetime, max_posts: int = MAX_WRITTEN) -> None:
        self.since = since
        self.max_posts = max_posts
        self.whole = True
        self.added = 0
        self._held = 0
        self._recent: dict[UUID, list[WrittenPost]] = {}
        self._older: dict[UUID, list[WrittenPost]] = {}

    def add(self, posts: Iterable[WrittenPost]) -> None:
        for post in posts:
            self.added += 1
            if not self.whole:
                continue
            self._held += 1
            if post.posted_at >= self.since:
                self._recent.setdefault(post.influencer_id, []).append(post)
                continue
            older = self._older.setdefault(post.influencer_id, [])
            older.append(post)
            if len(older) >= 2 * DOCUMENT_POSTS:
                older.sort(key=_newest, reverse=True)
                self._held -= len(older) - DOCUMENT_POSTS
                del older[DOCUMENT_POSTS:]
        if self._held > self.max_posts:
            self.give_up()

    def give_up(self) -> None:
        self.whole = False
        self._recent.clear()
        self._older.clear()

    def of(self, influencer_id: UUID) -> list[WrittenPost]:
        """The profile's posts held, newest first."""
        held = [*self._recent.get(influencer_id, ()), *self._older.get(influencer_id, ())]
        return sorted(held, key=_newest, reverse=True)


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

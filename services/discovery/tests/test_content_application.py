"""Content quality worked out when posts change, and voice match, as the application does them on
a unit of work in memory (no I/O)."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from discovery.application import content
from discovery.domain.facts import ProfileFacts
from discovery.domain.posts import Post, Sponsorship, SponsorSignal, WrittenPost
from discovery.domain.profiles import SHARED_CATALOGUE, Influencer, Platform
from discovery.domain.text import TfidfSimilarity
from servicekit.errors import NotFound
from servicekit.testing import run

from .fakes import FakeUnitOfWork, Memory, keep_profile

AT = datetime(2026, 6, 1, 12, tzinfo=UTC)
ORG = uuid.uuid4()
AD = Sponsorship(True, SponsorSignal.PAID_PARTNERSHIP_LABEL, "paid partnership label", ("acme",))


def post(influencer: Influencer, days_ago: int, caption: str, *, likes: int = 600, **fields: object) -> Post:
    return Post(
        id=uuid.uuid4(),
        catalogue_id=fields.pop("catalogue_id", influencer.catalogue_id),  # type: ignore[arg-type]
        influencer_id=influencer.id,
        platform=influencer.facts.platform,
        post_id=uuid.uuid4().hex,
        posted_at=AT - timedelta(days=days_ago),
        caption=caption,
        likes=likes,
        **fields,  # type: ignore[arg-type]
    )


def profile(memory: Memory, handle: str, catalogue: uuid.UUID = SHARED_CATALOGUE) -> Influencer:
    return keep_profile(memory, catalogue, ProfileFacts(Platform.INSTAGRAM, handle, 20_000))


def test_posts_give_the_profile_its_content_quality_and_words_and_it_is_told() -> None:
    memory = Memory()
    runner, quiet = profile(memory, "runner"), profile(memory, "quiet")
    memory.posts += [post(runner, 7 * i, f"trail run week {i}") for i in range(12)]
    memory.posts.append(post(runner, 3, "new shoes @acme", sponsorship=AD, mentions=("acme",)))
    derived = run(content.refresh_from_posts(FakeUnitOfWork(memory, SHARED_CATALOGUE), [runner.id, quiet.id], AT))
    assert {d.influencer_id for d in derived} == {runner.id, quiet.id}
    stored = memory.content_quality[runner.id]
    assert stored.quality.score > 80
    assert stored.quality.not_assessed == []
    assert "acme" in stored.document.terms.split()
    assert "trail" in stored.document.terms.split()
    nothing = memory.content_quality[quiet.id]
    assert nothing.quality.score == 50
    assert nothing.quality.coverage.assessed == 0
    assert nothing.document.terms == ""


def test_an_orgs_posts_of_a_shared_profile_do_not_move_its_shared_score() -> None:
    memory = Memory()
    shared = profile(memory, "shared")
    memory.posts += [post(shared, 7 * i, f"private copy {i}", catalogue_id=ORG) for i in range(10)]
    run(content.refresh_from_posts(FakeUnitOfWork(memory, ORG), [shared.id], AT))
    assert memory.content_quality[shared.id].quality.score == 50
    # As the org's posts import calls it: the shared profile is left alone, nothing told.
    memory.content_quality.clear()
    run(content.refresh_from_posts(FakeUnitOfWork(memory, ORG), [shared.id], AT, catalogue_id=ORG))
    assert memory.content_quality == {}


def test_a_profile_quiet_for_90_days_is_assessed_as_not_posting() -> None:
    memory = Memory()
    idle = profile(memory, "idle")
    memory.posts += [post(idle, 120 + i, f"old post {i}") for i in range(5)]
    run(content.refresh_from_posts(FakeUnitOfWork(memory, SHARED_CATALOGUE), [idle.id], AT))
    stored = memory.content_quality[idle.id]
    assert stored.quality.parts[0].signal == "cadence"
    assert stored.quality.parts[0].score == 0.0
    assert "old" in stored.document.terms.split()  # older captions still say what it is about


def test_voice_match_compares_with_organic_captions_only() -> None:
    memory = Memory()
    creator = profile(memory, "creator")
    memory.posts += [
        post(creator, 1, "Sunrise trail run in the forest, legs burning"),
        post(creator, 2, "Buy SuperPhone now with code TECH", sponsorship=AD),
    ]
    uow = FakeUnitOfWork(memory, ORG)
    _, match = run(content.match_voice(uow, creator.id, "SuperPhone code TECH", TfidfSimilarity()))
    assert match.compared == 1
    assert match.verdict == "distant"
    _, close = run(content.match_voice(uow, creator.id, "trail run at sunrise", TfidfSimilarity()))
    assert close.verdict == "close"
    assert close.nearest[0].caption.startswith("Sunrise trail run")


def test_voice_match_without_organic_captions_or_profile() -> None:
    memory = Memory()
    silent = profile(memory, "silent")
    uow = FakeUnitOfWork(memory, ORG)
    _, match = run(content.match_voice(uow, silent.id, "hello there friends", TfidfSimilarity()))
    assert match.verdict == "not_assessed"
    hidden = profile(memory, "hidden", uuid.uuid4())
    with pytest.raises(NotFound):
        run(content.match_voice(uow, hidden.id, "hello", TfidfSimilarity()))


def test_the_posts_an_import_wrote_are_held_as_the_refresh_reads_them() -> None:
    memory = Memory()
    runner = profile(memory, "runner")
    posts = [post(runner, days, f"run {days}") for days in (200, 3, 120, 95, *range(300, 400))]
    held = content.WrittenPosts(AT - content.WINDOW)
    held.add(map(WrittenPost.of, posts))
    assert held.whole
    assert held.added == len(posts)
    newest = [WrittenPost.of(p) for p in sorted(posts, key=lambda p: (p.posted_at, p.id), reverse=True)]
    kept = held.of(runner.id)  # the recent one, the newest 30 before, maybe a few more; not all
    assert kept[: 1 + content.DOCUMENT_POSTS] == newest[: 1 + content.DOCUMENT_POSTS]
    assert len(kept) < 1 + 2 * content.DOCUMENT_POSTS
    small = content.WrittenPosts(AT - content.WINDOW, max_posts=50)
    small.add(map(WrittenPost.of, posts[:60]))
    assert not small.whole
    assert small.of(runner.id) == []
    small.add(map(WrittenPost.of, posts[60:]))
    assert small.added == len(posts)  # counted all the same: the import compares it with what it wrote

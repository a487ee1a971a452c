"""Planning a posts import's chunks: each profile a job's posts name is looked up once per job (a
profile's posts spread over a file named it again in every chunk), a handle not found is looked
up again, and an org's job finds shared profiles the same way."""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from discovery.application.post_imports import plan_chunk
from discovery.domain.post_import import PostKey, PostOwner, StoredPost, fingerprint
from discovery.domain.post_rows import ParsedPost
from discovery.domain.posts import MediaType
from discovery.domain.profiles import SHARED_CATALOGUE, Platform, ProfileKey, new_ids
from servicekit.testing import run

AT = datetime(2026, 6, 1, tzinfo=UTC)
ORG = uuid.uuid4()


class Profiles:
    def __init__(self, catalogues: dict[uuid.UUID, list[str]]) -> None:
        self.owners = {
            c: {(Platform.INSTAGRAM, h): PostOwner(uuid.uuid4(), ()) for h in hs} for c, hs in catalogues.items()
        }
        self.asked: list[tuple[uuid.UUID, list[str]]] = []

    async def post_owners(self, catalogue_id: uuid.UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, PostOwner]:
        self.asked.append((catalogue_id, sorted(h for _, h in keys)))
        return {k: o for k, o in self.owners.get(catalogue_id, {}).items() if k in keys}


class NoPosts:
    async def stored(self, catalogue_id: uuid.UUID, keys: Sequence[PostKey]) -> dict[PostKey, StoredPost]:
        return {}


def rows(*handles: str) -> list[tuple[int, ParsedPost]]:
    return [
        (
            n,
            ParsedPost(
                Platform.INSTAGRAM, h, uuid.uuid4().hex, AT, None, None, None, 1, 1, None, None, None, None, (), ()
            ),
        )
        for n, h in enumerate(handles)
    ]


def test_each_profile_is_looked_up_once_per_job() -> None:
    profiles = Profiles({SHARED_CATALOGUE: ["ana", "bo"]})
    known: dict[ProfileKey, PostOwner] = {}
    first = run(plan_chunk(profiles, NoPosts(), SHARED_CATALOGUE, rows("ana", "bo", "cy"), AT, known_owners=known))
    second = run(plan_chunk(profiles, NoPosts(), SHARED_CATALOGUE, rows("bo", "ana", "cy"), AT, known_owners=known))
    assert profiles.asked == [(SHARED_CATALOGUE, ["ana", "bo", "cy"]), (SHARED_CATALOGUE, ["cy"])]
    for plan in (first, second):
        assert plan.counts.rows_created == 2
        assert [r.field for r in plan.rejections] == ["handle"]
    assert {p.influencer_id for p in first.created} == {p.influencer_id for p in second.created}


def test_an_orgs_job_looks_up_its_own_then_shared_profiles_once() -> None:
    profiles = Profiles({ORG: ["ana"], SHARED_CATALOGUE: ["ana", "bo"]})
    known: dict[ProfileKey, PostOwner] = {}
    for _ in range(2):
        plan = run(plan_chunk(profiles, NoPosts(), ORG, rows("ana", "bo"), AT, known_owners=known))
        assert {p.influencer_id for p in plan.created} == {
            profiles.owners[ORG][(Platform.INSTAGRAM, "ana")].id,
            profiles.owners[SHARED_CATALOGUE][(Platform.INSTAGRAM, "bo")].id,
        }
    assert profiles.asked == [(ORG, ["ana", "bo"]), (SHARED_CATALOGUE, ["bo"])]


def test_the_fingerprint_of_stored_posts_does_not_change() -> None:
    # Stored posts keep the fingerprint they were written with: another value for the same post
    # would read every stored post as updated on the next import of it.
    owner = uuid.UUID("0190d7a2-5c3e-7abc-8def-0123456789ab")
    full = ParsedPost(
        *(Platform.TIKTOK, "lena", "7301234567890", datetime(2026, 11, 1, 10, 0, 5, 123456, tzinfo=UTC)),
        "https://www.tiktok.com/@lena/video/7301234567890",
        "Thanks @nike for the gift #ad 'quoted' \"double\" \u00e9\n",
        *(MediaType.REEL, 1200, 30, None, 4, 0, True, ("nike", "adidas"), ("nike",)),
    )
    bare = ParsedPost(
        Platform.INSTAGRAM, "a", "P1", datetime(1970, 1, 1, tzinfo=UTC), *(None,) * 9, (), ()
    )  # fmt: skip
    assert fingerprint(owner, full) == "5cd9143b347b4e72dad733df33111789e5ca4623"
    assert fingerprint(owner, bare) == "173b101ddde2235a33cb83a618625117db0144b5"


def test_new_ids_are_ascending_version_7_uuids_like_any_other() -> None:
    ids = new_ids(500)
    assert ids == sorted(ids)
    assert len(set(ids)) == 500
    for made in ids:
        same = uuid.UUID(str(made))
        assert (made.version, made.variant) == (7, uuid.RFC_4122)
        assert made == same
        assert hash(made) == hash(same)
        assert made.bytes == same.bytes

"""Planning a posts import's chunks: each profile a job's posts name is looked up once per job (a
profile's posts spread over a file named it again in every chunk), a handle not found is looked
up again, and an org's job finds shared profiles the same way."""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from discovery.application.post_imports import plan_chunk
from discovery.domain.post_import import PostKey, PostOwner, StoredPost
from discovery.domain.post_rows import ParsedPost
from discovery.domain.profiles import SHARED_CATALOGUE, Platform, ProfileKey
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

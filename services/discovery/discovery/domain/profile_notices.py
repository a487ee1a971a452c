"""What other services hear of profiles: who an influencer is and who may see the profile. Told
when a profile is created or changes its platform, handle or name, so that partnerships knows
every influencer a brand may propose to (and nothing else it would have to keep up to date)."""

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple
from uuid import UUID

from discovery.domain.imports import ProfileChanges
from discovery.domain.profiles import Influencer


class ProfileNotice(NamedTuple):
    influencer_id: UUID
    # The shared catalogue (the nil id) or the org whose private profile this is.
    catalogue_id: UUID
    platform: str
    handle: str
    display_name: str | None
    # The profile's version: a later change has a later time.
    updated_at: datetime


def notice_of(influencer: Influencer) -> ProfileNotice:
    facts = influencer.facts
    return ProfileNotice(
        influencer.id,
        influencer.catalogue_id,
        facts.platform.value,
        facts.handle,
        facts.display_name,
        influencer.updated_at,
    )


def _same_identity(before: Influencer, after: Influencer) -> bool:
    old, new = before.facts, after.facts
    return (old.platform, old.handle, old.display_name) == (new.platform, new.handle, new.display_name)


def notices_for_change(before: Influencer | None, after: Influencer) -> list[ProfileNotice]:
    """A new profile is told of; a changed one only if who it is changed."""
    if before is not None and _same_identity(before, after):
        return []
    return [notice_of(after)]


def renamed(changes: ProfileChanges) -> list[UUID]:
    """The updated profiles of an import's chunk whose platform, handle or name changed."""
    return [u.after.id for u in changes.updated if not _same_identity(u.before, u.after)]


def notices_of(changes: ProfileChanges, *, leaving_out: Iterable[UUID] = ()) -> list[ProfileNotice]:
    """What an import's chunk tells, but of the profiles it could not store."""
    left_out = set(leaving_out)
    return [
        *(notice_of(i) for i in changes.created if i.id not in left_out),
        *(
            notice_of(u.after)
            for u in changes.updated
            if u.after.id not in left_out and not _same_identity(u.before, u.after)
        ),
    ]

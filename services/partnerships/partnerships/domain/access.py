"""Who sees and acts on a partnership.

A brand reaches its partnerships through its tenant (org). An influencer signs up in an org of
its own, so a creator reaches a partnership through its influencer id instead, whatever the
tenant, and only once the brand has reached out (proposed, or sent a message): a brand's drafts
and shortlist stay private. Anyone else gets a 404, never a hint that the partnership exists.
"""

from dataclasses import dataclass, field
from uuid import UUID

from partnerships.domain.negotiation import Party
from partnerships.domain.partnerships import Actor, Partnership
from servicekit.errors import Forbidden, NotFound

BRAND_READ_ROLES = frozenset({"owner", "manager", "analyst", "admin"})
BRAND_WRITE_ROLES = frozenset({"owner", "manager", "admin"})
CREATOR_ROLE = "creator"


class PermissionDenied(Forbidden):
    """Authenticated, may see the resource, but may not do this (a 403)."""


@dataclass(frozen=True)
class Caller:
    tenant_id: UUID
    user_id: UUID | None = None
    roles: frozenset[str] = field(default_factory=frozenset)
    influencer_id: UUID | None = None

    @property
    def reads_as_brand(self) -> bool:
        return bool(self.roles & BRAND_READ_ROLES)

    @property
    def writes_as_brand(self) -> bool:
        return bool(self.roles & BRAND_WRITE_ROLES)

    @property
    def is_creator(self) -> bool:
        return CREATOR_ROLE in self.roles and self.influencer_id is not None


@dataclass(frozen=True)
class Visibility:
    """Which partnerships a caller may list: its tenant's, or (creator) its own offered ones."""

    tenant_id: UUID | None = None
    influencer_id: UUID | None = None


def visibility(caller: Caller) -> Visibility:
    if caller.reads_as_brand:
        return Visibility(tenant_id=caller.tenant_id)
    if caller.is_creator:
        return Visibility(influencer_id=caller.influencer_id)
    raise PermissionDenied("listing partnerships needs a brand role or the creator role")


def party_for(caller: Caller, partnership: Partnership) -> Party:
    """The side the caller is on for this partnership; NotFound when it may not see it."""
    if caller.reads_as_brand and caller.tenant_id == partnership.tenant_id:
        return Party.BRAND
    if caller.is_creator and caller.influencer_id == partnership.influencer_id and partnership.contacted_at:
        return Party.CREATOR
    raise NotFound("partnership", partnership.id)


def actor_for(caller: Caller, partnership: Partnership) -> Actor:
    """As party_for, for a change: an analyst reads but does not act."""
    party = party_for(caller, partnership)
    if party is Party.BRAND and not caller.writes_as_brand:
        raise PermissionDenied("this action needs one of the roles: owner, manager")
    return Actor(party, caller.user_id)

"""Who sees and acts on content.

A brand reaches its deliverables (and their briefs, submissions, media, posts, amplifications and
assets) through its tenant. A creator signs up in an org of its own, so it reaches the deliverables
of its influencer id instead, whatever the brand: only those, and never the brand's briefs as a
whole, amplifications or asset library. Anyone else gets a 404, never a hint that the object
exists. Analysts read; owners and managers write.
"""

from dataclasses import dataclass, field
from uuid import UUID

from contracts import Party
from servicekit.errors import Forbidden, NotFound

BRAND_READ_ROLES = frozenset({"owner", "manager", "analyst", "admin"})
BRAND_WRITE_ROLES = frozenset({"owner", "manager", "admin"})
CREATOR_ROLE = "creator"


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
    """Which deliverables a caller may list: its tenant's, or (creator) its own."""

    tenant_id: UUID | None = None
    influencer_id: UUID | None = None


def visibility(caller: Caller) -> Visibility:
    if caller.reads_as_brand:
        return Visibility(tenant_id=caller.tenant_id)
    if caller.is_creator:
        return Visibility(influencer_id=caller.influencer_id)
    raise Forbidden("reading content needs a brand role or the creator role")


def party_for(caller: Caller, tenant_id: UUID, influencer_id: UUID, what: str, ident: object) -> Party:
    """The side the caller is on for a deliverable of `tenant_id` made by `influencer_id`; NotFound
    when it may not see it."""
    if caller.reads_as_brand and caller.tenant_id == tenant_id:
        return Party.BRAND
    if caller.is_creator and caller.influencer_id == influencer_id:
        return Party.CREATOR
    raise NotFound(what, ident)


def acting_party(caller: Caller, tenant_id: UUID, influencer_id: UUID, what: str, ident: object) -> Party:
    """As party_for, for a change: an analyst reads but does not act."""
    party = party_for(caller, tenant_id, influencer_id, what, ident)
    if party is Party.BRAND and not caller.writes_as_brand:
        raise Forbidden("this action needs one of the roles: owner, manager")
    return party


def brand_only(caller: Caller, tenant_id: UUID, what: str, ident: object, *, write: bool = False) -> None:
    """Objects only the brand sees (the campaign brief, amplifications, assets)."""
    if not (caller.reads_as_brand and caller.tenant_id == tenant_id):
        raise NotFound(what, ident)
    if write and not caller.writes_as_brand:
        raise Forbidden("this action needs one of the roles: owner, manager")

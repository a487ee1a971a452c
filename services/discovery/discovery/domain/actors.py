"""Who acts, and the rules of who may write where."""

from dataclasses import dataclass
from uuid import UUID

from discovery.domain.profiles import SHARED_CATALOGUE, Influencer
from discovery.domain.search import Visibility
from servicekit.errors import Forbidden


class NotAllowed(Forbidden):
    """Authenticated, but this caller may not do this (403)."""


@dataclass(frozen=True)
class Actor:
    tenant_id: UUID
    user_id: UUID | None
    is_admin: bool


def catalogue_for(actor: Actor, visibility: Visibility | None) -> UUID:
    """Platform admins write the shared catalogue (their default); everyone else their org's own."""
    if visibility is Visibility.SHARED or (visibility is None and actor.is_admin):
        if not actor.is_admin:
            raise NotAllowed("the shared catalogue is written only by platform admins")
        return SHARED_CATALOGUE
    return actor.tenant_id


def check_can_write(actor: Actor, influencer: Influencer) -> None:
    if influencer.is_shared and not actor.is_admin:
        raise NotAllowed("profiles of the shared catalogue are written only by platform admins")

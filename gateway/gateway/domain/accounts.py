"""What the gateway keeps of orgs, users, memberships and their credentials (API keys and
refresh grants), as its repositories hand them to the use cases."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from gateway.domain.identity import OrgKind, Role


@dataclass(frozen=True)
class OrgRecord:
    id: UUID
    name: str
    kind: OrgKind
    created_at: datetime


@dataclass(frozen=True)
class UserRecord:
    id: UUID
    email: str
    password_hash: str
    display_name: str | None
    is_platform_admin: bool
    created_at: datetime


@dataclass(frozen=True)
class MembershipRecord:
    org_id: UUID
    user_id: UUID
    role: Role
    created_at: datetime
    # Named by the tokens issued for this membership: a new grant ends them (domain/revocation.py).
    grant_id: UUID


@dataclass(frozen=True)
class ApiKeyRecord:
    id: UUID
    org_id: UUID
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    created_by: UUID | None = None
    created_by_email: str | None = None


@dataclass(frozen=True)
class RefreshGrant:
    token: str
    user_id: UUID
    org_id: UUID
    family_id: UUID  # the login; access tokens issued from it carry it as `sid`


class InvalidRefreshToken(Exception):
    """A refresh token that is not usable; `reused_family` names the login when a spent token came
    back (it was stolen: that login must end)."""

    def __init__(self, message: str, reused_family: UUID | None = None) -> None:
        super().__init__(message)
        self.reused_family = reused_family

"""Who may act: orgs, users and their roles; the rules for passwords and tokens."""

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from servicekit.errors import InvalidField


class OrgKind(StrEnum):
    BRAND = "brand"
    AGENCY = "agency"
    CREATOR = "creator"  # an influencer's own account


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    ANALYST = "analyst"  # read-only
    CREATOR = "creator"  # an influencer: sees only its own partnerships and content
    ADMIN = "admin"  # platform staff: writes the shared catalogue


MIN_PASSWORD_LENGTH = 10


def normalize_email(email: str) -> str:
    email = email.strip().lower()
    local, _, domain = email.partition("@")
    if not local or "." not in domain or " " in email:
        raise InvalidField("email", "is not an email address")
    return email


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidField("password", f"must have at least {MIN_PASSWORD_LENGTH} characters")
    if password.strip() != password or not password.strip():
        raise InvalidField("password", "must not start or end with spaces")


@dataclass(frozen=True)
class Principal:
    """The caller a token or API key stands for. For an API key, user_id is the key's id."""

    user_id: UUID
    org_id: UUID
    roles: frozenset[str]
    scopes: frozenset[str] = frozenset()
    influencer_id: UUID | None = None
    is_api_key: bool = False

    @functools.cached_property
    def rate_limit_identity(self) -> str:  # once per principal: the verified-token cache reuses it
        return f"{'key' if self.is_api_key else 'user'}:{self.user_id}"


def access_claims(
    principal: Principal, *, now: datetime, ttl: timedelta, audience: str, issuer: str, token_id: str
) -> dict[str, object]:
    claims: dict[str, object] = {
        "sub": str(principal.user_id),
        "org": str(principal.org_id),
        "roles": sorted(principal.roles),
        "scope": " ".join(sorted(principal.scopes)),
        "aud": audience,
        "iss": issuer,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + ttl).timestamp()),
        "jti": token_id,
    }
    if principal.influencer_id:
        claims["influencer"] = str(principal.influencer_id)
    if principal.is_api_key:
        claims["client"] = True
    return claims


def principal_from_claims(claims: dict[str, object]) -> Principal:
    influencer = claims.get("influencer")
    return Principal(
        user_id=UUID(str(claims["sub"])),
        org_id=UUID(str(claims["org"])),
        roles=frozenset(str(r) for r in claims.get("roles", []) or []),  # type: ignore[union-attr]
        scopes=frozenset(str(claims.get("scope", "")).split()),
        influencer_id=UUID(str(influencer)) if influencer else None,
        is_api_key=bool(claims.get("client", False)),
    )

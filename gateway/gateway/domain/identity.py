"""Who may act: orgs, users and their roles; the rules for passwords and tokens."""

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID


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
    """The one spelling of an email the platform stores and compares; ValueError if it is none."""
    email = email.strip(" ").lower()
    local, _, domain = email.partition("@")
    if not local or "." not in domain or " " in email or "@" in domain:
        raise ValueError("is not an email address")
    return email


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"must have at least {MIN_PASSWORD_LENGTH} characters")
    if password.strip() != password or not password.strip():
        raise ValueError("must not start or end with spaces")
    return password


@dataclass(frozen=True)
class Principal:
    """The caller a token or API key stands for. For an API key, user_id is the key's id.

    A person's tokens also name what they were issued from, so that taking it away ends them:
    `session_id`, the login (refresh-token family), and `grant_id`, the membership as it stood
    (a role change or removal replaces or deletes it)."""

    user_id: UUID
    org_id: UUID
    roles: frozenset[str]
    scopes: frozenset[str] = frozenset()
    influencer_id: UUID | None = None
    is_api_key: bool = False
    session_id: UUID | None = None
    grant_id: UUID | None = None
    # An API key's own expiry: the tokens it is exchanged for end no later.
    expires_at: datetime | None = None

    @functools.cached_property
    def rate_limit_identity(self) -> str:  # once per principal: the verified-token cache reuses it
        return f"{'key' if self.is_api_key else 'user'}:{self.user_id}"


def token_expiry(principal: Principal, *, now: datetime, ttl: timedelta) -> datetime:
    """When a token issued now for `principal` ends: after `ttl`, or when its API key expires."""
    end = now + ttl
    return end if principal.expires_at is None else min(end, principal.expires_at)


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
        "exp": int(token_expiry(principal, now=now, ttl=ttl).timestamp()),
        "jti": token_id,
    }
    if principal.influencer_id:
        claims["influencer"] = str(principal.influencer_id)
    if principal.is_api_key:
        claims["client"] = True
    if principal.session_id:
        claims["sid"] = str(principal.session_id)
    if principal.grant_id:
        claims["grant"] = str(principal.grant_id)
    return claims


def principal_from_claims(claims: dict[str, object]) -> Principal:
    """KeyError or ValueError for claims a token of ours never lacks: a person's token without
    its login and membership could not be revoked, so it is not taken."""
    influencer = claims.get("influencer")
    is_api_key = bool(claims.get("client", False))
    return Principal(
        user_id=UUID(str(claims["sub"])),
        org_id=UUID(str(claims["org"])),
        roles=frozenset(str(r) for r in claims.get("roles", []) or []),  # type: ignore[union-attr]
        scopes=frozenset(str(claims.get("scope", "")).split()),
        influencer_id=UUID(str(influencer)) if influencer else None,
        is_api_key=is_api_key,
        session_id=None if is_api_key else UUID(str(claims["sid"])),
        grant_id=None if is_api_key else UUID(str(claims["grant"])),
    )

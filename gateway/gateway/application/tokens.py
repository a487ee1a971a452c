"""Signing in: the OAuth2 grants (RFC 6749) as use cases. A password or a refresh token gives a
user's access token and a new refresh token (rotating: a spent one coming back ends its whole
login); an API key gives an access token carrying the key's scopes. Refusals are GrantRefused,
which api/auth.py answers as OAuth2 errors."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

from gateway.application.ports import IdentityStore, Passwords, TokenIssuer, UnitOfWork
from gateway.domain.accounts import InvalidRefreshToken, UserRecord
from gateway.domain.identity import Principal, Role, normalize_email, token_expiry
from gateway.domain.revocation import RevocationKind


class GrantRefused(Exception):
    """`error` is the OAuth2 error code: invalid_grant, or invalid_client for an unknown API key."""

    def __init__(self, detail: str, error: str = "invalid_grant") -> None:
        super().__init__(detail)
        self.detail = detail
        self.error = error


class NoSuchMembership(GrantRefused):
    """The user is no member of the org asked for."""


@dataclass(frozen=True)
class Tokens:
    access_token: str
    expires_in: int
    refresh_token: str | None = None
    scope: str | None = None


def _tokens(signer: TokenIssuer, principal: Principal, **rest: str | None) -> Tokens:
    now = datetime.now(UTC)
    lasts = token_expiry(principal, now=now, ttl=signer.ttl) - now
    return Tokens(access_token=signer.issue(principal), expires_in=max(0, int(lasts.total_seconds())), **rest)


async def principal_for_user(identity: IdentityStore, user: UserRecord, org_id: UUID | None) -> Principal:
    """The user as a member of `org_id` (or of their first org); the login is added by the caller."""
    memberships = await identity.memberships_of(user.id)
    if org_id is not None:
        memberships = [m for m in memberships if m.org_id == org_id]
    if not memberships:
        raise NoSuchMembership("this user belongs to no such org")
    membership = memberships[0]
    roles = {membership.role.value} | ({Role.ADMIN.value} if user.is_platform_admin else set())
    influencer_id = await identity.influencer_of(user.id) if membership.role is Role.CREATOR else None
    return Principal(
        user_id=user.id,
        org_id=membership.org_id,
        roles=frozenset(roles),
        influencer_id=influencer_id,
        grant_id=membership.grant_id,
    )


async def sign_in(
    uow: UnitOfWork,
    passwords: Passwords,
    signer: TokenIssuer,
    *,
    username: str,
    password: str,
    org_id: UUID | None,
    refresh_ttl: timedelta,
) -> Tokens:
    try:
        email = normalize_email(username)
    except ValueError:
        email = username
    # An unknown email costs the same hash check as a known one: the answer and its timing do not
    # tell whether the email is registered.
    user = await uow.identity.user_by_email(email)
    valid = await passwords.verify(user.password_hash if user else None, password)
    if not valid or user is None:
        raise GrantRefused("wrong username or password")
    principal = await principal_for_user(uow.identity, user, org_id)
    refresh = await uow.refresh_tokens.issue(user.id, principal.org_id, refresh_ttl)
    return _tokens(signer, replace(principal, session_id=refresh.family_id), refresh_token=refresh.token)


async def refresh(uow: UnitOfWork, signer: TokenIssuer, *, refresh_token: str, refresh_ttl: timedelta) -> Tokens:
    try:
        rotated = await uow.refresh_tokens.rotate(refresh_token, refresh_ttl)
    except InvalidRefreshToken as exc:
        if exc.reused_family is not None:
            await uow.revoke(RevocationKind.SESSION, [exc.reused_family])
        # The login's revocation must stick even though the request fails.
        await uow.commit()
        raise GrantRefused(str(exc)) from None
    user = await uow.identity.user(rotated.user_id)
    if user is None:
        raise GrantRefused("the user of this refresh token no longer exists")
    principal = replace(await principal_for_user(uow.identity, user, rotated.org_id), session_id=rotated.family_id)
    return _tokens(signer, principal, refresh_token=rotated.token)


async def for_api_key(uow: UnitOfWork, signer: TokenIssuer, *, key: str) -> Tokens:
    principal = await uow.api_keys.principal(key, datetime.now(UTC))
    if principal is None:
        raise GrantRefused("the API key is unknown, revoked or expired", error="invalid_client")
    return _tokens(signer, principal, scope=" ".join(sorted(principal.scopes)))

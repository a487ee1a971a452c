"""POST /api/v1/auth/token: OAuth2 grants (RFC 6749) returning short-lived JWTs.

- password: a user's email and password (and optionally which of their orgs, org_id);
  returns an access token and a refresh token.
- refresh_token: a refresh token for a new access token and a new refresh token (rotation).
- client_credentials: an API key as client_secret (client_id: its prefix) for an access token
  carrying the key's scopes.
"""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel

from gateway.adapters.credentials import ApiKeyRepository, InvalidRefreshToken, RefreshTokenRepository, key_prefix
from gateway.adapters.identity_repository import IdentityRepository, UserRecord
from gateway.adapters.revocations import Revocations
from gateway.adapters.security import limit_anonymous
from gateway.adapters.tokens import TokenSigner
from gateway.api.identity_schemas import passwords_of
from gateway.domain.identity import Principal, Role, normalize_email
from gateway.domain.revocation import RevocationKind
from servicekit.app import DbSession
from servicekit.problems import Problem

router = APIRouter(prefix="/api/v1/auth", tags=["identity"])

GRANTS = ("password", "refresh_token", "client_credentials")


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str | None = None
    scope: str | None = None


def _invalid_grant(detail: str) -> Problem:
    return Problem(401, detail, error="invalid_grant", headers={"WWW-Authenticate": 'Bearer error="invalid_grant"'})


async def principal_for_user(repo: IdentityRepository, user: UserRecord, org_id: UUID | None) -> Principal:
    """The user as a member of `org_id` (or of their first org); the login is added by the caller."""
    memberships = await repo.memberships_of(user.id)
    if org_id is not None:
        memberships = [m for m in memberships if m.org_id == org_id]
    if not memberships:
        raise Problem(403, "this user belongs to no such org", error="invalid_grant")
    membership = memberships[0]
    roles = {membership.role.value} | ({Role.ADMIN.value} if user.is_platform_admin else set())
    influencer_id = await repo.influencer_of(user.id) if membership.role is Role.CREATOR else None
    return Principal(
        user_id=user.id,
        org_id=membership.org_id,
        roles=frozenset(roles),
        influencer_id=influencer_id,
        grant_id=membership.grant_id,
    )


@router.post("/token", dependencies=[limit_anonymous("auth")])
async def issue_token(
    session: DbSession,
    request: Request,
    grant_type: Annotated[str, Form()],
    username: Annotated[str | None, Form()] = None,
    password: Annotated[str | None, Form()] = None,
    org_id: Annotated[UUID | None, Form()] = None,
    refresh_token: Annotated[str | None, Form()] = None,
    client_id: Annotated[str | None, Form()] = None,
    client_secret: Annotated[str | None, Form()] = None,
) -> TokenResponse:
    """OAuth2 token endpoint: password, refresh_token and client_credentials grants."""
    signer: TokenSigner = request.app.state.signer
    settings = request.app.state.settings
    refresh_ttl = timedelta(seconds=settings.refresh_token_ttl_s)
    repo = IdentityRepository(session)
    expires_in = int(signer.ttl.total_seconds())

    if grant_type == "password":
        if not username or not password:
            raise Problem(400, "username and password are required", error="invalid_request")
        try:
            email = normalize_email(username)
        except ValueError:
            email = username
        # An unknown email costs the same hash check as a known one: the answer and its timing
        # do not tell whether the email is registered.
        user = await repo.user_by_email(email)
        valid = await passwords_of(request).verify(user.password_hash if user else None, password)
        if not valid or user is None:
            raise _invalid_grant("wrong username or password")
        principal = await principal_for_user(repo, user, org_id)
        refresh = await RefreshTokenRepository(session).issue(user.id, principal.org_id, refresh_ttl)
        principal = replace(principal, session_id=refresh.family_id)
        return TokenResponse(access_token=signer.issue(principal), expires_in=expires_in, refresh_token=refresh.token)

    if grant_type == "refresh_token":
        if not refresh_token:
            raise Problem(400, "refresh_token is required", error="invalid_request")
        try:
            refresh = await RefreshTokenRepository(session).rotate(refresh_token, refresh_ttl)
        except InvalidRefreshToken as exc:
            if exc.reused_family is not None:
                revocations: Revocations = request.app.state.revocations
                await revocations.revoke(session, RevocationKind.SESSION, [exc.reused_family])
            # The login's revocation must stick even though the request fails.
            await session.commit()
            raise _invalid_grant(str(exc)) from None
        user = await repo.user(refresh.user_id)
        if user is None:
            raise _invalid_grant("the user of this refresh token no longer exists")
        principal = replace(await principal_for_user(repo, user, refresh.org_id), session_id=refresh.family_id)
        return TokenResponse(access_token=signer.issue(principal), expires_in=expires_in, refresh_token=refresh.token)

    if grant_type == "client_credentials":
        if not client_secret:
            raise Problem(400, "client_secret (the API key) is required", error="invalid_request")
        if client_id is not None and client_id != key_prefix(client_secret):
            raise _invalid_grant("client_id does not match the key")
        key_principal = await ApiKeyRepository(session).principal(client_secret, datetime.now(UTC))
        if key_principal is None:
            raise Problem(401, "the API key is unknown, revoked or expired", error="invalid_client")
        return TokenResponse(
            access_token=signer.issue(key_principal),
            expires_in=expires_in,
            scope=" ".join(sorted(key_principal.scopes)),
        )

    raise Problem(
        400,
        f"unsupported grant_type {grant_type!r}; supported: {', '.join(GRANTS)}",
        error="unsupported_grant_type",
    )

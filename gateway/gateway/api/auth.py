"""POST /api/v1/auth/token: OAuth2 grants (RFC 6749) returning short-lived JWTs.

- password: a user's email and password (and optionally which of their orgs, org_id);
  returns an access token and a refresh token.
- refresh_token: a refresh token for a new access token and a new refresh token (rotation).
- client_credentials: an API key as client_secret (client_id: its prefix) for an access token
  carrying the key's scopes.

The grants are use cases (application/tokens.py); here they are read from the form and their
refusals answered as OAuth2 errors.
"""

from dataclasses import asdict
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request

from gateway.adapters.credentials import key_prefix
from gateway.api.dependencies import (
    SHOWS_SECRET_ONCE,
    PasswordsDep,
    SignerDep,
    UnitOfWorkDep,
    limit_anonymous,
    settings_of,
)
from gateway.api.schemas import TokenRequest, TokenResponse
from gateway.application import tokens
from gateway.application.tokens import GrantRefused, NoSuchMembership
from servicekit.problems import Problem

router = APIRouter(prefix="/api/v1/auth", tags=["identity"])

GRANTS = ("password", "refresh_token", "client_credentials")


def _refusal(refused: GrantRefused) -> Problem:
    if isinstance(refused, NoSuchMembership):
        return Problem(403, refused.detail, error=refused.error)
    if refused.error != "invalid_grant":
        return Problem(401, refused.detail, error=refused.error)
    return Problem(
        401, refused.detail, error="invalid_grant", headers={"WWW-Authenticate": 'Bearer error="invalid_grant"'}
    )


@router.post("/token", dependencies=[limit_anonymous("auth"), SHOWS_SECRET_ONCE])
async def issue_token(
    uow: UnitOfWorkDep,
    passwords: PasswordsDep,
    signer: SignerDep,
    request: Request,
    form: Annotated[TokenRequest, Form()],
) -> TokenResponse:
    """OAuth2 token endpoint: password, refresh_token and client_credentials grants."""
    grant_type, username, password, org_id = form.grant_type, form.username, form.password, form.org_id
    refresh_token, client_id, client_secret = form.refresh_token, form.client_id, form.client_secret
    refresh_ttl = timedelta(seconds=settings_of(request).refresh_token_ttl_s)
    try:
        if grant_type == "password":
            if not username or not password:
                raise Problem(400, "username and password are required", error="invalid_request")
            issued = await tokens.sign_in(
                uow, passwords, signer, username=username, password=password, org_id=org_id, refresh_ttl=refresh_ttl
            )
        elif grant_type == "refresh_token":
            if not refresh_token:
                raise Problem(400, "refresh_token is required", error="invalid_request")
            issued = await tokens.refresh(uow, signer, refresh_token=refresh_token, refresh_ttl=refresh_ttl)
        elif grant_type == "client_credentials":
            if not client_secret:
                raise Problem(400, "client_secret (the API key) is required", error="invalid_request")
            if client_id is not None and client_id != key_prefix(client_secret):
                raise GrantRefused("client_id does not match the key")
            issued = await tokens.for_api_key(uow, signer, key=client_secret)
        else:
            raise Problem(
                400,
                f"unsupported grant_type {grant_type!r}; supported: {', '.join(GRANTS)}",
                error="unsupported_grant_type",
            )
    except GrantRefused as refused:
        raise _refusal(refused) from None
    return TokenResponse(**asdict(issued))

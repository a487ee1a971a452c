"""Who is calling: the bearer token of a request, turned into the context services receive."""

from typing import Annotated

from fastapi import Depends, Request

from gateway.adapters.tokens import InvalidToken, TokenSigner
from servicekit.context import RequestContext
from servicekit.logs import correlation_id_var, request_id_var
from servicekit.problems import Problem

BEARER_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="influencer-platform"'}


def signer_of(request: Request) -> TokenSigner:
    signer: TokenSigner = request.app.state.signer
    return signer


def authenticate(request: Request) -> RequestContext:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(401, "send a bearer token (POST /api/v1/auth/token)", headers=BEARER_CHALLENGE)
    try:
        principal = signer_of(request).verify(token.strip())
    except InvalidToken as exc:
        raise Problem(
            401,
            f"the bearer token is not valid: {exc}",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from None
    return RequestContext(
        tenant_id=principal.org_id,
        user_id=principal.user_id,
        roles=principal.roles,
        scopes=principal.scopes,
        influencer_id=principal.influencer_id,
        request_id=request_id_var.get(),
        correlation_id=correlation_id_var.get(),
    )


Caller = Annotated[RequestContext, Depends(authenticate)]

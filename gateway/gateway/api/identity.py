from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Form, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from gateway.adapters.identity_repository import IdentityRepository
from gateway.adapters.passwords import Passwords
from gateway.adapters.security import Caller, signer_of
from gateway.domain.identity import OrgKind, Principal, Role, check_password, normalize_email
from servicekit.app import DbSession
from servicekit.errors import InvalidField
from servicekit.problems import Problem

router = APIRouter(prefix="/api/v1", tags=["identity"])


class OwnerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320)
    password: str = Field(max_length=200)
    display_name: str | None = Field(default=None, max_length=200)


class OrgCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    kind: OrgKind
    owner: OwnerCreate


class OrgPublic(BaseModel):
    id: UUID
    name: str
    kind: OrgKind
    created_at: datetime


class UserPublic(BaseModel):
    id: UUID
    email: str
    display_name: str | None


class OrgSignup(BaseModel):
    org: OrgPublic
    owner: UserPublic


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class Me(BaseModel):
    user: UserPublic
    org: OrgPublic
    roles: list[str]
    scopes: list[str]


def _passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


@router.post("/orgs", status_code=status.HTTP_201_CREATED)
async def sign_up_org(body: OrgCreate, session: DbSession, request: Request, response: Response) -> OrgSignup:
    """Sign up a brand or agency org with its owner user."""
    email = normalize_email(body.owner.email)
    check_password(body.owner.password)
    repo = IdentityRepository(session)
    password_hash = await _passwords(request).hash(body.owner.password)
    org = await repo.add_org(body.name, body.kind)
    user = await repo.add_user(email, password_hash, body.owner.display_name)
    await repo.add_membership(org.id, user.id, Role.OWNER)
    response.headers["Location"] = f"/api/v1/orgs/{org.id}"
    return OrgSignup(
        org=OrgPublic(id=org.id, name=org.name, kind=org.kind, created_at=org.created_at),
        owner=UserPublic(id=user.id, email=user.email, display_name=user.display_name),
    )


@router.post("/auth/token")
async def issue_token(
    session: DbSession,
    request: Request,
    grant_type: Annotated[str, Form()],
    username: Annotated[str | None, Form()] = None,
    password: Annotated[str | None, Form()] = None,
) -> TokenResponse:
    """OAuth2 token endpoint (password grant) returning a short-lived JWT."""
    if grant_type != "password":
        raise Problem(400, f"unsupported grant_type {grant_type!r}", error="unsupported_grant_type")
    if not username or not password:
        raise Problem(400, "username and password are required", error="invalid_request")
    repo = IdentityRepository(session)
    try:
        email = normalize_email(username)
    except InvalidField:
        email = username
    user = await repo.user_by_email(email)
    valid = await _passwords(request).verify(user.password_hash if user else None, password)
    if not valid or user is None:
        raise Problem(401, "wrong username or password", error="invalid_grant")
    memberships = await repo.memberships_of(user.id)
    if not memberships:
        raise Problem(403, "this user belongs to no org", error="invalid_grant")
    membership = memberships[0]
    roles = {membership.role.value} | ({Role.ADMIN.value} if user.is_platform_admin else set())
    signer = signer_of(request)
    token = signer.issue(Principal(user_id=user.id, org_id=membership.org_id, roles=frozenset(roles)))
    return TokenResponse(access_token=token, expires_in=int(signer.ttl.total_seconds()))


@router.get("/me")
async def me(caller: Caller, session: DbSession) -> Me:
    """Who am I: my user, my org, my roles."""
    repo = IdentityRepository(session)
    assert caller.user_id is not None
    assert caller.tenant_id is not None
    user = await repo.user(caller.user_id)
    org = await repo.org(caller.tenant_id)
    if user is None or org is None:
        raise Problem(401, "the user or org of this token no longer exists")
    return Me(
        user=UserPublic(id=user.id, email=user.email, display_name=user.display_name),
        org=OrgPublic(id=org.id, name=org.name, kind=org.kind, created_at=org.created_at),
        roles=sorted(caller.roles),
        scopes=sorted(caller.scopes),
    )

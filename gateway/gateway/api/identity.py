from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Request, Response, status
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from gateway.adapters import membership_changes
from gateway.adapters.identity_repository import IdentityRepository, OrgRecord, UserRecord
from gateway.adapters.passwords import Passwords
from gateway.adapters.revocations import Revocations
from gateway.adapters.security import Caller, limit_anonymous
from gateway.adapters.upstreams import Upstreams
from gateway.domain.administration import (
    check_member_role,
    check_removal,
    check_role_change,
    require_member_manager,
    require_own_org,
)
from gateway.domain.identity import OrgKind, Role, check_password, normalize_email
from servicekit.app import DbSession
from servicekit.context import RequestContext
from servicekit.errors import Conflict, InvalidField, NotFound
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


class MemberCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320)
    role: Annotated[Role, AfterValidator(check_member_role)] = Field(description="owner, manager or analyst")
    password: str | None = Field(
        default=None, max_length=200, description="Initial password for a new user; not needed for an existing one"
    )
    display_name: str | None = Field(default=None, max_length=200)


class MemberPublic(BaseModel):
    user: UserPublic
    role: Role
    joined_at: datetime


class Me(BaseModel):
    user: UserPublic | None
    org: OrgPublic
    roles: list[str]
    scopes: list[str]
    influencer_id: UUID | None
    api_key: bool


def revocations_of(request: Request) -> Revocations:
    revocations: Revocations = request.app.state.revocations
    return revocations


def passwords_of(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


def _field(name: str, rule, value):  # type: ignore[no-untyped-def]
    try:
        return rule(value)
    except ValueError as exc:
        raise InvalidField(name, str(exc)) from None


def _org(org: OrgRecord) -> OrgPublic:
    return OrgPublic(id=org.id, name=org.name, kind=org.kind, created_at=org.created_at)


def _user(user: UserRecord) -> UserPublic:
    return UserPublic(id=user.id, email=user.email, display_name=user.display_name)


@router.post("/orgs", status_code=status.HTTP_201_CREATED, dependencies=[limit_anonymous("auth")])
async def sign_up_org(body: OrgCreate, session: DbSession, request: Request, response: Response) -> OrgSignup:
    """Sign up a brand or agency org with its owner user."""
    if body.kind not in (OrgKind.BRAND, OrgKind.AGENCY):
        raise Problem(422, "an org is a brand or an agency; creators sign up at /api/v1/creators")
    email = _field("email", normalize_email, body.owner.email)
    _field("password", check_password, body.owner.password)
    repo = IdentityRepository(session)
    password_hash = await passwords_of(request).hash(body.owner.password)
    org = await repo.add_org(body.name, body.kind)
    user = await repo.add_user(email, password_hash, body.owner.display_name)
    await repo.add_membership(org.id, user.id, Role.OWNER)
    response.headers["Location"] = f"/api/v1/orgs/{org.id}"
    return OrgSignup(org=_org(org), owner=_user(user))


@router.get("/orgs/{org_id}/members")
async def list_members(org_id: UUID, caller: Caller, session: DbSession) -> list[MemberPublic]:
    """The org's members and their roles."""
    require_own_org(caller, org_id)
    repo = IdentityRepository(session)
    return [
        MemberPublic(user=_user(user), role=membership.role, joined_at=membership.created_at)
        for membership, user in await repo.members(org_id)
    ]


@router.post("/orgs/{org_id}/members", status_code=status.HTTP_201_CREATED)
async def add_member(
    org_id: UUID, body: MemberCreate, caller: Caller, session: DbSession, request: Request
) -> MemberPublic:
    """Add a user to the org with a role (creating the user if the email is new). Owners only."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    email = _field("body.email", normalize_email, body.email)
    repo = IdentityRepository(session)
    user = await repo.user_by_email(email)
    if user is None:
        if body.password is None:
            raise Problem(
                422,
                "a new user needs an initial password",
                errors=[{"field": "body.password", "message": "required for a new user", "type": "missing"}],
            )
        _field("body.password", check_password, body.password)
        user = await repo.add_user(email, await passwords_of(request).hash(body.password), body.display_name)
    if await repo.membership(org_id, user.id) is not None:
        raise Conflict(f"{email} is already a member of this org")
    membership = await repo.add_membership(org_id, user.id, body.role)
    return MemberPublic(user=_user(user), role=membership.role, joined_at=membership.created_at)


class MemberUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Annotated[Role, AfterValidator(check_member_role)] = Field(description="owner, manager or analyst")


@router.patch("/orgs/{org_id}/members/{user_id}")
async def change_member_role(
    org_id: UUID, user_id: UUID, body: MemberUpdate, caller: Caller, session: DbSession, request: Request
) -> MemberPublic:
    """Change a member's role. Owners only; the last owner cannot step down. Their tokens
    carrying the old role stop working at once (a refresh gives the new role)."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    repo = IdentityRepository(session)
    membership = await repo.membership(org_id, user_id)
    user = await repo.user(user_id)
    if membership is None or user is None:
        raise NotFound("member", user_id)
    if membership.role is body.role:
        return MemberPublic(user=_user(user), role=membership.role, joined_at=membership.created_at)
    check_role_change(membership.role, body.role, await repo.count_owners(org_id))
    changed = await membership_changes.change_role(session, revocations_of(request), membership, body.role)
    return MemberPublic(user=_user(user), role=changed.role, joined_at=changed.created_at)


@router.delete("/orgs/{org_id}/members/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_member(org_id: UUID, user_id: UUID, caller: Caller, session: DbSession, request: Request) -> None:
    """Remove a member. Owners only; the last owner cannot be removed. Their tokens for the org,
    their refresh tokens and the API keys they made stop working at once."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    repo = IdentityRepository(session)
    membership = await repo.membership(org_id, user_id)
    if membership is None:
        raise NotFound("member", user_id)
    check_removal(membership.role, await repo.count_owners(org_id))
    await membership_changes.remove_member(session, revocations_of(request), membership)


@router.get("/me")
async def me(caller: Caller, session: DbSession) -> Me:
    """Who am I: my user (none for an API key), my org, my roles and scopes."""
    repo = IdentityRepository(session)
    org = await repo.org(caller.org_id)
    user = None if caller.is_api_key else await repo.user(caller.user_id)
    if org is None or (user is None and not caller.is_api_key):
        raise Problem(401, "the user or org of this token no longer exists")
    return Me(
        user=_user(user) if user else None,
        org=_org(org),
        roles=sorted(caller.roles),
        scopes=sorted(caller.scopes),
        influencer_id=caller.influencer_id,
        api_key=caller.is_api_key,
    )


class CreatorCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320)
    password: str = Field(max_length=200)
    display_name: str | None = Field(default=None, max_length=200)
    influencer_id: UUID = Field(description="The discovery profile this creator claims")


class CreatorSignup(BaseModel):
    org: OrgPublic
    user: UserPublic
    influencer_id: UUID


@router.post("/creators", status_code=status.HTTP_201_CREATED, dependencies=[limit_anonymous("auth")])
async def sign_up_creator(
    body: CreatorCreate, session: DbSession, request: Request, response: Response
) -> CreatorSignup:
    """An influencer signs up and claims a profile; the role `creator` sees only its own
    partnerships and content. A profile can be claimed once."""
    email = _field("email", normalize_email, body.email)
    _field("password", check_password, body.password)
    repo = IdentityRepository(session)
    if await repo.influencer_claimed(body.influencer_id):
        raise Conflict("this influencer profile is already claimed")
    org = await repo.add_org(body.display_name or email, OrgKind.CREATOR)
    await _require_profile(request, body.influencer_id, org.id)
    user = await repo.add_user(email, await passwords_of(request).hash(body.password), body.display_name)
    await repo.add_membership(org.id, user.id, Role.CREATOR)
    await repo.claim_influencer(user.id, body.influencer_id)
    response.headers["Location"] = f"/api/v1/orgs/{org.id}"
    return CreatorSignup(org=_org(org), user=_user(user), influencer_id=body.influencer_id)


async def _require_profile(request: Request, influencer_id: UUID, org_id: UUID) -> None:
    """Only a profile discovery knows (and shows this new org: the shared catalogue) is claimable.
    Asked as a reader of the new org, which sees the shared catalogue and nothing private."""
    context = RequestContext(tenant_id=org_id, user_id=None, roles=frozenset({Role.ANALYST.value}))
    headers = context.headers(request.app.state.settings.internal_secret)
    upstreams: Upstreams = request.app.state.upstreams
    status_code, _ = await upstreams["discovery"].get_json(
        f"/api/v1/influencers/{influencer_id}", headers, request.app.state.settings.upstream_timeout_s
    )
    if status_code == 404:
        raise InvalidField("influencer_id", "no such influencer profile")
    if status_code != 200:
        raise Problem(502, f"discovery answered {status_code} when checking the profile", upstream="discovery")

"""An org's members and their roles, and who am I."""

from uuid import UUID

from fastapi import APIRouter, Request
from pydantic import BaseModel

from gateway.adapters import membership_changes
from gateway.adapters.identity_repository import IdentityRepository
from gateway.adapters.security import Caller
from gateway.api.identity_schemas import (
    MemberPublic,
    MemberRole,
    OrgPublic,
    UserPublic,
    org_public,
    revocations_of,
    user_public,
)
from gateway.domain.administration import check_removal, check_role_change, require_member_manager, require_own_org
from servicekit.app import DbSession
from servicekit.errors import NotFound
from servicekit.problems import Problem
from servicekit.schemas import RequestModel

router = APIRouter(prefix="/api/v1", tags=["identity"])


class MemberUpdate(RequestModel):
    role: MemberRole


class Me(BaseModel):
    user: UserPublic | None
    org: OrgPublic
    roles: list[str]
    scopes: list[str]
    influencer_id: UUID | None
    api_key: bool


@router.get("/orgs/{org_id}/members")
async def list_members(org_id: UUID, caller: Caller, session: DbSession) -> list[MemberPublic]:
    """The org's members and their roles."""
    require_own_org(caller, org_id)
    repo = IdentityRepository(session)
    return [
        MemberPublic(user=user_public(user), role=membership.role, joined_at=membership.created_at)
        for membership, user in await repo.members(org_id)
    ]


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
    if membership.role is not body.role:
        check_role_change(membership.role, body.role, await repo.count_owners(org_id))
        membership = await membership_changes.change_role(session, revocations_of(request), membership, body.role)
    return MemberPublic(user=user_public(user), role=membership.role, joined_at=membership.created_at)


@router.delete("/orgs/{org_id}/members/{user_id}", status_code=204)
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
        user=user_public(user) if user else None,
        org=org_public(org),
        roles=sorted(caller.roles),
        scopes=sorted(caller.scopes),
        influencer_id=caller.influencer_id,
        api_key=caller.is_api_key,
    )

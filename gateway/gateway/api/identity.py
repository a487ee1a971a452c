"""An org's members and their roles, and who am I (application/members.py)."""

from uuid import UUID

from fastapi import APIRouter

from gateway.api.dependencies import Caller, UnitOfWorkDep
from gateway.api.presenters import me as me_public
from gateway.api.presenters import member_public
from gateway.api.schemas import Me, MemberPublic, MemberUpdate
from gateway.application import members
from servicekit.problems import Problem

router = APIRouter(prefix="/api/v1", tags=["identity"])


@router.get("/orgs/{org_id}/members")
async def list_members(org_id: UUID, caller: Caller, uow: UnitOfWorkDep) -> list[MemberPublic]:
    """The org's members and their roles."""
    return [member_public(membership, user) for membership, user in await members.list_members(uow, caller, org_id)]


@router.patch("/orgs/{org_id}/members/{user_id}")
async def change_member_role(
    org_id: UUID, user_id: UUID, body: MemberUpdate, caller: Caller, uow: UnitOfWorkDep
) -> MemberPublic:
    """Change a member's role. Owners only; the last owner cannot step down. Their tokens
    carrying the old role stop working at once (a refresh gives the new role)."""
    membership, user = await members.change_role(uow, caller, org_id, user_id, body.role)
    return member_public(membership, user)


@router.delete("/orgs/{org_id}/members/{user_id}", status_code=204)
async def remove_member(org_id: UUID, user_id: UUID, caller: Caller, uow: UnitOfWorkDep) -> None:
    """Remove a member. Owners only; the last owner cannot be removed. Their tokens for the org,
    their refresh tokens and the API keys they made stop working at once."""
    await members.remove_member(uow, caller, org_id, user_id)


@router.get("/me")
async def me(caller: Caller, uow: UnitOfWorkDep) -> Me:
    """Who am I: my user (none for an API key), my org, my roles and scopes."""
    org, user = await members.whoami(uow, caller)
    if org is None or (user is None and not caller.is_api_key):
        raise Problem(401, "the user or org of this token no longer exists")
    return me_public(org, user, caller)

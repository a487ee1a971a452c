"""Invitations: an owner asks someone to join with a role; nobody becomes a member without saying
yes (application/invitations.py)."""

from uuid import UUID

from fastapi import APIRouter, Response, status

from gateway.api.dependencies import (
    SHOWS_SECRET_ONCE,
    Caller,
    ClientAddressDep,
    OnboardingDep,
    Person,
    UnitOfWorkDep,
    limit_anonymous,
)
from gateway.api.presenters import invitation_created, invitation_public, joined, my_invitation, signup_pending
from gateway.api.schemas import (
    InvitationCreate,
    InvitationCreated,
    InvitationJoin,
    InvitationPublic,
    Joined,
    MyInvitation,
    SignupPending,
)
from gateway.application import invitations

router = APIRouter(prefix="/api/v1", tags=["identity"])


@router.post("/orgs/{org_id}/members", status_code=status.HTTP_201_CREATED, dependencies=[SHOWS_SECRET_ONCE])
async def invite_member(
    org_id: UUID, body: InvitationCreate, caller: Caller, uow: UnitOfWorkDep, tools: OnboardingDep, response: Response
) -> InvitationCreated:
    """Invite someone to the org with a role (owners only). Nobody is added until the invited
    person accepts; the answer is the same whether or not the email has an account."""
    invitation, token = await invitations.invite(uow, tools, caller, org_id, body.email, body.role)
    response.headers["Location"] = f"/api/v1/orgs/{org_id}/invitations/{invitation.id}"
    return invitation_created(invitation, token)


@router.get("/orgs/{org_id}/invitations")
async def list_invitations(org_id: UUID, caller: Caller, uow: UnitOfWorkDep) -> list[InvitationPublic]:
    """The org's pending invitations (owners only)."""
    return [invitation_public(i) for i in await invitations.pending_for_org(uow, caller, org_id)]


@router.delete("/orgs/{org_id}/invitations/{invitation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_invitation(org_id: UUID, invitation_id: UUID, caller: Caller, uow: UnitOfWorkDep) -> None:
    """Revoke a pending invitation (owners only): its token and links stop working."""
    await invitations.revoke(uow, caller, org_id, invitation_id)


@router.get("/me/invitations")
async def my_invitations(caller: Caller, uow: UnitOfWorkDep) -> list[MyInvitation]:
    """The pending invitations to my email."""
    return [my_invitation(i) for i in await invitations.mine(uow, caller)]


@router.post("/invitations/{invitation_id}/accept")
async def accept_invitation(invitation_id: UUID, person: Person, uow: UnitOfWorkDep) -> Joined:
    """Accept an invitation to my email: I become a member with its role (sign in with that
    org's id to act in it)."""
    invitation, membership = await invitations.accept(uow, person, invitation_id)
    return joined(invitation, membership)


@router.post("/invitations/{invitation_id}/decline", status_code=status.HTTP_204_NO_CONTENT)
async def decline_invitation(invitation_id: UUID, person: Person, uow: UnitOfWorkDep) -> None:
    """Decline an invitation to my email."""
    await invitations.decline(uow, person, invitation_id)


@router.post("/invitations/join", status_code=status.HTTP_202_ACCEPTED, dependencies=[limit_anonymous("auth")])
async def join_by_invitation(
    body: InvitationJoin, uow: UnitOfWorkDep, tools: OnboardingDep, client: ClientAddressDep
) -> SignupPending:
    """Join with the invitation's token and a password, without signing in: the link mailed to
    the invited email confirms (creating the account, or adding to the one it has). The answer
    is the same either way."""
    signup = await invitations.join_by_token(uow, tools, body.token, body.password, body.display_name, client=client)
    return signup_pending(signup)

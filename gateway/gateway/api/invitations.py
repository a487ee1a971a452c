"""Invitations: an owner asks someone to join with a role; nobody becomes a member without
saying yes. The answer is the same whether or not the email has an account. The invited person
accepts signed in as that email, or, with the invitation's token (mailed to them, and shown once
to the owner to pass on), chooses a password and confirms by the link mailed to the email: a
token alone never proves the email, since the owner holds it too."""

import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel, Field

from gateway.adapters import membership_changes
from gateway.adapters.identity_repository import IdentityRepository
from gateway.adapters.onboarding_repository import InvitationRecord, InvitationRepository, PendingSignup
from gateway.adapters.security import Caller, Person, limit_anonymous
from gateway.api.identity_schemas import (
    DisplayName,
    EmailAddress,
    MemberRole,
    NewPassword,
    links_of,
    mail_of,
    passwords_of,
    settings_of,
)
from gateway.api.signup import SignupPending, await_confirmation
from gateway.domain import messages
from gateway.domain.administration import require_member_manager, require_own_org, require_person
from gateway.domain.identity import OrgKind, Principal, Role
from gateway.domain.onboarding import InvitationState, SignupPurpose, check_answerable, invitation_is_open
from servicekit.app import DbSession
from servicekit.errors import Conflict, InvalidField, NotFound
from servicekit.schemas import RequestModel

router = APIRouter(prefix="/api/v1", tags=["identity"])


class InvitationCreate(RequestModel):
    email: EmailAddress
    role: MemberRole


class Inviter(BaseModel):
    id: UUID
    email: str | None


class InvitationPublic(BaseModel):
    id: UUID
    org_id: UUID
    email: str
    role: Role
    state: InvitationState
    invited_by: Inviter | None
    created_at: datetime
    expires_at: datetime


class InvitationCreated(InvitationPublic):
    token: str = Field(
        description="Shown only now (and mailed to the invited email): with it the person joins without an account"
    )


class OrgSummary(BaseModel):
    id: UUID
    name: str
    kind: OrgKind


class MyInvitation(BaseModel):
    id: UUID
    org: OrgSummary
    role: Role
    invited_by_email: str | None
    expires_at: datetime


class Joined(BaseModel):
    org: OrgSummary
    role: Role
    joined_at: datetime


class InvitationJoin(RequestModel):
    token: str = Field(min_length=1, max_length=200, description="The invitation's token")
    password: NewPassword = Field(description="For a new account; an existing account keeps its own")
    display_name: DisplayName


def _public(invitation: InvitationRecord) -> InvitationPublic:
    inviter = Inviter(id=invitation.invited_by, email=invitation.invited_by_email) if invitation.invited_by else None
    return InvitationPublic(
        id=invitation.id,
        org_id=invitation.org_id,
        email=invitation.email,
        role=invitation.role,
        state=invitation.state,
        invited_by=inviter,
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
    )


@router.post("/orgs/{org_id}/members", status_code=status.HTTP_201_CREATED)
async def invite_member(
    org_id: UUID, body: InvitationCreate, caller: Caller, session: DbSession, request: Request, response: Response
) -> InvitationCreated:
    """Invite someone to the org with a role (owners only). Nobody is added until the invited
    person accepts; the answer is the same whether or not the email has an account."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    repo = IdentityRepository(session)
    org = await repo.org(org_id)
    if org is None:
        raise NotFound("org", org_id)
    if await repo.has_member(org_id, body.email):
        raise Conflict(f"{body.email} is already a member of this org")  # the owner sees the members anyway
    ttl = timedelta(seconds=settings_of(request).invitation_ttl_s)
    invitation, token = await InvitationRepository(session).add(
        org_id, body.email, body.role, None if caller.is_api_key else caller.user_id, ttl
    )
    mail = messages.invitation(
        invitation.email,
        org.name,
        invitation.role.value,
        invitation.invited_by_email,
        token,
        invitation.expires_at,
        links_of(request),
    )
    mail_of(request).send_after_commit(session, mail)
    response.headers["Location"] = f"/api/v1/orgs/{org_id}/invitations/{invitation.id}"
    return InvitationCreated(**_public(invitation).model_dump(), token=token)


@router.get("/orgs/{org_id}/invitations")
async def list_invitations(org_id: UUID, caller: Caller, session: DbSession) -> list[InvitationPublic]:
    """The org's pending invitations (owners only)."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    return [_public(i) for i in await InvitationRepository(session).pending_for_org(org_id)]


@router.delete("/orgs/{org_id}/invitations/{invitation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_invitation(org_id: UUID, invitation_id: UUID, caller: Caller, session: DbSession) -> None:
    """Revoke a pending invitation (owners only): its token and links stop working."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    invitations = InvitationRepository(session)
    invitation = await invitations.get(invitation_id)
    if invitation is None or invitation.org_id != org_id:
        raise NotFound("invitation", invitation_id)
    if not await invitations.decide(invitation_id, InvitationState.REVOKED):
        raise Conflict(f"this invitation is {invitation.state.value} already")


@router.get("/me/invitations")
async def my_invitations(caller: Caller, session: DbSession) -> list[MyInvitation]:
    """The pending invitations to my email."""
    email = await _email_of(session, caller)
    return [
        MyInvitation(
            id=i.id,
            org=OrgSummary(id=i.org_id, name=i.org_name, kind=i.org_kind),
            role=i.role,
            invited_by_email=i.invited_by_email,
            expires_at=i.expires_at,
        )
        for i in await InvitationRepository(session).pending_for_email(email)
    ]


@router.post("/invitations/{invitation_id}/accept")
async def accept_invitation(invitation_id: UUID, person: Person, session: DbSession) -> Joined:
    """Accept an invitation to my email: I become a member with its role (sign in with that
    org's id to act in it)."""
    invitation = await _answerable(session, person, invitation_id)
    membership = await membership_changes.join(session, invitation, person.user_id)
    org = OrgSummary(id=invitation.org_id, name=invitation.org_name, kind=invitation.org_kind)
    return Joined(org=org, role=membership.role, joined_at=membership.created_at)


@router.post("/invitations/{invitation_id}/decline", status_code=status.HTTP_204_NO_CONTENT)
async def decline_invitation(invitation_id: UUID, person: Person, session: DbSession) -> None:
    """Decline an invitation to my email."""
    invitation = await _answerable(session, person, invitation_id)
    if not await InvitationRepository(session).decide(invitation.id, InvitationState.DECLINED):
        raise Conflict("this invitation was answered meanwhile")


@router.post("/invitations/join", status_code=status.HTTP_202_ACCEPTED, dependencies=[limit_anonymous("auth")])
async def join_by_invitation(body: InvitationJoin, session: DbSession, request: Request) -> SignupPending:
    """Join with the invitation's token and a password, without signing in: the link mailed to
    the invited email confirms (creating the account, or adding to the one it has). The answer
    is the same either way."""
    invitation = await InvitationRepository(session).by_token(body.token)
    if invitation is None or not invitation_is_open(invitation.state, invitation.expires_at, datetime.now(UTC)):
        raise InvalidField("body.token", "unknown, answered, revoked or expired invitation")
    settings = settings_of(request)
    signup = PendingSignup(
        id=uuid.uuid4(),
        purpose=SignupPurpose.JOIN,
        email=invitation.email,
        password_hash=await passwords_of(request).hash(body.password),
        display_name=body.display_name,
        expires_at=min(invitation.expires_at, datetime.now(UTC) + timedelta(seconds=settings.signup_ttl_s)),
        invitation_id=invitation.id,
    )
    purpose = f'join "{invitation.org_name}" as {invitation.role.value}'
    return await await_confirmation(session, request, signup, purpose)


async def _email_of(session: DbSession, principal: Principal) -> str:
    require_person(principal)
    user = await IdentityRepository(session).user(principal.user_id)
    if user is None:
        raise NotFound("user", principal.user_id)
    return user.email


async def _answerable(session: DbSession, person: Principal, invitation_id: UUID) -> InvitationRecord:
    email = await _email_of(session, person)
    invitation = await InvitationRepository(session).get(invitation_id)
    if invitation is None:
        raise NotFound("invitation", invitation_id)
    check_answerable(invitation.id, invitation.email, invitation.state, invitation.expires_at, email, datetime.now(UTC))
    return invitation

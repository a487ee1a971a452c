"""Invitations: an owner asks someone to join with a role; nobody becomes a member without saying
yes. The answer is the same whether or not the email has an account. The invited person accepts
signed in as that email, or, with the invitation's token (mailed to them, and shown once to the
owner to pass on), chooses a password and confirms by the link mailed to the email: a token alone
never proves the email, since the owner holds it too."""

import uuid
from datetime import UTC, datetime
from uuid import UUID

from gateway.application import members, signups
from gateway.application.ports import Onboarding, UnitOfWork
from gateway.domain import messages
from gateway.domain.accounts import MembershipRecord
from gateway.domain.administration import require_member_manager, require_own_org, require_person
from gateway.domain.identity import Principal, Role
from gateway.domain.onboarding import (
    InvitationRecord,
    InvitationState,
    PendingSignup,
    SignupPurpose,
    check_answerable,
    invitation_is_open,
)
from servicekit.errors import Conflict, InvalidField, NotFound


async def invite(
    uow: UnitOfWork, tools: Onboarding, caller: Principal, org_id: UUID, email: str, role: Role
) -> tuple[InvitationRecord, str]:
    """The invitation and its token (mailed to the email too). Owners only."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    org = await uow.identity.org(org_id)
    if org is None:
        raise NotFound("org", org_id)
    if await uow.identity.has_member(org_id, email):
        raise Conflict(f"{email} is already a member of this org")  # the owner sees the members anyway
    invitation, token = await uow.invitations.add(
        org_id, email, role, None if caller.is_api_key else caller.user_id, tools.invitation_ttl
    )
    uow.send_after_commit(
        messages.invitation(
            invitation.email,
            org.name,
            invitation.role.value,
            invitation.invited_by_email,
            token,
            invitation.expires_at,
            tools.links,
        )
    )
    return invitation, token


async def pending_for_org(uow: UnitOfWork, caller: Principal, org_id: UUID) -> list[InvitationRecord]:
    require_own_org(caller, org_id)
    require_member_manager(caller)
    return await uow.invitations.pending_for_org(org_id)


async def revoke(uow: UnitOfWork, caller: Principal, org_id: UUID, invitation_id: UUID) -> None:
    """Its token and links stop working. Owners only."""
    require_own_org(caller, org_id)
    require_member_manager(caller)
    invitation = await uow.invitations.get(invitation_id)
    if invitation is None or invitation.org_id != org_id:
        raise NotFound("invitation", invitation_id)
    if not await uow.invitations.decide(invitation_id, InvitationState.REVOKED):
        raise Conflict(f"this invitation is {invitation.state.value} already")


async def mine(uow: UnitOfWork, person: Principal) -> list[InvitationRecord]:
    """The pending invitations to the caller's email."""
    return await uow.invitations.pending_for_email(await _email_of(uow, person))


async def accept(uow: UnitOfWork, person: Principal, invitation_id: UUID) -> tuple[InvitationRecord, MembershipRecord]:
    invitation = await _answerable(uow, person, invitation_id)
    return invitation, await members.join(uow, invitation, person.user_id)


async def decline(uow: UnitOfWork, person: Principal, invitation_id: UUID) -> None:
    invitation = await _answerable(uow, person, invitation_id)
    if not await uow.invitations.decide(invitation.id, InvitationState.DECLINED):
        raise Conflict("this invitation was answered meanwhile")


async def join_by_token(
    uow: UnitOfWork, tools: Onboarding, token: str, password: str, display_name: str | None, *, client: str
) -> PendingSignup:
    """A sign-up that joins the org once the invited email confirms it."""
    invitation = await uow.invitations.by_token(token)
    if invitation is None or not invitation_is_open(invitation.state, invitation.expires_at, datetime.now(UTC)):
        raise InvalidField("body.token", "unknown, answered, revoked or expired invitation")
    signup = PendingSignup(
        id=uuid.uuid4(),
        purpose=SignupPurpose.JOIN,
        email=invitation.email,
        password_hash=await tools.passwords.hash(password),
        display_name=display_name,
        expires_at=min(invitation.expires_at, datetime.now(UTC) + tools.signup_ttl),
        invitation_id=invitation.id,
        requested_by=client,
    )
    purpose = f'join "{invitation.org_name}" as {invitation.role.value}'
    return await signups.await_confirmation(uow, tools, signup, purpose)


async def _email_of(uow: UnitOfWork, principal: Principal) -> str:
    require_person(principal)
    user = await uow.identity.user(principal.user_id)
    if user is None:
        raise NotFound("user", principal.user_id)
    return user.email


async def _answerable(uow: UnitOfWork, person: Principal, invitation_id: UUID) -> InvitationRecord:
    email = await _email_of(uow, person)
    invitation = await uow.invitations.get(invitation_id)
    if invitation is None:
        raise NotFound("invitation", invitation_id)
    check_answerable(invitation.id, invitation.email, invitation.state, invitation.expires_at, email, datetime.now(UTC))
    return invitation

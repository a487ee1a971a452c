"""Signing up: a brand, agency or creator signs up with an email and a password; the account and
org exist once the token mailed to that email is confirmed. Every email gets the same answer, so
sign-up never tells whether an email is registered; the confirmation, read only by the email's
owner, adds to an existing account instead of making a second one."""

import logging
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from uuid import UUID

from gateway.application import members
from gateway.application.ports import Onboarding, UnitOfWork
from gateway.domain import messages
from gateway.domain.accounts import MembershipRecord, OrgRecord, UserRecord
from gateway.domain.identity import OrgKind, Role
from gateway.domain.onboarding import (
    MAIL_WINDOW,
    PendingSignup,
    SignupPurpose,
    check_answerable,
    may_mail,
)
from servicekit.errors import Conflict, InvalidField, NotFound

log = logging.getLogger(__name__)


async def sign_up_org(
    uow: UnitOfWork,
    tools: Onboarding,
    *,
    name: str,
    kind: OrgKind,
    email: str,
    password: str,
    display_name: str | None,
    client: str,
) -> PendingSignup:
    """A brand or agency org with its owner, once the owner confirms."""
    signup = await new_signup(tools, SignupPurpose.ORG, email, password, display_name, client)
    signup = replace(signup, org_id=uuid.uuid4(), org_name=name, org_kind=kind)
    return await await_confirmation(uow, tools, signup, f'create the {kind} org "{name}"')


async def sign_up_creator(
    uow: UnitOfWork,
    tools: Onboarding,
    *,
    email: str,
    password: str,
    display_name: str | None,
    influencer_id: UUID,
    client: str,
) -> PendingSignup:
    """An influencer claiming a discovery profile (once: a claimed profile is a 409)."""
    if await uow.identity.influencer_claimed(influencer_id):
        raise Conflict("this influencer profile is already claimed")
    org_id = uuid.uuid4()
    await _require_profile(tools, influencer_id, org_id)
    signup = await new_signup(tools, SignupPurpose.CREATOR, email, password, display_name, client)
    signup = replace(signup, org_id=org_id, influencer_id=influencer_id)
    return await await_confirmation(uow, tools, signup, "sign up as an influencer claiming a profile")


async def new_signup(
    tools: Onboarding, purpose: SignupPurpose, email: str, password: str, display_name: str | None, client: str
) -> PendingSignup:
    # Hashed for every email alike: the answer's timing tells nothing either.
    return PendingSignup(
        id=uuid.uuid4(),
        purpose=purpose,
        email=email,
        password_hash=await tools.passwords.hash(password),
        display_name=display_name,
        expires_at=datetime.now(UTC) + tools.signup_ttl,
        requested_by=client,
    )


async def await_confirmation(uow: UnitOfWork, tools: Onboarding, signup: PendingSignup, purpose: str) -> PendingSignup:
    """Keeps the sign-up and mails its token to the email, once the transaction commits; not when
    the address was mailed its limit already (the caller's answer is the same either way)."""
    since = datetime.now(UTC) - MAIL_WINDOW
    if not may_mail(await uow.signups.mailed_to(signup.email, since=since, requested_by=signup.requested_by)):
        log.warning("sign-up mail to an address mailed its limit within %s: not sent", MAIL_WINDOW)
        return signup
    token = await uow.signups.add(signup)
    uow.send_after_commit(messages.confirmation(signup.email, token, purpose, signup.expires_at, tools.links))
    return signup


@dataclass(frozen=True)
class Confirmed:
    org: OrgRecord
    user: UserRecord
    membership: MembershipRecord
    influencer_id: UUID | None
    existing_account: bool


async def confirm(uow: UnitOfWork, tools: Onboarding, token: str) -> Confirmed:
    """The account, org or membership of the sign-up (or join by invitation) this token confirms.
    A token confirms once."""
    pending = await uow.signups.take(token)
    if pending is None:
        raise InvalidField("body.token", "unknown, used or expired; sign up again")
    user = await uow.identity.user_by_email(pending.email)
    existing = user is not None
    if user is None:
        user = await uow.identity.add_user(pending.email, pending.password_hash, pending.display_name)
    if pending.purpose is SignupPurpose.JOIN:
        membership = await _join(uow, pending, user.id)
    else:
        membership = await _found_org(uow, tools, pending, user.id)
    org = await uow.identity.org(membership.org_id)
    assert org is not None
    return Confirmed(org, user, membership, pending.influencer_id, existing)


async def _found_org(uow: UnitOfWork, tools: Onboarding, pending: PendingSignup, user_id: UUID) -> MembershipRecord:
    assert pending.org_id is not None
    if pending.purpose is SignupPurpose.ORG:
        assert pending.org_name is not None
        assert pending.org_kind is not None
        org = await uow.identity.add_org(pending.org_name, pending.org_kind, org_id=pending.org_id)
        return await uow.identity.add_membership(org.id, user_id, Role.OWNER)
    assert pending.influencer_id is not None
    if await uow.identity.influencer_claimed(pending.influencer_id):
        raise Conflict("this influencer profile is already claimed")
    await _require_profile(tools, pending.influencer_id, pending.org_id)
    org = await uow.identity.add_org(pending.display_name or pending.email, OrgKind.CREATOR, org_id=pending.org_id)
    membership = await uow.identity.add_membership(org.id, user_id, Role.CREATOR)
    await uow.identity.claim_influencer(user_id, pending.influencer_id)
    return membership


async def _join(uow: UnitOfWork, pending: PendingSignup, user_id: UUID) -> MembershipRecord:
    assert pending.invitation_id is not None
    invitation = await uow.invitations.get(pending.invitation_id)
    if invitation is None:
        raise NotFound("invitation", pending.invitation_id)
    check_answerable(
        invitation.id, invitation.email, invitation.state, invitation.expires_at, pending.email, datetime.now(UTC)
    )
    return await members.join(uow, invitation, user_id)


async def _require_profile(tools: Onboarding, influencer_id: UUID, org_id: UUID) -> None:
    """Only a profile discovery knows (and shows this new org: the shared catalogue) is claimable."""
    if not await tools.profiles.shows(influencer_id, org_id):
        raise InvalidField("body.influencer_id", "no such influencer profile")

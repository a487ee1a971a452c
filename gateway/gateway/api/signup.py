"""Signing up: a brand, agency or creator signs up with an email and a password; the account and
org exist once the link mailed to that email is confirmed. Every email gets the same answer, so
sign-up never tells whether an email is registered; the confirmation, read only by the email's
owner, adds to an existing account instead of making a second one."""

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Request, Response, status
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters import membership_changes
from gateway.adapters.identity_repository import IdentityRepository, MembershipRecord, OrgRecord
from gateway.adapters.onboarding_repository import InvitationRepository, PendingSignup, SignupRepository
from gateway.adapters.security import limit_anonymous
from gateway.adapters.upstreams import Upstreams
from gateway.api.identity_schemas import (
    DisplayName,
    EmailAddress,
    NewPassword,
    OrgPublic,
    UserPublic,
    links_of,
    mail_of,
    org_public,
    passwords_of,
    settings_of,
    user_public,
)
from gateway.domain import messages
from gateway.domain.identity import OrgKind, Role
from gateway.domain.onboarding import SignupPurpose, check_answerable
from servicekit.app import DbSession
from servicekit.context import RequestContext
from servicekit.errors import Conflict, InvalidField, NotFound
from servicekit.problems import Problem
from servicekit.schemas import RequestModel

router = APIRouter(prefix="/api/v1", tags=["identity"])

PENDING_DETAIL = "A confirmation link was mailed to this address; the sign-up completes when it is confirmed."


class OwnerCreate(RequestModel):
    email: EmailAddress
    password: NewPassword
    display_name: DisplayName


def _creators_elsewhere(kind: object) -> object:
    if kind == OrgKind.CREATOR:
        raise ValueError("an org is a brand or an agency; creators sign up at /api/v1/creators")
    return kind


class OrgCreate(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    kind: Annotated[
        Literal["brand", "agency"],
        Field(description="brand or agency"),
        BeforeValidator(_creators_elsewhere),
        AfterValidator(OrgKind),
    ]
    owner: OwnerCreate


class CreatorCreate(RequestModel):
    email: EmailAddress
    password: NewPassword
    display_name: DisplayName
    influencer_id: UUID = Field(description="The discovery profile this creator claims")


class SignupPending(BaseModel):
    email: str
    expires_at: datetime = Field(description="Until when the mailed link confirms")
    detail: str = PENDING_DETAIL


class SignupConfirm(RequestModel):
    token: str = Field(min_length=1, max_length=200, description="The confirmation token from the mail")


class SignupConfirmed(BaseModel):
    org: OrgPublic
    user: UserPublic
    role: Role
    influencer_id: UUID | None = None
    existing_account: bool = Field(
        description="The email had an account: the org or membership was added to it, its password unchanged"
    )


@router.post("/orgs", status_code=status.HTTP_202_ACCEPTED, dependencies=[limit_anonymous("auth")])
async def sign_up_org(body: OrgCreate, session: DbSession, request: Request) -> SignupPending:
    """Sign up a brand or agency org with its owner; confirmed by the link mailed to the owner."""
    signup = await _signup(request, SignupPurpose.ORG, body.owner.email, body.owner.password, body.owner.display_name)
    signup = replace(signup, org_id=uuid.uuid4(), org_name=body.name, org_kind=body.kind)
    return await await_confirmation(session, request, signup, f'create the {body.kind} org "{body.name}"')


@router.post("/creators", status_code=status.HTTP_202_ACCEPTED, dependencies=[limit_anonymous("auth")])
async def sign_up_creator(body: CreatorCreate, session: DbSession, request: Request) -> SignupPending:
    """An influencer signs up and claims a profile; the role `creator` sees only its own
    partnerships and content. A profile can be claimed once. Confirmed by the mailed link."""
    if await IdentityRepository(session).influencer_claimed(body.influencer_id):
        raise Conflict("this influencer profile is already claimed")
    org_id = uuid.uuid4()
    await _require_profile(request, body.influencer_id, org_id)
    signup = await _signup(request, SignupPurpose.CREATOR, body.email, body.password, body.display_name)
    signup = replace(signup, org_id=org_id, influencer_id=body.influencer_id)
    return await await_confirmation(session, request, signup, "sign up as an influencer claiming a profile")


@router.post("/signups/confirm", status_code=status.HTTP_201_CREATED, dependencies=[limit_anonymous("auth")])
async def confirm_sign_up(
    body: SignupConfirm, session: DbSession, request: Request, response: Response
) -> SignupConfirmed:
    """Confirm a sign-up (or a join by invitation) with the token from the mail: the account,
    org or membership is made now. A token confirms once."""
    pending = await SignupRepository(session).take(body.token)
    if pending is None:
        raise InvalidField("body.token", "unknown, used or expired; sign up again")
    repo = IdentityRepository(session)
    user = await repo.user_by_email(pending.email)
    existing = user is not None
    if user is None:
        user = await repo.add_user(pending.email, pending.password_hash, pending.display_name)
    if pending.purpose is SignupPurpose.JOIN:
        membership = await _join(session, pending, user.id)
    else:
        membership = await _found_org(session, request, pending, user.id)
    org = await repo.org(membership.org_id)
    assert org is not None
    response.headers["Location"] = f"/api/v1/orgs/{org.id}"
    return SignupConfirmed(
        org=org_public(org),
        user=user_public(user),
        role=membership.role,
        influencer_id=pending.influencer_id,
        existing_account=existing,
    )


async def _signup(
    request: Request, purpose: SignupPurpose, email: str, password: str, display_name: str | None
) -> PendingSignup:
    # Hashed for every email alike: the answer's timing tells nothing either.
    return PendingSignup(
        id=uuid.uuid4(),
        purpose=purpose,
        email=email,
        password_hash=await passwords_of(request).hash(password),
        display_name=display_name,
        expires_at=datetime.now(UTC) + timedelta(seconds=settings_of(request).signup_ttl_s),
    )


async def await_confirmation(
    session: AsyncSession, request: Request, signup: PendingSignup, purpose: str
) -> SignupPending:
    token = await SignupRepository(session).add(signup)
    mail = messages.confirmation(signup.email, token, purpose, signup.expires_at, links_of(request))
    mail_of(request).send_after_commit(session, mail)
    return SignupPending(email=signup.email, expires_at=signup.expires_at)


async def _found_org(
    session: AsyncSession, request: Request, pending: PendingSignup, user_id: UUID
) -> MembershipRecord:
    repo = IdentityRepository(session)
    assert pending.org_id is not None
    if pending.purpose is SignupPurpose.ORG:
        assert pending.org_name is not None
        assert pending.org_kind is not None
        org: OrgRecord = await repo.add_org(pending.org_name, pending.org_kind, org_id=pending.org_id)
        return await repo.add_membership(org.id, user_id, Role.OWNER)
    assert pending.influencer_id is not None
    if await repo.influencer_claimed(pending.influencer_id):
        raise Conflict("this influencer profile is already claimed")
    await _require_profile(request, pending.influencer_id, pending.org_id)
    org = await repo.add_org(pending.display_name or pending.email, OrgKind.CREATOR, org_id=pending.org_id)
    membership = await repo.add_membership(org.id, user_id, Role.CREATOR)
    await repo.claim_influencer(user_id, pending.influencer_id)
    return membership


async def _join(session: AsyncSession, pending: PendingSignup, user_id: UUID) -> MembershipRecord:
    assert pending.invitation_id is not None
    invitation = await InvitationRepository(session).get(pending.invitation_id)
    if invitation is None:
        raise NotFound("invitation", pending.invitation_id)
    check_answerable(
        invitation.id, invitation.email, invitation.state, invitation.expires_at, pending.email, datetime.now(UTC)
    )
    return await membership_changes.join(session, invitation, user_id)


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
        raise InvalidField("body.influencer_id", "no such influencer profile")
    if status_code != 200:
        raise Problem(502, f"discovery answered {status_code} when checking the profile", upstream="discovery")

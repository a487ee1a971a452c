"""Signing up: a brand, agency or creator signs up with an email and a password; the account and
org exist once the link mailed to that email is confirmed (application/signups.py)."""

from fastapi import APIRouter, Response, status

from gateway.api.dependencies import ClientAddressDep, OnboardingDep, UnitOfWorkDep, limit_anonymous
from gateway.api.presenters import signup_confirmed, signup_pending
from gateway.api.schemas import CreatorCreate, OrgCreate, SignupConfirm, SignupConfirmed, SignupPending
from gateway.application import signups

router = APIRouter(prefix="/api/v1", tags=["identity"])


@router.post("/orgs", status_code=status.HTTP_202_ACCEPTED, dependencies=[limit_anonymous("auth")])
async def sign_up_org(
    body: OrgCreate, uow: UnitOfWorkDep, tools: OnboardingDep, client: ClientAddressDep
) -> SignupPending:
    """Sign up a brand or agency org with its owner; confirmed by the link mailed to the owner."""
    owner = body.owner
    signup = await signups.sign_up_org(
        uow,
        tools,
        name=body.name,
        kind=body.kind,
        email=owner.email,
        password=owner.password,
        display_name=owner.display_name,
        client=client,
    )
    return signup_pending(signup)


@router.post("/creators", status_code=status.HTTP_202_ACCEPTED, dependencies=[limit_anonymous("auth")])
async def sign_up_creator(
    body: CreatorCreate, uow: UnitOfWorkDep, tools: OnboardingDep, client: ClientAddressDep
) -> SignupPending:
    """An influencer signs up and claims a profile; the role `creator` sees only its own
    partnerships and content. A profile can be claimed once. Confirmed by the mailed link."""
    signup = await signups.sign_up_creator(
        uow,
        tools,
        email=body.email,
        password=body.password,
        display_name=body.display_name,
        influencer_id=body.influencer_id,
        client=client,
    )
    return signup_pending(signup)


@router.post("/signups/confirm", status_code=status.HTTP_201_CREATED, dependencies=[limit_anonymous("auth")])
async def confirm_sign_up(
    body: SignupConfirm, uow: UnitOfWorkDep, tools: OnboardingDep, response: Response
) -> SignupConfirmed:
    """Confirm a sign-up (or a join by invitation) with the token from the mail: the account,
    org or membership is made now. A token confirms once."""
    confirmed = await signups.confirm(uow, tools, body.token)
    response.headers["Location"] = f"/api/v1/orgs/{confirmed.org.id}"
    return signup_confirmed(confirmed)

"""The wire types of the gateway's own endpoints: identity (orgs, users, members), sign-up,
invitations, tokens and API keys. The fields people type are checked all at once, so that a problem
names every bad field by its path (body.owner.password)."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from gateway.domain.access import KNOWN_SCOPES
from gateway.domain.identity import MIN_PASSWORD_LENGTH, OrgKind, Role, check_password, normalize_email
from gateway.domain.onboarding import InvitationState
from gateway.domain.routing import SCOPE_RESOURCES
from servicekit.schemas import CONTROL_CHARACTERS, RequestModel


def _rule(kind: str, rule):  # type: ignore[no-untyped-def]
    """A domain rule (ValueError) as a pydantic check, so that its error joins the others."""

    def check(value):  # type: ignore[no-untyped-def]
        try:
            return rule(value)
        except ValueError as exc:
            raise PydanticCustomError(kind, str(exc)) from None

    return AfterValidator(check)


# The rules below as JSON Schema too, so that the OpenAPI says what is taken (no control characters).
_NO = CONTROL_CHARACTERS
EmailAddress = Annotated[
    str,
    Field(
        max_length=320,
        examples=["ann@acme.test"],
        description="an email address (compared without case)",
        json_schema_extra={"pattern": rf"^ *[^@ {_NO}]+@[^@ {_NO}]*\.[^@ {_NO}]* *$"},
    ),
    _rule("email", normalize_email),
]
NewPassword = Annotated[
    str,
    Field(
        max_length=200,
        description=f"{MIN_PASSWORD_LENGTH} characters or more, not starting or ending with a space",
        json_schema_extra={"minLength": MIN_PASSWORD_LENGTH, "pattern": rf"^[^\s{_NO}]([^{_NO}]*[^\s{_NO}])?$"},
    ),
    _rule("password", check_password),
]
# A member's role: owner, manager or analyst (creators and admins are made otherwise).
MemberRoleName = Literal["owner", "manager", "analyst"]  # administration.MEMBER_ROLES (a test ties them)
MemberRole = Annotated[MemberRoleName, Field(description="owner, manager or analyst"), AfterValidator(Role)]
DisplayName = Annotated[str | None, Field(default=None, max_length=200)]


class OrgPublic(BaseModel):
    id: UUID
    name: str
    kind: OrgKind
    created_at: datetime


class UserPublic(BaseModel):
    id: UUID
    email: str
    display_name: str | None


class MemberPublic(BaseModel):
    user: UserPublic
    role: Role
    joined_at: datetime


# Sign-up

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


# Invitations


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


# Members and who am I


class MemberUpdate(RequestModel):
    role: MemberRole


class Me(BaseModel):
    user: UserPublic | None
    org: OrgPublic
    roles: list[str]
    scopes: list[str]
    influencer_id: UUID | None
    api_key: bool


# Tokens and API keys


class TokenRequest(BaseModel):
    """An OAuth2 token request (RFC 6749), form-encoded; fields a grant does not use are ignored."""

    grant_type: str = Field(description="password, refresh_token or client_credentials")
    username: str | None = None
    password: str | None = None
    org_id: UUID | None = Field(default=None, description="password grant: which of the user's orgs")
    refresh_token: str | None = None
    client_id: str | None = Field(default=None, description="client_credentials: the API key's prefix")
    client_secret: str | None = Field(default=None, description="client_credentials: the API key")


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str | None = None
    scope: str | None = None


class ApiKeyCreate(RequestModel):
    name: str = Field(min_length=1, max_length=200, examples=["Shopify conversions"])
    scopes: list[Annotated[str, Field(json_schema_extra={"enum": sorted(KNOWN_SCOPES)})]] = Field(
        min_length=1,
        examples=[["conversions:write"]],
        description="`<resource>:read` or `<resource>:write`, resources: "
        + "; ".join(f"`{name}` ({covers})" for name, covers in SCOPE_RESOURCES.items()),
    )
    expires_at: datetime | None = None

    @field_validator("scopes")
    @classmethod
    def _known(cls, scopes: list[str]) -> list[str]:
        unknown = sorted(set(scopes) - KNOWN_SCOPES)
        if unknown:
            raise ValueError(f"unknown scopes {unknown}; known: {sorted(KNOWN_SCOPES)}")
        return scopes


class ApiKeyCreator(BaseModel):
    id: UUID
    email: str | None = Field(description="None once the user no longer exists")


class ApiKeyPublic(BaseModel):
    id: UUID
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    created_by: ApiKeyCreator | None = Field(description="The member who made the key and saw its secret")
    expires_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    key: str = Field(description="The key itself, shown only now: send it as X-API-Key or a bearer token")

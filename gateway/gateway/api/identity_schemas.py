"""Wire types the identity routers share: the fields people type, checked all at once so that a
problem names every bad field by its path (body.owner.password), and the public records."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import Request
from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError

from gateway.adapters.identity_repository import OrgRecord, UserRecord
from gateway.adapters.mail import MailQueue
from gateway.adapters.passwords import Passwords
from gateway.adapters.revocations import Revocations
from gateway.domain.identity import MIN_PASSWORD_LENGTH, OrgKind, Role, check_password, normalize_email
from gateway.domain.messages import Links
from gateway.settings import GatewaySettings
from servicekit.schemas import CONTROL_CHARACTERS


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


def org_public(org: OrgRecord) -> OrgPublic:
    return OrgPublic(id=org.id, name=org.name, kind=org.kind, created_at=org.created_at)


def user_public(user: UserRecord) -> UserPublic:
    return UserPublic(id=user.id, email=user.email, display_name=user.display_name)


def settings_of(request: Request) -> GatewaySettings:
    settings: GatewaySettings = request.app.state.settings
    return settings


def passwords_of(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


def revocations_of(request: Request) -> Revocations:
    revocations: Revocations = request.app.state.revocations
    return revocations


def mail_of(request: Request) -> MailQueue:
    mail: MailQueue = request.app.state.mail
    return mail


def links_of(request: Request) -> Links:
    settings = settings_of(request)
    return Links(api_url=settings.public_url.rstrip("/"), frontend_url=settings.frontend_url)

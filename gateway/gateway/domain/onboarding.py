"""How people come in: a sign-up waits for the link mailed to its email; an invitation waits for
the invited person's consent. Neither answer tells whether an email has an account."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from gateway.domain.identity import OrgKind, Role
from servicekit.errors import Conflict, NotFound

# Sign-up mails whatever address it is given: at most this many mails to one address within
# MAIL_WINDOW from one client, and from all clients together, so that nobody floods a stranger's
# inbox through it, and a stranger who used up an address's mails from one client does not hold
# back its owner, who signs up from another. Past either limit the answer stays the same (it never
# tells) and nothing is kept or mailed; the mails already sent still confirm.
MAILS_PER_ADDRESS_FROM_ONE_CLIENT = 5
MAILS_PER_ADDRESS = 20
MAIL_WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class MailsSent:
    """Sign-up mails to one address within MAIL_WINDOW: in all, and at the request of one client."""

    in_all: int
    from_client: int


def may_mail(sent: MailsSent) -> bool:
    return sent.in_all < MAILS_PER_ADDRESS and sent.from_client < MAILS_PER_ADDRESS_FROM_ONE_CLIENT


class SignupPurpose(StrEnum):
    ORG = "org"  # a brand or agency with its owner
    CREATOR = "creator"  # an influencer claiming a profile
    JOIN = "join"  # an invited person, by the invitation's token


class InvitationState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REVOKED = "revoked"


@dataclass(frozen=True)
class PendingSignup:
    id: UUID
    purpose: SignupPurpose
    email: str
    password_hash: str
    display_name: str | None
    expires_at: datetime
    org_id: UUID | None = None
    org_name: str | None = None
    org_kind: OrgKind | None = None
    influencer_id: UUID | None = None
    invitation_id: UUID | None = None
    # Who asked (a digest of the client's address, kept only while the sign-up waits): the mail
    # limits count per client.
    requested_by: str = ""


@dataclass(frozen=True)
class InvitationRecord:
    id: UUID
    org_id: UUID
    email: str
    role: Role
    state: InvitationState
    invited_by: UUID | None
    invited_by_email: str | None
    created_at: datetime
    expires_at: datetime
    org_name: str
    org_kind: OrgKind


def invitation_is_open(state: InvitationState, expires_at: datetime, now: datetime) -> bool:
    return state is InvitationState.PENDING and expires_at > now


def check_answerable(
    invitation_id: UUID, invited_email: str, state: InvitationState, expires_at: datetime, email: str, now: datetime
) -> None:
    """Only the invited email answers an invitation; to anyone else it does not exist."""
    if invited_email != email:
        raise NotFound("invitation", invitation_id)
    if not invitation_is_open(state, expires_at, now):
        raise Conflict(f"this invitation is {_closed(state, expires_at, now)}")


def _closed(state: InvitationState, expires_at: datetime, now: datetime) -> str:
    if state is InvitationState.PENDING and expires_at <= now:
        return "expired"
    return state.value

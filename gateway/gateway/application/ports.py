"""What the gateway's use cases need from the outside world: Protocols that adapters/ implement."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID

from gateway.domain.accounts import ApiKeyRecord, MembershipRecord, OrgRecord, RefreshGrant, UserRecord
from gateway.domain.identity import OrgKind, Principal, Role
from gateway.domain.messages import Links, Mail
from gateway.domain.onboarding import InvitationRecord, InvitationState, MailsSent, PendingSignup
from gateway.domain.report_shares import ReportShare
from gateway.domain.revocation import RevocationKind
from gateway.domain.webhooks import Creator, Delivery, Subscription


class IdentityStore(Protocol):
    async def add_org(self, name: str, kind: OrgKind, org_id: UUID | None = None) -> OrgRecord: ...

    async def add_user(self, email: str, password_hash: str, display_name: str | None) -> UserRecord: ...

    async def add_membership(self, org_id: UUID, user_id: UUID, role: Role) -> MembershipRecord: ...

    async def change_role(self, membership: MembershipRecord, role: Role) -> MembershipRecord: ...

    async def membership(self, org_id: UUID, user_id: UUID) -> MembershipRecord | None: ...

    async def has_member(self, org_id: UUID, email: str) -> bool: ...

    async def members(self, org_id: UUID) -> list[tuple[MembershipRecord, UserRecord]]: ...

    async def count_owners(self, org_id: UUID) -> int:
        """Locks the owners' rows till the commit."""
        ...

    async def remove_membership(self, org_id: UUID, user_id: UUID) -> None: ...

    async def influencer_claimed(self, influencer_id: UUID) -> bool: ...

    async def claim_influencer(self, user_id: UUID, influencer_id: UUID) -> None: ...

    async def influencer_of(self, user_id: UUID) -> UUID | None: ...

    async def user_by_email(self, email: str) -> UserRecord | None: ...

    async def user(self, user_id: UUID) -> UserRecord | None: ...

    async def org(self, org_id: UUID) -> OrgRecord | None: ...

    async def memberships_of(self, user_id: UUID) -> list[MembershipRecord]: ...


class SignupStore(Protocol):
    async def add(self, signup: PendingSignup) -> str:
        """Stores the sign-up; its confirmation token (shown nowhere but in the mail)."""
        ...

    async def take(self, token: str) -> PendingSignup | None:
        """The unexpired sign-up of this token, gone once the transaction commits."""
        ...

    async def mailed_to(self, email: str, *, since: datetime, requested_by: str) -> MailsSent:
        """How many sign-ups awaiting confirmation were mailed to `email` since then, in all and
        at the request of this client."""
        ...


class InvitationStore(Protocol):
    async def add(
        self, org_id: UUID, email: str, role: Role, invited_by: UUID | None, ttl: timedelta
    ) -> tuple[InvitationRecord, str]: ...

    async def get(self, invitation_id: UUID) -> InvitationRecord | None: ...

    async def by_token(self, token: str) -> InvitationRecord | None: ...

    async def pending_for_org(self, org_id: UUID) -> list[InvitationRecord]: ...

    async def pending_for_email(self, email: str) -> list[InvitationRecord]: ...

    async def decide(self, invitation_id: UUID, state: InvitationState) -> bool:
        """Closes a pending invitation; False if it was answered meanwhile."""
        ...


class ApiKeyStore(Protocol):
    async def add(
        self, org_id: UUID, name: str, scopes: list[str], expires_at: datetime | None, created_by: UUID | None
    ) -> tuple[ApiKeyRecord, str]: ...

    async def for_org(self, org_id: UUID) -> list[ApiKeyRecord]: ...

    async def revoke_made_by(self, org_id: UUID, user_id: UUID) -> list[UUID]: ...

    async def revoke(self, org_id: UUID, key_id: UUID) -> bool: ...

    async def principal(self, full_key: str, now: datetime) -> Principal | None: ...


class RefreshTokenStore(Protocol):
    async def issue(
        self, user_id: UUID, org_id: UUID, ttl: timedelta, family_id: UUID | None = None
    ) -> RefreshGrant: ...

    async def rotate(self, token: str, ttl: timedelta) -> RefreshGrant:
        """The next refresh token of the same login, or InvalidRefreshToken."""
        ...

    async def revoke_member(self, user_id: UUID, org_id: UUID) -> list[UUID]: ...


class WebhookStore(Protocol):
    """Subscriptions of one org at a time."""

    async def add(
        self,
        org_id: UUID,
        url: str,
        event_types: list[str],
        secret: str,
        description: str | None,
        created_by: Creator,
    ) -> Subscription: ...

    async def get(self, org_id: UUID, subscription_id: UUID) -> Subscription | None: ...

    async def for_org(self, org_id: UUID) -> list[Subscription]: ...

    async def delete(self, org_id: UUID, subscription_id: UUID) -> bool: ...

    async def deliveries(
        self, subscription_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
    ) -> list[Delivery]: ...

    async def delivery(self, subscription_id: UUID, delivery_id: UUID) -> Delivery | None: ...

    async def requeue(self, delivery_id: UUID) -> None: ...

    async def disable_made_by(self, org_id: UUID, creators: list[Creator], reason: str) -> list[UUID]: ...

    async def enable(self, org_id: UUID, subscription_id: UUID, creator: Creator) -> bool: ...


class ReportShareStore(Protocol):
    async def add(
        self, org_id: UUID, campaign_id: UUID, created_by: UUID | None, now: datetime, expires_at: datetime
    ) -> tuple[ReportShare, str]:
        """The link's record and its token (shown once: only its hash is kept)."""
        ...

    async def of_campaign(self, org_id: UUID, campaign_id: UUID) -> list[ReportShare]: ...

    async def revoke(self, org_id: UUID, share_id: UUID, now: datetime) -> bool: ...

    async def by_token(self, token: str) -> ReportShare | None: ...


class UnitOfWork(Protocol):
    """One transaction of the gateway's database (the request's, committed once when it answers)."""

    identity: IdentityStore
    signups: SignupStore
    invitations: InvitationStore
    api_keys: ApiKeyStore
    refresh_tokens: RefreshTokenStore
    webhooks: WebhookStore
    report_shares: ReportShareStore

    async def revoke(self, kind: RevocationKind, subjects: list[UUID]) -> None:
        """Ends the tokens naming `subjects`, on every replica, once this commits."""
        ...

    def send_after_commit(self, mail: Mail) -> None:
        """Sends `mail` once this commits; a rollback drops it."""
        ...

    def after_commit(self, callback: Callable[[], None]) -> None: ...

    async def commit(self) -> None:
        """Commits now: for a change that must stick although the request then fails."""
        ...


class Passwords(Protocol):
    async def hash(self, password: str) -> str: ...

    async def verify(self, stored_hash: str | None, password: str) -> bool:
        """False for no stored hash, after as long a check as a wrong password takes."""
        ...


class TokenIssuer(Protocol):
    ttl: timedelta

    def issue(self, principal: Principal) -> str: ...


class ProfileDirectory(Protocol):
    """Discovery's influencer profiles."""

    async def shows(self, influencer_id: UUID, org_id: UUID) -> bool:
        """Whether discovery shows this profile to a reader of `org_id` (the shared catalogue to a
        new org); raises a problem when discovery cannot tell."""
        ...


class WebhookTargets(Protocol):
    async def refusal(self, url: str) -> str | None:
        """Why deliveries may not go to `url` (a private address...), or None."""
        ...


class ServiceReader(Protocol):
    """GET on the services for one caller (composite views)."""

    async def get(self, service: str, path: str) -> object:
        """The body of a 200 answer; domain.overview.PartFailed for any other, or none in time."""
        ...


@dataclass(frozen=True)
class Onboarding:
    """What sign-ups and invitations need besides the unit of work."""

    passwords: Passwords
    profiles: ProfileDirectory
    links: Links
    signup_ttl: timedelta
    invitation_ttl: timedelta


@dataclass(frozen=True)
class Fetched:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]  # what the page's reader needs: its content policy, file name, caching


class ReportReader(Protocol):
    """Metrics' report of a campaign, read as an org's read-only member would (share links)."""

    async def report(self, org_id: UUID, campaign_id: UUID, *, format: str | None, accept: str) -> Fetched: ...

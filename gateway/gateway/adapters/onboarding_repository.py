"""Sign-ups awaiting confirmation and invitations; their tokens are stored only as hashes."""

import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.credentials import KeyedDigest, hash_secret
from gateway.adapters.tables import invitations, orgs, signups, users
from gateway.domain.identity import OrgKind, Role
from gateway.domain.onboarding import InvitationRecord, InvitationState, MailsSent, PendingSignup, SignupPurpose


class SignupRepository:
    """`client_digest`: who asked (the client's address) as it is kept, never in the clear."""

    def __init__(self, session: AsyncSession, client_digest: KeyedDigest) -> None:
        self.session = session
        self.client_digest = client_digest

    async def add(self, signup: PendingSignup) -> str:
        """Stores the sign-up; its confirmation token (shown nowhere but in the mail)."""
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        await self.session.execute(delete(signups).where(signups.c.expires_at <= now))
        await self.session.execute(
            insert(signups).values(
                id=signup.id,
                token_hash=hash_secret(token),
                purpose=signup.purpose.value,
                email=signup.email,
                password_hash=signup.password_hash,
                display_name=signup.display_name,
                org_id=signup.org_id,
                org_name=signup.org_name,
                org_kind=signup.org_kind.value if signup.org_kind else None,
                influencer_id=signup.influencer_id,
                invitation_id=signup.invitation_id,
                requested_by=self.client_digest(signup.requested_by),
                created_at=now,
                expires_at=signup.expires_at,
            )
        )
        return token

    async def mailed_to(self, email: str, *, since: datetime, requested_by: str) -> MailsSent:
        client = self.client_digest(requested_by)
        counts = select(func.count(), func.count().filter(signups.c.requested_by == client)).where(
            signups.c.email == email, signups.c.created_at >= since
        )
        in_all, from_client = (await self.session.execute(counts)).one()
        return MailsSent(in_all=int(in_all), from_client=int(from_client))

    async def take(self, token: str) -> PendingSignup | None:
        """The unexpired sign-up of this token, deleted (a token confirms once) if the transaction commits."""
        row = (
            await self.session.execute(
                delete(signups)
                .where(signups.c.token_hash == hash_secret(token), signups.c.expires_at > datetime.now(UTC))
                .returning(*signups.c)
            )
        ).first()
        if row is None:
            return None
        return PendingSignup(
            id=row.id,
            purpose=SignupPurpose(row.purpose),
            email=row.email,
            password_hash=row.password_hash,
            display_name=row.display_name,
            expires_at=row.expires_at,
            org_id=row.org_id,
            org_name=row.org_name,
            org_kind=OrgKind(row.org_kind) if row.org_kind else None,
            influencer_id=row.influencer_id,
            invitation_id=row.invitation_id,
        )


def _invitation(row: Row[Any]) -> InvitationRecord:
    return InvitationRecord(
        id=row.id,
        org_id=row.org_id,
        email=row.email,
        role=Role(row.role),
        state=InvitationState(row.state),
        invited_by=row.invited_by,
        invited_by_email=row.invited_by_email,
        created_at=row.created_at,
        expires_at=row.expires_at,
        org_name=row.org_name,
        org_kind=OrgKind(row.org_kind),
    )


_WITH_NAMES = (
    select(
        invitations,
        users.c.email.label("invited_by_email"),
        orgs.c.name.label("org_name"),
        orgs.c.kind.label("org_kind"),
    )
    .join(orgs, orgs.c.id == invitations.c.org_id)
    .outerjoin(users, users.c.id == invitations.c.invited_by)
)


class InvitationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self, org_id: UUID, email: str, role: Role, invited_by: UUID | None, ttl: timedelta
    ) -> tuple[InvitationRecord, str]:
        """A new invitation (replacing a pending one to the same email: the owner sent it again)
        and its token, shown once."""
        now = datetime.now(UTC)
        await self.session.execute(
            update(invitations)
            .where(
                invitations.c.org_id == org_id,
                invitations.c.email == email,
                invitations.c.state == InvitationState.PENDING.value,
            )
            .values(state=InvitationState.REVOKED.value, decided_at=now)
        )
        token = f"inv_{secrets.token_urlsafe(32)}"
        invitation_id = uuid.uuid4()
        await self.session.execute(
            insert(invitations).values(
                id=invitation_id,
                org_id=org_id,
                email=email,
                role=role.value,
                token_hash=hash_secret(token),
                invited_by=invited_by,
                state=InvitationState.PENDING.value,
                created_at=now,
                expires_at=now + ttl,
            )
        )
        record = await self.get(invitation_id)
        assert record is not None
        return record, token

    async def get(self, invitation_id: UUID) -> InvitationRecord | None:
        row = (await self.session.execute(_WITH_NAMES.where(invitations.c.id == invitation_id))).first()
        return _invitation(row) if row else None

    async def by_token(self, token: str) -> InvitationRecord | None:
        row = (await self.session.execute(_WITH_NAMES.where(invitations.c.token_hash == hash_secret(token)))).first()
        return _invitation(row) if row else None

    async def pending_for_org(self, org_id: UUID) -> list[InvitationRecord]:
        return await self._pending(invitations.c.org_id == org_id)

    async def pending_for_email(self, email: str) -> list[InvitationRecord]:
        return await self._pending(invitations.c.email == email)

    async def _pending(self, condition: Any) -> list[InvitationRecord]:
        rows = await self.session.execute(
            _WITH_NAMES.where(
                condition,
                invitations.c.state == InvitationState.PENDING.value,
                invitations.c.expires_at > datetime.now(UTC),
            ).order_by(invitations.c.created_at)
        )
        return [_invitation(row) for row in rows]

    async def decide(self, invitation_id: UUID, state: InvitationState) -> bool:
        """Closes a pending invitation; False if it was not pending any more (answered concurrently)."""
        result = await self.session.execute(
            update(invitations)
            .where(invitations.c.id == invitation_id, invitations.c.state == InvitationState.PENDING.value)
            .values(state=state.value, decided_at=datetime.now(UTC))
        )
        return bool(result.rowcount)

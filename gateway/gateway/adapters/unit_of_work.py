"""The gateway's unit of work: one transaction of its database with every repository on it, the
revocations it writes and the mail it sends once it commits. Unlike a service's, it acts for no
single org (a sign-up has none yet) and publishes no events."""

from collections.abc import Callable, Iterable
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.credentials import ApiKeyRepository, KeyedDigest, RefreshTokenRepository
from gateway.adapters.identity_repository import IdentityRepository
from gateway.adapters.mail import MailQueue
from gateway.adapters.onboarding_repository import InvitationRepository, SignupRepository
from gateway.adapters.report_share_repository import ReportShareRepository
from gateway.adapters.revocations import Revocations
from gateway.adapters.webhook_repository import WebhookRepository
from gateway.domain.messages import Mail
from gateway.domain.revocation import RevocationKind
from servicekit.db import after_commit


class SqlUnitOfWork:
    def __init__(
        self, session: AsyncSession, revocations: Revocations, mail: MailQueue, client_digest: KeyedDigest
    ) -> None:
        self.session = session
        self.identity = IdentityRepository(session)
        self.signups = SignupRepository(session, client_digest)
        self.invitations = InvitationRepository(session)
        self.api_keys = ApiKeyRepository(session)
        self.refresh_tokens = RefreshTokenRepository(session)
        self.webhooks = WebhookRepository(session)
        self.report_shares = ReportShareRepository(session)
        self._revocations = revocations
        self._mail = mail

    async def revoke(self, kind: RevocationKind, subjects: Iterable[UUID]) -> None:
        await self._revocations.revoke(self.session, kind, subjects)

    def send_after_commit(self, mail: Mail) -> None:
        self._mail.send_after_commit(self.session, mail)

    def after_commit(self, callback: Callable[[], None]) -> None:
        after_commit(self.session, callback)

    async def commit(self) -> None:
        await self.session.commit()

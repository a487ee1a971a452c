"""Share links of campaign reports: the token is random and shown once; only its hash is stored."""

import secrets
import uuid
from datetime import datetime
from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.credentials import hash_secret
from gateway.adapters.tables import report_shares
from gateway.domain.report_shares import ReportShare
from servicekit.rows import from_row, row_of


class ReportShareRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self, org_id: UUID, campaign_id: UUID, created_by: UUID | None, now: datetime, expires_at: datetime
    ) -> tuple[ReportShare, str]:
        token = secrets.token_urlsafe(32)
        share = ReportShare(uuid.uuid4(), org_id, campaign_id, created_by, now, expires_at)
        values = row_of(share, report_shares, token_hash=hash_secret(token))
        await self.session.execute(insert(report_shares).values(**values))
        return share, token

    async def of_campaign(self, org_id: UUID, campaign_id: UUID) -> list[ReportShare]:
        rows = await self.session.execute(
            select(report_shares)
            .where(report_shares.c.org_id == org_id, report_shares.c.campaign_id == campaign_id)
            .order_by(report_shares.c.created_at.desc(), report_shares.c.id)
        )
        return [from_row(ReportShare, row) for row in rows]

    async def revoke(self, org_id: UUID, share_id: UUID, now: datetime) -> bool:
        """False when the org has no such link; revoking a revoked one again changes nothing."""
        found = await self.session.execute(
            select(report_shares.c.revoked_at).where(report_shares.c.id == share_id, report_shares.c.org_id == org_id)
        )
        row = found.first()
        if row is None:
            return False
        if row.revoked_at is None:
            await self.session.execute(
                update(report_shares).where(report_shares.c.id == share_id).values(revoked_at=now)
            )
        return True

    async def by_token(self, token: str) -> ReportShare | None:
        found = await self.session.execute(
            select(report_shares).where(report_shares.c.token_hash == hash_secret(token))
        )
        row = found.first()
        return from_row(ReportShare, row) if row is not None else None

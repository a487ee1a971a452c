"""Share links of campaign reports: an owner or manager makes one for a campaign of the org
(expiring, revocable, listed); anyone holding it reads that report, read-only, without signing in."""

from datetime import datetime
from uuid import UUID

from gateway.application.ports import Fetched, ReportReader, ServiceReader, UnitOfWork
from gateway.domain.identity import Principal
from gateway.domain.overview import PartFailed
from gateway.domain.report_shares import ReportShare, expiry
from servicekit.errors import NotFound
from servicekit.problems import Problem


async def _require_campaign(reader: ServiceReader, campaign_id: UUID) -> None:
    """Another org's campaign, or none, is a 404 (partnerships owns campaigns and says which exist)."""
    try:
        await reader.get("partnerships", f"/api/v1/campaigns/{campaign_id}")
    except PartFailed as failed:
        if failed.status == 404:
            raise NotFound("campaign", campaign_id) from None
        raise Problem(503, "the partnerships service could not tell whether the campaign exists") from None


async def create(
    uow: UnitOfWork, reader: ServiceReader, caller: Principal, campaign_id: UUID, *, days: int, now: datetime
) -> tuple[ReportShare, str]:
    await _require_campaign(reader, campaign_id)
    return await uow.report_shares.add(caller.org_id, campaign_id, caller.user_id, now, expiry(now, days))


async def of_campaign(
    uow: UnitOfWork, reader: ServiceReader, caller: Principal, campaign_id: UUID
) -> list[ReportShare]:
    await _require_campaign(reader, campaign_id)
    return await uow.report_shares.of_campaign(caller.org_id, campaign_id)


async def revoke(uow: UnitOfWork, caller: Principal, share_id: UUID, now: datetime) -> None:
    if not await uow.report_shares.revoke(caller.org_id, share_id, now):
        raise NotFound("report share", share_id)


async def open_shared(
    uow: UnitOfWork, reports: ReportReader, token: str, *, format: str | None, accept: str, now: datetime
) -> Fetched:
    """The report a live link shows; an unknown, expired or revoked link is the same 404."""
    share = await uow.report_shares.by_token(token)
    if share is None or not share.open_at(now):
        raise Problem(404, "no such shared report (links expire and can be revoked)")
    return await reports.report(share.org_id, share.campaign_id, format=format, accept=accept)

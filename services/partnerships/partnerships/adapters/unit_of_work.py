from typing import Annotated
from uuid import UUID

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from partnerships.adapters.campaign_repository import CampaignRepository
from partnerships.adapters.influencer_directory import InfluencerDirectoryRepository
from partnerships.adapters.ledger_repository import LedgerRepository, PayoutRepository
from partnerships.adapters.message_repository import MessageRepository, TemplateRepository
from partnerships.adapters.partnership_repository import PartnershipRepository
from servicekit.app import DbSession, OutboxWriter
from servicekit.context import TenantContext
from servicekit.outbox import Outbox, OutboxEventSink


class SqlUnitOfWork:
    """The request's session (committed once, by servicekit, when the endpoint returns), or a
    consumer's (committed with its inbox row)."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        self.session = session
        self.outbox = outbox
        self.tenant_id = tenant_id
        self.campaigns = CampaignRepository(session, tenant_id)
        self.partnerships = PartnershipRepository(session)
        self.ledger = LedgerRepository(session, tenant_id)
        self.payouts = PayoutRepository(session)
        self.messages = MessageRepository(session, tenant_id)
        self.templates = TemplateRepository(session, tenant_id)
        self.influencers = InfluencerDirectoryRepository(session)
        self.events = OutboxEventSink(session, outbox, tenant_id)

    def scoped_to(self, tenant_id: UUID) -> "SqlUnitOfWork":
        if tenant_id == self.tenant_id:
            return self
        return SqlUnitOfWork(self.session, self.outbox, tenant_id)


async def _unit_of_work(session: DbSession, outbox: OutboxWriter, context: TenantContext) -> SqlUnitOfWork:
    assert context.tenant_id is not None
    return SqlUnitOfWork(session, outbox, context.tenant_id)


UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(_unit_of_work)]

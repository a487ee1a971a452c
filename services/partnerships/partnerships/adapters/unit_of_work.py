from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from partnerships.adapters.amplification_repository import AmplificationFundingRepository
from partnerships.adapters.campaign_repository import CampaignRepository
from partnerships.adapters.commission_repository import CommissionRepository
from partnerships.adapters.influencer_directory import InfluencerDirectoryRepository
from partnerships.adapters.ledger_repository import LedgerRepository, PayoutRepository
from partnerships.adapters.message_repository import MessageRepository, TemplateRepository
from partnerships.adapters.partnership_repository import PartnershipRepository
from servicekit.outbox import Outbox
from servicekit.unit_of_work import UnitOfWork


class SqlUnitOfWork(UnitOfWork):
    """A request's session (committed once, by servicekit, when the endpoint returns), or an event
    handler's (committed with its inbox row)."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        super().__init__(session, outbox, tenant_id)
        self.campaigns = CampaignRepository(session, tenant_id)
        self.partnerships = PartnershipRepository(session)
        self.ledger = LedgerRepository(session, tenant_id)
        self.payouts = PayoutRepository(session)
        self.messages = MessageRepository(session, tenant_id)
        self.templates = TemplateRepository(session, tenant_id)
        self.influencers = InfluencerDirectoryRepository(session)
        self.amplifications = AmplificationFundingRepository(session, tenant_id)
        self.commissions = CommissionRepository(session, tenant_id)

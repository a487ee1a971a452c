from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.change_log import ChangeLog
from metrics.adapters.conversion_repository import ConversionRepository
from metrics.adapters.figures_repository import FiguresRepository
from metrics.adapters.link_repository import LinkRepository, PromoCodeRepository
from metrics.adapters.settings_repository import SettingsRepository
from metrics.adapters.tables import campaigns
from metrics.adapters.told_repository import PartnershipRepository, PostRepository, TargetRepository
from servicekit.campaign_directory import CampaignDirectory
from servicekit.outbox import Outbox
from servicekit.unit_of_work import UnitOfWork


class SqlUnitOfWork(UnitOfWork):
    """A request's session (committed once, by servicekit, when the endpoint returns), or an event
    handler's (committed with its inbox row)."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        super().__init__(session, outbox, tenant_id)
        self.campaigns = CampaignDirectory(session, tenant_id, campaigns)
        self.targets = TargetRepository(session, tenant_id)
        self.partnerships = PartnershipRepository(session, tenant_id)
        self.posts = PostRepository(session, tenant_id)
        self.links = LinkRepository(session, tenant_id)
        self.promo_codes = PromoCodeRepository(session, tenant_id)
        self.conversions = ConversionRepository(session, tenant_id)
        self.settings = SettingsRepository(session, tenant_id)
        self.figures = FiguresRepository(session, tenant_id)
        self.changes = ChangeLog(session, tenant_id)

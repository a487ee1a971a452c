from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.content_quality_repository import ContentQualityRepository
from discovery.adapters.import_repository import ImportJobRepository
from discovery.adapters.influencer_repository import InfluencerRepository
from discovery.adapters.notes_repository import NotesAndTagsRepository
from discovery.adapters.performance_repository import PerformanceRepository
from discovery.adapters.post_repository import PostRepository
from discovery.adapters.profile_notices import OutboxProfileNotices
from discovery.adapters.shortlist_repository import ShortlistRepository
from discovery.adapters.tables import campaigns
from servicekit.campaign_directory import CampaignDirectory
from servicekit.outbox import Outbox
from servicekit.unit_of_work import UnitOfWork


class SqlUnitOfWork(UnitOfWork):
    """A request's session (committed once, by servicekit, when the endpoint returns), or an event
    handler's (committed with its inbox row)."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        super().__init__(session, outbox, tenant_id)
        self.influencers = InfluencerRepository(session, tenant_id)
        self.notes_and_tags = NotesAndTagsRepository(session, tenant_id)
        self.imports = ImportJobRepository(session, tenant_id)
        self.campaigns = CampaignDirectory(session, tenant_id, campaigns)
        self.shortlists = ShortlistRepository(session, tenant_id)
        self.performance = PerformanceRepository(session)
        self.posts = PostRepository(session, tenant_id)
        self.content_quality = ContentQualityRepository(session, outbox)
        self.profile_notices = OutboxProfileNotices(session, outbox)

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from content.adapters.amplification_repository import AmplificationRepository, AssetRepository
from content.adapters.deliverable_repository import BriefRepository, DeliverableRepository
from content.adapters.submission_repository import MediaRepository, PostRepository, SubmissionRepository
from content.adapters.tables import campaigns
from servicekit.campaign_directory import CampaignDirectory
from servicekit.outbox import Outbox
from servicekit.unit_of_work import UnitOfWork


class SqlUnitOfWork(UnitOfWork):
    """A request's session (committed once, by servicekit, when the endpoint returns), or an event
    handler's (committed with its inbox row)."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        super().__init__(session, outbox, tenant_id)
        self.campaigns = CampaignDirectory(session, tenant_id, campaigns)
        self.deliverables = DeliverableRepository(session)
        self.briefs = BriefRepository(session, tenant_id)
        self.submissions = SubmissionRepository(session)
        self.media = MediaRepository(session)
        self.posts = PostRepository(session)
        self.amplifications = AmplificationRepository(session)
        self.assets = AssetRepository(session, tenant_id)

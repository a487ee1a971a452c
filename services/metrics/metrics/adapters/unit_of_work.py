from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.tables import campaigns
from servicekit.campaign_directory import CampaignDirectory
from servicekit.outbox import Outbox
from servicekit.unit_of_work import UnitOfWork


class SqlUnitOfWork(UnitOfWork):
    """A request's session (committed once, by servicekit, when the endpoint returns), or an event
    handler's (committed with its inbox row)."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        super().__init__(session, outbox, tenant_id)
        self.campaigns = CampaignDirectory(session, tenant_id, campaigns)

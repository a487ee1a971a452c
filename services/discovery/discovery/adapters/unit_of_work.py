from typing import Annotated
from uuid import UUID

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.import_repository import ImportJobRepository
from discovery.adapters.influencer_repository import InfluencerRepository
from discovery.adapters.notes_repository import NotesAndTagsRepository
from discovery.adapters.profile_notices import OutboxProfileNotices
from discovery.adapters.shortlist_repository import CampaignRepository, ShortlistRepository
from servicekit.app import DbSession, OutboxWriter
from servicekit.context import TenantContext
from servicekit.outbox import Outbox, OutboxEventSink


class SqlUnitOfWork:
    """The request's session (committed once, by servicekit, when the endpoint returns)."""

    def __init__(self, session: AsyncSession, outbox: Outbox, tenant_id: UUID) -> None:
        self.tenant_id = tenant_id
        self.session = session
        self.influencers = InfluencerRepository(session, tenant_id)
        self.notes_and_tags = NotesAndTagsRepository(session, tenant_id)
        self.imports = ImportJobRepository(session, tenant_id)
        self.campaigns = CampaignRepository(session, tenant_id)
        self.shortlists = ShortlistRepository(session, tenant_id)
        self.events = OutboxEventSink(session, outbox, tenant_id)
        self.profile_notices = OutboxProfileNotices(session, outbox)


async def _unit_of_work(session: DbSession, outbox: OutboxWriter, context: TenantContext) -> SqlUnitOfWork:
    assert context.tenant_id is not None
    return SqlUnitOfWork(session, outbox, context.tenant_id)


UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(_unit_of_work)]

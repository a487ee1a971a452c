"""The background job that tells of overdue deliverables, once each, on any number of replicas."""

import logging
from datetime import UTC, datetime

from content.adapters.deliverable_repository import DeliverableRepository
from content.adapters.unit_of_work import SqlUnitOfWork
from content.application.deliverables import mark_overdue
from servicekit.background import BackgroundLoop
from servicekit.handlers import NO_TENANT
from servicekit.runtime import ServiceRuntime

log = logging.getLogger(__name__)


class OverdueLoop(BackgroundLoop):
    name = "content-overdue"

    def __init__(self, runtime: ServiceRuntime, poll_interval_s: float, batch_size: int = 200) -> None:
        super().__init__(poll_interval_s)
        self.runtime = runtime
        self.batch_size = batch_size

    async def run_once(self) -> bool:
        now = datetime.now(UTC)
        database = self.runtime.database
        async with database.session(read_only=True) as session:
            candidates = await DeliverableRepository(session).overdue_candidates(now.date(), self.batch_size)
        marked = 0
        for deliverable_id in candidates:
            # One transaction each: a deliverable claimed by another replica costs this one nothing.
            async with database.session() as session:
                uow = SqlUnitOfWork(session, self.runtime.outbox, NO_TENANT)
                marked += await mark_overdue(uow, deliverable_id, now.date(), now)
        if marked:
            log.info("%d deliverables found overdue", marked)
        return len(candidates) == self.batch_size

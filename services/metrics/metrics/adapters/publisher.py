"""Tells what changed, every `publish_interval_s`: each changed partnership's performance
(metrics.performance.updated) and the KPI targets its campaign reached (metrics.kpi.reached), in
the transaction that takes them off the change log; and forgets click visitors past the repeat
window."""

import logging
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from metrics.adapters.aggregation_store import store_for
from metrics.adapters.change_log import take_changed
from metrics.adapters.tables import replayed_clicks
from metrics.adapters.unit_of_work import SqlUnitOfWork
from metrics.application.publishing import tell_performance, tell_reached_targets
from metrics.domain.clicks import REPEAT_WINDOW
from servicekit.background import BackgroundLoop
from servicekit.db import Database
from servicekit.outbox import Outbox

log = logging.getLogger(__name__)

BATCH = 200
REPLAY_MEMORY = timedelta(days=7)


class Publisher(BackgroundLoop):
    name = "metrics-publisher"

    def __init__(self, database: Database, outbox: Outbox, poll_interval_s: float) -> None:
        super().__init__(poll_interval_s)
        self.database = database
        self.outbox = outbox
        self._swept_at = 0.0

    async def run_once(self) -> bool:
        now = datetime.now(UTC)
        async with self.database.session() as session:
            changed = await take_changed(session, BATCH)
            campaigns = set()
            for partnership_id, tenant_id in changed:
                uow = SqlUnitOfWork(session, self.outbox, tenant_id)
                campaign_id = await tell_performance(uow, partnership_id, now=now)
                if campaign_id is not None:
                    campaigns.add((campaign_id, tenant_id))
            for campaign_id, tenant_id in campaigns:
                await tell_reached_targets(SqlUnitOfWork(session, self.outbox, tenant_id), campaign_id, now=now)
        if time.monotonic() - self._swept_at > 60:
            self._swept_at = time.monotonic()
            await self._sweep(now)
        return len(changed) == BATCH

    async def _sweep(self, now: datetime) -> None:
        # A visitor whose last counted click is older than the window counts again anyway.
        async with self.database.session() as session:
            await store_for(session).forget_visitor_batches(REPEAT_WINDOW * 2, now)
            await session.execute(delete(replayed_clicks).where(replayed_clicks.c.counted_at < now - REPLAY_MEMORY))

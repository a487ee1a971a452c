"""Delivers queued webhooks: signed POSTs, retried with exponential backoff, dead after N attempts.

Each round claims due deliveries by pushing their next attempt a lease ahead (FOR UPDATE SKIP
LOCKED on PostgreSQL), so gateway replicas never send the same attempt twice, and a replica that
dies mid-send leaves its deliveries to be retried once the lease runs out.
"""

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
from sqlalchemy import select, update

from gateway.adapters.tables import webhook_deliveries, webhook_subscriptions
from gateway.adapters.webhook_targets import ForbiddenTarget, check_target
from gateway.domain import webhooks
from servicekit.background import BackgroundLoop
from servicekit.db import Database

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)


def _failure(error: httpx.HTTPError) -> str:
    """What a delivery's log tells the subscriber of a failed attempt (the exception is ours to log)."""
    if isinstance(error, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(error, httpx.ConnectError):
        return "could not connect"
    return "the request failed before an answer"


class WebhookDispatcher(BackgroundLoop):
    name = "webhook-dispatcher"

    def __init__(
        self,
        database: Database,
        *,
        max_attempts: int,
        timeout_s: float,
        retry_base_s: float,
        allow_private_targets: bool,
        batch_size: int = 50,
        poll_interval_s: float = 1.0,
    ) -> None:
        super().__init__(poll_interval_s)
        self.database = database
        self.allow_private_targets = allow_private_targets
        self.max_attempts = max_attempts
        self.retry_base_s = retry_base_s
        self.batch_size = batch_size
        self.client = httpx.AsyncClient(timeout=timeout_s, follow_redirects=False)

    async def stop(self, grace_s: float = 10.0) -> None:
        await super().stop(grace_s)
        await self.client.aclose()

    async def run_once(self) -> bool:
        return await self.deliver_due() >= self.batch_size

    async def deliver_due(self) -> int:
        claimed = await self._claim()
        if claimed:
            await asyncio.gather(*(self._attempt(*row) for row in claimed))
        return len(claimed)

    async def _claim(self) -> list[tuple[UUID, str, str, UUID, bytes, int]]:
        now = datetime.now(UTC)
        d, s = webhook_deliveries, webhook_subscriptions
        async with self.database.session() as session:
            query = (
                select(d.c.id, s.c.url, s.c.secret, d.c.event_id, d.c.payload, d.c.attempts)
                .join(s, s.c.id == d.c.subscription_id)
                .where(
                    d.c.state == "pending",
                    d.c.next_attempt_at <= now,
                    s.c.deleted_at.is_(None),
                    s.c.disabled_at.is_(None),
                )
                .order_by(d.c.next_attempt_at)
                .limit(self.batch_size)
            )
            if not self.database.is_sqlite:
                query = query.with_for_update(of=d, skip_locked=True)
            rows = (await session.execute(query)).all()
            if rows:
                await session.execute(
                    update(d).where(d.c.id.in_([r.id for r in rows])).values(next_attempt_at=now + LEASE)
                )
        return [(r.id, r.url, r.secret, r.event_id, r.payload, r.attempts) for r in rows]

    async def _attempt(
        self, delivery_id: UUID, url: str, secret: str, event_id: UUID, payload: bytes, attempts: int
    ) -> None:
        timestamp = int(time.time())
        message_id = str(delivery_id)
        headers = {
            "content-type": "application/json",
            "user-agent": "influencer-platform-webhooks/1",
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": webhooks.sign(secret, message_id, timestamp, payload),
            "webhook-event-id": str(event_id),
        }
        status: int | None = None
        error: str | None = None
        try:
            # Checked again at each attempt: a name may resolve elsewhere than at subscription.
            await check_target(url, allow_private=self.allow_private_targets)
            response = await self.client.post(url, content=payload, headers=headers)
            status = response.status_code
            if not 200 <= status < 300:
                error = f"HTTP {status}"
        except ForbiddenTarget as exc:
            error = str(exc)[:1000]
        except httpx.HTTPError as exc:
            error = _failure(exc)
            log.info("webhook delivery %s to %s: %s", delivery_id, url, error, exc_info=True)
        await self._record(delivery_id, attempts + 1, status, error)

    async def _record(self, delivery_id: UUID, attempt: int, status: int | None, error: str | None) -> None:
        now = datetime.now(UTC)
        values: dict[str, object] = {
            "attempts": attempt,
            "last_attempt_at": now,
            "last_status_code": status,
            "last_error": error,
        }
        if error is None:
            values.update(state="delivered", delivered_at=now, next_attempt_at=None)
        elif attempt >= self.max_attempts:
            values.update(state="dead", next_attempt_at=None)
            log.warning("webhook delivery %s dead after %d attempts: %s", delivery_id, attempt, error)
        else:
            delay = webhooks.retry_delay_s(attempt, base_s=self.retry_base_s)
            values.update(next_attempt_at=now + timedelta(seconds=delay))
        async with self.database.session() as session:
            await session.execute(
                update(webhook_deliveries).where(webhook_deliveries.c.id == delivery_id).values(values)
            )

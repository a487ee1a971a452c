from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import Row, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.tables import webhook_deliveries, webhook_subscriptions
from gateway.domain.webhooks import Creator, CreatorKind, Delivery, Subscription
from servicekit.db import insert_on_conflict


def _subscription(row: Row[Any]) -> Subscription:
    return Subscription(
        id=row.id,
        org_id=row.org_id,
        url=row.url,
        event_types=list(row.event_types),
        secret=row.secret,
        description=row.description,
        created_at=row.created_at,
        created_by=Creator(row.created_by, CreatorKind(row.created_by_kind)) if row.created_by else None,
        disabled_at=row.disabled_at,
        disabled_reason=row.disabled_reason,
    )


def _delivery(row: Row[Any]) -> Delivery:
    return Delivery(**{field: getattr(row, field) for field in Delivery.__dataclass_fields__})


class WebhookRepository:
    """Subscriptions belong to an org; every query is scoped to it."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self,
        org_id: UUID,
        url: str,
        event_types: list[str],
        secret: str,
        description: str | None,
        created_by: Creator,
    ) -> Subscription:
        subscription = Subscription(
            uuid4(), org_id, url, event_types, secret, description, datetime.now(UTC), created_by
        )
        await self.session.execute(
            insert(webhook_subscriptions).values(
                id=subscription.id,
                org_id=org_id,
                url=url,
                event_types=event_types,
                secret=secret,
                description=description,
                created_at=subscription.created_at,
                created_by=created_by.id,
                created_by_kind=created_by.kind.value,
            )
        )
        return subscription

    async def get(self, org_id: UUID, subscription_id: UUID) -> Subscription | None:
        row = (
            await self.session.execute(
                select(webhook_subscriptions).where(
                    webhook_subscriptions.c.id == subscription_id,
                    webhook_subscriptions.c.org_id == org_id,
                    webhook_subscriptions.c.deleted_at.is_(None),
                )
            )
        ).first()
        return _subscription(row) if row else None

    async def for_org(self, org_id: UUID) -> list[Subscription]:
        rows = await self.session.execute(
            select(webhook_subscriptions)
            .where(webhook_subscriptions.c.org_id == org_id, webhook_subscriptions.c.deleted_at.is_(None))
            .order_by(webhook_subscriptions.c.created_at.desc())
        )
        return [_subscription(row) for row in rows]

    async def delete(self, org_id: UUID, subscription_id: UUID) -> bool:
        result = await self.session.execute(
            update(webhook_subscriptions)
            .where(
                webhook_subscriptions.c.id == subscription_id,
                webhook_subscriptions.c.org_id == org_id,
                webhook_subscriptions.c.deleted_at.is_(None),
            )
            .values(deleted_at=datetime.now(UTC))
        )
        return bool(result.rowcount)

    async def active_for_org(self, org_id: UUID) -> list[Subscription]:
        return [s for s in await self.for_org(org_id) if s.disabled_at is None]

    async def disable_made_by(self, org_id: UUID, creators: list[Creator], reason: str) -> list[UUID]:
        """The enabled subscriptions these creators made stop; their pending deliveries are not sent."""
        if not creators:
            return []
        s = webhook_subscriptions
        made_by = or_(*(and_(s.c.created_by == c.id, s.c.created_by_kind == c.kind.value) for c in creators))
        disabled = await self.session.execute(
            update(s)
            .where(s.c.org_id == org_id, made_by, s.c.deleted_at.is_(None), s.c.disabled_at.is_(None))
            .values(disabled_at=datetime.now(UTC), disabled_reason=reason)
            .returning(s.c.id)
        )
        return list(disabled.scalars())

    async def enable(self, org_id: UUID, subscription_id: UUID, creator: Creator) -> bool:
        """Enabled again, with `creator` answering for it from now on."""
        s = webhook_subscriptions
        result = await self.session.execute(
            update(s)
            .where(s.c.id == subscription_id, s.c.org_id == org_id, s.c.deleted_at.is_(None))
            .values(disabled_at=None, disabled_reason=None, created_by=creator.id, created_by_kind=creator.kind.value)
        )
        return bool(result.rowcount)

    async def enqueue(self, subscription: Subscription, event_id: UUID, event_type: str, payload: bytes) -> None:
        """Once per (subscription, event): a redelivered event queues nothing new."""
        now = datetime.now(UTC)
        await self.session.execute(
            insert_on_conflict(self.session, webhook_deliveries)
            .values(
                id=uuid4(),
                subscription_id=subscription.id,
                org_id=subscription.org_id,
                event_id=event_id,
                event_type=event_type,
                payload=payload,
                state="pending",
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["subscription_id", "event_id"])
        )

    async def deliveries(
        self, subscription_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
    ) -> list[Delivery]:
        query = select(webhook_deliveries).where(webhook_deliveries.c.subscription_id == subscription_id)
        if after is not None:
            created_at, last_id = after
            query = query.where(
                or_(
                    webhook_deliveries.c.created_at < created_at,
                    and_(webhook_deliveries.c.created_at == created_at, webhook_deliveries.c.id < last_id),
                )
            )
        query = query.order_by(webhook_deliveries.c.created_at.desc(), webhook_deliveries.c.id.desc()).limit(limit)
        return [_delivery(row) for row in await self.session.execute(query)]

    async def delivery(self, subscription_id: UUID, delivery_id: UUID) -> Delivery | None:
        row = (
            await self.session.execute(
                select(webhook_deliveries).where(
                    webhook_deliveries.c.id == delivery_id, webhook_deliveries.c.subscription_id == subscription_id
                )
            )
        ).first()
        return _delivery(row) if row else None

    async def requeue(self, delivery_id: UUID) -> None:
        """A replay: the delivery gets a fresh set of attempts, starting now."""
        await self.session.execute(
            update(webhook_deliveries)
            .where(webhook_deliveries.c.id == delivery_id)
            .values(state="pending", attempts=0, next_attempt_at=datetime.now(UTC), delivered_at=None)
        )

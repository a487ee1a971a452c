"""Orders from partner shops and their refunds and cancellations."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.sql import insert_for
from metrics.adapters.tables import conversion_adjustments, conversions
from metrics.domain.conversions import Entry, EntryKind
from metrics.domain.records import ConversionRecord


def _record(row: Row[Any]) -> ConversionRecord:
    return ConversionRecord(
        id=row.id,
        tenant_id=row.tenant_id,
        order_id=row.order_id,
        amount_minor=row.amount_minor,
        currency=row.currency,
        occurred_at=row.occurred_at,
        received_at=row.received_at,
        click_id=row.click_id,
        promo_code=row.promo_code,
        method=row.method,
        reason=row.reason,
        campaign_id=row.campaign_id,
        partnership_id=row.partnership_id,
        influencer_id=row.influencer_id,
        link_id=row.link_id,
        deliverable_id=row.deliverable_id,
        net_minor=row.net_minor,
        cancelled=row.cancelled,
    )


def _adjustment(row: Row[Any], currency: str) -> Entry:
    return Entry(
        row.id, row.conversion_id, EntryKind(row.kind), row.adjustment_id, row.amount_minor, currency, row.occurred_at
    )


class ConversionRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add_order(self, record: ConversionRecord) -> bool:
        """False when the org has an order of this id already (maybe added a moment ago by
        another request): the caller compares with it."""
        values = {name: getattr(record, name) for name in ConversionRecord.__dataclass_fields__}
        statement = insert_for(self.session, conversions).values(values)
        statement = statement.on_conflict_do_nothing(index_elements=["tenant_id", "order_id"])
        return bool((await self.session.execute(statement)).rowcount)

    async def orders(self, order_ids: Sequence[str]) -> dict[str, tuple[ConversionRecord, list[Entry]]]:
        """The org's orders of these ids, locked until the transaction ends, with their adjustments."""
        if not order_ids:
            return {}
        c = conversions.c
        rows = (
            await self.session.execute(
                select(conversions)
                .where(c.tenant_id == self.tenant_id, c.order_id.in_(sorted(set(order_ids))))
                .order_by(c.order_id)
                .with_for_update()
            )
        ).all()
        found = {row.order_id: (_record(row), []) for row in rows}
        by_id = {record.id: (record, entries) for record, entries in found.values()}
        if by_id:
            a = conversion_adjustments.c
            adjustments = await self.session.execute(
                select(conversion_adjustments).where(a.conversion_id.in_(list(by_id))).order_by(a.received_at, a.id)
            )
            for row in adjustments:
                record, entries = by_id[row.conversion_id]
                entries.append(_adjustment(row, record.currency))
        return found

    async def add_adjustment(self, entry: Entry, received_at: datetime) -> bool:
        statement = insert_for(self.session, conversion_adjustments).values(
            id=entry.id,
            tenant_id=self.tenant_id,
            conversion_id=entry.conversion_id,
            adjustment_id=entry.adjustment_id,
            kind=entry.kind.value,
            amount_minor=entry.amount_minor,
            occurred_at=entry.occurred_at,
            received_at=received_at,
        )
        statement = statement.on_conflict_do_nothing(index_elements=["conversion_id", "adjustment_id"])
        return bool((await self.session.execute(statement)).rowcount)

    async def set_net(self, conversion_id: UUID, net_minor: int, cancelled: bool) -> None:
        await self.session.execute(
            update(conversions)
            .where(conversions.c.id == conversion_id, conversions.c.tenant_id == self.tenant_id)
            .values(net_minor=net_minor, cancelled=cancelled)
        )

    async def get(self, conversion_id: UUID) -> tuple[ConversionRecord, list[Entry]] | None:
        c = conversions.c
        row = (
            await self.session.execute(select(conversions).where(c.id == conversion_id, c.tenant_id == self.tenant_id))
        ).first()
        if row is None:
            return None
        record = _record(row)
        a = conversion_adjustments.c
        adjustments = await self.session.execute(
            select(conversion_adjustments).where(a.conversion_id == record.id).order_by(a.received_at, a.id)
        )
        return record, [_adjustment(adj, record.currency) for adj in adjustments]

    async def page(
        self,
        *,
        limit: int,
        after: tuple[datetime, UUID] | None,
        attributed: bool | None = None,
        campaign_id: UUID | None = None,
        partnership_id: UUID | None = None,
    ) -> Sequence[ConversionRecord]:
        """Newest received first."""
        c = conversions.c
        query = select(conversions).where(c.tenant_id == self.tenant_id)
        if attributed is not None:
            query = query.where(c.partnership_id.is_not(None) if attributed else c.partnership_id.is_(None))
        if campaign_id is not None:
            query = query.where(c.campaign_id == campaign_id)
        if partnership_id is not None:
            query = query.where(c.partnership_id == partnership_id)
        if after is not None:
            received_at, last_id = after
            query = query.where(or_(c.received_at < received_at, (c.received_at == received_at) & (c.id < last_id)))
        rows = await self.session.execute(query.order_by(c.received_at.desc(), c.id.desc()).limit(limit))
        return [_record(row) for row in rows]

    async def of_scope(
        self, *, campaign_id: UUID | None = None, partnership_ids: Sequence[UUID] | None = None
    ) -> list[tuple[ConversionRecord, list[Entry]]]:
        """The attributed orders of a campaign or of some partnerships, with their adjustments."""
        c = conversions.c
        query = select(conversions).where(c.tenant_id == self.tenant_id, c.partnership_id.is_not(None))
        if campaign_id is not None:
            query = query.where(c.campaign_id == campaign_id)
        if partnership_ids is not None:
            query = query.where(c.partnership_id.in_(partnership_ids))
        records = {row.id: (_record(row), []) for row in await self.session.execute(query)}
        if records:
            a = conversion_adjustments.c
            # An org's adjustments of these orders (one query: the orders of one scope are few).
            rows = await self.session.execute(
                select(conversion_adjustments).where(a.tenant_id == self.tenant_id, a.conversion_id.in_(list(records)))
            )
            for row in rows:
                record, entries = records[row.conversion_id]
                entries.append(_adjustment(row, record.currency))
        return list(records.values())

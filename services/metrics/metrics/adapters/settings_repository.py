"""What an org sets in metrics: exchange rates, earned-media values, a campaign's attribution window."""

import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from metrics.adapters.sql import insert_for
from metrics.adapters.tables import campaign_settings, emv_values, exchange_rates
from metrics.domain.measurement import EmvValues
from metrics.domain.money import ExchangeRate


def _rate(row: Row[Any]) -> ExchangeRate:
    return ExchangeRate(row.id, row.base, row.quote, Decimal(row.rate).normalize(), row.valid_on)


class SettingsRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add_rate(self, rate: ExchangeRate, at: datetime) -> bool:
        """False when the org has a rate for this pair and day already."""
        statement = insert_for(self.session, exchange_rates).values(
            id=rate.id,
            tenant_id=self.tenant_id,
            base=rate.base,
            quote=rate.quote,
            rate=rate.rate,
            valid_on=rate.valid_on,
            created_at=at,
        )
        statement = statement.on_conflict_do_nothing(index_elements=["tenant_id", "base", "quote", "valid_on"])
        return bool((await self.session.execute(statement)).rowcount)

    async def rate_on(self, base: str, quote: str, valid_on: date) -> ExchangeRate | None:
        t = exchange_rates.c
        row = (
            await self.session.execute(
                select(exchange_rates).where(
                    t.tenant_id == self.tenant_id, t.base == base, t.quote == quote, t.valid_on == valid_on
                )
            )
        ).first()
        return _rate(row) if row is not None else None

    async def rate(self, rate_id: UUID) -> ExchangeRate | None:
        t = exchange_rates.c
        row = (
            await self.session.execute(select(exchange_rates).where(t.id == rate_id, t.tenant_id == self.tenant_id))
        ).first()
        return _rate(row) if row is not None else None

    async def rates(self) -> list[ExchangeRate]:
        t = exchange_rates.c
        rows = await self.session.execute(select(exchange_rates).where(t.tenant_id == self.tenant_id))
        return [_rate(row) for row in rows]

    async def rate_page(
        self, *, limit: int, after: tuple[str, str, str, str] | None, base: str | None, quote: str | None
    ) -> Sequence[ExchangeRate]:
        """By pair, then newest day first."""
        t = exchange_rates.c
        query = select(exchange_rates).where(t.tenant_id == self.tenant_id)
        if base is not None:
            query = query.where(t.base == base)
        if quote is not None:
            query = query.where(t.quote == quote)
        if after is not None:
            a_base, a_quote, a_day, a_id = after
            pair = t.base + t.quote
            query = query.where(
                or_(
                    pair > a_base + a_quote,
                    (pair == a_base + a_quote) & (t.valid_on < date.fromisoformat(a_day)),
                    (pair == a_base + a_quote) & (t.valid_on == date.fromisoformat(a_day)) & (t.id > UUID(a_id)),
                )
            )
        rows = await self.session.execute(query.order_by(t.base, t.quote, t.valid_on.desc(), t.id).limit(limit))
        return [_rate(row) for row in rows]

    async def remove_rate(self, rate_id: UUID) -> None:
        t = exchange_rates.c
        await self.session.execute(delete(exchange_rates).where(t.id == rate_id, t.tenant_id == self.tenant_id))

    async def emv(self) -> EmvValues | None:
        t = emv_values.c
        row = (await self.session.execute(select(emv_values).where(t.tenant_id == self.tenant_id))).first()
        return EmvValues(row.currency, json.loads(row.per_mille_minor)) if row is not None else None

    async def set_emv(self, values: EmvValues, at: datetime) -> None:
        statement = insert_for(self.session, emv_values).values(
            tenant_id=self.tenant_id,
            currency=values.currency,
            per_mille_minor=json.dumps(dict(values.per_mille_minor), sort_keys=True),
            updated_at=at,
        )
        statement = statement.on_conflict_do_update(
            index_elements=["tenant_id"],
            set_={k: statement.excluded[k] for k in ("currency", "per_mille_minor", "updated_at")},
        )
        await self.session.execute(statement)

    async def attribution_window(self, campaign_id: UUID) -> int | None:
        t = campaign_settings.c
        found: int | None = await self.session.scalar(
            select(t.attribution_window_days).where(t.campaign_id == campaign_id, t.tenant_id == self.tenant_id)
        )
        return found

    async def windows(self, campaign_ids: Sequence[UUID]) -> dict[UUID, int]:
        if not campaign_ids:
            return {}
        t = campaign_settings.c
        rows = await self.session.execute(
            select(t.campaign_id, t.attribution_window_days).where(
                t.tenant_id == self.tenant_id, t.campaign_id.in_(campaign_ids)
            )
        )
        return {campaign_id: days for campaign_id, days in rows}

    async def set_attribution_window(self, campaign_id: UUID, days: int, at: datetime) -> None:
        statement = insert_for(self.session, campaign_settings).values(
            campaign_id=campaign_id, tenant_id=self.tenant_id, attribution_window_days=days, updated_at=at
        )
        statement = statement.on_conflict_do_update(
            index_elements=["campaign_id"],
            set_={"attribution_window_days": statement.excluded.attribution_window_days, "updated_at": at},
        )
        await self.session.execute(statement)

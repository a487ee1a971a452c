"""The campaigns a service learns from partnerships' events, for every service that needs to know
whose a campaign is and how it stands (discovery, metrics, content):

    campaigns = campaign_directory(metadata)             # adapters/tables.py (+ a migration)
    follow_campaigns(handlers, campaigns)                # adapters/event_handlers.py
    self.campaigns = CampaignDirectory(session, tenant_id, campaigns)   # the unit of work

How each event is folded in, in whatever order they arrive, is servicekit.campaigns.fold_campaign.
"""

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import BigInteger, Column, Date, Index, MetaData, Row, String, Table, Uuid, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from contracts import CampaignState, Money, Objective
from contracts.events.partnerships import (
    CampaignCancelled,
    CampaignCompleted,
    CampaignCreated,
    CampaignLaunched,
    CampaignUpdated,
)
from servicekit.campaigns import CampaignDetails, CampaignNews, KnownCampaign, fold_campaign
from servicekit.db import UtcDateTime
from servicekit.handlers import EventHandlers, Received
from servicekit.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


def campaign_directory(metadata: MetaData, name: str = "campaigns") -> Table:
    """The table, in a service's metadata. Its columns are those the first directories (discovery's
    and metrics') had, so they kept their data: `name` is NOT NULL there, '' until known."""
    return Table(
        name,
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("tenant_id", Uuid, nullable=False),
        Column("name", String(200), nullable=False),
        Column("state", String(16), nullable=False),
        Column("objective", String(32), nullable=True),
        Column("currency", String(3), nullable=True),
        Column("budget_minor", BigInteger, nullable=True),
        Column("starts_on", Date, nullable=True),
        Column("ends_on", Date, nullable=True),
        Column("created_at", UtcDateTime(), nullable=True),
        Column("updated_at", UtcDateTime(), nullable=False),
        Column("details_at", UtcDateTime(), nullable=True),
        Index(f"ix_{name}_tenant_id_id", "tenant_id", "id"),
    )


def _known(row: Row[Any]) -> KnownCampaign:
    budget = None
    if row.budget_minor is not None and row.currency is not None:
        budget = Money(amount_minor=row.budget_minor, currency=row.currency)
    return KnownCampaign(
        id=row.id,
        tenant_id=row.tenant_id,
        state=CampaignState(row.state),
        name=row.name or None,
        objective=Objective(row.objective) if row.objective is not None else None,
        budget=budget,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        created_at=row.created_at,
        updated_at=row.updated_at,
        details_at=row.details_at,
    )


def _row(known: KnownCampaign) -> dict[str, Any]:
    return {
        "id": known.id,
        "tenant_id": known.tenant_id,
        "name": known.name or "",
        "state": known.state.value,
        "objective": known.objective.value if known.objective is not None else None,
        "currency": known.budget.currency if known.budget is not None else None,
        "budget_minor": known.budget.amount_minor if known.budget is not None else None,
        "starts_on": known.starts_on,
        "ends_on": known.ends_on,
        "created_at": known.created_at,
        "updated_at": known.updated_at,
        "details_at": known.details_at,
    }


class CampaignDirectory:
    """The campaigns of one org; another org's campaign is not found."""

    def __init__(self, session: AsyncSession, tenant_id: UUID, table: Table) -> None:
        self.session = session
        self.tenant_id = tenant_id
        self.table = table

    async def get(self, campaign_id: UUID) -> KnownCampaign | None:
        t = self.table
        row = (
            await self.session.execute(select(t).where(t.c.id == campaign_id, t.c.tenant_id == self.tenant_id))
        ).first()
        return _known(row) if row is not None else None

    async def list(
        self, *, limit: int, after: UUID | None = None, state: CampaignState | None = None
    ) -> Sequence[KnownCampaign]:
        """By id, from the one after `after`."""
        t = self.table
        query = select(t).where(t.c.tenant_id == self.tenant_id)
        if after is not None:
            query = query.where(t.c.id > after)
        if state is not None:
            query = query.where(t.c.state == state.value)
        rows = await self.session.execute(query.order_by(t.c.id).limit(limit))
        return [_known(row) for row in rows]

    async def record(self, news: CampaignNews) -> None:
        """Folds one event of this org's campaign in (the row is locked while it is)."""
        t = self.table
        row = (await self.session.execute(select(t).where(t.c.id == news.campaign_id).with_for_update())).first()
        known = _known(row) if row is not None else None
        if known is not None and known.tenant_id != news.tenant_id:
            log.warning("campaign %s is another org's: an event of org %s ignored", news.campaign_id, news.tenant_id)
            return
        folded = fold_campaign(known, news)
        if known is None:
            await self.session.execute(insert(t).values(_row(folded)))
        elif folded != known:
            await self.session.execute(update(t).where(t.c.id == folded.id).values(_row(folded)))


KpiTargetsHook = Callable[[Any, UUID, dict[str, float] | None, datetime], Awaitable[None]]


def follow_campaigns(handlers: EventHandlers[Any], table: Table, *, on_kpis: KpiTargetsHook | None = None) -> None:
    """Registers the handlers that keep `table` (a campaign_directory) up to date. `on_kpis(uow,
    campaign_id, kpis, at)` is also given the KPI targets campaign.created and .updated carry
    (None: not told), for a service that paces against them (metrics)."""

    async def record(
        uow: UnitOfWork,
        campaign_id: UUID,
        at: datetime,
        state: CampaignState,
        details: CampaignDetails | None = None,
        *,
        created: bool = False,
    ) -> None:
        news = CampaignNews(campaign_id, uow.tenant_id, at, state, details, created)
        await CampaignDirectory(uow.session, uow.tenant_id, table).record(news)

    @handlers.on(CampaignCreated)
    async def campaign_created(uow: UnitOfWork, event: Received[CampaignCreated]) -> None:
        d = event.data
        details = CampaignDetails(d.name, d.objective, d.budget, d.starts_on, d.ends_on)
        await record(uow, d.campaign_id, event.time, CampaignState.DRAFT, details, created=True)
        if on_kpis is not None:
            await on_kpis(uow, d.campaign_id, d.kpis, event.time)

    @handlers.on(CampaignUpdated)
    async def campaign_updated(uow: UnitOfWork, event: Received[CampaignUpdated]) -> None:
        d = event.data
        details = CampaignDetails(d.name, d.objective, d.budget, d.starts_on, d.ends_on)
        await record(uow, d.campaign_id, event.time, d.state, details)
        if on_kpis is not None:
            await on_kpis(uow, d.campaign_id, d.kpis, event.time)

    # A launch carries the budget and dates too, as the last created or updated event told them.
    @handlers.on(CampaignLaunched)
    async def campaign_launched(uow: UnitOfWork, event: Received[CampaignLaunched]) -> None:
        await record(uow, event.data.campaign_id, event.time, CampaignState.ACTIVE)

    @handlers.on(CampaignCompleted)
    async def campaign_completed(uow: UnitOfWork, event: Received[CampaignCompleted]) -> None:
        await record(uow, event.data.campaign_id, event.time, CampaignState.COMPLETED)

    @handlers.on(CampaignCancelled)
    async def campaign_cancelled(uow: UnitOfWork, event: Received[CampaignCancelled]) -> None:
        await record(uow, event.data.campaign_id, event.time, CampaignState.CANCELLED)

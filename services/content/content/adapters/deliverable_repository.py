"""Deliverables and briefs in SQL. Deliverables are found by id whatever the tenant (a creator
reaches them from an org of its own; the domain decides who may see one); briefs are the tenant's."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from content.adapters.tables import briefs, deliverables
from content.application.ports import Cursor, DeliverableFilter
from content.domain.access import Visibility
from content.domain.briefs import Brief, BriefContent
from content.domain.deliverables import OPEN_STATES, Deliverable, DeliverableState, UsageRights
from contracts import CollaborationType, FeeKind

_OPEN = [s.value for s in OPEN_STATES]


def _rights(value: Any) -> UsageRights | None:
    if not value:
        return None
    return UsageRights(tuple(value["channels"]), int(value["duration_days"]))


def _deliverable(row: Row[Any]) -> Deliverable:
    return Deliverable(
        id=row.id,
        tenant_id=row.tenant_id,
        campaign_id=row.campaign_id,
        partnership_id=row.partnership_id,
        influencer_id=row.influencer_id,
        line_index=row.line_index,
        unit_index=row.unit_index,
        type=row.type,
        platform=row.platform,
        due_on=row.due_on,
        collaboration_type=CollaborationType(row.collaboration_type),
        fee_kind=FeeKind(row.fee_kind) if row.fee_kind else None,
        currency=row.currency,
        usage_rights=_rights(row.usage_rights),
        created_at=row.created_at,
        updated_at=row.updated_at,
        state=DeliverableState(row.state),
        brief_overrides=dict(row.brief_overrides or {}),
        submissions=row.submissions,
        current_submission_id=row.current_submission_id,
        approved_submission_id=row.approved_submission_id,
        scheduled_for=row.scheduled_for,
        post_id=row.post_id,
        published_at=row.published_at,
        overdue_at=row.overdue_at,
        cancelled_reason=row.cancelled_reason,
    )


def _changing(d: Deliverable) -> dict[str, Any]:
    return {
        "state": d.state.value,
        "brief_overrides": d.brief_overrides,
        "submissions": d.submissions,
        "current_submission_id": d.current_submission_id,
        "approved_submission_id": d.approved_submission_id,
        "scheduled_for": d.scheduled_for,
        "post_id": d.post_id,
        "published_at": d.published_at,
        "cancelled_reason": d.cancelled_reason,
        "updated_at": d.updated_at,
    }


class DeliverableRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, deliverable_id: UUID, *, for_update: bool = False) -> Deliverable | None:
        query = select(deliverables).where(deliverables.c.id == deliverable_id)
        if for_update:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        return _deliverable(row) if row is not None else None

    async def add(self, d: Deliverable) -> bool:
        """False when this unit of this partnership already has its deliverable."""
        if await self.get(d.id, for_update=True) is not None:
            return False
        await self.session.execute(
            insert(deliverables).values(
                id=d.id,
                tenant_id=d.tenant_id,
                campaign_id=d.campaign_id,
                partnership_id=d.partnership_id,
                influencer_id=d.influencer_id,
                line_index=d.line_index,
                unit_index=d.unit_index,
                type=d.type,
                platform=d.platform,
                due_on=d.due_on,
                collaboration_type=d.collaboration_type.value,
                fee_kind=d.fee_kind.value if d.fee_kind else None,
                currency=d.currency,
                usage_rights=(
                    {"channels": list(d.usage_rights.channels), "duration_days": d.usage_rights.duration_days}
                    if d.usage_rights
                    else None
                ),
                created_at=d.created_at,
                overdue_at=d.overdue_at,
                **_changing(d),
            )
        )
        return True

    async def save(self, d: Deliverable) -> None:
        await self.session.execute(update(deliverables).where(deliverables.c.id == d.id).values(**_changing(d)))

    async def of_partnership(self, partnership_id: UUID, *, for_update: bool = False) -> list[Deliverable]:
        query = (
            select(deliverables)
            .where(deliverables.c.partnership_id == partnership_id)
            .order_by(deliverables.c.line_index, deliverables.c.unit_index)
        )
        if for_update:
            query = query.with_for_update()
        return [_deliverable(row) for row in await self.session.execute(query)]

    async def list(
        self, visibility: Visibility, where: DeliverableFilter, *, limit: int, after: Cursor | None
    ) -> Sequence[Deliverable]:
        t = deliverables
        query = select(t)
        if visibility.tenant_id is not None:
            query = query.where(t.c.tenant_id == visibility.tenant_id)
        else:
            query = query.where(t.c.influencer_id == visibility.influencer_id)
        if where.campaign_id is not None:
            query = query.where(t.c.campaign_id == where.campaign_id)
        if where.partnership_id is not None:
            query = query.where(t.c.partnership_id == where.partnership_id)
        if where.state is not None:
            query = query.where(t.c.state == where.state.value)
        if where.platform is not None:
            query = query.where(t.c.platform == where.platform)
        if where.due_before is not None:
            query = query.where(t.c.due_on < where.due_before)
        if where.overdue_on is not None:
            query = query.where(t.c.due_on < where.overdue_on, t.c.state.in_(_OPEN))
        if after is not None:
            created_at, last_id = after
            query = query.where(or_(t.c.created_at < created_at, and_(t.c.created_at == created_at, t.c.id < last_id)))
        query = query.order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit)
        return [_deliverable(row) for row in await self.session.execute(query)]

    async def claim_overdue(self, deliverable_id: UUID, now: datetime) -> bool:
        result = await self.session.execute(
            update(deliverables)
            .where(deliverables.c.id == deliverable_id, deliverables.c.overdue_at.is_(None))
            .values(overdue_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def overdue_candidates(self, today: Any, limit: int) -> Sequence[UUID]:
        """Deliverables of every org whose due date passed, open, not yet told overdue."""
        t = deliverables
        rows = await self.session.execute(
            select(t.c.id)
            .where(t.c.due_on < today, t.c.overdue_at.is_(None), t.c.state.in_(_OPEN))
            .order_by(t.c.due_on, t.c.id)
            .limit(limit)
        )
        return [row.id for row in rows]


def _brief(row: Row[Any]) -> Brief:
    return Brief(
        id=row.id,
        tenant_id=row.tenant_id,
        campaign_id=row.campaign_id,
        version=row.version,
        content=BriefContent.from_document(row.content),
        created_at=row.created_at,
        created_by=row.created_by,
    )


class BriefRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    def _mine(self) -> Any:
        return select(briefs).where(briefs.c.tenant_id == self.tenant_id)

    async def latest(self, campaign_id: UUID) -> Brief | None:
        row = (
            await self.session.execute(
                self._mine().where(briefs.c.campaign_id == campaign_id).order_by(briefs.c.version.desc()).limit(1)
            )
        ).first()
        return _brief(row) if row is not None else None

    async def version(self, campaign_id: UUID, version: int) -> Brief | None:
        row = (
            await self.session.execute(
                self._mine().where(briefs.c.campaign_id == campaign_id, briefs.c.version == version)
            )
        ).first()
        return _brief(row) if row is not None else None

    async def get(self, brief_id: UUID) -> Brief | None:
        row = (await self.session.execute(select(briefs).where(briefs.c.id == brief_id))).first()
        return _brief(row) if row is not None else None

    async def add(self, brief: Brief) -> None:
        await self.session.execute(
            insert(briefs).values(
                id=brief.id,
                tenant_id=brief.tenant_id,
                campaign_id=brief.campaign_id,
                version=brief.version,
                content=brief.content.to_document(),
                created_at=brief.created_at,
                created_by=brief.created_by,
            )
        )

    async def versions(self, campaign_id: UUID, *, limit: int, after: Cursor | None) -> Sequence[Brief]:
        query = self._mine().where(briefs.c.campaign_id == campaign_id)
        if after is not None:
            query = query.where(briefs.c.created_at < after[0])
        rows = await self.session.execute(query.order_by(briefs.c.version.desc()).limit(limit))
        return [_brief(row) for row in rows]

    async def count(self, campaign_id: UUID) -> int:
        found = await self.session.scalar(
            select(func.count()).select_from(briefs).where(briefs.c.campaign_id == campaign_id)
        )
        return int(found or 0)

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, Select, Table, and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from partnerships.adapters.tables import (
    deliverable_progress,
    partnership_history,
    partnership_signatures,
    partnership_terms,
    partnerships,
)
from partnerships.domain.access import Visibility
from partnerships.domain.budget import Allocation
from partnerships.domain.negotiation import OPEN_STATES, PartnershipState, Party
from partnerships.domain.partnerships import (
    HistoryEntry,
    InfluencerProfile,
    Origin,
    Partnership,
    Signature,
    TermsVersion,
)
from partnerships.domain.payments import DeliverableMark, DeliverableStage
from partnerships.domain.terms import Terms
from servicekit.db import insert_on_conflict
from servicekit.rows import from_row, row_of

_OPEN = [state.value for state in OPEN_STATES]
_current_terms = and_(
    partnership_terms.c.partnership_id == partnerships.c.id,
    partnership_terms.c.version == partnerships.c.terms_version,
)


# By hand, unlike servicekit.rows' field-per-column records: the influencer and the allocation are
# three columns each, and the current terms version comes joined to the row.
def _row(partnership: Partnership) -> dict[str, Any]:
    return {
        "id": partnership.id,
        "tenant_id": partnership.tenant_id,
        "campaign_id": partnership.campaign_id,
        "influencer_id": partnership.influencer_id,
        "influencer_platform": partnership.influencer.platform,
        "influencer_handle": partnership.influencer.handle,
        "influencer_name": partnership.influencer.display_name,
        "state": partnership.state.value,
        "origin": partnership.origin.value,
        "terms_version": partnership.terms_version,
        "reserved_minor": partnership.allocation.reserved,
        "committed_minor": partnership.allocation.committed,
        "paid_minor": partnership.allocation.paid,
        "contacted_at": partnership.contacted_at,
        "signed_at": partnership.signed_at,
        "created_at": partnership.created_at,
        "updated_at": partnership.updated_at,
    }


def _version(row: Row[Any]) -> TermsVersion:
    return TermsVersion(
        version=row.version,
        terms=Terms.from_document(row.document),
        terms_hash=row.terms_hash,
        author=Party(row.author),
        author_user_id=row.author_user_id,
        created_at=row.terms_created_at,
    )


def _from_row(row: Row[Any], signatures: list[Signature]) -> Partnership:
    return Partnership(
        id=row.id,
        tenant_id=row.tenant_id,
        campaign_id=row.campaign_id,
        influencer_id=row.influencer_id,
        state=PartnershipState(row.state),
        origin=Origin(row.origin),
        influencer=InfluencerProfile(
            platform=row.influencer_platform, handle=row.influencer_handle, display_name=row.influencer_name
        ),
        current=_version(row) if row.document is not None else None,
        signatures=signatures,
        allocation=Allocation(reserved=row.reserved_minor, committed=row.committed_minor, paid=row.paid_minor),
        contacted_at=row.contacted_at,
        signed_at=row.signed_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _with_current_terms() -> Select[Any]:
    t = partnership_terms.c
    return select(
        partnerships,
        t.version,
        t.document,
        t.terms_hash,
        t.author,
        t.author_user_id,
        t.created_at.label("terms_created_at"),
    ).outerjoin(partnership_terms, _current_terms)


class PartnershipRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, partnership: Partnership) -> None:
        await self.session.execute(insert(partnerships).values(_row(partnership)))
        await self._write_unsaved(partnership)

    async def get(self, partnership_id: UUID, *, for_update: bool = False) -> Partnership | None:
        """One statement: the row, its current terms, and a row per signature on them (0-2)."""
        s = partnership_signatures.c
        query = (
            _with_current_terms()
            .add_columns(
                s.party.label("signature_party"),
                s.user_id.label("signature_user_id"),
                s.terms_hash.label("signature_hash"),
                s.signed_at.label("signature_at"),
            )
            .outerjoin(
                partnership_signatures,
                and_(s.partnership_id == partnerships.c.id, s.terms_version == partnerships.c.terms_version),
            )
            .where(partnerships.c.id == partnership_id)
        )
        if for_update:
            query = query.with_for_update(of=partnerships)
        rows = (await self.session.execute(query)).all()
        if not rows:
            return None
        signatures = [
            Signature(
                terms_version=row.terms_version,
                party=Party(row.signature_party),
                user_id=row.signature_user_id,
                terms_hash=row.signature_hash,
                signed_at=row.signature_at,
            )
            for row in rows
            if row.signature_party is not None
        ]
        return _from_row(rows[0], signatures)

    async def save(self, partnership: Partnership) -> None:
        await self.session.execute(
            update(partnerships).where(partnerships.c.id == partnership.id).values(_row(partnership))
        )
        await self._write_unsaved(partnership)

    async def open_for(self, campaign_id: UUID, influencer_id: UUID) -> Partnership | None:
        query = _with_current_terms().where(
            partnerships.c.campaign_id == campaign_id,
            partnerships.c.influencer_id == influencer_id,
            partnerships.c.state.in_(_OPEN),
        )
        row = (await self.session.execute(query)).first()
        return (await self._hydrate([row]))[0] if row else None

    async def list_open(self, campaign_id: UUID, *, for_update: bool = False) -> Sequence[Partnership]:
        query = (
            _with_current_terms()
            .where(partnerships.c.campaign_id == campaign_id, partnerships.c.state.in_(_OPEN))
            .order_by(partnerships.c.created_at, partnerships.c.id)
        )
        if for_update:
            query = query.with_for_update(of=partnerships)
        return await self._hydrate((await self.session.execute(query)).all())

    async def list(
        self,
        visible: Visibility,
        *,
        limit: int,
        after: tuple[datetime, UUID] | None = None,
        campaign_id: UUID | None = None,
        state: PartnershipState | None = None,
    ) -> Sequence[Partnership]:
        """Newest first, keyset-paginated on (created_at, id)."""
        p = partnerships.c
        query = _with_current_terms()
        if visible.tenant_id is not None:
            query = query.where(p.tenant_id == visible.tenant_id)
        elif visible.influencer_id is not None:
            query = query.where(p.influencer_id == visible.influencer_id, p.contacted_at.is_not(None))
        else:
            return []
        if campaign_id is not None:
            query = query.where(p.campaign_id == campaign_id)
        if state is not None:
            query = query.where(p.state == state.value)
        if after is not None:
            created_at, last_id = after
            query = query.where(or_(p.created_at < created_at, and_(p.created_at == created_at, p.id < last_id)))
        query = query.order_by(p.created_at.desc(), p.id.desc()).limit(limit)
        return await self._hydrate((await self.session.execute(query)).all())

    async def versions(self, partnership_id: UUID) -> Sequence[TermsVersion]:
        t = partnership_terms.c
        rows = (
            await self.session.execute(
                select(
                    t.version,
                    t.document,
                    t.terms_hash,
                    t.author,
                    t.author_user_id,
                    t.created_at.label("terms_created_at"),
                )
                .where(t.partnership_id == partnership_id)
                .order_by(t.version)
            )
        ).all()
        return [_version(row) for row in rows]

    async def history(self, partnership_id: UUID) -> Sequence[HistoryEntry]:
        h = partnership_history.c
        rows = (
            await self.session.execute(
                select(partnership_history).where(h.partnership_id == partnership_id).order_by(h.id)
            )
        ).all()
        return [from_row(HistoryEntry, row) for row in rows]

    async def mark_contacted(self, partnership_id: UUID, at: datetime) -> None:
        await self.session.execute(
            update(partnerships)
            .where(partnerships.c.id == partnership_id, partnerships.c.contacted_at.is_(None))
            .values(contacted_at=at)
        )

    async def mark_deliverable(
        self, partnership_id: UUID, deliverable_id: UUID, stage: DeliverableStage, at: datetime
    ) -> None:
        d = deliverable_progress.c
        statement = insert_on_conflict(self.session, deliverable_progress).values(
            partnership_id=partnership_id,
            deliverable_id=deliverable_id,
            approved_at=at if stage is DeliverableStage.APPROVED else None,
            published_at=at if stage is DeliverableStage.PUBLISHED else None,
        )
        # The first time each stage was reached stays; a repeat changes nothing.
        statement = statement.on_conflict_do_update(
            index_elements=[d.partnership_id, d.deliverable_id],
            set_={
                "approved_at": func.coalesce(d.approved_at, statement.excluded.approved_at),
                "published_at": func.coalesce(d.published_at, statement.excluded.published_at),
            },
        )
        await self.session.execute(statement)

    async def deliverable_marks(self, partnership_id: UUID) -> Sequence[DeliverableMark]:
        d = deliverable_progress.c
        rows = (
            await self.session.execute(select(deliverable_progress).where(d.partnership_id == partnership_id))
        ).all()
        return [
            DeliverableMark(
                row.deliverable_id, approved=row.approved_at is not None, published=row.published_at is not None
            )
            for row in rows
        ]

    async def _hydrate(self, rows: Sequence[Row[Any]]) -> Sequence[Partnership]:
        """The rows as partnerships, with the signatures on each one's current terms version."""
        if not rows:
            return []
        s = partnership_signatures.c
        wanted = {(row.id, row.terms_version) for row in rows}
        signature_rows = (
            await self.session.execute(
                select(partnership_signatures).where(s.partnership_id.in_([row.id for row in rows]))
            )
        ).all()
        signatures: dict[UUID, list[Signature]] = {}
        for signature_row in signature_rows:
            if (signature_row.partnership_id, signature_row.terms_version) in wanted:
                signatures.setdefault(signature_row.partnership_id, []).append(from_row(Signature, signature_row))
        return [_from_row(row, signatures.get(row.id, [])) for row in rows]

    async def _write_unsaved(self, partnership: Partnership) -> None:
        rows: dict[Table, list[dict[str, Any]]] = {
            partnership_terms: [],
            partnership_signatures: [],
            partnership_history: [],
        }
        for item in partnership.drain_unsaved():
            if isinstance(item, TermsVersion):
                document = item.terms.to_document()
                rows[partnership_terms].append(
                    row_of(item, partnership_terms, partnership_id=partnership.id, document=document)
                )
            elif isinstance(item, Signature):
                rows[partnership_signatures].append(row_of(item, partnership_signatures, partnership_id=partnership.id))
            else:
                rows[partnership_history].append(row_of(item, partnership_history, partnership_id=partnership.id))
        for table, values in rows.items():
            if values:
                await self.session.execute(insert(table), values)

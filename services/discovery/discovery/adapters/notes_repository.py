from collections.abc import Sequence
from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.tables import influencer_notes, influencer_tags
from discovery.domain.notes import Note
from discovery.domain.profiles import now
from servicekit.rows import from_row, row_of


class NotesAndTagsRepository:
    """An org's notes and tags: every query is scoped to the org."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def tags(self, influencer_ids: Sequence[UUID]) -> dict[UUID, list[str]]:
        if not influencer_ids:
            return {}
        t = influencer_tags
        rows = await self.session.execute(
            select(t.c.influencer_id, t.c.tag)
            .where(t.c.tenant_id == self.tenant_id, t.c.influencer_id.in_(list(influencer_ids)))
            .order_by(t.c.tag)
        )
        found: dict[UUID, list[str]] = {}
        for row in rows:
            found.setdefault(row.influencer_id, []).append(row.tag)
        return found

    async def set_tags(self, influencer_id: UUID, tags: Sequence[str]) -> None:
        t = influencer_tags
        await self.session.execute(delete(t).where(t.c.tenant_id == self.tenant_id, t.c.influencer_id == influencer_id))
        if tags:
            await self.session.execute(
                insert(t), [{"tenant_id": self.tenant_id, "influencer_id": influencer_id, "tag": tag} for tag in tags]
            )

    async def add_note(self, influencer_id: UUID, text: str, author_id: UUID | None) -> Note:
        note = Note(id=uuid4(), influencer_id=influencer_id, text=text, author_id=author_id, created_at=now())
        await self.session.execute(
            insert(influencer_notes).values(row_of(note, influencer_notes, tenant_id=self.tenant_id))
        )
        return note

    async def notes(self, influencer_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None) -> Sequence[Note]:
        t = influencer_notes
        query = select(t).where(t.c.tenant_id == self.tenant_id, t.c.influencer_id == influencer_id)
        if after is not None:
            created_at, last_id = after
            query = query.where(or_(t.c.created_at < created_at, and_(t.c.created_at == created_at, t.c.id < last_id)))
        rows = await self.session.execute(query.order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit))
        return [from_row(Note, row) for row in rows]

    async def delete_note(self, influencer_id: UUID, note_id: UUID) -> bool:
        t = influencer_notes
        result = await self.session.execute(
            delete(t).where(t.c.tenant_id == self.tenant_id, t.c.influencer_id == influencer_id, t.c.id == note_id)
        )
        return bool(result.rowcount)

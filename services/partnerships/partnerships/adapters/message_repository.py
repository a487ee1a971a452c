from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from partnerships.adapters.tables import message_templates, messages
from partnerships.domain.messages import Message, MessageTemplate
from servicekit.errors import Conflict
from servicekit.rows import from_row, row_of


class MessageRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add(self, message: Message) -> None:
        await self.session.execute(insert(messages).values(row_of(message, messages)))

    async def list(
        self, partnership_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None = None
    ) -> Sequence[Message]:
        """Newest first, keyset-paginated on (created_at, id)."""
        m = messages.c
        query = select(messages).where(m.partnership_id == partnership_id, m.tenant_id == self.tenant_id)
        if after is not None:
            created_at, last_id = after
            query = query.where(or_(m.created_at < created_at, and_(m.created_at == created_at, m.id < last_id)))
        query = query.order_by(m.created_at.desc(), m.id.desc()).limit(limit)
        return [from_row(Message, row) for row in (await self.session.execute(query)).all()]


class TemplateRepository:
    """Scoped to one tenant: another tenant's template is simply not found."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    def _mine(self) -> Any:
        return message_templates.c.tenant_id == self.tenant_id

    async def add(self, template: MessageTemplate) -> None:
        try:
            await self.session.execute(insert(message_templates).values(row_of(template, message_templates)))
        except IntegrityError:
            # Two requests raced for the same name; the unique constraint decided.
            raise Conflict(f"a template named {template.name!r} exists", field="name") from None

    async def get(self, template_id: UUID) -> MessageTemplate | None:
        row = (
            await self.session.execute(
                select(message_templates).where(message_templates.c.id == template_id, self._mine())
            )
        ).first()
        return from_row(MessageTemplate, row) if row else None

    async def named(self, name: str) -> MessageTemplate | None:
        row = (
            await self.session.execute(select(message_templates).where(message_templates.c.name == name, self._mine()))
        ).first()
        return from_row(MessageTemplate, row) if row else None

    async def save(self, template: MessageTemplate) -> None:
        try:
            await self.session.execute(
                update(message_templates)
                .where(message_templates.c.id == template.id, self._mine())
                .values(name=template.name, body=template.body, updated_at=template.updated_at)
            )
        except IntegrityError:
            raise Conflict(f"a template named {template.name!r} exists", field="name") from None

    async def delete(self, template_id: UUID) -> None:
        await self.session.execute(delete(message_templates).where(message_templates.c.id == template_id, self._mine()))

    async def list(self, *, limit: int, after: tuple[datetime, UUID] | None = None) -> Sequence[MessageTemplate]:
        t = message_templates.c
        query = select(message_templates).where(self._mine())
        if after is not None:
            created_at, last_id = after
            query = query.where(or_(t.created_at < created_at, and_(t.created_at == created_at, t.id < last_id)))
        query = query.order_by(t.created_at.desc(), t.id.desc()).limit(limit)
        return [from_row(MessageTemplate, row) for row in (await self.session.execute(query)).all()]

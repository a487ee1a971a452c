from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from partnerships.adapters.tables import message_templates, messages
from partnerships.domain.messages import Message, MessageTemplate
from partnerships.domain.negotiation import Party
from servicekit.errors import Conflict


def _message(row: Row[Any]) -> Message:
    return Message(
        id=row.id,
        partnership_id=row.partnership_id,
        tenant_id=row.tenant_id,
        author=Party(row.author),
        author_user_id=row.author_user_id,
        body=row.body,
        template_id=row.template_id,
        created_at=row.created_at,
    )


def _template(row: Row[Any]) -> MessageTemplate:
    return MessageTemplate(
        id=row.id,
        tenant_id=row.tenant_id,
        name=row.name,
        body=row.body,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class MessageRepository:
    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    async def add(self, message: Message) -> None:
        await self.session.execute(
            insert(messages).values(
                id=message.id,
                tenant_id=message.tenant_id,
                partnership_id=message.partnership_id,
                author=message.author.value,
                author_user_id=message.author_user_id,
                body=message.body,
                template_id=message.template_id,
                created_at=message.created_at,
            )
        )

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
        return [_message(row) for row in (await self.session.execute(query)).all()]


class TemplateRepository:
    """Scoped to one tenant: another tenant's template is simply not found."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    def _mine(self) -> Any:
        return message_templates.c.tenant_id == self.tenant_id

    async def add(self, template: MessageTemplate) -> None:
        try:
            await self.session.execute(
                insert(message_templates).values(
                    id=template.id,
                    tenant_id=template.tenant_id,
                    name=template.name,
                    body=template.body,
                    created_at=template.created_at,
                    updated_at=template.updated_at,
                )
            )
        except IntegrityError:
            # Two requests raced for the same name; the unique constraint decided.
            raise Conflict(f"a template named {template.name!r} exists", field="name") from None

    async def get(self, template_id: UUID) -> MessageTemplate | None:
        row = (
            await self.session.execute(
                select(message_templates).where(message_templates.c.id == template_id, self._mine())
            )
        ).first()
        return _template(row) if row else None

    async def named(self, name: str) -> MessageTemplate | None:
        row = (
            await self.session.execute(select(message_templates).where(message_templates.c.name == name, self._mine()))
        ).first()
        return _template(row) if row else None

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
        return [_template(row) for row in (await self.session.execute(query)).all()]

"""Outreach and negotiation messages on a partnership, and the brand's message templates."""

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from contracts.events.partnerships import PartnershipMessagePosted
from partnerships.application.ports import Cursor, UnitOfWork
from partnerships.domain.access import Caller, actor_for, party_for
from partnerships.domain.messages import Message, MessageTemplate, check_template_body, render
from partnerships.domain.negotiation import Party
from servicekit.errors import Conflict, InvalidField, NotFound


async def post_message(
    uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, body: str | None, template_id: UUID | None
) -> Message:
    """A message from either side; a brand's first message on a draft is its outreach, from
    which on the creator sees the partnership."""
    if (body is None) == (template_id is None):
        raise InvalidField("body", "send either a body or a template_id")
    partnership = await uow.partnerships.get(partnership_id)
    if partnership is None:
        raise NotFound("partnership", partnership_id)
    actor = actor_for(caller, partnership)
    brand = uow.scoped_to(partnership.tenant_id)
    if template_id is not None:
        template = await uow.templates.get(template_id)
        if template is None:
            raise NotFound("message template", template_id)
        campaign = await brand.campaigns.get(partnership.campaign_id)
        assert campaign is not None
        body = render(template.body, campaign, partnership)
    assert body is not None
    now = datetime.now(UTC)
    message = Message(
        id=uuid4(),
        partnership_id=partnership.id,
        tenant_id=partnership.tenant_id,
        author=actor.party,
        author_user_id=actor.user_id,
        body=body,
        template_id=template_id,
        created_at=now,
    )
    await brand.messages.add(message)
    if actor.party is Party.BRAND and partnership.contacted_at is None:
        await brand.partnerships.mark_contacted(partnership.id, now)
    await brand.events.record(
        PartnershipMessagePosted(
            message_id=message.id,
            partnership_id=partnership.id,
            campaign_id=partnership.campaign_id,
            influencer_id=partnership.influencer_id,
            actor=actor.party.value,
            actor_user_id=actor.user_id,
        ),
        subject=partnership.id,
        key=partnership.campaign_id,
    )
    return message


async def list_messages(
    uow: UnitOfWork, caller: Caller, partnership_id: UUID, *, limit: int, after: Cursor | None
) -> Sequence[Message]:
    partnership = await uow.partnerships.get(partnership_id)
    if partnership is None:
        raise NotFound("partnership", partnership_id)
    party_for(caller, partnership)
    return await uow.scoped_to(partnership.tenant_id).messages.list(partnership_id, limit=limit, after=after)


async def create_template(uow: UnitOfWork, *, name: str, body: str) -> MessageTemplate:
    if await uow.templates.named(name) is not None:
        raise Conflict(f"a template named {name!r} exists", field="name")
    template = MessageTemplate.new(tenant_id=uow.tenant_id, name=name, body=body, now=datetime.now(UTC))
    await uow.templates.add(template)
    return template


async def get_template(uow: UnitOfWork, template_id: UUID) -> MessageTemplate:
    template = await uow.templates.get(template_id)
    if template is None:
        raise NotFound("message template", template_id)
    return template


async def update_template(uow: UnitOfWork, template_id: UUID, changes: Mapping[str, Any]) -> MessageTemplate:
    template = await get_template(uow, template_id)
    for field in ("name", "body"):
        if field in changes and changes[field] is None:
            raise InvalidField(field, "cannot be null")
    if "name" in changes and changes["name"] != template.name:
        if await uow.templates.named(changes["name"]) is not None:
            raise Conflict(f"a template named {changes['name']!r} exists", field="name")
        template.name = changes["name"]
    if "body" in changes:
        check_template_body(changes["body"])
        template.body = changes["body"]
    template.updated_at = datetime.now(UTC)
    await uow.templates.save(template)
    return template


async def delete_template(uow: UnitOfWork, template_id: UUID) -> None:
    await get_template(uow, template_id)
    await uow.templates.delete(template_id)


async def list_templates(uow: UnitOfWork, *, limit: int, after: Cursor | None) -> Sequence[MessageTemplate]:
    return await uow.templates.list(limit=limit, after=after)

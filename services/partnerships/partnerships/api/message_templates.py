"""The org's message templates (its own tenant's only)."""

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter, Response, status

from partnerships.api.dependencies import CanManage, CanRead, UnitOfWorkDep
from partnerships.api.partnership_schemas import TemplateCreate, TemplatePublic, TemplateUpdate
from partnerships.api.presenters import template_public
from partnerships.application import messages
from partnerships.domain.messages import MessageTemplate
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/message-templates", tags=["message templates"])


def _created(template: MessageTemplate) -> tuple[datetime, UUID]:
    return template.created_at, template.id


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[CanManage])
async def create_message_template(body: TemplateCreate, uow: UnitOfWorkDep, response: Response) -> TemplatePublic:
    """A template; its body may name influencer, campaign and partnership fields as {{ campaign.name }}."""
    template = await messages.create_template(uow, name=body.name, body=body.body)
    response.headers["Location"] = f"/api/v1/message-templates/{template.id}"
    return template_public(template)


@router.get("", dependencies=[CanRead])
async def list_message_templates(uow: UnitOfWorkDep, page: Pagination) -> Page[TemplatePublic]:
    """The org's templates, newest first."""
    found = await messages.list_templates(uow, limit=page.limit + 1, after=created_key(page))
    shown, next_cursor = page_by_created(found, page, _created)
    return Page(items=[template_public(t) for t in shown], next_cursor=next_cursor)


@router.get("/{template_id}", dependencies=[CanRead])
async def get_message_template(template_id: UUID, uow: UnitOfWorkDep) -> TemplatePublic:
    """One template."""
    return template_public(await messages.get_template(uow, template_id))


@router.patch("/{template_id}", dependencies=[CanManage])
async def update_message_template(template_id: UUID, body: TemplateUpdate, uow: UnitOfWorkDep) -> TemplatePublic:
    """Rename a template or change its body."""
    changes = body.model_dump(exclude_unset=True)
    return template_public(await messages.update_template(uow, template_id, changes))


@router.delete("/{template_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[CanManage])
async def delete_message_template(template_id: UUID, uow: UnitOfWorkDep) -> None:
    """Delete a template (messages already sent keep their text)."""
    await messages.delete_template(uow, template_id)

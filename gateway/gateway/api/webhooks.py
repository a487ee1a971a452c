"""The org's webhook subscriptions and their delivery log (application/webhooks.py)."""

from uuid import UUID

from fastapi import APIRouter, Request, Response, status

from gateway.api.dependencies import SHOWS_SECRET_ONCE, UnitOfWorkDep, WebhookAdmin, WebhookTargetsDep
from gateway.api.presenters import delivery_public, webhook_created, webhook_public
from gateway.api.webhook_schemas import DeliveryPublic, WebhookCreate, WebhookCreated, WebhookPublic
from gateway.application import webhooks
from servicekit.pagination import Page, Pagination, created_key, page_by_created

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[SHOWS_SECRET_ONCE])
async def create_webhook(
    body: WebhookCreate, caller: WebhookAdmin, uow: UnitOfWorkDep, targets: WebhookTargetsDep, response: Response
) -> WebhookCreated:
    """Subscribe a URL to event types; deliveries are signed with the returned secret."""
    subscription = await webhooks.subscribe(
        uow, targets, caller, url=body.url, event_types=body.event_types, description=body.description
    )
    response.headers["Location"] = f"/api/v1/webhooks/{subscription.id}"
    return webhook_created(subscription)


@router.get("")
async def list_webhooks(caller: WebhookAdmin, uow: UnitOfWorkDep) -> Page[WebhookPublic]:
    """The org's subscriptions."""
    return Page(items=[webhook_public(s) for s in await webhooks.subscriptions(uow, caller)])


@router.get("/{webhook_id}")
async def get_webhook(webhook_id: UUID, caller: WebhookAdmin, uow: UnitOfWorkDep) -> WebhookPublic:
    """One subscription."""
    return webhook_public(await webhooks.subscription(uow, caller, webhook_id))


@router.post("/{webhook_id}/enable")
async def enable_webhook(webhook_id: UUID, caller: WebhookAdmin, uow: UnitOfWorkDep) -> WebhookPublic:
    """Deliver again to a disabled subscription (for events from now on); the caller becomes its creator."""
    return webhook_public(await webhooks.enable(uow, caller, webhook_id))


@router.delete("/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_webhook(webhook_id: UUID, caller: WebhookAdmin, uow: UnitOfWorkDep) -> None:
    """Stop deliveries to this subscription."""
    await webhooks.unsubscribe(uow, caller, webhook_id)


@router.get("/{webhook_id}/deliveries")
async def list_deliveries(
    webhook_id: UUID, caller: WebhookAdmin, uow: UnitOfWorkDep, page: Pagination
) -> Page[DeliveryPublic]:
    """The delivery log, newest first: state, attempts, last status and error."""
    found = await webhooks.deliveries(uow, caller, webhook_id, limit=page.limit + 1, after=created_key(page))
    shown, cursor = page_by_created(found, page, lambda d: (d.created_at, d.id))
    return Page(items=[delivery_public(d) for d in shown], next_cursor=cursor)


@router.post("/{webhook_id}/deliveries/{delivery_id}/replay", status_code=status.HTTP_202_ACCEPTED)
async def replay_delivery(
    webhook_id: UUID, delivery_id: UUID, caller: WebhookAdmin, uow: UnitOfWorkDep, request: Request
) -> DeliveryPublic:
    """Send a delivery again (delivered or dead alike), with a fresh set of attempts."""
    wake = request.app.state.webhook_dispatcher.wake
    return delivery_public(await webhooks.replay(uow, caller, webhook_id, delivery_id, wake))

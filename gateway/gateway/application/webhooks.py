"""An org's webhook subscriptions and their delivery log."""

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from gateway.application.ports import UnitOfWork, WebhookTargets
from gateway.domain import webhooks
from gateway.domain.identity import Principal
from gateway.domain.webhooks import Creator, CreatorKind, Delivery, Subscription
from servicekit.errors import InvalidField, NotFound


async def subscribe(
    uow: UnitOfWork,
    targets: WebhookTargets,
    caller: Principal,
    *,
    url: str,
    event_types: list[str],
    description: str | None,
) -> Subscription:
    """A subscription and its signing secret (in the record, shown once)."""
    refusal = await targets.refusal(url)
    if refusal is not None:
        raise InvalidField("body.url", refusal)
    creator = webhooks.creator_of(caller.user_id, caller.is_api_key)
    return await uow.webhooks.add(caller.org_id, url, event_types, webhooks.new_secret(), description, creator)


async def subscriptions(uow: UnitOfWork, caller: Principal) -> list[Subscription]:
    return await uow.webhooks.for_org(caller.org_id)


async def subscription(uow: UnitOfWork, caller: Principal, webhook_id: UUID) -> Subscription:
    found = await uow.webhooks.get(caller.org_id, webhook_id)
    if found is None:
        raise NotFound("webhook", webhook_id)
    return found


async def enable(uow: UnitOfWork, caller: Principal, webhook_id: UUID) -> Subscription:
    """Deliveries start again for events from now on; the caller takes it over as its creator."""
    if not await uow.webhooks.enable(caller.org_id, webhook_id, webhooks.creator_of(caller.user_id, caller.is_api_key)):
        raise NotFound("webhook", webhook_id)
    return await subscription(uow, caller, webhook_id)


async def disable_made_by_user(uow: UnitOfWork, org_id: UUID, user_id: UUID, reason: str) -> None:
    await uow.webhooks.disable_made_by(org_id, [Creator(user_id, CreatorKind.USER)], reason)


async def disable_made_by_keys(uow: UnitOfWork, org_id: UUID, key_ids: list[UUID]) -> None:
    creators = [Creator(key_id, CreatorKind.API_KEY) for key_id in key_ids]
    await uow.webhooks.disable_made_by(org_id, creators, webhooks.KEY_REVOKED)


async def unsubscribe(uow: UnitOfWork, caller: Principal, webhook_id: UUID) -> None:
    if not await uow.webhooks.delete(caller.org_id, webhook_id):
        raise NotFound("webhook", webhook_id)


async def deliveries(
    uow: UnitOfWork, caller: Principal, webhook_id: UUID, *, limit: int, after: tuple[datetime, UUID] | None
) -> list[Delivery]:
    """Newest first."""
    await subscription(uow, caller, webhook_id)
    return await uow.webhooks.deliveries(webhook_id, limit=limit, after=after)


async def replay(
    uow: UnitOfWork, caller: Principal, webhook_id: UUID, delivery_id: UUID, wake_dispatcher: Callable[[], None]
) -> Delivery:
    """The delivery again (delivered or dead alike), with a fresh set of attempts."""
    await subscription(uow, caller, webhook_id)
    if await uow.webhooks.delivery(webhook_id, delivery_id) is None:
        raise NotFound("delivery", delivery_id)
    await uow.webhooks.requeue(delivery_id)
    uow.after_commit(wake_dispatcher)
    replayed = await uow.webhooks.delivery(webhook_id, delivery_id)
    assert replayed is not None
    return replayed

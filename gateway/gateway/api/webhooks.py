import re
from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response, status
from pydantic import AfterValidator, BaseModel, Field, field_validator

from contracts import REGISTRY
from gateway.adapters.security import Caller
from gateway.adapters.webhook_repository import Delivery, Subscription, WebhookRepository
from gateway.adapters.webhook_targets import ForbiddenTarget, check_target
from gateway.domain import webhooks
from gateway.domain.administration import require_webhook_admin
from gateway.domain.identity import Principal
from servicekit.app import DbSession
from servicekit.db import after_commit
from servicekit.errors import InvalidField, NotFound
from servicekit.pagination import Page, Pagination, created_key, page_by_created
from servicekit.schemas import CONTROL_CHARACTERS, RequestModel, Text

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])

KNOWN_TYPES = frozenset(model.event_type for model in REGISTRY.models())
SUBSCRIBABLE = webhooks.subscribable(KNOWN_TYPES)


async def _manager(caller: Caller) -> Principal:
    require_webhook_admin(caller)
    return caller


Manager = Annotated[Principal, Depends(_manager)]


def _http_url(url: str) -> str:
    if not _HTTP_URL.match(url):
        raise ValueError("must be an http(s) URL with a host")
    return url


# An http(s) URL with a host (a name, an IPv4 or a bracketed IPv6 address), as the schema says.
_CC = CONTROL_CHARACTERS
HTTP_URL_PATTERN = (
    rf"^[Hh][Tt][Tt][Pp][Ss]?://([^/?#@{_CC}]*@)?([^/?#@:\[\] {_CC}]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{{1,5}})?"
    rf"([/?#][^ {_CC}]*)?$"
)
_HTTP_URL = re.compile(HTTP_URL_PATTERN)


class WebhookCreate(RequestModel):
    url: Annotated[
        str,
        Field(
            max_length=2000,
            examples=["https://shop.example/hooks/influencer"],
            json_schema_extra={"pattern": HTTP_URL_PATTERN},
        ),
        AfterValidator(_http_url),
    ]
    event_types: list[Annotated[str, Field(min_length=1, max_length=100, json_schema_extra={"enum": SUBSCRIBABLE})]] = (
        Field(
            min_length=1,
            max_length=100,
            examples=[["partnership.*", "content.published"]],
            description="Event types, `<prefix>.*` for every type under a prefix, or `*` for all",
        )
    )
    description: Text | None = Field(default=None, max_length=500)

    @field_validator("event_types")
    @classmethod
    def _known(cls, types: list[str]) -> list[str]:
        for pattern in types:
            if pattern not in SUBSCRIBABLE:
                raise ValueError(f"{pattern!r} is no event type, `<prefix>.*` of one, or `*`")
        return sorted(set(types))


class WebhookPublic(BaseModel):
    id: UUID
    url: str
    event_types: list[str]
    description: str | None
    created_at: datetime


class WebhookCreated(WebhookPublic):
    secret: str = Field(description="Signing secret (Standard Webhooks); shown only now")


class DeliveryPublic(BaseModel):
    id: UUID
    event_id: UUID
    event_type: str
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


def _public(subscription: Subscription) -> WebhookPublic:
    return WebhookPublic(
        id=subscription.id,
        url=subscription.url,
        event_types=subscription.event_types,
        description=subscription.description,
        created_at=subscription.created_at,
    )


def _delivery(delivery: Delivery) -> DeliveryPublic:
    return DeliveryPublic(**{f: getattr(delivery, f) for f in DeliveryPublic.model_fields if f != "id"}, id=delivery.id)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_webhook(
    body: WebhookCreate, caller: Manager, session: DbSession, request: Request, response: Response
) -> WebhookCreated:
    """Subscribe a URL to event types; deliveries are signed with the returned secret."""
    try:
        await check_target(body.url, allow_private=request.app.state.settings.allow_private_webhook_targets)
    except ForbiddenTarget as exc:
        raise InvalidField("body.url", str(exc)) from None
    secret = webhooks.new_secret()
    subscription = await WebhookRepository(session).add(
        caller.org_id, body.url, body.event_types, secret, body.description
    )
    response.headers["Location"] = f"/api/v1/webhooks/{subscription.id}"
    return WebhookCreated(**_public(subscription).model_dump(), secret=secret)


@router.get("")
async def list_webhooks(caller: Manager, session: DbSession) -> Page[WebhookPublic]:
    """The org's subscriptions."""
    return Page(items=[_public(s) for s in await WebhookRepository(session).for_org(caller.org_id)])


@router.get("/{webhook_id}")
async def get_webhook(webhook_id: UUID, caller: Manager, session: DbSession) -> WebhookPublic:
    """One subscription."""
    return _public(await _subscription(session, caller, webhook_id))


@router.delete("/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_webhook(webhook_id: UUID, caller: Manager, session: DbSession) -> None:
    """Stop deliveries to this subscription."""
    if not await WebhookRepository(session).delete(caller.org_id, webhook_id):
        raise NotFound("webhook", webhook_id)


@router.get("/{webhook_id}/deliveries")
async def list_deliveries(
    webhook_id: UUID, caller: Manager, session: DbSession, page: Pagination
) -> Page[DeliveryPublic]:
    """The delivery log, newest first: state, attempts, last status and error."""
    await _subscription(session, caller, webhook_id)
    deliveries = await WebhookRepository(session).deliveries(webhook_id, limit=page.limit + 1, after=created_key(page))
    shown, cursor = page_by_created(deliveries, page, lambda d: (d.created_at, d.id))
    return Page(items=[_delivery(d) for d in shown], next_cursor=cursor)


@router.post("/{webhook_id}/deliveries/{delivery_id}/replay", status_code=status.HTTP_202_ACCEPTED)
async def replay_delivery(
    webhook_id: UUID, delivery_id: UUID, caller: Manager, session: DbSession, request: Request
) -> DeliveryPublic:
    """Send a delivery again (delivered or dead alike), with a fresh set of attempts."""
    await _subscription(session, caller, webhook_id)
    repository = WebhookRepository(session)
    if await repository.delivery(webhook_id, delivery_id) is None:
        raise NotFound("delivery", delivery_id)
    await repository.requeue(delivery_id)
    after_commit(session, request.app.state.webhook_dispatcher.wake)
    replayed = await repository.delivery(webhook_id, delivery_id)
    assert replayed is not None
    return _delivery(replayed)


async def _subscription(session: DbSession, caller: Principal, webhook_id: UUID) -> Subscription:
    subscription = await WebhookRepository(session).get(caller.org_id, webhook_id)
    if subscription is None:
        raise NotFound("webhook", webhook_id)
    return subscription

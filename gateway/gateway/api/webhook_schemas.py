"""The wire types of webhook subscriptions and their deliveries."""

import re
from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, Field, field_validator

from contracts import REGISTRY
from gateway.domain import webhooks
from servicekit.schemas import CONTROL_CHARACTERS, RequestModel, Text

KNOWN_TYPES = frozenset(model.event_type for model in REGISTRY.models())
SUBSCRIBABLE = webhooks.subscribable(KNOWN_TYPES)


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


class WebhookCreator(BaseModel):
    id: UUID
    kind: Literal["user", "api_key"]


class WebhookPublic(BaseModel):
    id: UUID
    url: str
    event_types: list[str]
    description: str | None
    created_at: datetime
    created_by: WebhookCreator | None = Field(
        description="The member or API key that made it (or last enabled it); null when made before this was kept"
    )
    state: Literal["enabled", "disabled"] = Field(
        description="disabled when its creator's access ended (removed, demoted, key revoked): no deliveries"
    )
    disabled_at: datetime | None
    disabled_reason: str | None


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

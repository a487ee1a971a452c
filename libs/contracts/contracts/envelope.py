"""The envelope every event travels in (CloudEvents-like), and its wire encoding."""

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import orjson
from pydantic import BaseModel, ConfigDict, Field

from contracts.events.base import EventData


class Envelope(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: UUID = Field(description="Unique event id; consumers de-duplicate on it")
    type: str = Field(description="Event type, e.g. partnership.accepted", examples=["campaign.created"])
    version: int = Field(ge=1, description="Version of the data schema of this type")
    source: str = Field(description="Producing service")
    time: datetime = Field(description="When the change happened (UTC)")
    tenant_id: UUID | None = Field(description="Org the event belongs to; null for the shared catalogue")
    subject: str = Field(description="Id of the aggregate the event is about")
    correlation_id: str | None = Field(default=None, description="Request or flow that caused it")
    data: dict[str, Any]


def new_event(
    data: EventData,
    *,
    source: str,
    tenant_id: UUID | None,
    subject: str | UUID,
    correlation_id: str | None = None,
    time: datetime | None = None,
) -> Envelope:
    return Envelope(
        id=uuid4(),
        type=data.event_type,
        version=data.event_version,
        source=source,
        time=time or datetime.now(UTC),
        tenant_id=tenant_id,
        subject=str(subject),
        correlation_id=correlation_id,
        data=data.model_dump(mode="json"),
    )


def encode(envelope: Envelope) -> bytes:
    return orjson.dumps(envelope.model_dump(mode="json"))


def decode(raw: bytes) -> Envelope:
    """Parse wire bytes into an envelope; raises ValueError (or pydantic's subclass) when malformed."""
    try:
        fields = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"event is not JSON: {exc}") from exc
    return Envelope.model_validate(fields)

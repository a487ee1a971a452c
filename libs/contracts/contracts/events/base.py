from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class EventData(BaseModel):
    """Payload of one event type at one version. Subclasses set the two class variables."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_type: ClassVar[str]
    event_version: ClassVar[int] = 1
    # The service whose topic carries this event.
    producer: ClassVar[str]
    # What the Kafka key of this event is (one key's events stay in order).
    kafka_key: ClassVar[str] = "campaign id"

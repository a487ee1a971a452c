"""Which event types and versions exist; refuses anything else with a clear error."""

from collections.abc import Iterable

from contracts.envelope import Envelope
from contracts.events import ALL_EVENTS
from contracts.events.base import EventData


class UnknownEventType(ValueError):
    pass


class EventRegistry:
    def __init__(self, models: Iterable[type[EventData]]) -> None:
        self._models: dict[tuple[str, int], type[EventData]] = {}
        for model in models:
            key = (model.event_type, model.event_version)
            if key in self._models:
                raise ValueError(f"event {key} registered twice")
            self._models[key] = model

    def model_for(self, event_type: str, version: int) -> type[EventData]:
        model = self._models.get((event_type, version))
        if model is not None:
            return model
        known = sorted(v for (t, v) in self._models if t == event_type)
        if known:
            raise UnknownEventType(f"event type {event_type!r} has no version {version}; known versions: {known}")
        raise UnknownEventType(f"unknown event type {event_type!r}")

    def models(self) -> list[type[EventData]]:
        return list(self._models.values())

    def parse(self, envelope: Envelope) -> EventData:
        """Validate an envelope's data against its registered schema."""
        return self.model_for(envelope.type, envelope.version).model_validate(envelope.data)


REGISTRY = EventRegistry(ALL_EVENTS)


def parse_data(envelope: Envelope) -> EventData:
    return REGISTRY.parse(envelope)

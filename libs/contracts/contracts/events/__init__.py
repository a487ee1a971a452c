from contracts.events import content, discovery, metrics, partnerships
from contracts.events.base import EventData

ALL_EVENTS: tuple[type[EventData], ...] = discovery.EVENTS + partnerships.EVENTS + content.EVENTS + metrics.EVENTS

__all__ = ["ALL_EVENTS", "EventData", "content", "discovery", "metrics", "partnerships"]

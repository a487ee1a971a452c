"""Event contracts shared by every service: the envelope, one model per event type, topics."""

from contracts.envelope import Envelope, decode, encode, new_event
from contracts.events.base import EventData
from contracts.money import Money
from contracts.registry import REGISTRY, EventRegistry, UnknownEventType, parse_data
from contracts.topics import SERVICES, dlq_topic, events_topic

__all__ = [
    "REGISTRY",
    "SERVICES",
    "Envelope",
    "EventData",
    "EventRegistry",
    "Money",
    "UnknownEventType",
    "decode",
    "dlq_topic",
    "encode",
    "events_topic",
    "new_event",
    "parse_data",
]

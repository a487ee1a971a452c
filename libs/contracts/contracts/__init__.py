"""Event contracts shared by every service: the envelope, one model per event type, topics."""

from contracts.envelope import Envelope, decode, encode, new_event
from contracts.events.base import EventData
from contracts.money import Money
from contracts.registry import REGISTRY, EventRegistry, UnknownEventType, parse_data
from contracts.topics import SERVICES, dlq_topic, events_topic
from contracts.vocabulary import (
    AmplificationKind,
    CampaignState,
    CollaborationType,
    FeeKind,
    MilestoneTrigger,
    Objective,
    Party,
)

__all__ = [
    "REGISTRY",
    "SERVICES",
    "AmplificationKind",
    "CampaignState",
    "CollaborationType",
    "Envelope",
    "EventData",
    "EventRegistry",
    "FeeKind",
    "MilestoneTrigger",
    "Money",
    "Objective",
    "Party",
    "UnknownEventType",
    "decode",
    "dlq_topic",
    "encode",
    "events_topic",
    "new_event",
    "parse_data",
]

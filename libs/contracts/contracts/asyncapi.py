"""Writes the AsyncAPI 3.0 document of every topic and event: `python -m contracts.asyncapi [FILE]`."""

import sys
from typing import Any

import orjson
from pydantic.json_schema import models_json_schema

from contracts.envelope import Envelope
from contracts.events.base import EventData
from contracts.registry import REGISTRY
from contracts.topics import SERVICES, dlq_topic, events_topic

REF = "#/components/schemas/{model}"


def _message_name(model: type[EventData]) -> str:
    return f"{model.__name__}V{model.event_version}"


def _channel_id(topic: str) -> str:
    service, kind = topic.split(".")
    return f"{service}{kind.capitalize()}"


def build_document(version: str = "1.0.0") -> dict[str, Any]:
    models = sorted(REGISTRY.models(), key=lambda m: (m.producer, m.event_type, m.event_version))
    _, top = models_json_schema([(Envelope, "validation")] + [(m, "validation") for m in models], ref_template=REF)
    schemas: dict[str, Any] = top.get("$defs", {})

    messages: dict[str, Any] = {}
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    for service in SERVICES:
        produced = [m for m in models if m.producer == service]
        channel_messages = {}
        for model in produced:
            name = _message_name(model)
            messages[name] = {
                "name": model.event_type,
                "title": f"{model.event_type} v{model.event_version}",
                "summary": (model.__doc__ or model.event_type).strip().splitlines()[0],
                "contentType": "application/json",
                "payload": {
                    "allOf": [
                        {"$ref": REF.format(model="Envelope")},
                        {
                            "type": "object",
                            "properties": {
                                "type": {"const": model.event_type},
                                "version": {"const": model.event_version},
                                "source": {"const": service},
                                "data": {"$ref": REF.format(model=model.__name__)},
                            },
                        },
                    ]
                },
                "bindings": {"kafka": {"key": {"type": "string", "description": model.kafka_key}}},
            }
            channel_messages[name] = {"$ref": f"#/components/messages/{name}"}
        topic = events_topic(service)
        channel = _channel_id(topic)
        channels[channel] = {
            "address": topic,
            "description": f"Every event the {service} service publishes, in order per key.",
            "messages": channel_messages,
        }
        operations[f"publish{service.capitalize()}Events"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel}"},
            "messages": [{"$ref": f"#/channels/{channel}/messages/{n}"} for n in channel_messages],
        }
        dlq = dlq_topic(service)
        channels[_channel_id(dlq)] = {
            "address": dlq,
            "description": (
                f"Events the {service} service could not handle after its retries: the original "
                "bytes, with headers error, error_type, source_topic, source_partition, source_offset."
            ),
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Influencer campaign platform events",
            "version": version,
            "description": "Campaign events that flow between the platform's services over Kafka.",
        },
        "defaultContentType": "application/json",
        "servers": {"kafka": {"host": "kafka:9092", "protocol": "kafka", "description": "Apache Kafka"}},
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": schemas},
    }


def render() -> bytes:
    return orjson.dumps(build_document(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def main(argv: list[str]) -> None:
    if len(argv) > 1:
        with open(argv[1], "wb") as out:
            out.write(render())
    else:
        sys.stdout.buffer.write(render())


if __name__ == "__main__":
    main(sys.argv)

"""Content's events, sent to content.events as the content service will send them (it is being
built: until then the metrics tests stand in for it)."""

import uuid

from aiokafka import AIOKafkaProducer

from contracts import EventData, encode, events_topic, new_event


async def tell_as_content(bootstrap: str, data: EventData, tenant_id: str, campaign_id: str) -> None:
    envelope = new_event(data, source="content", tenant_id=uuid.UUID(tenant_id), subject=campaign_id)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(
            events_topic("content"),
            encode(envelope),
            key=campaign_id.encode(),
            headers=[("type", envelope.type.encode()), ("id", str(envelope.id).encode())],
        )
    finally:
        await producer.stop()

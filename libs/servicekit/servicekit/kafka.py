"""Kafka clients as every service configures them, and topic creation."""

import logging
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from aiokafka.helpers import create_ssl_context

log = logging.getLogger(__name__)

TOPIC_ALREADY_EXISTS = TopicAlreadyExistsError.errno


def kafka_security_options(
    protocol: str,
    sasl_mechanism: str | None = None,
    sasl_username: str | None = None,
    sasl_password: str | None = None,
    ssl_cafile: str | None = None,
) -> dict[str, Any]:
    if protocol == "PLAINTEXT":
        return {}
    options: dict[str, Any] = {"security_protocol": protocol}
    if protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = create_ssl_context(cafile=ssl_cafile)
    if protocol.startswith("SASL"):
        if not (sasl_mechanism and sasl_username and sasl_password):
            raise ValueError(f"{protocol} needs kafka_sasl_mechanism, kafka_sasl_username and kafka_sasl_password")
        options.update(
            sasl_mechanism=sasl_mechanism, sasl_plain_username=sasl_username, sasl_plain_password=sasl_password
        )
    return options


def new_producer(
    bootstrap_servers: str,
    *,
    idempotent: bool,
    client_id: str,
    request_timeout_ms: int = 10_000,
    security: dict[str, Any] | None = None,
) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        **(security or {}),
        bootstrap_servers=bootstrap_servers,
        client_id=client_id,
        acks="all",
        enable_idempotence=idempotent,
        linger_ms=2,
        request_timeout_ms=request_timeout_ms,
        retry_backoff_ms=200,
        metadata_max_age_ms=30_000,
    )


async def ensure_topics(
    bootstrap_servers: str,
    topics: Iterable[str],
    *,
    partitions: int,
    replication_factor: int,
    security: dict[str, Any] | None = None,
) -> None:
    """Create the topics that do not exist yet."""
    admin = AIOKafkaAdminClient(**(security or {}), bootstrap_servers=bootstrap_servers, request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topics if t not in existing]
        if not missing:
            return
        response = await admin.create_topics(
            [NewTopic(name=t, num_partitions=partitions, replication_factor=replication_factor) for t in missing]
        )
        for topic_error in response.topic_errors:
            name, code = topic_error[0], topic_error[1]
            if code not in (0, TOPIC_ALREADY_EXISTS):
                raise RuntimeError(f"could not create topic {name}: error {code} {topic_error[2:]}")
        log.info("created topics %s", missing)
    finally:
        await admin.close()

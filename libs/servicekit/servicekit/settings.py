"""Settings base: one env prefix per service, shared values readable without the prefix."""

import os
import re
from typing import Any, Literal

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts.topics import dlq_topic, events_topic
from servicekit.kafka import kafka_security_options

DEV_INTERNAL_SECRET = "dev-internal-secret-change-me"
PLACEHOLDER_SECRETS = {DEV_INTERNAL_SECRET, "", "changeme", "change-me", "secret", "password"}

# Settings every process of one deployment shares; a prefixed variable still wins.
SHARED_ENV = {
    "environment": "PLATFORM_ENV",
    "internal_secret": "PLATFORM_INTERNAL_SECRET",
    "kafka_bootstrap_servers": "KAFKA_BOOTSTRAP_SERVERS",
    "kafka_idempotent_producer": "KAFKA_IDEMPOTENT_PRODUCER",
    "kafka_topic_partitions": "KAFKA_TOPIC_PARTITIONS",
    "kafka_replication_factor": "KAFKA_REPLICATION_FACTOR",
    "kafka_security_protocol": "KAFKA_SECURITY_PROTOCOL",
    "kafka_sasl_mechanism": "KAFKA_SASL_MECHANISM",
    "kafka_sasl_username": "KAFKA_SASL_USERNAME",
    "kafka_sasl_password": "KAFKA_SASL_PASSWORD",
    "kafka_ssl_cafile": "KAFKA_SSL_CAFILE",
    "log_level": "LOG_LEVEL",
    "access_log": "ACCESS_LOG",
    "ready_requires_broker": "READY_REQUIRES_BROKER",
}

# What the kubelet injects for every Service of the namespace (enableServiceLinks, on by default):
# a Service `gateway` brings GATEWAY_PORT=tcp://10.96.0.7:8000, GATEWAY_SERVICE_HOST, ... and one
# named `gateway-admin` GATEWAY_ADMIN_PORT. No setting may have such a name, or pods crash-loop.
SERVICE_LINK_NAME = re.compile(
    r"^(?:\w+_)?(?:SERVICE_HOST|SERVICE_PORT(?:_\w+)?|PORT(?:_\d+_(?:TCP|UDP|SCTP)(?:_(?:PROTO|PORT|ADDR))?)?)$"
)


class ServiceSettings(BaseSettings):
    """Subclass per service with `model_config = SettingsConfigDict(env_prefix="NAME_")`."""

    model_config = SettingsConfigDict(env_prefix="SERVICE_", extra="ignore")

    service_name: str = "service"
    environment: Literal["development", "test", "staging", "production"] = "development"
    database_url: str = "sqlite+aiosqlite:///var/service.db"
    database_pool_size: int = 10
    run_migrations_on_start: bool = True
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    # Apache Kafka supports it; the embedded broker refuses InitProducerId, so make run turns it off.
    kafka_idempotent_producer: bool = True
    kafka_topic_partitions: int = 3
    kafka_replication_factor: int = 1
    kafka_request_timeout_ms: int = 10_000
    # Managed Kafka: SSL and/or SASL (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512).
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: str | None = None
    kafka_ssl_cafile: str | None = None
    internal_secret: str = DEV_INTERNAL_SECRET
    consumer_enabled: bool = True
    consumer_max_attempts: int = 5
    consumer_retry_backoff_s: float = 0.2
    consumer_fetch_max_wait_ms: int = 50
    outbox_batch_size: int = 500
    outbox_poll_interval_s: float = 0.5
    outbox_retention_hours: int = 72
    log_level: str = "INFO"
    log_json: bool = True
    # One line per request (JSON: method, route, status, duration, ids, client, caller, bytes).
    access_log: bool = True
    # /readyz answers 503 while the broker is away (the default); false: it reports "degraded"
    # and the service stays in rotation, its writes waiting in the outbox (see deploy/k8s).
    ready_requires_broker: bool = True

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        prefix = cls.model_config.get("env_prefix", "")
        for field in cls.model_fields:
            if SERVICE_LINK_NAME.match(f"{prefix}{field}".upper()):
                raise TypeError(
                    f"{cls.__name__}: setting {field!r} would read {prefix}{field.upper()}, a name Kubernetes"
                    " gives its service-link variables; choose another name"
                )

    @model_validator(mode="before")
    @classmethod
    def _read_shared_env(cls, values: Any) -> Any:
        if isinstance(values, dict):
            for field, env in SHARED_ENV.items():
                if field not in values and env in os.environ:
                    values[field] = os.environ[env]
        return values

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> "ServiceSettings":
        if self.environment != "development" and self.internal_secret in PLACEHOLDER_SECRETS:
            raise ValueError(
                f"internal_secret is a placeholder: set PLATFORM_INTERNAL_SECRET (environment is {self.environment!r})"
            )
        return self

    def kafka_security(self) -> dict[str, Any]:
        """Options every Kafka client of this service takes besides the bootstrap servers."""
        return kafka_security_options(
            self.kafka_security_protocol,
            self.kafka_sasl_mechanism,
            self.kafka_sasl_username,
            self.kafka_sasl_password,
            self.kafka_ssl_cafile,
        )

    @property
    def events_topic(self) -> str:
        return events_topic(self.service_name)

    @property
    def dlq_topic(self) -> str:
        return dlq_topic(self.service_name)

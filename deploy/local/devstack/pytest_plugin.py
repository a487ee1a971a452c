"""Fixtures every suite shares: a real broker, real databases, apps in-process or as processes.

On the embedded defaults (make test) the broker is the in-memory tansu and databases are SQLite
files; with KAFKA_BOOTSTRAP_SERVERS and TEST_POSTGRES_URL set (make test-integration) they are
Apache Kafka and PostgreSQL.
"""

import asyncio
import json
import os
import secrets
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from devstack.broker import EmbeddedBroker
from devstack.databases import DatabaseFactory
from devstack.ports import free_port
from devstack.stack import SERVICES, Stack


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    servers = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if servers:
        yield servers
        return
    broker = EmbeddedBroker(free_port(), log_path=tmp_path_factory.mktemp("broker") / "broker.log")
    broker.start()
    try:
        yield broker.bootstrap_servers
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def kafka_idempotent() -> bool:
    """Apache Kafka takes the idempotent producer; the embedded broker refuses it."""
    default = "true" if os.environ.get("KAFKA_BOOTSTRAP_SERVERS") else "false"
    return os.environ.get("KAFKA_IDEMPOTENT_PRODUCER", default).lower() == "true"


@pytest.fixture(scope="session")
async def databases(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[DatabaseFactory]:
    factory = DatabaseFactory(tmp_path_factory.mktemp("databases"), os.environ.get("TEST_POSTGRES_URL"))
    yield factory
    await factory.drop_all()


@pytest.fixture(scope="session")
def internal_secret() -> str:
    return secrets.token_urlsafe(32)


@pytest.fixture(scope="session")
def messaging_settings(kafka_bootstrap: str, kafka_idempotent: bool, internal_secret: str) -> dict[str, object]:
    """Settings every service under test shares (pass as keyword arguments to its settings class)."""
    return {
        "environment": "test",
        "internal_secret": internal_secret,
        "kafka_bootstrap_servers": kafka_bootstrap,
        "kafka_idempotent_producer": kafka_idempotent,
        "outbox_poll_interval_s": 0.2,
        "consumer_retry_backoff_s": 0.05,
        "log_json": False,
    }


def service_headers(
    secret: str, tenant_id: uuid.UUID | None = None, roles: str = "owner", **extra: str
) -> dict[str, str]:
    """What the gateway would send a service for a caller of `tenant_id` with `roles`."""
    headers = {"x-internal-token": secret, "x-roles": roles, "x-user-id": str(uuid.uuid4())}
    if tenant_id is not None:
        headers["x-tenant-id"] = str(tenant_id)
    headers.update(extra)
    return headers


@asynccontextmanager
async def serve_in_process(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan (migrations, relay, consumer) and a client that calls it directly."""
    async with LifespanManager(app, startup_timeout=60, shutdown_timeout=30) as manager:
        transport = httpx.ASGITransport(manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
            yield client


async def read_topic_until(
    bootstrap: str, topic: str, enough: Callable[[list[ConsumerRecord]], bool], timeout_s: float = 20
) -> list[ConsumerRecord]:
    """Every record of `topic` from the start, in partition order, until `enough` holds or the
    time is up (no consumer group: no rebalance wait)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        while not partitions:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        await consumer.seek_to_beginning()
        records: list[ConsumerRecord] = []
        deadline = asyncio.get_running_loop().time() + timeout_s
        while not enough(records) and asyncio.get_running_loop().time() < deadline:
            for partition_records in (await consumer.getmany(timeout_ms=200)).values():
                records.extend(partition_records)
        return records
    finally:
        await consumer.stop()


@asynccontextmanager
async def serve_over_http(app: Any) -> AsyncIterator[str]:
    """An ASGI app on a real socket (127.0.0.1, free port) in this event loop; yields its URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            await task
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@asynccontextmanager
async def running_platform(
    log_dir: Path, databases: DatabaseFactory, kafka_bootstrap: str, kafka_idempotent: bool, internal_secret: str
) -> AsyncIterator[Stack]:
    """The whole platform as processes on free ports, as `make run` starts it, each on a new database."""
    ports = {name: free_port() for name in (*SERVICES, "gateway")}
    env = {
        "PLATFORM_ENV": "test",
        "PLATFORM_INTERNAL_SECRET": internal_secret,
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "KAFKA_IDEMPOTENT_PRODUCER": str(kafka_idempotent).lower(),
        "GATEWAY_JWT_KEYS": f'{{"test": "{secrets.token_urlsafe(48)}"}}',
        "GATEWAY_JWT_ACTIVE_KID": "test",
        # Cheap hashes: the tests sign up many users; production keeps the default cost.
        "GATEWAY_PASSWORD_TIME_COST": "1",
        "GATEWAY_PASSWORD_MEMORY_KIB": "8192",
        # Many sign-ups from one address; the gateway's own tests cover the limits.
        "GATEWAY_RATE_LIMITS": json.dumps(
            {
                name: {"per_minute": 100_000, "burst": 10_000}
                for name in ("read", "brand_write", "creator_write", "partner_write", "public", "auth", "personal")
            }
        ),
    }
    service_env = {
        name: {
            f"{name.upper()}_DATABASE_URL": await databases.new(name),
            f"{name.upper()}_OUTBOX_POLL_INTERVAL_S": "0.2",
        }
        for name in (*SERVICES, "gateway")
    }
    # Sign-ups are confirmed by mail: tests read it with devstack.mailbox.
    mail_dir = log_dir / "mail"
    mail_dir.mkdir(parents=True, exist_ok=True)
    service_env["gateway"]["GATEWAY_MAIL_DIR"] = str(mail_dir)
    # Content's media: a folder of this run, or the S3-compatible server of the integration tier.
    service_env["content"]["CONTENT_BLOB_DIR"] = str(log_dir / "content-media")
    if os.environ.get("TEST_S3_ENDPOINT_URL"):
        service_env["content"].update(
            {
                "CONTENT_BLOB_STORE": "s3",
                "CONTENT_S3_ENDPOINT_URL": os.environ["TEST_S3_ENDPOINT_URL"],
                "CONTENT_S3_ACCESS_KEY_ID": os.environ.get("TEST_S3_ACCESS_KEY_ID", ""),
                "CONTENT_S3_SECRET_ACCESS_KEY": os.environ.get("TEST_S3_SECRET_ACCESS_KEY", ""),
                "CONTENT_S3_BUCKET": f"media-{uuid.uuid4().hex[:12]}",
                "CONTENT_S3_CREATE_BUCKET": "true",
            }
        )
    stack = Stack(ports=ports, env=env, service_env=service_env, log_dir=log_dir)
    try:
        stack.start(timeout_s=120)
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="session")
async def platform_stack(
    tmp_path_factory: pytest.TempPathFactory,
    databases: DatabaseFactory,
    kafka_bootstrap: str,
    kafka_idempotent: bool,
    internal_secret: str,
) -> AsyncIterator[Stack]:
    """The whole platform as processes on free ports, as `make run` starts it."""
    log_dir = Path(tmp_path_factory.mktemp("stack-logs"))
    async with running_platform(log_dir, databases, kafka_bootstrap, kafka_idempotent, internal_secret) as stack:
        yield stack

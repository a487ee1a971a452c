"""The gateway's migrations: an existing database upgrades (memberships made before grants get
one each), and the schema they build is the one the code's tables describe."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, insert, select

from devstack.databases import DatabaseFactory
from gateway.adapters.credentials import hash_secret
from gateway.adapters.tables import (
    api_keys,
    idempotency_keys,
    memberships,
    metadata,
    orgs,
    users,
    webhook_subscriptions,
)
from gateway.adapters.webhook_repository import WebhookRepository
from gateway.domain.idempotency import fingerprint
from gateway.main import MIGRATIONS
from servicekit.db import Database
from servicekit.migrations import alembic_config, upgrade_to_head

from .conftest import GatewayFactory


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("gateway_migrations"))
    try:
        yield database
    finally:
        await database.dispose()


async def upgrade_to(database: Database, revision: str) -> None:
    config = alembic_config(MIGRATIONS, database.url)

    def upgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(upgrade)


async def test_memberships_made_before_grants_get_one_each(database: Database) -> None:
    await upgrade_to(database, "0003")
    now = datetime.now(UTC)
    org_id, user_ids = uuid.uuid4(), [uuid.uuid4(), uuid.uuid4()]
    async with database.session() as session:
        await session.execute(insert(orgs).values(id=org_id, name="Old", kind="brand", created_at=now))
        for n, user_id in enumerate(user_ids):
            await session.execute(
                insert(users).values(
                    id=user_id, email=f"u{n}@old.test", password_hash="x", is_platform_admin=False, created_at=now
                )
            )
            # Written as 0003 knew the table: without a grant.
            await session.execute(
                insert(memberships).values(org_id=org_id, user_id=user_id, role="owner", created_at=now)
            )

    await upgrade_to_head(database, MIGRATIONS)
    async with database.sessionmaker() as session:
        grants = list(await session.scalars(select(memberships.c.grant_id)))
    assert len(grants) == 2
    assert None not in grants
    assert len(set(grants)) == 2


async def test_webhooks_made_before_creators_were_kept_stay_enabled(database: Database) -> None:
    await upgrade_to(database, "0005")
    now, org_id, webhook_id = datetime.now(UTC), uuid.uuid4(), uuid.uuid4()
    async with database.session() as session:
        await session.execute(insert(orgs).values(id=org_id, name="Old", kind="brand", created_at=now))
        await session.execute(
            insert(webhook_subscriptions).values(
                id=webhook_id, org_id=org_id, url="https://old.example/", event_types=["*"], secret="s", created_at=now
            )
        )

    await upgrade_to_head(database, MIGRATIONS)
    async with database.sessionmaker() as session:
        [kept] = await WebhookRepository(session).active_for_org(org_id)
    assert (kept.id, kept.created_by, kept.state) == (webhook_id, None, "enabled")


async def test_an_idempotency_key_kept_before_keys_were_hashed_still_replays(
    database: Database, make_gateway: GatewayFactory
) -> None:
    """Migration 0010 hashes the keys kept in the clear: the database no longer shows them, and a
    retry with the key still gets the answer kept for it; anonymous callers' (kept under their
    address in the clear) go."""
    await upgrade_to(database, "0009")
    now, org_id, key_id = datetime.now(UTC), uuid.uuid4(), uuid.uuid4()
    api_key, client_key, body = f"ik_{key_id.hex[:16]}_s3cret", "order-42", b'{"name":"old"}'
    async with database.session() as session:
        await session.execute(insert(orgs).values(id=org_id, name="Old", kind="brand", created_at=now))
        await session.execute(
            insert(api_keys).values(
                id=key_id,
                org_id=org_id,
                name="shop",
                prefix=key_id.hex[:16],
                secret_hash=hash_secret(api_key),
                scopes=["campaigns:write"],
                created_at=now,
            )
        )
        # Kept as 0009 knew the table: the client's key as it sent it.
        await session.execute(
            insert(idempotency_keys).values(
                id=uuid.uuid4(),
                principal=f"key:{key_id}",
                key=client_key,
                fingerprint=fingerprint("POST", "/api/v1/campaigns", "", body),
                status_code=201,
                response_headers=[["content-type", "application/json"]],
                response_body=b'{"id":"c-old"}',
                created_at=now,
                expires_at=now + timedelta(hours=1),
            )
        )

        # An anonymous caller's, under its address in the clear (now kept as a keyed digest).
        await session.execute(
            insert(idempotency_keys).values(
                id=uuid.uuid4(),
                principal="anonymous:203.0.113.5",
                key=client_key,
                fingerprint=fingerprint("POST", "/api/v1/orgs", "", body),
                status_code=202,
                created_at=now,
                expires_at=now + timedelta(hours=1),
            )
        )

    await upgrade_to_head(database, MIGRATIONS)
    async with database.sessionmaker() as session:
        [(principal, kept_key)] = (
            await session.execute(select(idempotency_keys.c.principal, idempotency_keys.c.key))
        ).all()
    assert (principal, kept_key != client_key) == (f"key:{key_id}", True)
    async with make_gateway(database_url=database.url) as gateway:
        headers = {"x-api-key": api_key, "idempotency-key": client_key, "content-type": "application/json"}
        again = await gateway.post("/api/v1/campaigns", content=body, headers=headers)
    assert again.status_code == 201, again.text
    assert (again.json(), again.headers["idempotent-replayed"]) == ({"id": "c-old"}, "true")


async def test_the_migrations_build_the_tables_the_code_describes(database: Database) -> None:
    await upgrade_to_head(database, MIGRATIONS)

    def differences(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return [d for d in compare_metadata(context, metadata) if "alembic_version" not in str(d)]

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []

"""Alembic wiring: each service keeps its own `migrations/` package, applied on start-up and in tests."""

import asyncio
from typing import Any

from alembic import command, context
from alembic.config import Config
from sqlalchemy import Connection, MetaData, text
from sqlalchemy.ext.asyncio import create_async_engine

from servicekit.db import Database

# Any constant: replicas starting together take turns to migrate.
_MIGRATION_LOCK_ID = 0x1F1E_0001


def alembic_config(script_location: str, database_url: str) -> Config:
    """`script_location` is a package resource such as "partnerships:migrations"."""
    config = Config()
    config.set_main_option("script_location", script_location)
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


async def upgrade_to_head(database: Database, script_location: str) -> None:
    config = alembic_config(script_location, database.url)
    async with database.engine.begin() as connection:
        if not database.is_sqlite:
            await connection.execute(text(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_ID})"))
        await connection.run_sync(_upgrade, config)


def _upgrade(connection: Connection, config: Config) -> None:
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def run_env(target_metadata: MetaData) -> None:
    """Body of every service's migrations/env.py."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection, target_metadata)
        return
    # Called from the alembic CLI: open our own connection from the configured URL.
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "set sqlalchemy.url (the service's DATABASE_URL)"

    async def run_online() -> None:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(_run, target_metadata)
        await engine.dispose()

    asyncio.run(run_online())


def _run(connection: Connection, target_metadata: MetaData) -> None:
    options: dict[str, Any] = {
        "connection": connection,
        "target_metadata": target_metadata,
        "compare_type": True,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        "render_as_batch": connection.dialect.name == "sqlite",
    }
    context.configure(**options)
    with context.begin_transaction():
        context.run_migrations()

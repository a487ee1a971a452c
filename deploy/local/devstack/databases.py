"""Fresh databases for tests: a SQLite file each on the embedded defaults, or a PostgreSQL
database each when TEST_POSTGRES_URL names a server (make test-integration)."""

import uuid
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url


class DatabaseFactory:
    def __init__(self, tmp_dir: Path, postgres_admin_url: str | None) -> None:
        self.tmp_dir = tmp_dir
        self.admin_url = postgres_admin_url
        self.created: list[str] = []

    @property
    def backend(self) -> str:
        return "postgresql" if self.admin_url else "sqlite"

    def _admin_dsn(self) -> str:
        assert self.admin_url
        return make_url(self.admin_url).set(drivername="postgresql").render_as_string(hide_password=False)

    async def new(self, name: str) -> str:
        """A URL (async driver) of an empty database nobody else uses."""
        unique = f"{name}_{uuid.uuid4().hex[:8]}"
        if not self.admin_url:
            return f"sqlite+aiosqlite:///{self.tmp_dir / unique}.db"
        connection = await asyncpg.connect(self._admin_dsn())
        try:
            await connection.execute(f'CREATE DATABASE "test_{unique}"')
        finally:
            await connection.close()
        self.created.append(f"test_{unique}")
        return make_url(self.admin_url).set(database=f"test_{unique}").render_as_string(hide_password=False)

    async def drop_all(self) -> None:
        if not self.admin_url or not self.created:
            return
        connection = await asyncpg.connect(self._admin_dsn())
        try:
            for database in self.created:
                await connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        finally:
            await connection.close()
        self.created.clear()

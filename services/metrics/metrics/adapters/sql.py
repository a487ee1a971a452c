"""What metrics' repositories share: INSERT ... ON CONFLICT in the database's own dialect."""

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession


def insert_for(bind: AsyncSession | AsyncConnection, table: Table) -> Any:
    """An INSERT of PostgreSQL's or SQLite's dialect (both have ON CONFLICT and RETURNING)."""
    dialect = bind.bind.dialect.name if isinstance(bind, AsyncSession) else bind.dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)

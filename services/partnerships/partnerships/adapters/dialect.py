"""Where SQLite (the embedded default) and PostgreSQL (production) differ for partnerships, the
one place its adapters ask which database they run on: an INSERT that takes ON CONFLICT clauses.
(The partial unique index of open partnerships states its WHERE for both, in tables.py.)"""

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def insert_or_update(session: AsyncSession, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `table`, in the session's dialect, that takes `.on_conflict_do_update(...)`."""
    dialect = postgresql if session.bind.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)

"""Where SQLite (the embedded default) and PostgreSQL (production) differ, side by side: the one
place discovery asks which database it runs on. The repositories build every other statement
the same way on both.

PostgreSQL gets what makes it fast at scale: COPY for bulk writes, array parameters (one prepared
plan whatever the number of ids), the GIN indexes of migration 0003 (categories as JSONB, the
terms as a tsvector) and SKIP LOCKED for job claims. SQLite gets the plain equivalents."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Select,
    String,
    Table,
    Text,
    and_,
    bindparam,
    cast,
    exists,
    func,
    insert,
    literal,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB, TSQUERY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeEngine

from discovery.adapters.bulk_writer import copy
from discovery.adapters.tables import influencers
from servicekit.db import Database


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SQLite:
    name = "sqlite"
    is_postgres = False

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def insert(self, table: Table) -> Any:
        """An INSERT that takes ON CONFLICT clauses."""
        return sqlite.insert(table)

    def skip_locked(self, query: Select[Any]) -> Select[Any]:
        """Rows another transaction holds are passed over (SQLite has one writer at a time)."""
        return query

    def among(self, column: Any, values: Sequence[Any], item_type: TypeEngine[Any]) -> ColumnElement[bool]:
        return column.in_(list(values))

    def with_keys(self, query: Select[Any], keys: Sequence[tuple[str, str]]) -> Select[Any]:
        """`query` over influencers narrowed to the (platform, handle) keys, or to more profiles
        than those (the caller keeps the ones it asked for)."""
        c = influencers.c
        return query.where(c.platform.in_(sorted({p for p, _ in keys})), c.handle.in_(sorted({h for _, h in keys})))

    def holds_item(self, column: Any, item: str) -> ColumnElement[bool]:
        """A JSON array column holds `item`."""
        each = func.json_each(column).table_valued("value").alias("category")
        return exists(select(literal(1)).select_from(each).where(each.c.value == item))

    def begins_terms(self, terms: Sequence[str]) -> ColumnElement[bool]:
        """Each of `terms` begins one of a profile's terms (its space-separated `terms` column)."""
        padded = literal(" ") + influencers.c.terms
        return and_(*(padded.like(f"% {escape_like(t)}%", escape="\\") for t in terms))

    async def insert_rows(self, table: Table, columns: Sequence[str], rows: list[dict[str, Any]]) -> None:
        await self.session.execute(insert(table), rows)


class PostgreSQL(SQLite):
    name = "postgresql"
    is_postgres = True

    def insert(self, table: Table) -> Any:
        return postgresql.insert(table)

    def skip_locked(self, query: Select[Any]) -> Select[Any]:
        return query.with_for_update(skip_locked=True)

    def among(self, column: Any, values: Sequence[Any], item_type: TypeEngine[Any]) -> ColumnElement[bool]:
        # One array parameter: one prepared plan whatever the number of values.
        return column == func.any(bindparam("ids", list(values), type_=ARRAY(item_type)))

    def with_keys(self, query: Select[Any], keys: Sequence[tuple[str, str]]) -> Select[Any]:
        # The keys as two array parameters joined through unnest: one probe of the unique index
        # per key, and one prepared plan for every chunk whatever its size.
        pairs = sorted(keys)
        wanted = (
            func.unnest(
                bindparam("platforms", [p for p, _ in pairs], type_=ARRAY(String)),
                bindparam("handles", [h for _, h in pairs], type_=ARRAY(String)),
            )
            .table_valued("platform", "handle")
            .render_derived(name="wanted")
        )
        c = influencers.c
        return query.join(wanted, and_(c.platform == wanted.c.platform, c.handle == wanted.c.handle))

    def holds_item(self, column: Any, item: str) -> ColumnElement[bool]:
        return type_coerce(column, JSONB).contains([item])

    def begins_terms(self, terms: Sequence[str]) -> ColumnElement[bool]:
        query = " & ".join("'" + t.replace("'", "''") + "':*" for t in terms)
        return _TERMS.op("@@")(cast(literal(query, Text), TSQUERY))

    async def insert_rows(self, table: Table, columns: Sequence[str], rows: list[dict[str, Any]]) -> None:
        await copy(self.session, table.name, columns, [tuple(row[c] for c in columns) for row in rows])


# The expression of the GIN index on terms (migration 0003), spelled as the index is.
_TERMS = func.array_to_tsvector(func.string_to_array(influencers.c.terms, literal_column("' '")))


def dialect_of(session: AsyncSession) -> SQLite:
    return PostgreSQL(session) if session.bind.dialect.name == "postgresql" else SQLite(session)


def writes_by_copy(database: Database) -> bool:
    """Whether an import's chunks can be written as COPY records, worked out by a planning process
    (adapters/import_pipeline.py): PostgreSQL only."""
    return not database.is_sqlite

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

    def with_keys(
        self, query: Select[Any], keys: Sequence[tuple[str, str]], columns: tuple[Any, Any] | None = None
    ) -> Select[Any]:
        """`query` narrowed to the rows whose two `columns` (influencers' platform and handle
        unless said) hold one of the keys, or to more rows than those (the caller keeps the ones
        it asked for)."""
        first, second = columns if columns is not None else (influencers.c.platform, influencers.c.handle)
        return query.where(first.in_(sorted({a for a, _ in keys})), second.in_(sorted({b for _, b in keys})))

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

    def with_keys(
        self, query: Select[Any], keys: Sequence[tuple[str, str]], columns: tuple[Any, Any] | None = None
    ) -> Select[Any]:
        # The keys as two array parameters joined through unnest: one probe of the unique index
        # per key, and one prepared plan for every chunk whatever its size. (`a = ANY($1) AND
        # b = ANY($2)` instead gets a generic plan made while the table was small, a scan of the
        # whole table that grows with every chunk of an import.)
        first, second = columns if columns is not None else (influencers.c.platform, influencers.c.handle)
        pairs = sorted(keys)
        wanted = (
            func.unnest(
                bindparam("firsts", [a for a, _ in pairs], type_=ARRAY(String)),
                bindparam("seconds", [b for _, b in pairs], type_=ARRAY(String)),
            )
            .table_valued("first", "second")
            .render_derived(name="wanted")
        )
        return query.join(wanted, and_(first == wanted.c.first, second == wanted.c.second))

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

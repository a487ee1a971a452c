"""Rows as domain records and back, for the records whose fields are their columns:

    message = from_row(Message, row)                   # each field from the column of its name
    insert(messages).values(row_of(message, messages))  # each column from the attribute of its name

A field is read as its type says (an enum from its value, a UUID, an aware datetime); a column
gets an enum's value. A record that spreads one value over several columns (money as an amount
and a currency, a joined version) is mapped by hand beside its repository.
"""

from enum import Enum
from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import Row, Table

T = TypeVar("T")


@cache
def _adapter(record: type[T]) -> TypeAdapter[T]:
    return TypeAdapter(record)


def from_row(record: type[T], row: Row[Any]) -> T:
    """`record` (a dataclass) from the columns of `row` named like its fields; other columns are ignored."""
    return _adapter(record).validate_python(dict(row._mapping))


def row_of(record: object, table: Table, **values: Any) -> dict[str, Any]:
    """The columns of `table` that `record` has an attribute for, and `values` for others."""
    found: dict[str, Any] = {}
    for column in table.columns:
        name = column.name
        value = values[name] if name in values else getattr(record, name, _MISSING)
        if value is not _MISSING:
            found[name] = value.value if isinstance(value, Enum) else value
    return found


_MISSING = object()

"""Rows as domain records and back, for records whose fields are their columns: each field from
the column of its name as its type says (an enum from its value), each column from the attribute
of its name (an enum as its value)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from uuid import UUID, uuid4

import pytest
from pydantic import ValidationError
from sqlalchemy import Column, Integer, MetaData, String, Table, Uuid, create_engine, insert, select

from servicekit.db import UtcDateTime
from servicekit.rows import from_row, row_of


class Side(StrEnum):
    BRAND = "brand"
    CREATOR = "creator"


@dataclass(frozen=True)
class Note:
    id: UUID
    by: Side
    body: str
    reply_to: UUID | None
    at: datetime


metadata = MetaData()
notes = Table(
    "notes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Uuid, nullable=False),
    Column("thread_id", Uuid, nullable=False),
    Column("by", String(16), nullable=False),
    Column("body", String(100), nullable=False),
    Column("reply_to", Uuid, nullable=True),
    Column("at", UtcDateTime(), nullable=False),
)


def test_a_record_goes_in_as_its_columns_and_comes_back_as_itself() -> None:
    note = Note(uuid4(), Side.CREATOR, "hello", None, datetime(2030, 1, 2, 3, 4, tzinfo=UTC))
    thread = uuid4()
    values = row_of(note, notes, thread_id=thread)
    assert values == {
        "id": note.id,
        "thread_id": thread,
        "by": "creator",
        "body": "hello",
        "reply_to": None,
        "at": note.at,
    }
    assert type(values["by"]) is str
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(notes).values(values))
        row = connection.execute(select(notes)).one()
    assert from_row(Note, row) == note
    assert from_row(Note, row).by is Side.CREATOR


def test_a_value_the_field_cannot_hold_is_refused() -> None:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(notes).values(id=uuid4(), thread_id=uuid4(), by="nobody", body="x", at=datetime.now(UTC))
        )
        row = connection.execute(select(notes)).one()
    with pytest.raises(ValidationError, match="by"):
        from_row(Note, row)

"""`present`: a domain object as its wire model, each field read from the attribute of its name
(nested objects too), the fields the object does not hold given beside it."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

import pytest
from pydantic import BaseModel, Field, ValidationError

from servicekit.presenters import present


class Side(StrEnum):
    BRAND = "brand"
    CREATOR = "creator"


@dataclass(frozen=True)
class Note:
    body: str
    by: Side


@dataclass
class Deal:
    name: str
    notes: list[Note] = field(default_factory=list)
    secret: str = "kept inside"
    at: datetime = field(default_factory=lambda: datetime(2030, 1, 2, tzinfo=UTC))

    @property
    def title(self) -> str:
        return self.name.title()


class NotePublic(BaseModel):
    body: str
    author: Side = Field(validation_alias="by")


class DealPublic(BaseModel):
    title: str
    notes: list[NotePublic]
    at: datetime
    seen_by: Side


def test_fields_come_from_attributes_properties_and_nested_objects() -> None:
    deal = Deal("spring launch", [Note("hello", Side.BRAND)])
    shown = present(DealPublic, deal, seen_by=Side.CREATOR)
    assert shown.model_dump(mode="json") == {
        "title": "Spring Launch",
        "notes": [{"body": "hello", "author": "brand"}],
        "at": "2030-01-02T00:00:00Z",
        "seen_by": "creator",
    }


def test_a_given_value_wins_over_the_attribute() -> None:
    assert present(DealPublic, Deal("x"), seen_by=Side.BRAND, title="Shown").title == "Shown"


def test_a_field_neither_held_nor_given_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="seen_by"):
        present(DealPublic, Deal("x"))

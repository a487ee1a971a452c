from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExclusivityTerms")


@_attrs_define
class ExclusivityTerms:
    """
    Attributes:
        categories (list[str]):
        duration_days (int):
    """

    categories: list[str]
    duration_days: int

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        duration_days = self.duration_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "categories": categories,
                "duration_days": duration_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        duration_days = d.pop("duration_days")

        exclusivity_terms = cls(
            categories=categories,
            duration_days=duration_days,
        )

        return exclusivity_terms

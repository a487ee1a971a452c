from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ColumnChoicePublic")


@_attrs_define
class ColumnChoicePublic:
    """
    Attributes:
        column (str):
        field (None | str): The field the column feeds; null: nothing reads it
        confidence (float):
        reason (str):
        samples (list[str]): Its first values
    """

    column: str
    field: None | str
    confidence: float
    reason: str
    samples: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column = self.column

        field: None | str
        field = self.field

        confidence = self.confidence

        reason = self.reason

        samples = self.samples

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column": column,
                "field": field,
                "confidence": confidence,
                "reason": reason,
                "samples": samples,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        column = d.pop("column")

        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))

        confidence = d.pop("confidence")

        reason = d.pop("reason")

        samples = cast(list[str], d.pop("samples"))

        column_choice_public = cls(
            column=column,
            field=field,
            confidence=confidence,
            reason=reason,
            samples=samples,
        )

        column_choice_public.additional_properties = d
        return column_choice_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

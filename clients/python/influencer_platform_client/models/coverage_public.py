from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CoveragePublic")


@_attrs_define
class CoveragePublic:
    """How much of a score rests on data; each signal not assessed counted as neutral.

    Attributes:
        assessed (int): Signals the profile's data showed
        of (int): Signals the score reads
        missing (list[str]): The signals not assessed
    """

    assessed: int
    of: int
    missing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessed = self.assessed

        of = self.of

        missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessed": assessed,
                "of": of,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assessed = d.pop("assessed")

        of = d.pop("of")

        missing = cast(list[str], d.pop("missing"))

        coverage_public = cls(
            assessed=assessed,
            of=of,
            missing=missing,
        )

        coverage_public.additional_properties = d
        return coverage_public

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

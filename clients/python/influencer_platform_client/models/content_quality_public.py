from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.content_quality_part import ContentQualityPart
    from ..models.coverage_public import CoveragePublic


T = TypeVar("T", bound="ContentQualityPublic")


@_attrs_define
class ContentQualityPublic:
    """
    Attributes:
        score (int): 100 × the mean of the signals; 50: nothing assessed
        parts (list[ContentQualityPart]):
        coverage (CoveragePublic): How much of a score rests on data; each signal not assessed counted as neutral.
        assessed_at (datetime.datetime): When the posts last changed this assessment (a posts import that changes none
            of its figures, reasons or captions leaves the time as it was)
    """

    score: int
    parts: list[ContentQualityPart]
    coverage: CoveragePublic
    assessed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        coverage = self.coverage.to_dict()

        assessed_at = self.assessed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "score": score,
                "parts": parts,
                "coverage": coverage,
                "assessed_at": assessed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content_quality_part import ContentQualityPart  # noqa: PLC0415
        from ..models.coverage_public import CoveragePublic  # noqa: PLC0415

        d = dict(src_dict)
        score = d.pop("score")

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = ContentQualityPart.from_dict(parts_item_data)

            parts.append(parts_item)

        coverage = CoveragePublic.from_dict(d.pop("coverage"))

        assessed_at = datetime.datetime.fromisoformat(d.pop("assessed_at"))

        content_quality_public = cls(
            score=score,
            parts=parts,
            coverage=coverage,
            assessed_at=assessed_at,
        )

        content_quality_public.additional_properties = d
        return content_quality_public

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

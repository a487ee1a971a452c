from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coverage_public import CoveragePublic


T = TypeVar("T", bound="ScorePart")


@_attrs_define
class ScorePart:
    """
    Attributes:
        score (float): 0..1; what was not assessed counts as neutral
        weight (float):
        detail (str):
        coverage (CoveragePublic): How much of a score rests on data; each signal not assessed counted as neutral.
    """

    score: float
    weight: float
    detail: str
    coverage: CoveragePublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        weight = self.weight

        detail = self.detail

        coverage = self.coverage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "score": score,
                "weight": weight,
                "detail": detail,
                "coverage": coverage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_public import CoveragePublic  # noqa: PLC0415

        d = dict(src_dict)
        score = d.pop("score")

        weight = d.pop("weight")

        detail = d.pop("detail")

        coverage = CoveragePublic.from_dict(d.pop("coverage"))

        score_part = cls(
            score=score,
            weight=weight,
            detail=detail,
            coverage=coverage,
        )

        score_part.additional_properties = d
        return score_part

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

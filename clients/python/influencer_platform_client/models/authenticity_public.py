from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coverage_public import CoveragePublic
    from ..models.reason_public import ReasonPublic


T = TypeVar("T", bound="AuthenticityPublic")


@_attrs_define
class AuthenticityPublic:
    """
    Attributes:
        influencer_id (UUID):
        score (int): 50 + 12.5 per signal assessed - the penalties, at least 0
        reasons (list[ReasonPublic]): What lowered the score, with the points each cost
        not_assessed (list[str]): Signals the profile's data cannot show (each counted as neutral)
        coverage (CoveragePublic): How much of a score rests on data; each signal not assessed counted as neutral.
        engagement_rate (float | None):
        benchmark_engagement_rate (float):
    """

    influencer_id: UUID
    score: int
    reasons: list[ReasonPublic]
    not_assessed: list[str]
    coverage: CoveragePublic
    engagement_rate: float | None
    benchmark_engagement_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        influencer_id = str(self.influencer_id)

        score = self.score

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        not_assessed = self.not_assessed

        coverage = self.coverage.to_dict()

        engagement_rate: float | None
        engagement_rate = self.engagement_rate

        benchmark_engagement_rate = self.benchmark_engagement_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "influencer_id": influencer_id,
                "score": score,
                "reasons": reasons,
                "not_assessed": not_assessed,
                "coverage": coverage,
                "engagement_rate": engagement_rate,
                "benchmark_engagement_rate": benchmark_engagement_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_public import CoveragePublic  # noqa: PLC0415
        from ..models.reason_public import ReasonPublic  # noqa: PLC0415

        d = dict(src_dict)
        influencer_id = UUID(d.pop("influencer_id"))

        score = d.pop("score")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = ReasonPublic.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        not_assessed = cast(list[str], d.pop("not_assessed"))

        coverage = CoveragePublic.from_dict(d.pop("coverage"))

        def _parse_engagement_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate = _parse_engagement_rate(d.pop("engagement_rate"))

        benchmark_engagement_rate = d.pop("benchmark_engagement_rate")

        authenticity_public = cls(
            influencer_id=influencer_id,
            score=score,
            reasons=reasons,
            not_assessed=not_assessed,
            coverage=coverage,
            engagement_rate=engagement_rate,
            benchmark_engagement_rate=benchmark_engagement_rate,
        )

        authenticity_public.additional_properties = d
        return authenticity_public

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.influencer_summary import InfluencerSummary
    from ..models.ranked_hit_public_parts import RankedHitPublicParts


T = TypeVar("T", bound="RankedHitPublic")


@_attrs_define
class RankedHitPublic:
    """
    Attributes:
        influencer (InfluencerSummary):
        score (float): Σ weight·part / Σ weight over the parts that apply, 0..1
        parts (RankedHitPublicParts):
    """

    influencer: InfluencerSummary
    score: float
    parts: RankedHitPublicParts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        influencer = self.influencer.to_dict()

        score = self.score

        parts = self.parts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "influencer": influencer,
                "score": score,
                "parts": parts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.influencer_summary import InfluencerSummary  # noqa: PLC0415
        from ..models.ranked_hit_public_parts import RankedHitPublicParts  # noqa: PLC0415

        d = dict(src_dict)
        influencer = InfluencerSummary.from_dict(d.pop("influencer"))

        score = d.pop("score")

        parts = RankedHitPublicParts.from_dict(d.pop("parts"))

        ranked_hit_public = cls(
            influencer=influencer,
            score=score,
            parts=parts,
        )

        ranked_hit_public.additional_properties = d
        return ranked_hit_public

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.influencer_summary import InfluencerSummary


T = TypeVar("T", bound="LookalikePublic")


@_attrs_define
class LookalikePublic:
    """
    Attributes:
        influencer (InfluencerSummary):
        similarity (float):
        text_similarity (float):
        audience_similarity (float | None):
    """

    influencer: InfluencerSummary
    similarity: float
    text_similarity: float
    audience_similarity: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        influencer = self.influencer.to_dict()

        similarity = self.similarity

        text_similarity = self.text_similarity

        audience_similarity: float | None
        audience_similarity = self.audience_similarity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "influencer": influencer,
                "similarity": similarity,
                "text_similarity": text_similarity,
                "audience_similarity": audience_similarity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.influencer_summary import InfluencerSummary  # noqa: PLC0415

        d = dict(src_dict)
        influencer = InfluencerSummary.from_dict(d.pop("influencer"))

        similarity = d.pop("similarity")

        text_similarity = d.pop("text_similarity")

        def _parse_audience_similarity(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        audience_similarity = _parse_audience_similarity(d.pop("audience_similarity"))

        lookalike_public = cls(
            influencer=influencer,
            similarity=similarity,
            text_similarity=text_similarity,
            audience_similarity=audience_similarity,
        )

        lookalike_public.additional_properties = d
        return lookalike_public

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

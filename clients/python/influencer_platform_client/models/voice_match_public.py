from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.voice_match_public_verdict import VoiceMatchPublicVerdict

if TYPE_CHECKING:
    from ..models.near_caption_public import NearCaptionPublic


T = TypeVar("T", bound="VoiceMatchPublic")


@_attrs_define
class VoiceMatchPublic:
    """
    Attributes:
        influencer_id (UUID):
        closeness (float | None): Mean similarity to the nearest organic captions, 0..1
        verdict (VoiceMatchPublicVerdict):
        explanation (str):
        nearest (list[NearCaptionPublic]): The creator's organic captions nearest to the draft
        compared (int): How many organic captions were compared
    """

    influencer_id: UUID
    closeness: float | None
    verdict: VoiceMatchPublicVerdict
    explanation: str
    nearest: list[NearCaptionPublic]
    compared: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        influencer_id = str(self.influencer_id)

        closeness: float | None
        closeness = self.closeness

        verdict = self.verdict.value

        explanation = self.explanation

        nearest = []
        for nearest_item_data in self.nearest:
            nearest_item = nearest_item_data.to_dict()
            nearest.append(nearest_item)

        compared = self.compared

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "influencer_id": influencer_id,
                "closeness": closeness,
                "verdict": verdict,
                "explanation": explanation,
                "nearest": nearest,
                "compared": compared,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.near_caption_public import NearCaptionPublic  # noqa: PLC0415

        d = dict(src_dict)
        influencer_id = UUID(d.pop("influencer_id"))

        def _parse_closeness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        closeness = _parse_closeness(d.pop("closeness"))

        verdict = VoiceMatchPublicVerdict(d.pop("verdict"))

        explanation = d.pop("explanation")

        nearest = []
        _nearest = d.pop("nearest")
        for nearest_item_data in _nearest:
            nearest_item = NearCaptionPublic.from_dict(nearest_item_data)

            nearest.append(nearest_item)

        compared = d.pop("compared")

        voice_match_public = cls(
            influencer_id=influencer_id,
            closeness=closeness,
            verdict=verdict,
            explanation=explanation,
            nearest=nearest,
            compared=compared,
        )

        voice_match_public.additional_properties = d
        return voice_match_public

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

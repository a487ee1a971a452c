from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WeightsIn")


@_attrs_define
class WeightsIn:
    """
    Attributes:
        audience_match (float | Unset):  Default: 0.3.
        engagement (float | Unset):  Default: 0.2.
        authenticity (float | Unset):  Default: 0.15.
        brand_affinity (float | Unset):  Default: 0.15.
        past_performance (float | Unset):  Default: 0.1.
        price_fit (float | Unset):  Default: 0.1.
        content_quality (float | Unset):  Default: 0.15.
    """

    audience_match: float | Unset = 0.3
    engagement: float | Unset = 0.2
    authenticity: float | Unset = 0.15
    brand_affinity: float | Unset = 0.15
    past_performance: float | Unset = 0.1
    price_fit: float | Unset = 0.1
    content_quality: float | Unset = 0.15

    def to_dict(self) -> dict[str, Any]:
        audience_match = self.audience_match

        engagement = self.engagement

        authenticity = self.authenticity

        brand_affinity = self.brand_affinity

        past_performance = self.past_performance

        price_fit = self.price_fit

        content_quality = self.content_quality

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if audience_match is not UNSET:
            field_dict["audience_match"] = audience_match
        if engagement is not UNSET:
            field_dict["engagement"] = engagement
        if authenticity is not UNSET:
            field_dict["authenticity"] = authenticity
        if brand_affinity is not UNSET:
            field_dict["brand_affinity"] = brand_affinity
        if past_performance is not UNSET:
            field_dict["past_performance"] = past_performance
        if price_fit is not UNSET:
            field_dict["price_fit"] = price_fit
        if content_quality is not UNSET:
            field_dict["content_quality"] = content_quality

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audience_match = d.pop("audience_match", UNSET)

        engagement = d.pop("engagement", UNSET)

        authenticity = d.pop("authenticity", UNSET)

        brand_affinity = d.pop("brand_affinity", UNSET)

        past_performance = d.pop("past_performance", UNSET)

        price_fit = d.pop("price_fit", UNSET)

        content_quality = d.pop("content_quality", UNSET)

        weights_in = cls(
            audience_match=audience_match,
            engagement=engagement,
            authenticity=authenticity,
            brand_affinity=brand_affinity,
            past_performance=past_performance,
            price_fit=price_fit,
            content_quality=content_quality,
        )

        return weights_in

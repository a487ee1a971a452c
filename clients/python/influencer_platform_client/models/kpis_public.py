from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KpisPublic")


@_attrs_define
class KpisPublic:
    """
    Attributes:
        engagement_rate (float | None):
        engagement_rate_by_impressions (float | None):
        engagement_rate_by_reach (float | None):
        engagement_rate_by_views (float | None):
        ctr (float | None):
        conversion_rate (float | None):
        cpm (float | None): Minor units of the currency
        cpe (float | None):
        cpc (float | None):
        cpa (float | None):
        roi (float | None):
        roas (float | None):
    """

    engagement_rate: float | None
    engagement_rate_by_impressions: float | None
    engagement_rate_by_reach: float | None
    engagement_rate_by_views: float | None
    ctr: float | None
    conversion_rate: float | None
    cpm: float | None
    cpe: float | None
    cpc: float | None
    cpa: float | None
    roi: float | None
    roas: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        engagement_rate: float | None
        engagement_rate = self.engagement_rate

        engagement_rate_by_impressions: float | None
        engagement_rate_by_impressions = self.engagement_rate_by_impressions

        engagement_rate_by_reach: float | None
        engagement_rate_by_reach = self.engagement_rate_by_reach

        engagement_rate_by_views: float | None
        engagement_rate_by_views = self.engagement_rate_by_views

        ctr: float | None
        ctr = self.ctr

        conversion_rate: float | None
        conversion_rate = self.conversion_rate

        cpm: float | None
        cpm = self.cpm

        cpe: float | None
        cpe = self.cpe

        cpc: float | None
        cpc = self.cpc

        cpa: float | None
        cpa = self.cpa

        roi: float | None
        roi = self.roi

        roas: float | None
        roas = self.roas

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "engagement_rate": engagement_rate,
                "engagement_rate_by_impressions": engagement_rate_by_impressions,
                "engagement_rate_by_reach": engagement_rate_by_reach,
                "engagement_rate_by_views": engagement_rate_by_views,
                "ctr": ctr,
                "conversion_rate": conversion_rate,
                "cpm": cpm,
                "cpe": cpe,
                "cpc": cpc,
                "cpa": cpa,
                "roi": roi,
                "roas": roas,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_engagement_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate = _parse_engagement_rate(d.pop("engagement_rate"))

        def _parse_engagement_rate_by_impressions(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate_by_impressions = _parse_engagement_rate_by_impressions(d.pop("engagement_rate_by_impressions"))

        def _parse_engagement_rate_by_reach(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate_by_reach = _parse_engagement_rate_by_reach(d.pop("engagement_rate_by_reach"))

        def _parse_engagement_rate_by_views(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate_by_views = _parse_engagement_rate_by_views(d.pop("engagement_rate_by_views"))

        def _parse_ctr(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ctr = _parse_ctr(d.pop("ctr"))

        def _parse_conversion_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion_rate = _parse_conversion_rate(d.pop("conversion_rate"))

        def _parse_cpm(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpm = _parse_cpm(d.pop("cpm"))

        def _parse_cpe(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpe = _parse_cpe(d.pop("cpe"))

        def _parse_cpc(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpc = _parse_cpc(d.pop("cpc"))

        def _parse_cpa(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpa = _parse_cpa(d.pop("cpa"))

        def _parse_roi(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        roi = _parse_roi(d.pop("roi"))

        def _parse_roas(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        roas = _parse_roas(d.pop("roas"))

        kpis_public = cls(
            engagement_rate=engagement_rate,
            engagement_rate_by_impressions=engagement_rate_by_impressions,
            engagement_rate_by_reach=engagement_rate_by_reach,
            engagement_rate_by_views=engagement_rate_by_views,
            ctr=ctr,
            conversion_rate=conversion_rate,
            cpm=cpm,
            cpe=cpe,
            cpc=cpc,
            cpa=cpa,
            roi=roi,
            roas=roas,
        )

        kpis_public.additional_properties = d
        return kpis_public

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SeriesPointPublic")


@_attrs_define
class SeriesPointPublic:
    """
    Attributes:
        bucket (datetime.date): The day, or the Monday of the week, in the time zone asked
        impressions (int):
        reach (int):
        views (int):
        engagements (int):
        clicks (int):
        conversions (int):
        revenue_minor (int | None):
        cost_minor (int | None):
    """

    bucket: datetime.date
    impressions: int
    reach: int
    views: int
    engagements: int
    clicks: int
    conversions: int
    revenue_minor: int | None
    cost_minor: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bucket = self.bucket.isoformat()

        impressions = self.impressions

        reach = self.reach

        views = self.views

        engagements = self.engagements

        clicks = self.clicks

        conversions = self.conversions

        revenue_minor: int | None
        revenue_minor = self.revenue_minor

        cost_minor: int | None
        cost_minor = self.cost_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bucket": bucket,
                "impressions": impressions,
                "reach": reach,
                "views": views,
                "engagements": engagements,
                "clicks": clicks,
                "conversions": conversions,
                "revenue_minor": revenue_minor,
                "cost_minor": cost_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bucket = datetime.date.fromisoformat(d.pop("bucket"))

        impressions = d.pop("impressions")

        reach = d.pop("reach")

        views = d.pop("views")

        engagements = d.pop("engagements")

        clicks = d.pop("clicks")

        conversions = d.pop("conversions")

        def _parse_revenue_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revenue_minor = _parse_revenue_minor(d.pop("revenue_minor"))

        def _parse_cost_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cost_minor = _parse_cost_minor(d.pop("cost_minor"))

        series_point_public = cls(
            bucket=bucket,
            impressions=impressions,
            reach=reach,
            views=views,
            engagements=engagements,
            clicks=clicks,
            conversions=conversions,
            revenue_minor=revenue_minor,
            cost_minor=cost_minor,
        )

        series_point_public.additional_properties = d
        return series_point_public

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

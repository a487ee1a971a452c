from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.series_point_public import SeriesPointPublic


T = TypeVar("T", bound="Timeseries")


@_attrs_define
class Timeseries:
    """
    Attributes:
        campaign_id (UUID):
        granularity (str):
        tz (str):
        currency (None | str):
        points (list[SeriesPointPublic]):
    """

    campaign_id: UUID
    granularity: str
    tz: str
    currency: None | str
    points: list[SeriesPointPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        granularity = self.granularity

        tz = self.tz

        currency: None | str
        currency = self.currency

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "granularity": granularity,
                "tz": tz,
                "currency": currency,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.series_point_public import SeriesPointPublic  # noqa: PLC0415

        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        granularity = d.pop("granularity")

        tz = d.pop("tz")

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = SeriesPointPublic.from_dict(points_item_data)

            points.append(points_item)

        timeseries = cls(
            campaign_id=campaign_id,
            granularity=granularity,
            tz=tz,
            currency=currency,
            points=points,
        )

        timeseries.additional_properties = d
        return timeseries

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CampaignMetricSettingsIn")


@_attrs_define
class CampaignMetricSettingsIn:
    """
    Attributes:
        attribution_window_days (int): How old a click may be to win an order
    """

    attribution_window_days: int

    def to_dict(self) -> dict[str, Any]:
        attribution_window_days = self.attribution_window_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attribution_window_days": attribution_window_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attribution_window_days = d.pop("attribution_window_days")

        campaign_metric_settings_in = cls(
            attribution_window_days=attribution_window_days,
        )

        return campaign_metric_settings_in

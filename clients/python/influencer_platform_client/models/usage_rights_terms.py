from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.usage_rights_terms_channels_item import UsageRightsTermsChannelsItem

T = TypeVar("T", bound="UsageRightsTerms")


@_attrs_define
class UsageRightsTerms:
    """
    Attributes:
        channels (list[UsageRightsTermsChannelsItem]):
        duration_days (int):
    """

    channels: list[UsageRightsTermsChannelsItem]
    duration_days: int

    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)

        duration_days = self.duration_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channels": channels,
                "duration_days": duration_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = UsageRightsTermsChannelsItem(channels_item_data)

            channels.append(channels_item)

        duration_days = d.pop("duration_days")

        usage_rights_terms = cls(
            channels=channels,
            duration_days=duration_days,
        )

        return usage_rights_terms

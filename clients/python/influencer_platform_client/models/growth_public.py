from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GrowthPublic")


@_attrs_define
class GrowthPublic:
    """
    Attributes:
        followers_change_30d (int | None): Followers gained over the last 30 days of snapshots
        followers_growth_30d (float | None): The same as a fraction of the followers 30 days ago
    """

    followers_change_30d: int | None
    followers_growth_30d: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        followers_change_30d: int | None
        followers_change_30d = self.followers_change_30d

        followers_growth_30d: float | None
        followers_growth_30d = self.followers_growth_30d

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "followers_change_30d": followers_change_30d,
                "followers_growth_30d": followers_growth_30d,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_followers_change_30d(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        followers_change_30d = _parse_followers_change_30d(d.pop("followers_change_30d"))

        def _parse_followers_growth_30d(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        followers_growth_30d = _parse_followers_growth_30d(d.pop("followers_growth_30d"))

        growth_public = cls(
            followers_change_30d=followers_change_30d,
            followers_growth_30d=followers_growth_30d,
        )

        growth_public.additional_properties = d
        return growth_public

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

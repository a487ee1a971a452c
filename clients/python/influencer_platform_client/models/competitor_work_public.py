from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompetitorWorkPublic")


@_attrs_define
class CompetitorWorkPublic:
    """
    Attributes:
        competitor (str):
        worked_with (bool):
        posts (int): Sponsored posts naming it
        last_at (datetime.datetime | None):
        brands (list[str]): The sponsors that matched it
    """

    competitor: str
    worked_with: bool
    posts: int
    last_at: datetime.datetime | None
    brands: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competitor = self.competitor

        worked_with = self.worked_with

        posts = self.posts

        last_at: None | str
        if isinstance(self.last_at, datetime.datetime):
            last_at = self.last_at.isoformat()
        else:
            last_at = self.last_at

        brands = self.brands

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competitor": competitor,
                "worked_with": worked_with,
                "posts": posts,
                "last_at": last_at,
                "brands": brands,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        competitor = d.pop("competitor")

        worked_with = d.pop("worked_with")

        posts = d.pop("posts")

        def _parse_last_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_at = _parse_last_at(d.pop("last_at"))

        brands = cast(list[str], d.pop("brands"))

        competitor_work_public = cls(
            competitor=competitor,
            worked_with=worked_with,
            posts=posts,
            last_at=last_at,
            brands=brands,
        )

        competitor_work_public.additional_properties = d
        return competitor_work_public

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

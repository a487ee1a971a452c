from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.brand_work_public import BrandWorkPublic


T = TypeVar("T", bound="SponsoredHistoryPublic")


@_attrs_define
class SponsoredHistoryPublic:
    """
    Attributes:
        posts_seen (int): Posts imported of the profile that the history reads
        sponsored_posts (int):
        first_post_at (datetime.datetime | None):
        last_sponsored_at (datetime.datetime | None):
        brands (list[BrandWorkPublic]): Sponsors by sponsored posts, most first
    """

    posts_seen: int
    sponsored_posts: int
    first_post_at: datetime.datetime | None
    last_sponsored_at: datetime.datetime | None
    brands: list[BrandWorkPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        posts_seen = self.posts_seen

        sponsored_posts = self.sponsored_posts

        first_post_at: None | str
        if isinstance(self.first_post_at, datetime.datetime):
            first_post_at = self.first_post_at.isoformat()
        else:
            first_post_at = self.first_post_at

        last_sponsored_at: None | str
        if isinstance(self.last_sponsored_at, datetime.datetime):
            last_sponsored_at = self.last_sponsored_at.isoformat()
        else:
            last_sponsored_at = self.last_sponsored_at

        brands = []
        for brands_item_data in self.brands:
            brands_item = brands_item_data.to_dict()
            brands.append(brands_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "posts_seen": posts_seen,
                "sponsored_posts": sponsored_posts,
                "first_post_at": first_post_at,
                "last_sponsored_at": last_sponsored_at,
                "brands": brands,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brand_work_public import BrandWorkPublic  # noqa: PLC0415

        d = dict(src_dict)
        posts_seen = d.pop("posts_seen")

        sponsored_posts = d.pop("sponsored_posts")

        def _parse_first_post_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_post_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_post_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_post_at = _parse_first_post_at(d.pop("first_post_at"))

        def _parse_last_sponsored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_sponsored_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_sponsored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_sponsored_at = _parse_last_sponsored_at(d.pop("last_sponsored_at"))

        brands = []
        _brands = d.pop("brands")
        for brands_item_data in _brands:
            brands_item = BrandWorkPublic.from_dict(brands_item_data)

            brands.append(brands_item)

        sponsored_history_public = cls(
            posts_seen=posts_seen,
            sponsored_posts=sponsored_posts,
            first_post_at=first_post_at,
            last_sponsored_at=last_sponsored_at,
            brands=brands,
        )

        sponsored_history_public.additional_properties = d
        return sponsored_history_public

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

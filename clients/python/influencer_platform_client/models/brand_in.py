from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrandIn")


@_attrs_define
class BrandIn:
    """
    Attributes:
        name (str): As 'Paid partnership with <name>' names it
        handles (list[str] | Unset): The brand's accounts
    """

    name: str
    handles: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        handles: list[str] | Unset = UNSET
        if not isinstance(self.handles, Unset):
            handles = self.handles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if handles is not UNSET:
            field_dict["handles"] = handles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        handles = cast(list[str], d.pop("handles", UNSET))

        brand_in = cls(
            name=name,
            handles=handles,
        )

        return brand_in

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AcceptBody")


@_attrs_define
class AcceptBody:
    """
    Attributes:
        terms_version (int): The version you accept (409 if it is no longer current)
    """

    terms_version: int

    def to_dict(self) -> dict[str, Any]:
        terms_version = self.terms_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "terms_version": terms_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        terms_version = d.pop("terms_version")

        accept_body = cls(
            terms_version=terms_version,
        )

        return accept_body
